// The digest job's managers on the local Cosmos DB: kept by the people directory's writes, built
// once for a tenant stored before markers existed, and never lost to a write racing a retire.
import { ConversationBook, type ConversationRecord, type SendResult } from '../../core/delivery';
import { runDigestJob, type Digest, type DigestNotifier } from '../../core/digest';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { silentLogger } from '../../core/shared';
import { CosmosDigestDirectory } from '../../functions/cosmos/digestDirectory';
import type { Container } from '@azure/cosmos';
import { ManagerIndex, managerIndexOf } from '../../functions/cosmos/managerIndex';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { toPersonDocument } from '../../functions/cosmos/personDocument';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryNoteStore,
  MemoryRecognitionStore,
  MemorySettingsStore,
  RecordingLogger,
} from '../support/fakes';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => cosmos.close());

const person = (tenantId: string, id: string, managerId?: string): Person => ({
  tenantId,
  id,
  displayName: id,
  timeZone: 'UTC',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...(managerId ? { managerId } : {}),
});

/** Mondays at the default digest hour (08:00, people in UTC), a week apart. */
const WEEK_11 = new Date('2027-03-15T08:00:00Z');
const WEEK_12 = new Date('2027-03-22T08:00:00Z');

class RecordingNotifier implements DigestNotifier {
  readonly sent: Array<{ to: string; week: string; reports: number }> = [];
  prepare(conversation: ConversationRecord, digest: Digest) {
    return async (): Promise<SendResult> => {
      this.sent.push({ to: conversation.userId ?? '', week: digest.week, reports: digest.teamSize });
      return { ok: true };
    };
  }
}

