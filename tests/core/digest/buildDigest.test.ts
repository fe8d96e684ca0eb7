import { buildDigest, type DigestInput } from '../../../core/digest';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import type { Recognition } from '../../../core/kudos';

const T = 'tenant-a';
// Monday 15 March 2027, 08:00 in London (UTC until the 28th).
const NOW = new Date('2027-03-15T08:00:00Z');

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1) + ' Tester',
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  lastRecognisedOn: '2027-03-10',
  ...fields,
});

let seq = 0;
const kudos = (
  giver: Person,
  to: Person[],
  createdAt: string,
  message = 'thanks for the launch',
): Recognition => ({
  tenantId: T,
  id: `k${++seq}`,
  giver: { id: giver.id, name: giver.displayName },
  recipients: to.map((p) => ({ id: p.id, name: p.displayName })),
  recipientIds: to.map((p) => p.id),
  value: { id: 'teamwork', name: 'Teamwork' },
  message,
  place: { kind: 'personal', conversationId: 'a:x' },
  postToChannel: false,
  // Given in a chat with the form's default: its words may reach the manager.
  managerMaySee: true,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
});

const note = (authorId: string, subject: Person, followUpOn: string, id = `n${++seq}`): Note => ({
  tenantId: T,
  id,
  authorId,
  subjectId: subject.id,
  subjectName: subject.displayName,
  text: 'private text',
  followUpOn,
  status: 'open',
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-03-01T00:00:00.000Z',
});

const alex = person('alex');
const megan = person('megan', { managerId: 'alex', birthday: '06-01', hireDate: '2020-06-01' });
const adele = person('adele', { managerId: 'alex', lastRecognisedOn: '2027-02-01', birthday: '03-20' });
const diego = person('diego', { managerId: 'alex', lastRecognisedOn: undefined, hireDate: '2019-03-25' });
const isaiah = person('isaiah', { managerId: 'diego', hireDate: '2027-02-20', lastRecognisedOn: undefined });

const input = (fields: Partial<DigestInput> = {}): DigestInput => ({
  manager: alex,
  reports: [megan, adele, diego],
  received: [],
  given: [],
  notes: [],
  now: NOW,
  defaultTimeZone: 'UTC',
  ...fields,
});

