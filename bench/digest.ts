/**
 * Benchmarks of the weekly digest job over a directory of 20,000 people (2,000 managers of ~10
 * reports, managers reporting to managers) with a month of kudos (20,000 over 30 days), at the
 * managers' digest hour (Monday 08:00, everyone due), each figure beside a baseline measured in the
 * same run:
 *
 * - `digest-plan`: Cosmos requests and time per digest of a dry run of the digest job for all
 *   2,000 managers, against a naive job that reads each report separately (its id by one query,
 *   then a point read and two recognition queries per report) and builds the same digest with
 *   core's buildDigest (both go through runDigestJob; only the reads differ). The naive job plans
 *   for the first 200 managers only: it sends ~6 times the requests and all 2,000 would take
 *   several minutes here, and finds them as the job did before markers, by a scan of every person.
 *   Documents read per digest and to list the managers (markers against that scan) beside the
 *   requests: on an account RU follow the documents read, not the requests. Ours is run again on a directory a tenth the size, to show its requests
 *   per digest do not follow the directory.
 * - `digest-delivery`: a real run of the job for all 2,000 managers through the real TeamsMessenger
 *   to the fake Bot Connector, which enforces Teams' limits (50 requests/s per tenant): digests
 *   sent, send rate, 429s, duplicates and losses, against the targets.
 *
 * The local Cosmos DB server runs in a process of its own (startLocalCosmosProcess, as in the submit
 * benchmark), so it works on the other core as an account would be elsewhere; the runtime as the
 * Functions host builds it and the fake connector run in this process, all on 127.0.0.1. Request
 * counts are what an account would be asked for; times are the local server's, which has no index
 * and reads the whole container for every query (in linear time), so they are pessimistic, and the
 * send rate is bounded by those reads as much as by the limiter. Other sizes: benchDigest(sizes).
 *
 *   npx tsx bench/digest.ts      # prints one JSON line per figure on stdout, notes on stderr
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TeamsDigestNotifier } from '../bot/digest/notifier';
import { ConversationBook } from '../core/delivery';
import { DIGEST_JOB, runDigestJob, type DigestDirectory, type DigestJobReport } from '../core/digest';
import type { Logger } from '../core/shared';
import type { PeopleDirectory, Person } from '../core/people';
import type { Recognition, RecognitionStore } from '../core/kudos';
import { SettingsCache } from '../core/settings';
import { loadConfig, localToolingEnv } from '../functions/config';
import { createRuntime, type Runtime } from '../functions/composition';
import { CosmosDigestDirectory } from '../functions/cosmos/digestDirectory';
import { CosmosSettingsStore } from '../functions/cosmos/settingsRepository';
import { startLocalCosmosProcess } from '../functions/dev/local/cosmosProcess';
import { startFakeConnector, type FakeConnector } from '../tests/support/fakeConnector';
import {
  buildDirectory,
  inBatches,
  seededRandom,
  seedDirectory,
  tally,
  type Directory,
  type RequestCounter,
} from '../tests/support/milestoneFixtures';
import { type BenchLine, benchLine, note } from './lib/report';
import { countingLogger } from './lib/countingLogger';
import { countCosmosRequestsSent } from '../tests/support/cosmosRequests';

/** Monday 8 March 2027, 08:00 UTC: the default digest moment (Mondays at 08:00), everyone in UTC. */
const DIGEST_HOUR = new Date('2027-03-08T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
/** Teams' per-tenant limit for an app, requests per second. */
const TENANT_LIMIT_PER_S = 50;
/** Reports per manager in the directory tree (the last manager has one fewer). */
const SPAN = 10;
/** Writes in flight while seeding. */
const SEED_CONCURRENCY = 20;
const PROJECT_ROOT = path.resolve(__dirname, '..');

/** Sizes of one run; the defaults are the benchmark's. */
export interface DigestBenchSizes {
  people: number;
  kudos: number;
  /** Managers the naive baseline builds digests for (the first ones); ours builds them for all. */
  baselineSample: number;
  /** Managers the real (sending) run delivers to (the first ones). */
  deliveries: number;
  /** The smaller directory (people; kudos scale with it) ours is run on again. */
  smallPeople: number;
}

const DEFAULT_SIZES: DigestBenchSizes = {
  people: 20_000,
  kudos: 20_000,
  baselineSample: 200,
  // Every manager: 2,000 digests at Teams' 50 requests/s take 40 s.
  deliveries: 2_000,
  smallPeople: 2_000,
};

const line = benchLine;

const pad6 = (n: number) => String(n).padStart(6, '0');

/**
 * `size` people (fields from {@link buildDirectory}) in a tree: person i > 0 reports to person
 * ⌊(i − 1) / SPAN⌋, so the first ⌈(size − 1) / SPAN⌉ people are managers of ~SPAN reports each, and
 * every manager but the first has a manager. Each person's `lastRecognisedOn` is set from `kudos`.
 */
function digestDirectory(tenantId: string, size: number, seed: number): Directory {
  const base = buildDirectory({ tenantId, size, seed });
  const people = base.people.map((p, i): Person => {
    const { managerId: _ignored, ...rest } = p;
    return i === 0 ? rest : { ...rest, managerId: `p-${pad6(Math.floor((i - 1) / SPAN))}` };
  });
  const managers = Math.ceil((size - 1) / SPAN);
  return { ...base, people, managerIds: people.slice(0, managers).map((p) => p.id) };
}

/**
 * `count` kudos over the 30 days before {@link DIGEST_HOUR}: each to one or two people, given by a
 * teammate (half), the recipient's manager (a fifth) or anyone. Sets `lastRecognisedOn` of the
 * recipients in `directory` as the kudos service would.
 */
function monthOfKudos(tenantId: string, directory: Directory, count: number, seed: number): Recognition[] {
  const random = seededRandom(seed);
  const people = directory.people;
  const pick = () => Math.floor(random() * people.length);
  const byIndex = (i: number) => people[i] as Person;
  const kudos: Recognition[] = [];
  const last = new Map<string, string>();
  for (let k = 0; k < count; k++) {
    const to = [byIndex(pick())];
    if (random() < 0.2) to.push(byIndex(pick()));
    const first = to[0] as Person;
    const r = random();
    let giver: Person;
    if (r < 0.2 && first.managerId) {
      giver = people.find((p) => p.id === first.managerId) ?? byIndex(0);
    } else if (r < 0.7 && first.managerId) {
      const lead = Number(first.managerId.slice(2));
      const teammate = lead * SPAN + 1 + Math.floor(random() * SPAN);
      giver = byIndex(Math.min(teammate, people.length - 1));
    } else {
      giver = byIndex(pick());
    }
    const recipients = to.filter((p, i, all) => p.id !== giver.id && all.indexOf(p) === i);
    if (recipients.length === 0) recipients.push(byIndex((pick() + 1) % people.length));
    const createdAt = new Date(DIGEST_HOUR.getTime() - Math.floor(random() * 30 * DAY) - 1000).toISOString();
    const givenOn = createdAt.slice(0, 10);
    const teamId = giver.teamIds?.[0] ?? 'team-01';
    kudos.push({
      tenantId,
      id: `kudos-${pad6(k)}`,
      giver: { id: giver.id, name: giver.displayName },
      recipients: recipients.map((p) => ({ id: p.id, name: p.displayName })),
      recipientIds: recipients.map((p) => p.id),
      value: { id: 'teamwork', name: 'Teamwork' },
      message: `Thanks for the help with release ${k}: it made the week.`,
      place: { kind: 'channel', conversationId: `19:${teamId}-kudos@thread.tacv2`, teamId },
      postToChannel: false,
      createdAt,
      givenOn,
      celebrations: [],
    });
    for (const p of recipients) if ((last.get(p.id) ?? '') < givenOn) last.set(p.id, givenOn);
  }
  for (let i = 0; i < people.length; i++) {
    const on = last.get(byIndex(i).id);
    if (on) people[i] = { ...byIndex(i), lastRecognisedOn: on };
  }
  return kudos;
}

/**
 * A fresh local Cosmos DB server (in a process of its own), the runtime on it and a counter of the
 * requests sent to it, for `body`; all stopped afterwards.
 */
async function withRuntime<T>(
  logger: Logger,
  body: (runtime: Runtime, counter: RequestCounter) => Promise<T>,
): Promise<T> {
  const cosmos = await startLocalCosmosProcess(PROJECT_ROOT);
  let runtime: Runtime | undefined;
  const counter = countCosmosRequestsSent(cosmos.port);
  try {
    runtime = await createRuntime(loadConfig(localToolingEnv({})), {
      cosmos: { kind: 'local', endpoint: cosmos.endpoint, database: 'moments-bench' },
      logger,
    });
    return await body(runtime, counter);
  } finally {
    counter.stop();
    await runtime?.close();
    await cosmos.close();
  }
}

/** Stores a directory and its kudos (at most {@link SEED_CONCURRENCY} writes in flight). */
async function seed(
  runtime: Runtime,
  options: { tenantId: string; people: number; kudos: number; serviceUrl: string; label: string },
): Promise<Directory> {
  const started = performance.now();
  const directory = digestDirectory(options.tenantId, options.people, options.people);
  const kudos = monthOfKudos(options.tenantId, directory, options.kudos, options.people + 1);
  await seedDirectory(runtime, directory, {
    tenantId: options.tenantId,
    serviceUrl: options.serviceUrl,
    concurrency: SEED_CONCURRENCY,
  });
  // Stored through the directory, the people listed their managers; the one-off build of a tenant
  // stored before markers (its first digest run) is done here, outside the measured runs.
  await cosmosDirectory(runtime).managerIds(options.tenantId);
  await inBatches(kudos, SEED_CONCURRENCY, async (k) => {
    await runtime.stores.recognitions.create(k);
  });
  note(
    `digest: stored ${directory.people.length} people (${directory.managerIds.length} managers), ` +
      `${kudos.length} kudos and the chats in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${options.label}), ${SEED_CONCURRENCY} writes in flight`,
  );
  return directory;
}

/**
 * The job's dependencies as composition.ts wires them, with other reads where given, and fresh
 * in-memory copies of chats and settings: the weekly job finds those cold (they are trusted for
 * minutes), so each measured run must not profit from the one before.
 */
function jobWith(
  runtime: Runtime,
  logger: Logger,
  ports: { directory?: DigestDirectory; people?: PeopleDirectory; recognitions?: RecognitionStore } = {},
) {
  const { stores } = runtime;
  const directory = ports.directory ?? cosmosDirectory(runtime);
  const settings = new SettingsCache(
    new CosmosSettingsStore(runtime.cosmos.database.container('settings'), runtime.logger),
  );
  return (options: { now: Date; tenantIds?: string[]; dryRun?: boolean }) =>
    runDigestJob(
      {
        settings,
        runs: settings,
        directory,
        people: ports.people ?? stores.people,
        recognitions: ports.recognitions ?? stores.recognitions,
        notes: stores.notes,
        conversations: new ConversationBook(stores.conversations, logger),
        deliveries: stores.deliveries,
        notifier: new TeamsDigestNotifier(runtime.messenger),
        logger,
        defaultTimeZone: runtime.config.defaultTimeZone,
      },
      options,
    );
}

/** The production directory port. */
function cosmosDirectory(runtime: Runtime): DigestDirectory {
  return new CosmosDigestDirectory(runtime.cosmos.database.container('people'));
}

/** Only the managers among `sample` (the production query, filtered). */
function sampledDirectory(runtime: Runtime, sample: ReadonlySet<string>): DigestDirectory {
  const directory = cosmosDirectory(runtime);
  return {
    managerIds: async (tenantId) => (await directory.managerIds(tenantId)).filter((id) => sample.has(id)),
    withoutReports: (tenantId, managerId) => directory.withoutReports(tenantId, managerId),
  };
}

/**
 * The managers as the job found them before the people directory kept markers: a projection of
 * `managerId` over every person (the scan-all baseline), deduplicated, then only those in `sample`.
 */
function scannedDirectory(runtime: Runtime, sample?: ReadonlySet<string>): DigestDirectory {
  const container = runtime.cosmos.database.container('people');
  return {
    managerIds: async (tenantId) => {
      const { resources } = await container.items
        .query<unknown>({
          query: 'SELECT VALUE c.managerId FROM c WHERE c.tenantId = @tenantId AND IS_STRING(c.managerId)',
          parameters: [{ name: '@tenantId', value: tenantId }],
        })
        .fetchAll();
      const ids = new Set(resources.filter((id): id is string => typeof id === 'string'));
      return [...ids].filter((id) => !sample || sample.has(id)).sort();
    },
    withoutReports: async () => {},
  };
}

/** The naive reads: the report ids by one query, then a point read per report. */
function naivePeople(runtime: Runtime): PeopleDirectory {
  const people = runtime.stores.people;
  const container = runtime.cosmos.database.container('people');
  const naive: PeopleDirectory = {
    get: (tenantId, id) => people.get(tenantId, id),
    findMany: (tenantId, ids) => people.findMany(tenantId, ids),
    findByEmails: (tenantId, emails) => people.findByEmails(tenantId, emails),
    save: (person, options) => people.save(person, options),
    listManagers: (tenantId, managerIds) => people.listManagers(tenantId, managerIds),
    addIfAbsent: (person) => people.addIfAbsent(person),
    addTeam: (tenantId, id, teamId) => people.addTeam(tenantId, id, teamId),
    unlinkManager: (tenantId, id, managerId) => people.unlinkManager(tenantId, id, managerId),
    clearMute: (tenantId, managerId, mutedId) => people.clearMute(tenantId, managerId, mutedId),
    markRecognised: (tenantId, id, givenOn) => people.markRecognised(tenantId, id, givenOn),
    rememberLocale: (tenantId, id, locale) => people.rememberLocale(tenantId, id, locale),
    remove: (tenantId, id) => people.remove(tenantId, id),
    count: (tenantId) => people.count(tenantId),
    notRecognisedSince: (tenantId, since, limit) => people.notRecognisedSince(tenantId, since, limit),
    reportsOf: async (tenantId, managerId) => {
      const { resources } = await container.items
        .query<{ id: string }>({
          query: 'SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.managerId = @managerId',
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@managerId', value: managerId },
          ],
        })
        .fetchAll();
      const found = await Promise.all(resources.map((r) => people.get(tenantId, r.id)));
      return found.filter((p): p is Person => p !== undefined);
    },
    reportsOfEach: async (tenantId, managerIds) => {
      const each = new Map<string, Person[]>();
      for (const managerId of new Set(managerIds)) {
        const reports = await naive.reportsOf(tenantId, managerId);
        if (reports.length > 0) each.set(managerId, reports);
      }
      return each;
    },
  };
  return naive;
}

