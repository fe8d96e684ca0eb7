import type { Note } from '../../core/notes';
import type { Person } from '../../core/people';
import type { Recognition } from '../../core/kudos';
import { CosmosConversationStore } from '../../functions/cosmos/conversationRepository';
import { CosmosDeliveryLedger } from '../../functions/cosmos/deliveryLedger';
import { CosmosMilestoneCandidates } from '../../functions/cosmos/milestoneCandidates';
import { CosmosNoteStore } from '../../functions/cosmos/noteRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { toPersonDocument } from '../../functions/cosmos/personDocument';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { ensureTenant } from '../../core/settings';
import { CosmosSnoozeStore } from '../../functions/cosmos/snoozeRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { RecordingLogger } from '../support/fakes';

// A document damaged in the store (edited by hand, written by an older version, half-migrated)
// must cost only itself: the repositories read it as absent, log its id and tenant once, and
// never put its content in the log.
let cosmos: TestCosmos;
let logger: RecordingLogger;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
beforeEach(() => {
  logger = new RecordingLogger();
});
afterAll(async () => cosmos.close());

const T = 'tenant-damaged';
const SECRET = 'private words that must never reach a log';

const skipped = () => logger.lines.filter((line) => line.message.includes('does not match its schema'));

/** The one warning logged, with the id and tenant of the document and none of its content. */
function expectLoggedOnce(kind: string, id: string) {
  const lines = skipped();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 'warn', fields: { kind, id, tenantId: T } });
  expect(JSON.stringify(lines)).not.toContain(SECRET);
}

const person = (id: string, displayName: string): Person => ({
  tenantId: T,
  id,
  displayName,
  managerId: 'alex',
  birthday: '03-14',
  hireDate: '2022-03-14',
  celebrate: { birthday: 'public', anniversary: 'manager' },
});

describe('people', () => {
  beforeAll(async () => {
    const container = cosmos.database.container('people');
    await new CosmosPeopleDirectory(container, new RecordingLogger()).save(person('good', 'Good Person'));
    // No display name, and celebrations that are not one of the choices.
    await container.items.create({
      ...toPersonDocument(person('broken', SECRET)),
      displayName: 42,
      celebrate: { birthday: SECRET, anniversary: 'manager' },
    });
  });

  it('reads a damaged person as absent, logged once without its content', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), logger);
    expect(await people.get(T, 'broken')).toBeUndefined();
    expectLoggedOnce('person', 'broken');
    expect(await people.get(T, 'good')).toEqual(person('good', 'Good Person'));
  });

  it('leaves a damaged person out of a list and keeps the others', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), logger);
    expect((await people.reportsOf(T, 'alex')).map((p) => p.id)).toEqual(['good']);
    expectLoggedOnce('person', 'broken');
  });

  it('leaves a damaged person out of the milestone job’s reads', async () => {
    const candidates = new CosmosMilestoneCandidates(cosmos.database.container('people'), logger);
    // The damaged record's anniversary preference is valid, so the query returns it.
    const days = { reminded: ['03-14'], celebrated: [], defaultCelebration: 'manager' as const };
    expect((await candidates.anniversariesOn(T, days)).map((p) => p.id)).toEqual(['good']);
    expectLoggedOnce('person', 'broken');
  });
});

describe('recognitions', () => {
  const kudos = (id: string, createdAt: string): Recognition => ({
    tenantId: T,
    id,
    giver: { id: 'alex', name: 'Alex Wilber' },
    recipients: [{ id: 'megan', name: 'Megan Bowen' }],
    recipientIds: ['megan'],
    value: { id: 'teamwork', name: 'Teamwork' },
    message: 'Thank you',
    place: { kind: 'groupChat', conversationId: '19:chat' },
    postToChannel: false,
    createdAt,
    givenOn: createdAt.slice(0, 10),
    celebrations: [],
  });

  beforeAll(async () => {
    const container = cosmos.database.container('recognitions');
    await new CosmosRecognitionStore(container, new RecordingLogger()).create(
      kudos('good', '2027-03-10T09:00:00.000Z'),
    );
    // Recipients that are not people, and no celebrations list to add a +1 to.
    const { celebrations: _missing, ...broken } = kudos('broken', '2027-03-11T09:00:00.000Z');
    await container.items.create({ ...broken, message: SECRET, recipients: [SECRET] });
  });

  it('reads damaged kudos as absent, and celebrating them changes nothing', async () => {
    const store = new CosmosRecognitionStore(cosmos.database.container('recognitions'), logger);
    expect(await store.get(T, 'broken')).toBeUndefined();
    expectLoggedOnce('recognition', 'broken');
    logger.lines.length = 0;
    const change = jest.fn((current: Recognition) => current);
    expect(await store.update(T, 'broken', change)).toBeUndefined();
    expect(change).not.toHaveBeenCalled();
    expectLoggedOnce('recognition', 'broken');
    const { resource } = await cosmos.database.container('recognitions').item('broken', [T, 'broken']).read();
    expect(resource?.message).toBe(SECRET);
    expect(resource?.celebrations).toBeUndefined();
  });

  it('leaves damaged kudos out of the digest’s and the brief’s reads', async () => {
    const store = new CosmosRecognitionStore(cosmos.database.container('recognitions'), logger);
    const since = new Date('2027-03-01T00:00:00.000Z');
    expect((await store.forRecipientsSince(T, ['megan'], since)).map((r) => r.id)).toEqual(['good']);
    expectLoggedOnce('recognition', 'broken');
    expect((await store.createdBetween(T, since, new Date('2027-04-01'))).map((r) => r.id)).toEqual(['good']);
  });
});