/** The digest job over the Cosmos directory, with a personal chat for each of `chats`. */
async function digestJob(tenantId: string, chats: string[]) {
  const settings = new MemorySettingsStore();
  await settings.saveTenant(defaultTenantSettings(tenantId, 'UTC'));
  const store = new MemoryConversationStore();
  const logger = new RecordingLogger();
  for (const id of chats) {
    await store.save({
      tenantId,
      id: `personal:${id}`,
      kind: 'personal',
      conversationId: `a:${id}`,
      userId: id,
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  }
  const notifier = new RecordingNotifier();
  const deps = {
    settings,
    runs: settings,
    directory: new CosmosDigestDirectory(cosmos.database.container('people')),
    people: new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger),
    recognitions: new MemoryRecognitionStore(),
    notes: new MemoryNoteStore(),
    conversations: new ConversationBook(store, logger),
    deliveries: new MemoryDeliveryLedger(),
    notifier,
    logger,
    defaultTimeZone: 'UTC',
  };
  const run = async (now: Date) => {
    const before = notifier.sent.length;
    await runDigestJob(deps, { now, tenantIds: [tenantId] });
    return notifier.sent.slice(before);
  };
  return { run };
}

/** Everyone someone reports to, the way the job found them before: a pass over every person. */
async function scannedManagers(tenantId: string): Promise<string[]> {
  const { resources } = await cosmos.database
    .container('people')
    .items.query<string>({
      query: 'SELECT VALUE c.managerId FROM c WHERE c.tenantId = @tenantId AND IS_STRING(c.managerId)',
      parameters: [{ name: '@tenantId', value: tenantId }],
    })
    .fetchAll();
  return [...new Set(resources)].sort();
}

describe('the digest job’s managers on the local Cosmos DB', () => {
  it('reaches the same managers as a pass over the whole directory', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const directory = new CosmosDigestDirectory(cosmos.database.container('people'));
    const t = 't-same';
    for (const p of [
      person(t, 'alex'),
      person(t, 'megan', 'alex'),
      person(t, 'adele', 'alex'),
      person(t, 'diego', 'alex'),
      person(t, 'isaiah', 'diego'),
      person(t, 'lonely'),
    ])
      await people.save(p);
    await people.addIfAbsent(person(t, 'lee', 'lonely'));
    expect(await scannedManagers(t)).toEqual(['alex', 'diego', 'lonely']);
    expect(await directory.managerIds(t)).toEqual(['alex', 'diego', 'lonely']);

    const job = await digestJob(t, ['alex', 'diego', 'lonely', 'megan']);
    expect(await job.run(WEEK_11)).toEqual([
      { to: 'alex', week: '2027-W11', reports: 3 },
      { to: 'diego', week: '2027-W11', reports: 1 },
      { to: 'lonely', week: '2027-W11', reports: 1 },
    ]);
  });

  it('stops the digest of a manager whose last report moved, and starts a new manager’s', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const directory = new CosmosDigestDirectory(cosmos.database.container('people'));
    const t = 't-moves';
    for (const p of [person(t, 'alex'), person(t, 'diego'), person(t, 'megan', 'alex'), person(t, 'nestor')])
      await people.save(p);
    const job = await digestJob(t, ['alex', 'diego', 'nestor']);
    expect((await job.run(WEEK_11)).map((s) => s.to)).toEqual(['alex']);

    // Megan now reports to Diego (an import or a Graph sync saves her again); Nestor joins under Megan.
    await people.save(person(t, 'megan', 'diego'));
    await people.save(person(t, 'nestor', 'megan'));
    expect(await job.run(WEEK_12)).toEqual([{ to: 'diego', week: '2027-W12', reports: 1 }]);
    // Megan has no chat yet, so nothing reached her; Alex, found without reports, is no longer listed.
    expect(await directory.managerIds(t)).toEqual(['diego', 'megan']);
    expect(await scannedManagers(t)).toEqual(['diego', 'megan']);
  });

  it('forgets a manager at once when their reports are unlinked and they are removed (forget-me)', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const directory = new CosmosDigestDirectory(cosmos.database.container('people'));
    const t = 't-forget';
    for (const p of [person(t, 'alex'), person(t, 'megan', 'alex'), person(t, 'adele', 'alex')])
      await people.save(p);
    expect(await directory.managerIds(t)).toEqual(['alex']);
    expect(await people.unlinkManager(t, 'megan', 'alex')).toBe(true);
    expect(await directory.managerIds(t)).toEqual(['alex']); // Adele still reports to Alex
    expect(await people.unlinkManager(t, 'adele', 'alex')).toBe(true);
    await people.remove(t, 'alex');
    expect(await directory.managerIds(t)).toEqual([]);
    const { resources } = await cosmos.database
      .container('settings')
      .items.query({
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND CONTAINS(c.id, @id)',
        parameters: [
          { name: '@t', value: t },
          { name: '@id', value: 'alex' },
        ],
      })
      .fetchAll();
    expect(resources).toEqual([]);
  });

  it('builds the markers of a tenant stored before them, once, from its directory', async () => {
    const container = cosmos.database.container('people');
    const t = 't-backfill';
    for (const p of [person(t, 'alex'), person(t, 'megan', 'alex'), person(t, 'isaiah', 'megan')])
      await container.items.upsert(toPersonDocument(p));
    const directory = new CosmosDigestDirectory(container);
    expect(await directory.managerIds(t)).toEqual(['alex', 'megan']);
    // Built: a person stored past the directory (as before markers) is no longer seen by a scan.
    await container.items.upsert(toPersonDocument(person(t, 'lynne', 'isaiah')));
    expect(await directory.managerIds(t)).toEqual(['alex', 'megan']);
    // Written through the directory, they are.
    await new CosmosPeopleDirectory(container, silentLogger).save(person(t, 'lynne', 'isaiah'));
    expect(await directory.managerIds(t)).toEqual(['alex', 'isaiah', 'megan']);
    expect(await scannedManagers(t)).toEqual(['alex', 'isaiah', 'megan']);
  });

  it('keeps a manager whose report is saved while a retire is deciding', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const index = managerIndexOf(cosmos.database.container('people'));
    const t = 't-race';
    await people.save(person(t, 'alex'));
    for (let round = 0; round < 5; round++) {
      await people.save(person(t, 'megan', 'alex'));
      // Megan leaves Alex (forget-me's unlink retires Alex) while an import puts her back.
      await Promise.all([
        people.unlinkManager(t, 'megan', 'alex'),
        index.retire(t, 'alex'),
        people.save(person(t, 'megan', 'alex')),
      ]);
      // A marker left over is allowed (the digest retires it); a manager without one is not.
      const reportsToAlex = (await people.get(t, 'megan'))?.managerId === 'alex';
      const listed = (await index.managerIds(t)).includes('alex');
      expect({ round, reportsToAlex, listed: reportsToAlex ? listed : true }).toEqual({
        round,
        reportsToAlex,
        listed: true,
      });
    }
  });

  it('keeps a manager whose report is saved between a retire’s look for reports and its delete', async () => {
    const container = cosmos.database.container('people');
    const people = new CosmosPeopleDirectory(container, silentLogger);
    const t = 't-interleaved';
    await people.save(person(t, 'alex'));
    await people.save(person(t, 'megan', 'alex'));
    await people.save(person(t, 'megan')); // moved away: Alex's marker is left over
    // The people container as the retire sees it: right after its first look (no reports),
    // an import saves Megan under Alex again.
    let interleaved = false;
    const racing = {
      items: {
        query: (spec: Parameters<Container['items']['query']>[0]) => ({
          fetchAll: async () => {
            const found = await container.items.query(spec).fetchAll();
            if (!interleaved) {
              interleaved = true;
              await people.save(person(t, 'megan', 'alex'));
            }
            return found;
          },
        }),
      },
    } as unknown as Container;
    const index = new ManagerIndex(cosmos.database.container('settings'), racing);
    expect(await index.retire(t, 'alex')).toBe(false);
    expect(interleaved).toBe(true);
    expect(await managerIndexOf(container).managerIds(t)).toEqual(['alex']);
  });

  it('a marker deleted under a stale etag is refused (the condition a retire relies on)', async () => {
    const index = managerIndexOf(cosmos.database.container('people'));
    const t = 't-etag';
    await index.mark(t, 'alex');
    const item = cosmos.database.container('settings').item('manager:alex', t);
    const { etag } = await item.read();
    await index.mark(t, 'alex');
    await expect(
      item.delete({ accessCondition: { type: 'IfMatch', condition: etag } }),
    ).rejects.toMatchObject({
      code: 412,
    });
  });
});