/** The naive recognition reads: one query per person rather than one for the team. */
function naiveRecognitions(runtime: Runtime): RecognitionStore {
  const store = runtime.stores.recognitions;
  const each = async (ids: string[], read: (id: string) => Promise<Recognition[]>) =>
    (await Promise.all([...new Set(ids)].map(read))).flat();
  return {
    create: (r) => store.create(r),
    get: (tenantId, id) => store.get(tenantId, id),
    update: (tenantId, id, change) => store.update(tenantId, id, change),
    countGivenOn: (tenantId, giverId, givenOn) => store.countGivenOn(tenantId, giverId, givenOn),
    createdBetween: (tenantId, from, to) => store.createdBetween(tenantId, from, to),
    pendingFanOuts: (tenantId, before) => store.pendingFanOuts(tenantId, before),
    involving: (tenantId, personId) => store.involving(tenantId, personId),
    forRecipientsSince: (tenantId, ids, since) =>
      each(ids, (id) => store.forRecipientsSince(tenantId, [id], since)),
    givenBySince: (tenantId, ids, since) => each(ids, (id) => store.givenBySince(tenantId, [id], since)),
  };
}

interface PlanMeasure {
  digests: number;
  requests: number;
  /** Documents the answers carried (RequestCounter.documents): what drives RU on an account. */
  documents: number;
  ms: number;
  perDigest: number;
  documentsPerDigest: number;
  msPerDigest: number;
  byKind: string;
}

