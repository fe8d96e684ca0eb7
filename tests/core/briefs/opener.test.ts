import { buildOpener } from '../../../core/briefs';
import type { Recognition } from '../../../core/kudos';
import type { Person } from '../../../core/people';

const T = 'tenant-a';
// Monday 8 March 2027, 09:20 in London (UTC until the 28th).
const NOW = new Date('2027-03-08T09:20:00Z');
const MEETING = new Date('2027-03-08T09:30:00Z');

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: `${id[0]!.toUpperCase()}${id.slice(1)} Tester`,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});
const alex = person('alex');
const luke = person('luke', { managerId: 'alex', hireDate: '2019-06-01' });
const rosa = person('rosa', { managerId: 'alex', hireDate: '2020-01-01', birthday: '03-10' });
const nina = person('nina', { managerId: 'alex', hireDate: '2027-03-01' });

let seq = 0;
const kudos = (
  giver: Person,
  to: Person[],
  createdAt: string,
  fields: Partial<Recognition> = {},
): Recognition => ({
  tenantId: T,
  id: `k${++seq}`,
  giver: { id: giver.id, name: giver.displayName },
  recipients: to.map((p) => ({ id: p.id, name: p.displayName })),
  recipientIds: to.map((p) => p.id),
  value: { id: 'teamwork', name: 'Teamwork' },
  message: `words ${seq}`,
  place: { kind: 'channel', conversationId: '19:team', teamId: 't', channelId: 'c' } as Recognition['place'],
  postToChannel: false,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
  ...fields,
});

const opener = (received: Recognition[], attendees = [luke, rosa, nina]) =>
  buildOpener({
    manager: alex,
    attendees,
    received,
    meetingStart: MEETING,
    now: NOW,
    defaultTimeZone: 'UTC',
  });

describe('buildOpener', () => {
  it('thanks each attendee once for their latest kudos of the last week, with the words when they may travel', () => {
    const older = kudos(rosa, [luke], '2027-03-03T12:00:00Z');
    const latest = kudos(rosa, [luke], '2027-03-05T12:00:00Z');
    const chatOnly = kudos(luke, [rosa], '2027-03-04T12:00:00Z', {
      place: { kind: 'groupChat', conversationId: '19:chat' },
      managerMaySee: false,
    });
    const tooOld = kudos(rosa, [nina], '2027-02-28T12:00:00Z');
    const result = opener([older, chatOnly, latest, tooOld]);
    expect(result.thanks).toEqual([
      {
        person: { id: 'luke', name: 'Luke Tester' },
        giver: { id: 'rosa', name: 'Rosa Tester' },
        valueName: 'Teamwork',
        message: latest.message,
        on: '2027-03-05',
      },
      {
        person: { id: 'rosa', name: 'Rosa Tester' },
        giver: { id: 'luke', name: 'Luke Tester' },
        valueName: 'Teamwork',
        on: '2027-03-04',
      },
    ]);
  });

  it('never suggests the manager’s own kudos or a self-kudos, nor thanks the manager or someone not in the meeting', () => {
    const self = kudos(luke, [luke, alex], '2027-03-05T12:00:00Z');
    const toManager = kudos(rosa, [alex], '2027-03-05T13:00:00Z');
    const managerToSelf = kudos(alex, [alex], '2027-03-06T13:00:00Z');
    const absent = kudos(rosa, [nina], '2027-03-06T12:00:00Z');
    const fromManager = kudos(alex, [luke, rosa], '2027-03-07T12:00:00Z');
    const result = opener([self, toManager, managerToSelf, absent, fromManager], [luke, rosa]);
    expect(result.thanks).toEqual([]);
  });

  it('lists this week’s milestones among the attendees and the new hires to welcome, each with Send kudos', () => {
    const result = opener([]);
    expect(result.milestones).toEqual([
      { person: { id: 'nina', name: 'Nina Tester' }, kind: 'first-week', date: '2027-03-08' },
      { person: { id: 'rosa', name: 'Rosa Tester' }, kind: 'birthday', date: '2027-03-10' },
    ]);
    expect(result.newHires).toEqual([{ id: 'nina', name: 'Nina Tester' }]);
    expect(result.personIds.sort()).toEqual(['nina', 'rosa']);
    expect(result.today).toBe('2027-03-08');
  });
});
