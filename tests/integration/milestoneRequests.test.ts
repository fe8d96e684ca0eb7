// What the milestone job asks Cosmos DB for, counted at the local server: the runtime as the
// Functions host builds it, a dry run and a real run through the real messenger to the fake Bot
// Connector. The reminders' chats, kudos and notes are read for the whole run at once, so the
// requests grow with hundreds of managers reminded, not with a query or two per reminder; and the
// documents read grow with the reminders due, not with the people in the directory.
import type { Container } from '@azure/cosmos';
import {
  MILESTONE_JOB,
  onOccasionDays,
  runMilestoneJob,
  type MilestoneCandidates,
  type OccasionDays,
  type MilestoneJobDeps,
} from '../../core/milestones';
import type { Note } from '../../core/notes';
import type { Person } from '../../core/people';
import { silentLogger } from '../../core/shared';
import { TeamsMilestoneNotifier } from '../../bot/milestones/notifier';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime, type Runtime } from '../../functions/composition';
import { CosmosMilestoneCandidates } from '../../functions/cosmos/milestoneCandidates';
import { fromPersonDocument } from '../../functions/cosmos/personDocument';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { RecordingLogger } from '../support/fakes';
import {
  countCosmosRequests,
  inBatches,
  kudosTo,
  personOf,
  REMINDER_HOUR,
  seedReminderOrg,
  type DueReminder,
  type RequestCounter,
} from '../support/milestoneFixtures';

/** Planning (settings, last run, candidates, snoozes) and the batched kudos and notes reads. */
const FIXED_REQUESTS = 30;
/** Documents read once a run whatever is due: the tenant's settings and last run. */
const FIXED_DOCUMENTS = 10;
/**
 * Documents read per reminder: the report and their manager, the manager's chat, the report's two
 * recent kudos and their manager's open note about them (the old kudos, the done note and another
 * manager's note about them are not read).
 */
const DOCUMENTS_PER_REMINDER = 6;
/** People in each organisation with no milestone in sight: a cheap job never reads them. */
const BYSTANDERS = 300;
const HOUR = 60 * 60 * 1000;

let cosmos: TestCosmos;
let runtime: Runtime;
let connector: FakeConnector;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: new RecordingLogger(),
  });
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector?.close();
  await runtime?.close();
  await cosmos?.close();
});

const note = (
  tenantId: string,
  authorId: string,
  about: DueReminder,
  text: string,
  fields: Partial<Note> = {},
) =>
  ({
    tenantId,
    id: `note-${authorId}-${text.replace(/\W+/g, '-')}`,
    authorId,
    subjectId: about.reportId,
    subjectName: about.reportName,
    text,
    status: 'open',
    createdAt: '2027-03-01T10:00:00.000Z',
    updatedAt: '2027-03-01T10:00:00.000Z',
    ...fields,
  }) satisfies Note;

/**
 * `managers` managers with one report each, due at {@link REMINDER_HOUR}. Every report gets two
 * recent kudos and one from before the 90 days; every manager an open and a done note about their
 * report; and the next manager a note about the same report, which is theirs alone.
 */