async function measure(counter: RequestCounter, run: () => Promise<DigestJobReport>): Promise<PlanMeasure> {
  counter.reset();
  const started = performance.now();
  const report = await run();
  const ms = performance.now() - started;
  const digests = report.sends.filter((s) => s.outcome === 'planned').length;
  return {
    digests,
    requests: counter.total,
    documents: counter.documents,
    ms,
    perDigest: counter.total / digests,
    documentsPerDigest: counter.documents / digests,
    msPerDigest: ms / digests,
    byKind: [...counter.byKind].map(([kind, n]) => `${kind}=${n}`).join(', '),
  };
}

function describe(name: string, m: PlanMeasure): void {
  note(
    `  ${name}: ${m.digests} digests, ${m.requests} requests (${m.perDigest.toFixed(2)}/digest), ` +
      `${m.documents} documents read (${m.documentsPerDigest.toFixed(2)}/digest) in ` +
      `${(m.ms / 1000).toFixed(1)} s (${m.msPerDigest.toFixed(1)} ms/digest) [${m.byKind}]`,
  );
}

/** Documents read to list the tenant's managers: the markers, against the scan of every person. */
async function directoryDocuments(
  runtime: Runtime,
  counter: RequestCounter,
  tenantId: string,
): Promise<{ ours: number; scan: number }> {
  counter.reset();
  const listed = await cosmosDirectory(runtime).managerIds(tenantId);
  const ours = counter.documents;
  counter.reset();
  const scanned = await scannedDirectory(runtime).managerIds(tenantId);
  const scan = counter.documents;
  if (listed.join() !== scanned.join()) {
    note(`  WARNING: the markers list ${listed.length} managers, the scan ${scanned.length}`);
  }
  note(`  managers listed from ${ours} documents (markers), against ${scan} (a scan of every person)`);
  return { ours, scan };
}