describe('buildDigest', () => {
  it('a quiet week still says who is waiting and suggests the longest-unrecognised report', () => {
    const digest = buildDigest(
      input({ reports: [megan, { ...adele, birthday: undefined }, { ...diego, hireDate: undefined }] }),
    );
    expect(digest.week).toBe('2027-W11');
    expect(digest.today).toBe('2027-03-15');
    expect(digest.kudos).toEqual({ received: 0, given: 0, people: { rows: [], more: 0 } });
    expect(digest.milestones.upcoming.rows).toEqual([]);
    expect(digest.quiet).toBe(true);
    // Never recognised first, then the longest ago; Megan (5 days ago) is fine.
    expect(digest.notRecognised.people.rows.map((r) => [r.person.name, r.days])).toEqual([
      ['Diego Tester', undefined],
      ['Adele Tester', 42],
    ]);
    expect(digest.opener).toEqual({ kind: 'unrecognised', person: { id: 'diego', name: 'Diego Tester' } });
  });

  it('a busy week counts kudos received and given per report, with highlights and the opener', () => {
    const received = [
      kudos(adele, [megan], '2027-03-12T10:00:00.000Z', 'covering the launch'),
      kudos(diego, [megan, adele], '2027-03-10T10:00:00.000Z'),
      kudos(megan, [adele], '2027-03-01T10:00:00.000Z', 'too old'),
    ];
    const given = [
      received[0]!,
      received[1]!,
      kudos(megan, [person('outsider')], '2027-03-14T10:00:00.000Z', 'helping support'),
      kudos(alex, [megan], '2027-03-13T10:00:00.000Z'),
      kudos(alex, [adele], '2027-02-25T10:00:00.000Z'),
      kudos(alex, [adele], '2027-01-25T10:00:00.000Z'),
    ];
    const digest = buildDigest(input({ received, given }));
    expect(digest.kudos.received).toBe(2);
    expect(digest.kudos.given).toBe(3);
    const rows = Object.fromEntries(digest.kudos.people.rows.map((r) => [r.person.id, r]));
    expect(rows.megan).toMatchObject({
      received: 2,
      given: 1,
      latestReceived: { person: { name: 'Adele Tester' }, message: 'covering the launch' },
      latestGiven: { person: { name: 'Outsider Tester' }, message: 'helping support' },
    });
    expect(rows.adele).toMatchObject({ received: 1, given: 1 });
    expect(rows.diego).toMatchObject({ received: 0, given: 1 });
    expect(digest.yourRecognition).toEqual({ thisWeek: 1, fourWeeks: 2 });
    expect(digest.opener).toMatchObject({
      kind: 'kudos',
      person: { id: 'megan' },
      highlight: { message: 'covering the launch', valueName: 'Teamwork' },
    });
    // Adele had kudos this week, so she is no longer waiting, whatever her stored date says.
    expect(digest.notRecognised.people.rows.map((r) => r.person.id)).toEqual(['diego']);
    expect(digest.quiet).toBe(false);
  });

  it('lists milestones of the next 14 days with years, leaving out what a person turned off', () => {
    const digest = buildDigest(
      input({
        reports: [
          megan,
          adele,
          diego,
          person('lee', {
            managerId: 'alex',
            birthday: '03-18',
            celebrate: { birthday: 'off', anniversary: 'off' },
          }),
        ],
      }),
    );
    expect(
      digest.milestones.upcoming.rows.map((m) => [m.person.id, m.kind, m.date, m.years, m.inDays]),
    ).toEqual([
      ['adele', 'birthday', '2027-03-19', undefined, 4], // Saturday 20th, marked on the Friday
      ['diego', 'anniversary', '2027-03-25', 8, 10],
    ]);
    expect(digest.opener).toMatchObject({ kind: 'milestone', person: { id: 'adele' } });
  });

  it('a weekend start shows the same dates in “Coming up” and “New hires”', () => {
    // Saturday 20 March: the start is shown as it is; the first-week check-in (Saturday 27th) is
    // marked on Friday 26th in both sections.
    const lee = person('lee', { managerId: 'alex', hireDate: '2027-03-20', lastRecognisedOn: undefined });
    const digest = buildDigest(input({ manager: diego, reports: [lee], now: NOW }));
    const upcoming = digest.milestones.upcoming.rows.map((m) => `${m.kind}:${m.date}`);
    expect(upcoming).toEqual(['first-day:2027-03-20', 'first-week:2027-03-26']);
    expect(digest.newHires.rows[0]?.nextCheckIn).toEqual({ kind: 'first-day', date: '2027-03-20' });
    const started = buildDigest(
      input({ manager: diego, reports: [lee], now: new Date('2027-03-22T08:00:00Z') }),
    );
    expect(started.newHires.rows[0]?.nextCheckIn).toEqual({ kind: 'first-week', date: '2027-03-26' });
  });

  it('new hires in their first 90 days show their next check-in and their check-ins are upcoming', () => {
    const lee = person('lee', { managerId: 'alex', hireDate: '2027-03-17', lastRecognisedOn: undefined });
    const digest = buildDigest(input({ manager: diego, reports: [isaiah, lee], now: NOW }));
    expect(digest.newHires.rows).toEqual([
      {
        person: { id: 'lee', name: 'Lee Tester' },
        hireDate: '2027-03-17',
        daysIn: -2,
        nextCheckIn: { kind: 'first-day', date: '2027-03-17' },
      },
      {
        person: { id: 'isaiah', name: 'Isaiah Tester' },
        hireDate: '2027-02-20',
        daysIn: 23,
        nextCheckIn: { kind: 'day-30', date: '2027-03-22' },
      },
    ]);
    expect(digest.milestones.upcoming.rows.map((m) => `${m.person.id}:${m.kind}:${m.date}`)).toEqual([
      'lee:first-day:2027-03-17',
      'isaiah:day-30:2027-03-22',
      'lee:first-week:2027-03-24',
    ]);
    // Lee has not started, so is not "waiting for a thank-you".
    expect(digest.notRecognised.people.rows.map((r) => r.person.id)).toEqual(['isaiah']);
  });

  it('lists only the manager’s own follow-ups due this week, never another author’s', () => {
    const notes = [
      note('alex', megan, '2027-03-16'),
      note('alex', megan, '2027-03-21'),
      note('alex', adele, '2027-03-22'), // next week
      note('alex', diego, '2027-03-14'), // past
      note('diego', megan, '2027-03-16'), // someone else's
    ];
    notes[1]!.text = `ask how the Chicago marathon went ${'and the training '.repeat(10)}`;
    const digest = buildDigest(input({ notes }));
    expect(digest.followUps).toEqual({
      count: 2,
      notes: {
        rows: [
          { person: { id: 'megan', name: 'Megan Tester' }, followUpOn: '2027-03-16', text: 'private text' },
          {
            person: { id: 'megan', name: 'Megan Tester' },
            followUpOn: '2027-03-21',
            text: expect.stringMatching(/^ask how the Chicago marathon went and the training .*…$/),
          },
        ],
        more: 0,
      },
    });
    expect([...digest.followUps.notes.rows[1]!.text].length).toBeLessThanOrEqual(120);
  });

  it('shows a kudos’ words only where they may travel: a channel, the channel post, or the giver’s leave', () => {
    const inChat = (fields: Partial<Recognition>) => ({
      ...kudos(adele, [megan], '2027-03-14T09:00:00.000Z', 'you saved the launch'),
      ...fields,
    });
    const latest = (k: Recognition) =>
      buildDigest(input({ received: [k] })).kudos.people.rows[0]?.latestReceived?.message;
    expect(latest(inChat({ managerMaySee: false }))).toBe('');
    expect(latest(inChat({ managerMaySee: undefined }))).toBe('');
    expect(latest(inChat({ managerMaySee: true }))).toBe('you saved the launch');
    expect(latest(inChat({ managerMaySee: false, postToChannel: true }))).toBe('you saved the launch');
    const opener = buildDigest(input({ received: [inChat({ managerMaySee: false })] })).opener;
    expect(opener).toMatchObject({ kind: 'kudos', highlight: { message: '', valueName: 'Teamwork' } });
  });

  it('a manager with 60 reports gets at most 8 rows per section and the rest counted', () => {
    const reports = Array.from({ length: 60 }, (_, i) =>
      person(`r${String(i).padStart(2, '0')}`, {
        managerId: 'alex',
        lastRecognisedOn: i % 2 ? undefined : '2027-01-01',
        birthday: `03-${String(16 + (i % 10)).padStart(2, '0')}`,
      }),
    );
    const received = reports.slice(0, 20).map((r, i) => kudos(alex, [r], `2027-03-1${i % 5}T09:00:00.000Z`));
    const notes = reports.slice(0, 12).map((r) => note('alex', r, '2027-03-17'));
    const digest = buildDigest(input({ reports, received, given: received, notes }));
    expect(digest.teamSize).toBe(60);
    expect(digest.kudos.people).toMatchObject({ more: 12 });
    expect(digest.kudos.people.rows).toHaveLength(8);
    expect(digest.notRecognised.people.rows).toHaveLength(8);
    expect(digest.notRecognised.people.more).toBe(32);
    expect(digest.milestones.upcoming.rows).toHaveLength(8);
    expect(digest.milestones.upcoming.more).toBe(52);
    expect(digest.followUps).toMatchObject({ count: 12, notes: { more: 4 } });
    expect(digest.yourRecognition.thisWeek).toBe(20);
  });

  it('works in the manager’s zone: late Sunday in UTC is already Monday in Tokyo', () => {
    const now = new Date('2027-03-14T23:30:00Z'); // Monday 15th 08:30 in Tokyo
    const tokyo = { ...alex, timeZone: 'Asia/Tokyo' };
    const digest = buildDigest(input({ manager: tokyo, now, notes: [note('alex', megan, '2027-03-15')] }));
    expect(digest.today).toBe('2027-03-15');
    expect(digest.week).toBe('2027-W11');
    expect(digest.followUps.count).toBe(1);
    const inLondon = buildDigest(input({ now, notes: [note('alex', megan, '2027-03-15')] }));
    expect(inLondon.today).toBe('2027-03-14');
    expect(inLondon.week).toBe('2027-W10');
    expect(inLondon.followUps.count).toBe(1);
  });

  it('a manager who is also a report: only their own reports, and their giving counts as theirs', () => {
    const given = [kudos(diego, [isaiah], '2027-03-12T09:00:00.000Z')];
    const digest = buildDigest(input({ manager: diego, reports: [isaiah, diego], received: given, given }));
    expect(digest.teamSize).toBe(1);
    expect(digest.manager).toEqual({ id: 'diego', name: 'Diego Tester' });
    expect(digest.kudos).toMatchObject({ received: 1, given: 0 });
    expect(digest.yourRecognition).toEqual({ thisWeek: 1, fourWeeks: 1 });
    // In Alex's digest Diego is a report, and his kudos count as given by the team.
    const alexDigest = buildDigest(input({ given }));
    expect(alexDigest.kudos.given).toBe(1);
    expect(alexDigest.kudos.people.rows[0]).toMatchObject({ person: { id: 'diego' }, given: 1 });
  });
});