async function seedOrg(tenantId: string, managers: number): Promise<DueReminder[]> {
  const due = await seedReminderOrg(runtime, { tenantId, managers, serviceUrl: connector.url });
  const { recognitions, notes, people } = runtime.stores;
  const bystanders = Array.from({ length: BYSTANDERS }, (_, i) =>
    personOf(tenantId, `bystander-${i}`, {
      birthday: '07-01',
      hireDate: '2019-07-01',
      managerId: due[0]!.managerId,
    }),
  );
  await inBatches(bystanders, 20, (person) => people.save(person));
  await inBatches(due, 20, async (d, i) => {
    const next = due[(i + 1) % due.length]!;
    const to = { id: d.reportId, name: d.reportName };
    await recognitions.create(
      kudosTo(tenantId, `k1-${i}`, to, '2027-03-01T09:00:00.000Z', `Early ${d.reportName}`),
    );
    // Given in a chat with "Let their manager see this" on: its words may reach the reminder.
    await recognitions.create(
      kudosTo(tenantId, `k2-${i}`, to, '2027-03-05T09:00:00.000Z', `Latest ${d.reportName}`, {
        managerMaySee: true,
      }),
    );
    await recognitions.create(
      kudosTo(tenantId, `k0-${i}`, to, '2026-11-01T09:00:00.000Z', `Old ${d.reportName}`),
    );
    await notes.create(note(tenantId, d.managerId, d, `Open ${d.reportName}`));
    await notes.create(note(tenantId, d.managerId, d, `Done ${d.reportName}`, { status: 'done' }));
    await notes.create(note(tenantId, next.managerId, d, `Not yours ${d.reportName}`));
  });
  // The tenant's first run marks its people's zones from one pass over the directory, once; the
  // runs measured here come after it.
  await new CosmosMilestoneCandidates(runtime.cosmos.database.container('people'), silentLogger).zonesInUse(
    tenantId,
  );
  // The previous hourly run completed an hour ago: this run plans (08:00, 09:00] UTC.
  await runtime.stores.settings.recordRun(tenantId, MILESTONE_JOB, new Date(REMINDER_HOUR.getTime() - HOUR));
  return due;
}

/** The requests and documents a dry run of `managers` reminders may cost, asserted. */
function expectCheapRun(counter: RequestCounter, managers: number): void {
  // The managers' chats are read together, a query (and its plan) per hundred; everything else
  // once for the run.
  const chatQueries = 2 * Math.ceil(managers / 100);
  expect(counter.byKind.get('conversations read')).toBeUndefined();
  expect(counter.byKind.get('conversations query')).toBe(chatQueries);
  expect(counter.total).toBeLessThanOrEqual(FIXED_REQUESTS + chatQueries);
  expect(counter.documents).toBeLessThanOrEqual(FIXED_DOCUMENTS + DOCUMENTS_PER_REMINDER * managers);
}

/**
 * Fetch-everything-then-filter: birthdays found by reading the whole directory in one query, the
 * rest as the job reads them. It costs two requests more than the indexed query, and a document per
 * person in the tenant.
 */