/**
 * Dry runs of ours (every manager) and of the naive job (the first `baselineSample`, its managers
 * from the scan of every person).
 */
async function benchPlan(
  runtime: Runtime,
  counter: RequestCounter,
  logger: Logger,
  options: { tenantId: string; directory: Directory; baselineSample: number },
): Promise<{ ours: PlanMeasure; naive: PlanMeasure; directory: { ours: number; scan: number } }> {
  const { tenantId, directory } = options;
  const people = directory.people.length;
  const managers = directory.managerIds.length;
  const run = { now: DIGEST_HOUR, tenantIds: [tenantId], dryRun: true };
  const ours = await measure(counter, () => jobWith(runtime, logger)(run));
  describe(`ours, ${people} people, all ${managers} managers`, ours);
  const sample = new Set(directory.managerIds.slice(0, options.baselineSample));
  const naive = await measure(counter, () =>
    jobWith(runtime, logger, {
      directory: scannedDirectory(runtime, sample),
      people: naivePeople(runtime),
      recognitions: naiveRecognitions(runtime),
    })(run),
  );
  describe(`naive, ${people} people, first ${sample.size} of ${managers} managers`, naive);
  return { ours, naive, directory: await directoryDocuments(runtime, counter, tenantId) };
}

/** A real run for the first `deliveries` managers through the fake connector, against the targets. */
async function benchDelivery(
  runtime: Runtime,
  counter: RequestCounter,
  logger: Logger,
  connector: FakeConnector,
  options: { tenantId: string; directory: Directory; deliveries: number },
): Promise<BenchLine[]> {
  const { tenantId, directory } = options;
  const managers = directory.managerIds.length;
  const subset = new Set(directory.managerIds.slice(0, options.deliveries));
  note(
    subset.size === managers
      ? `digest-delivery: a real run sending all ${managers} digests`
      : `digest-delivery: a real run sending ${subset.size} of the ${managers} digests (the first managers)`,
  );
  counter.reset();
  const started = performance.now();
  const report = await jobWith(runtime, logger, {
    directory: subset.size === managers ? cosmosDirectory(runtime) : sampledDirectory(runtime, subset),
  })({ now: DIGEST_HOUR, tenantIds: [tenantId] });
  const seconds = (performance.now() - started) / 1000;
  const due = [...subset].map((id) => ({ conversationId: `a:${id}` }));
  const counts = tally(due, connector.received());
  const stats = connector.stats();
  const sent = report.sends.filter((s) => s.outcome === 'sent').length;
  const at = connector.received().map((r) => r.at);
  const acceptRate =
    at.length < 2 ? Number.NaN : ((at.length - 1) * 1000) / (Math.max(...at) - Math.min(...at));
  const outcomes = new Map<string, number>();
  for (const s of report.sends) outcomes.set(s.outcome, (outcomes.get(s.outcome) ?? 0) + 1);
  const recorded = await runtime.stores.settings.lastRun(tenantId, DIGEST_JOB);
  const rate = stats.accepted / seconds;
  note(
    `  ${sent}/${subset.size} digests sent in ${seconds.toFixed(1)} s (${rate.toFixed(1)} digests/s; ` +
      `${acceptRate.toFixed(1)}/s first to last accept), ${stats.throttled} 429s, ` +
      `${counts.duplicates} duplicates, ${counts.lost} lost, ${counter.total} Cosmos requests, ` +
      `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}, run recorded: ${recorded?.toISOString() ?? 'no'}`,
  );
  const bench = 'digest-delivery';
  // Against the target, not a measured baseline: 90% of Teams' 50 requests/s per tenant, and 0.
  return [
    line(bench, 'send-rate', rate, 'digests/s', TENANT_LIMIT_PER_S * 0.9),
    line(bench, 'send-rate-accepted', acceptRate, 'digests/s', TENANT_LIMIT_PER_S * 0.9),
    line(bench, 'share-of-tenant-limit', rate / TENANT_LIMIT_PER_S, 'fraction', 0.9),
    line(bench, '429s', stats.throttled, 'count', 0),
    line(bench, 'duplicates', counts.duplicates, 'count', 0),
    line(bench, 'losses', counts.lost, 'count', 0),
    line(bench, 'digests-sent', sent, 'count', subset.size),
  ];
}

