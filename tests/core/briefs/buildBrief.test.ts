import { buildBrief, briefFor, type Brief, type BriefInput } from '../../../core/briefs';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import type { Recognition } from '../../../core/kudos';
import { defaultTenantSettings, type CompanyValue } from '../../../core/settings';
import {
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
} from '../../support/fakes';

const T = 'tenant-a';
// Wednesday 10 March 2027, 10:00 in London (UTC until the 28th).
const NOW = new Date('2027-03-10T10:00:00Z');

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: `${id[0]!.toUpperCase()}${id.slice(1)} Tester`,
  timeZone: 'Europe/London',
  celebrate: {},
  ...fields,
});
const alex = person('alex');
const sam = person('sam', { managerId: 'alex', hireDate: '2023-01-20', timeZone: 'America/New_York' });
const rosa = person('rosa', { managerId: 'alex' });

const VALUES: CompanyValue[] = [
  { id: 'teamwork', name: 'Teamwork' },
  { id: 'courage', name: 'Courage' },
  { id: 'craft', name: 'Craft' },
  { id: 'old', name: 'Old value', retired: true },
];

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
  place: { kind: 'groupChat', conversationId: '19:chat' },
  postToChannel: false,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
  ...fields,
});

const note = (author: Person, about: Person, text: string, fields: Partial<Note> = {}): Note => ({
  tenantId: T,
  id: `n-${++seq}`,
  authorId: author.id,
  subjectId: about.id,
  subjectName: about.displayName,
  text,
  status: 'open',
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
  ...fields,
});

function brief(fields: Partial<BriefInput> = {}): Brief {
  const result = buildBrief({
    reader: alex,
    person: sam,
    received: [],
    given: [],
    notes: [],
    values: VALUES,
    now: NOW,
    defaultTimeZone: 'UTC',
    ...fields,
  });
  if (!result.ok) throw new Error(`expected a brief, got ${result.code}`);
  return result.brief;
}