class ReadsEveryone implements MilestoneCandidates {
  private readonly exact: CosmosMilestoneCandidates;
  constructor(private readonly people: Container) {
    this.exact = new CosmosMilestoneCandidates(people, silentLogger);
  }
  async birthdaysOn(tenantId: string, days: OccasionDays): Promise<Person[]> {
    const { resources } = await this.people.items
      .query({
        query: 'SELECT * FROM c WHERE c.tenantId = @tenantId',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    return resources
      .map(fromPersonDocument)
      .filter((p) => onOccasionDays(p.birthday, p.celebrate.birthday, days));
  }
  anniversariesOn(tenantId: string, days: OccasionDays): Promise<Person[]> {
    return this.exact.anniversariesOn(tenantId, days);
  }
  hiredOn(tenantId: string, dates: readonly string[]): Promise<Person[]> {
    return this.exact.hiredOn(tenantId, dates);
  }
  managersOf(tenantId: string, ids: readonly string[]): Promise<Person[]> {
    return this.exact.managersOf(tenantId, ids);
  }
  zonesInUse(tenantId: string): Promise<string[]> {
    return this.exact.zonesInUse(tenantId);
  }
}

describe('the milestone job’s Cosmos requests', () => {
  test.each([10, 150])(
    'a dry run planning %i reminders asks for a fixed few requests, plus two per hundred managers',
    async (managers) => {
      const tenantId = `tenant-requests-${managers}`;
      await seedOrg(tenantId, managers);
      const counter = countCosmosRequests(cosmos.server.port);
      try {
        const report = await runtime.jobs.milestones({
          now: REMINDER_HOUR,
          tenantIds: [tenantId],
          dryRun: true,
        });
        expect(report.sends.filter((s) => s.outcome === 'planned')).toHaveLength(managers);
        expectCheapRun(counter, managers);
      } finally {
        counter.stop();
      }
    },
    60_000,
  );

  test('snoozed reminders coming back read only the people the run has not read, at once', async () => {
    const tenantId = 'tenant-requests-snoozed';
    const due = await seedOrg(tenantId, 12);
    // Each manager snoozed a reminder about another report (birthday 17 March) until this hour.
    const snoozed = due.map((d, i) =>
      personOf(tenantId, `snoozed-${i}`, { managerId: d.managerId, birthday: '03-17' }),
    );
    await inBatches(snoozed, 20, (person) => runtime.stores.people.save(person));
    await inBatches(snoozed, 20, (person) =>
      runtime.stores.snoozes.save({
        tenantId,
        id: `snooze:birthday:2027-03-17:${person.id}:manager`,
        managerId: person.managerId as string,
        personId: person.id,
        kind: 'birthday',
        date: '2027-03-17',
        occursOn: '2027-03-17',
        dueAt: REMINDER_HOUR.toISOString(),
      }),
    );
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      const report = await runtime.jobs.milestones({
        now: REMINDER_HOUR,
        tenantIds: [tenantId],
        dryRun: true,
      });
      expect(report.sends.filter((s) => s.outcome === 'planned')).toHaveLength(2 * due.length);
      // The due reports and their managers, then the snoozed reports in one query: their managers
      // are the ones the run read already.
      expect(counter.byKind.get('people read')).toBeUndefined();
      expect(counter.documentsByContainer.get('people')).toBe(3 * due.length);
    } finally {
      counter.stop();
    }
  });

  test('a job that reads every person in one query passes on requests, and fails on documents', async () => {
    const tenantId = 'tenant-requests-wasteful';
    const managers = 10;
    await seedOrg(tenantId, managers);
    const deps: MilestoneJobDeps = {
      settings: runtime.stores.settings,
      runs: runtime.stores.settings,
      candidates: new ReadsEveryone(runtime.cosmos.database.container('people')),
      people: runtime.stores.people,
      snoozes: runtime.stores.snoozes,
      conversations: runtime.conversations,
      recognitions: runtime.stores.recognitions,
      notes: runtime.stores.notes,
      deliveries: runtime.stores.deliveries,
      notifier: new TeamsMilestoneNotifier(runtime.messenger),
      logger: runtime.logger,
      defaultTimeZone: runtime.config.defaultTimeZone,
    };
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      const report = await runMilestoneJob(deps, { now: REMINDER_HOUR, tenantIds: [tenantId], dryRun: true });
      // The same plan as the indexed reads give, within the request budget …
      expect(report.sends.filter((s) => s.outcome === 'planned')).toHaveLength(managers);
      expect(counter.total).toBeLessThanOrEqual(FIXED_REQUESTS + 2);
      // … but every person in the tenant read to find them.
      expect(counter.documentsByContainer.get('people')).toBeGreaterThanOrEqual(BYSTANDERS + 2 * managers);
      expect(() => expectCheapRun(counter, managers)).toThrow(/toBeLessThanOrEqual/);
    } finally {
      counter.stop();
    }
  });

  test('each reminder shows its own person’s kudos and only its manager’s open notes', async () => {
    const tenantId = 'tenant-requests-content';
    const due = await seedOrg(tenantId, 12);
    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [tenantId] });
    expect(report.sends.map((s) => s.outcome)).toEqual(due.map(() => 'sent'));
    for (const d of due) {
      const cards = connector
        .received()
        .filter((a) => a.conversationId === d.conversationId)
        .map((a) => JSON.stringify(a.attachments));
      expect(cards).toHaveLength(1);
      const card = cards[0]!;
      expect(card).toContain(`${d.reportName}’s birthday`);
      expect(card).toContain('"title":"Kudos, last 90 days","value":"2"');
      expect(card).toContain(`Adele Vance for Teamwork: “Latest ${d.reportName}”`);
      expect(card).toContain(`Open ${d.reportName}`);
      expect(card).not.toContain(`Done ${d.reportName}`);
      expect(card).not.toContain('Not yours');
      expect(card).not.toContain(`Early ${d.reportName}`);
    }
  });
});