/** The large directory: both plans, then the real run. */
async function benchLarge(
  sizes: DigestBenchSizes,
  logger: Logger,
): Promise<{
  ours: PlanMeasure;
  naive: PlanMeasure;
  directory: { ours: number; scan: number };
  delivery: BenchLine[];
}> {
  const connector = await startFakeConnector();
  try {
    return await withRuntime(logger, async (runtime, counter) => {
      const tenantId = 'bench-digest';
      const directory = await seed(runtime, {
        tenantId,
        people: sizes.people,
        kudos: sizes.kudos,
        serviceUrl: connector.url,
        label: 'large',
      });
      const plan = await benchPlan(runtime, counter, logger, {
        tenantId,
        directory,
        baselineSample: sizes.baselineSample,
      });
      if (connector.stats().requests > 0) note('  WARNING: a dry run sent something');
      const delivery = await benchDelivery(runtime, counter, logger, connector, {
        tenantId,
        directory,
        deliveries: sizes.deliveries,
      });
      return { ...plan, delivery };
    });
  } finally {
    await connector.close();
  }
}

/** The small directory, on a server of its own (the local one reads every document): ours, dry. */
async function benchSmall(sizes: DigestBenchSizes, logger: Logger): Promise<PlanMeasure> {
  // Dry runs send nothing; the stored chats still need a service URL.
  const connector = await startFakeConnector();
  try {
    return await withRuntime(logger, async (runtime, counter) => {
      const tenantId = 'bench-digest-small';
      const directory = await seed(runtime, {
        tenantId,
        people: sizes.smallPeople,
        kudos: Math.round((sizes.kudos * sizes.smallPeople) / sizes.people),
        serviceUrl: connector.url,
        label: 'small',
      });
      const small = await measure(counter, () =>
        jobWith(runtime, logger)({ now: DIGEST_HOUR, tenantIds: [tenantId], dryRun: true }),
      );
      describe(`ours, ${sizes.smallPeople} people, all ${directory.managerIds.length} managers`, small);
      if (connector.stats().requests > 0) note('  WARNING: a dry run sent something');
      return small;
    });
  } finally {
    await connector.close();
  }
}