describe('notes', () => {
  const note = (id: string, fields: Partial<Note> = {}): Note => ({
    tenantId: T,
    id,
    authorId: 'alex',
    subjectId: 'megan',
    subjectName: 'Megan Bowen',
    text: 'Ask how the launch went',
    followUpOn: '2027-03-16',
    status: 'open',
    createdAt: '2027-03-01T09:00:00.000Z',
    updatedAt: '2027-03-01T09:00:00.000Z',
    ...fields,
  });

  beforeAll(async () => {
    const container = cosmos.database.container('notes');
    await new CosmosNoteStore(container, new RecordingLogger()).create(note('good'));
    // A status nothing understands and text that is not text.
    await container.items.create({ ...note('broken'), status: SECRET, text: { words: SECRET } });
  });

  it('reads a damaged note as absent, logged once without its text', async () => {
    const store = new CosmosNoteStore(cosmos.database.container('notes'), logger);
    expect(await store.get(T, 'alex', 'broken')).toBeUndefined();
    expectLoggedOnce('note', 'broken');
  });

  it('leaves a damaged note out of the author’s list and the follow-up job', async () => {
    const store = new CosmosNoteStore(cosmos.database.container('notes'), logger);
    expect((await store.aboutSubject(T, 'alex', 'megan')).map((n) => n.id)).toEqual(['good']);
    expectLoggedOnce('note', 'broken');
    logger.lines.length = 0;
    // The damaged note's status is not 'open', so the query leaves it out before parsing.
    expect((await store.followUpsDue(T, ['2027-03-16'])).map((n) => n.id)).toEqual(['good']);
  });
});

describe('the other containers', () => {
  it('reads damaged conversation references, ledger entries, snoozes and team settings as absent, and refuses damaged tenant settings', async () => {
    const db = cosmos.database;
    await db.container('conversations').items.create({ tenantId: T, id: 'personal:broken', kind: 'fax' });
    await db.container('deliveries').items.create({ tenantId: T, id: 'reminder:broken', status: 'lost' });
    await db.container('deliveries').items.create({
      tenantId: T,
      id: 'snooze:broken',
      type: 'snooze',
      dueAt: '2027-03-01T00:00:00.000Z',
    });
    await db
      .container('settings')
      .items.create({ tenantId: T, id: 'tenant', type: 'tenant', sendHour: 'nine' });
    await db.container('settings').items.create({ tenantId: T, id: 'team:broken', type: 'team' });

    const conversations = new CosmosConversationStore(db.container('conversations'), logger);
    expect(await conversations.get(T, 'personal:broken')).toBeUndefined();
    expect(await conversations.getMany(T, ['personal:broken'])).toEqual([]);
    const ledger = new CosmosDeliveryLedger(db.container('deliveries'), logger);
    expect(await ledger.get(T, 'reminder:broken')).toBeUndefined();
    // A damaged entry may stand for a message already sent: a claim leaves it alone.
    expect(
      await ledger.claim({
        tenantId: T,
        id: 'reminder:broken',
        kind: 'reminder',
        now: new Date(),
        leaseMs: 1,
      }),
    ).toEqual({ outcome: 'busy' });
    const snoozes = new CosmosSnoozeStore(db.container('deliveries'), logger);
    expect(await snoozes.dueBy(T, new Date('2027-03-02T00:00:00.000Z'))).toEqual([]);
    const settings = new CosmosSettingsStore(db.container('settings'), logger);
    await expect(settings.tenant(T)).rejects.toThrow(/settings of tenant .* are stored but cannot be read/);
    // Nothing replaces them with the defaults: the damaged document is still there, as it was.
    await expect(ensureTenant(settings, T, 'UTC')).rejects.toThrow(/cannot be read/);
    const { resource } = await db.container('settings').item('tenant', T).read();
    expect(resource).toMatchObject({ sendHour: 'nine' });
    expect(await settings.team(T, 'broken')).toBeUndefined();

    expect(skipped().map((line) => [line.fields.kind, line.fields.id])).toEqual([
      ['conversation', 'personal:broken'],
      ['conversation', 'personal:broken'],
      ['delivery', 'reminder:broken'],
      ['delivery', 'reminder:broken'],
      ['snooze', 'snooze:broken'],
      ['tenant settings', 'tenant'],
      ['tenant settings', 'tenant'],
      ['team settings', 'team:broken'],
    ]);
  });
});