describe('buildBrief', () => {
  it('lists the kudos received and given in the last 30 days, or since the last 1:1 when given', () => {
    const recent = kudos(rosa, [sam], '2027-03-01T12:00:00.000Z');
    const older = kudos(rosa, [sam], '2027-02-01T12:00:00.000Z');
    const gave = kudos(sam, [rosa], '2027-03-05T12:00:00.000Z', { value: { id: 'craft', name: 'Craft' } });
    const gaveLongAgo = kudos(sam, [rosa], '2027-01-05T12:00:00.000Z');

    const month = brief({ received: [recent, older], given: [gave, gaveLongAgo] });
    expect(month.since).toBe('2027-02-08');
    expect(month.sinceLastOneOnOne).toBe(false);
    expect(month.received.rows.map((k) => k.id)).toEqual([recent.id]);
    expect(month.received.rows[0]).toMatchObject({
      valueName: 'Teamwork',
      people: [{ name: 'Rosa Tester' }],
    });
    expect(month.given.rows.map((k) => k.id)).toEqual([gave.id]);
    expect(month.given.rows[0]).toMatchObject({ valueName: 'Craft', people: [{ name: 'Rosa Tester' }] });

    const sinceOneOnOne = brief({ received: [recent, older], since: new Date('2027-01-25T15:00:00Z') });
    expect(sinceOneOnOne.since).toBe('2027-01-25');
    expect(sinceOneOnOne.sinceLastOneOnOne).toBe(true);
    expect(sinceOneOnOne.received.rows.map((k) => k.id)).toEqual([recent.id, older.id]);
  });

  it('shows a kudos’ words only where they travel; otherwise the value and the giver', () => {
    const inChat = kudos(rosa, [sam], '2027-03-02T12:00:00.000Z', { message: 'said in a chat' });
    const inChannel = kudos(rosa, [sam], '2027-03-03T12:00:00.000Z', {
      message: 'said in a channel',
      place: { kind: 'channel', conversationId: '19:general', teamId: 't', channelId: '19:general' },
    });
    const managerMaySee = kudos(rosa, [sam], '2027-03-04T12:00:00.000Z', {
      message: 'for your manager too',
      managerMaySee: true,
    });
    const received = [inChat, inChannel, managerMaySee];
    const shown = (b: Brief) => Object.fromEntries(b.received.rows.map((k) => [k.id, k.message]));

    expect(shown(brief({ received }))).toEqual({
      [inChat.id]: undefined,
      [inChannel.id]: 'said in a channel',
      [managerMaySee.id]: 'for your manager too',
    });
    expect(brief({ received }).received.rows.find((k) => k.id === inChat.id)).toMatchObject({
      valueName: 'Teamwork',
      people: [{ name: 'Rosa Tester' }],
    });
    // Someone who only keeps notes about Sam is not the manager the giver let see it.
    const peer = person('pat');
    const asPeer = brief({ reader: peer, received, notes: [note(peer, sam, 'ask about the move')] });
    expect(shown(asPeer)).toEqual({
      [inChat.id]: undefined,
      [inChannel.id]: 'said in a channel',
      [managerMaySee.id]: undefined,
    });
  });

  it('names the current values Sam was not recognised for in six months, and when the reader last recognised Sam', () => {
    const b = brief({
      received: [
        kudos(rosa, [sam], '2027-02-20T12:00:00.000Z'),
        kudos(alex, [sam], '2026-12-01T12:00:00.000Z', { value: { id: 'courage', name: 'Courage' } }),
        kudos(alex, [sam], '2026-06-01T12:00:00.000Z', { value: { id: 'craft', name: 'Craft' } }),
      ],
    });
    expect(b.valuesNotRecognised).toEqual(['Craft']);
    expect(b.lastFromReader).toEqual({ on: '2026-12-01', valueName: 'Courage' });
    expect(
      brief({ received: [kudos(rosa, [sam], '2027-03-01T12:00:00.000Z')] }).lastFromReader,
    ).toBeUndefined();
  });

  it('lists the next 30 days’ milestones, leaving out a birthday Sam turned off', () => {
    const withBirthday = { ...sam, birthday: '03-24', hireDate: '2023-03-31' };
    expect(brief({ person: withBirthday }).milestones).toEqual([
      { kind: 'birthday', date: '2027-03-24', inDays: 14 },
      { kind: 'anniversary', date: '2027-03-31', inDays: 21, years: 4 },
    ]);
    const off = { ...withBirthday, celebrate: { birthday: 'off' as const } };
    expect(brief({ person: off }).milestones.map((m) => m.kind)).toEqual(['anniversary']);
    // Someone who only keeps notes sees what Sam celebrates in public, nothing manager-only.
    const peer = person('pat');
    const publicBirthday = { ...withBirthday, celebrate: { birthday: 'public' as const } };
    expect(
      brief({ reader: peer, person: publicBirthday, notes: [note(peer, sam, 'x')] }).milestones.map(
        (m) => m.kind,
      ),
    ).toEqual(['birthday']);
  });

  it('asks what the reader’s own open notes say, marked ones first, and never another author’s', () => {
    const rosasNote = note(rosa, sam, 'Rosa’s private thought');
    const plain = note(alex, sam, 'how the course went', { createdAt: '2027-03-05T09:00:00.000Z' });
    const followUp = note(alex, sam, 'ask about the offsite', { followUpOn: '2027-03-12' });
    const marked = note(alex, sam, 'her wish to lead the next launch', { nextOneOnOneSince: '2027-03-08' });
    const done = note(alex, sam, 'already raised', { status: 'done' });
    const b = brief({ notes: [rosasNote, plain, followUp, marked, done] });
    expect(b.thingsToAsk.rows).toEqual([
      { noteId: marked.id, text: 'her wish to lead the next launch', forNextOneOnOne: true },
      {
        noteId: followUp.id,
        text: 'ask about the offsite',
        followUpOn: '2027-03-12',
        forNextOneOnOne: false,
      },
      { noteId: plain.id, text: 'how the course went', forNextOneOnOne: false },
    ]);
    expect(JSON.stringify(b)).not.toContain('Rosa’s private thought');
    expect(b.prompt).toBeUndefined();
  });

  it('offers one prompt when there is nothing of the reader’s own to ask', () => {
    expect(brief({ notes: [note(rosa, sam, 'not Alex’s')] }).prompt).toBe('weekAndHelp');
    const newHire = { ...sam, hireDate: '2027-02-15' };
    expect(brief({ person: newHire }).prompt).toBe('settlingIn');
    expect(brief({ person: newHire }).tenure).toMatchObject({ started: true, years: 0, months: 0, days: 23 });
    expect(brief().tenure).toMatchObject({ started: true, years: 4, months: 1 });
  });

  it('refuses anyone the reader neither manages nor keeps notes about, in the same words', () => {
    const stranger = person('lee');
    const refusal = { ok: false, code: 'BRIEF.NOT_YOURS' };
    const input = { reader: alex, received: [], given: [], values: VALUES, now: NOW, defaultTimeZone: 'UTC' };
    expect(buildBrief({ ...input, person: stranger, notes: [] })).toEqual(refusal);
    expect(buildBrief({ ...input, person: stranger, notes: [note(rosa, stranger, 'x')] })).toEqual(refusal);
    expect(buildBrief({ ...input, person: alex, notes: [] })).toEqual(refusal);
  });
});

describe('briefFor', () => {
  it('reads through the ports, and refuses a stranger and someone unknown alike', async () => {
    const people = new MemoryPeopleDirectory([alex, sam, rosa, person('lee')]);
    const recognitions = new MemoryRecognitionStore();
    const notes = new MemoryNoteStore();
    const settings = new MemorySettingsStore();
    await settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), values: VALUES });
    await recognitions.create(
      kudos(rosa, [sam], '2027-03-01T12:00:00.000Z', { value: { id: 'courage', name: 'Courage' } }),
    );
    await notes.create(note(alex, sam, 'ask about the launch', { nextOneOnOneSince: '2027-03-08' }));
    const deps = { people, recognitions, notes, settings, defaultTimeZone: 'UTC' };

    const result = await briefFor(deps, { tenantId: T, readerId: 'alex', personId: 'sam', now: NOW });
    expect(result.ok && result.brief.received.rows.map((k) => k.valueName)).toEqual(['Courage']);
    expect(result.ok && result.brief.valuesNotRecognised).toEqual(['Teamwork', 'Craft']);
    expect(result.ok && result.brief.thingsToAsk.rows.map((r) => r.text)).toEqual(['ask about the launch']);

    const stranger = await briefFor(deps, { tenantId: T, readerId: 'alex', personId: 'lee', now: NOW });
    expect(stranger).toEqual({ ok: false, code: 'BRIEF.NOT_YOURS' });
    const nobody = await briefFor(deps, { tenantId: T, readerId: 'alex', personId: 'ghost', now: NOW });
    expect(nobody).toEqual(stranger);
  });
});