/** Runs both benchmarks; returns their lines (printing is the caller's). */
export async function benchDigest(sizes: Partial<DigestBenchSizes> = {}): Promise<BenchLine[]> {
  const all = { ...DEFAULT_SIZES, ...sizes };
  const logger = countingLogger();
  const started = performance.now();
  const large = await benchLarge(all, logger);
  const small = await benchSmall(all, logger);
  note(`digest bench: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  if (logger.counts.warn + logger.counts.error > 0) {
    note(`digest bench: the app logged ${logger.counts.warn} warnings, ${logger.counts.error} errors`);
  }
  const bench = 'digest-plan';
  const { ours, naive } = large;
  return [
    line(bench, 'requests-per-digest', ours.perDigest, 'requests/digest', naive.perDigest),
    line(
      bench,
      'documents-per-digest',
      ours.documentsPerDigest,
      'documents/digest',
      naive.documentsPerDigest,
    ),
    line(bench, 'manager-list-documents', large.directory.ours, 'documents', large.directory.scan),
    line(bench, 'ms-per-digest', ours.msPerDigest, 'ms/digest', naive.msPerDigest),
    // Against ours at the large directory, not the naive job: the figure should not grow with it.
    line(
      bench,
      `requests-per-digest-${all.smallPeople}-people`,
      small.perDigest,
      'requests/digest',
      ours.perDigest,
    ),
    line(bench, `ms-per-digest-${all.smallPeople}-people`, small.msPerDigest, 'ms/digest', ours.msPerDigest),
    line(
      bench,
      `documents-per-digest-${all.smallPeople}-people`,
      small.documentsPerDigest,
      'documents/digest',
      ours.documentsPerDigest,
    ),
    ...large.delivery,
  ];
}

if (require.main === module) {
  benchDigest()
    .then((lines) => {
      for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
    })
    .catch((err: unknown) => {
      note(`digest bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    });
}
