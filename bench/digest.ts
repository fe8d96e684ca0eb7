/**
 * Benchmarks of the weekly digest job, each beside a baseline measured in the same run:
 *
 * - `digest-plan`: Cosmos requests and time per digest of dry runs of the digest job at the
 *   managers' digest hour (Monday 08:00, everyone due), over a directory of 20,000 people (2,000
 *   managers of ~10 reports, managers reporting to managers) with a month of kudos (20,000 over
 *   30 days), against a naive job that reads each report separately (its id by one query, then a
 *   point read and two recognition queries per report) and builds the same digest with core's
 *   buildDigest (both go through runDigestJob; only the reads differ). Both plan for a sample of
 *   the managers: the local server evaluates every query against every document of the container,
 *   so all 2,000 would take far longer than the bench's few minutes. Ours is run again on a
 *   directory a tenth the size, to show its requests per digest do not follow the directory.
 * - `digest-delivery`: a real run of the job through the real TeamsMessenger to the fake Bot
 *   Connector, which enforces Teams' limits (50 requests/s per tenant), for a subset of the
 *   managers of the smaller directory: send rate, 429s, duplicates and losses, against the targets.
 *
 * Everything runs in this process: the local Cosmos DB server, the runtime as the Functions host
 * builds it, and the fake connector, all on 127.0.0.1.
 *
 *   npx tsx bench/digest.ts      # prints one JSON line per figure on stdout, notes on stderr
 */
import { performance } from 'node:perf_hooks';
import { TeamsDigestNotifier } from '../bot/digest/notifier';
import { DIGEST_JOB, runDigestJob, type DigestDirectory, type DigestJobReport } from '../core/digestJob';
import type { Logger } from '../core/logger';
import type { PeopleDirectory, Person } from '../core/people';
import type { Recognition, RecognitionStore } from '../core/recognitions';
import { loadConfig } from '../functions/config';
import { createRuntime, type Runtime } from '../functions/composition';
import { CosmosDigestDirectory } from '../functions/cosmos/digestDirectory';
import { startTestCosmos, type TestCosmos } from '../tests/support/cosmos';
import { startFakeConnector } from '../tests/support/fakeConnector';
import {
  buildDirectory,
  countCosmosRequests,
  inBatches,
  seededRandom,
  seedDirectory,
  tally,
  type Directory,
  type RequestCounter,
} from '../tests/support/milestoneFixtures';
import type { BenchLine } from './lib/report';
import { benchLine, note } from './lib/report';
import { countingLogger } from './lib/countingLogger';

/** Monday 8 March 2027, 08:00 UTC: the default digest moment (Mondays at 08:00), everyone in UTC. */
const DIGEST_HOUR = new Date('2027-03-08T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
/** Teams' per-tenant limit for an app, requests per second. */
const TENANT_LIMIT_PER_S = 50;
/** Reports per manager in the directory tree (the last manager has one fewer). */
const SPAN = 10;
/** Writes in flight while seeding. */
const SEED_CONCURRENCY = 20;

/** Sizes of one run; the defaults are the benchmark's. */
export interface DigestBenchSizes {
  people: number;
  kudos: number;
  /** Managers ours builds digests for in the large directory (the first ones). */
  oursSample: number;
  /** Managers the naive baseline builds digests for (the first ones). */
  baselineSample: number;
  /** Managers the real (sending) run delivers to, in the small directory. */
  deliveries: number;
  /** Managers of the small directory ours plans for (dry). */
  smallSample: number;
  /** The smaller directory (people; kudos scale with it) ours is run on again. */
  smallPeople: number;
}

// 5,000 people by default: at 20,000 the local Cosmos DB server, which scans the container for
// every query in worse than linear time, answers some queries after the SDK's 60 s timeout.
// `npx tsx bench/digest.ts` with larger sizes needs a real account (COSMOS_ENDPOINT).
const DEFAULT_SIZES: DigestBenchSizes = {
  people: 5_000,
  kudos: 5_000,
  // Small samples: the local Cosmos DB server scans a container for every query, so one digest at
  // 20,000 people takes seconds here whatever its request count (the figure that matters).
  oursSample: 5,
  baselineSample: 2,
  deliveries: 300,
  smallSample: 60,
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

/** A fresh local Cosmos DB server and runtime for `body`, stopped afterwards. */
async function withRuntime<T>(
  logger: Logger,
  body: (runtime: Runtime, cosmos: TestCosmos) => Promise<T>,
): Promise<T> {
  const cosmos = await startTestCosmos();
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime(loadConfig({}), {
      cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
      logger,
    });
    return await body(runtime, cosmos);
  } finally {
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

/** The job's dependencies as composition.ts wires them, with other reads where given. */
function jobWith(
  runtime: Runtime,
  logger: Logger,
  ports: { directory?: DigestDirectory; people?: PeopleDirectory; recognitions?: RecognitionStore } = {},
) {
  const { stores } = runtime;
  const directory = ports.directory ?? new CosmosDigestDirectory(runtime.cosmos.database.container('people'));
  return (options: { now: Date; tenantIds?: string[]; dryRun?: boolean }) =>
    runDigestJob(
      {
        settings: stores.settings,
        runs: stores.settings,
        directory,
        people: ports.people ?? stores.people,
        recognitions: ports.recognitions ?? stores.recognitions,
        notes: stores.notes,
        conversations: runtime.conversations,
        deliveries: stores.deliveries,
        notifier: new TeamsDigestNotifier(runtime.bot.messenger),
        logger,
        defaultTimeZone: runtime.config.defaultTimeZone,
      },
      options,
    );
}

/** The manager ids as the production directory port reads them (one projection query). */
function cosmosManagerIds(runtime: Runtime, tenantId: string): Promise<string[]> {
  return new CosmosDigestDirectory(runtime.cosmos.database.container('people')).managerIds(tenantId);
}

/** Only the managers among `sample` (the production query, filtered). */
function sampledDirectory(runtime: Runtime, sample: ReadonlySet<string>): DigestDirectory {
  return {
    managerIds: async (tenantId) =>
      (await cosmosManagerIds(runtime, tenantId)).filter((id) => sample.has(id)),
  };
}

/** The naive reads: the report ids by one query, then a point read per report. */
function naivePeople(runtime: Runtime): PeopleDirectory {
  const people = runtime.stores.people;
  const container = runtime.cosmos.database.container('people');
  return {
    get: (tenantId, id) => people.get(tenantId, id),
    findMany: (tenantId, ids) => people.findMany(tenantId, ids),
    findByEmails: (tenantId, emails) => people.findByEmails(tenantId, emails),
    save: (person) => people.save(person),
    remove: (tenantId, id) => people.remove(tenantId, id),
    count: (tenantId) => people.count(tenantId),
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
  };
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
    involving: (tenantId, personId) => store.involving(tenantId, personId),
    forRecipientsSince: (tenantId, ids, since) =>
      each(ids, (id) => store.forRecipientsSince(tenantId, [id], since)),
    givenBySince: (tenantId, ids, since) => each(ids, (id) => store.givenBySince(tenantId, [id], since)),
  };
}

interface PlanMeasure {
  digests: number;
  requests: number;
  ms: number;
  perDigest: number;
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
    ms,
    perDigest: counter.total / digests,
    msPerDigest: ms / digests,
    byKind: [...counter.byKind].map(([kind, n]) => `${kind}=${n}`).join(', '),
  };
}

function describe(name: string, m: PlanMeasure): void {
  note(
    `  ${name}: ${m.digests} digests, ${m.requests} requests (${m.perDigest.toFixed(2)}/digest) in ` +
      `${(m.ms / 1000).toFixed(1)} s (${m.msPerDigest.toFixed(1)} ms/digest) [${m.byKind}]`,
  );
}

/** Dry runs of ours and of the naive job over the large directory, each on a sample of managers. */
async function benchPlan(
  sizes: DigestBenchSizes,
  logger: Logger,
): Promise<{ ours: PlanMeasure; naive: PlanMeasure; managers: number }> {
  // Dry runs send nothing; the stored chats still need a service URL.
  const connector = await startFakeConnector();
  try {
    return await withRuntime(logger, async (runtime, cosmos) => {
      const tenantId = 'bench-digest';
      const directory = await seed(runtime, {
        tenantId,
        people: sizes.people,
        kudos: sizes.kudos,
        serviceUrl: connector.url,
        label: 'large',
      });
      const counter = countCosmosRequests(cosmos.server.port);
      const options = { now: DIGEST_HOUR, tenantIds: [tenantId], dryRun: true };
      const first = (n: number) => sampledDirectory(runtime, new Set(directory.managerIds.slice(0, n)));
      try {
        const ours = await measure(counter, () =>
          jobWith(runtime, logger, { directory: first(sizes.oursSample) })(options),
        );
        describe(`ours, ${sizes.people} people, first ${sizes.oursSample} managers`, ours);
        const naive = await measure(counter, () =>
          jobWith(runtime, logger, {
            directory: first(sizes.baselineSample),
            people: naivePeople(runtime),
            recognitions: naiveRecognitions(runtime),
          })(options),
        );
        describe(`naive, ${sizes.people} people, first ${sizes.baselineSample} managers`, naive);
        note(
          `  (samples: ours planned ${sizes.oursSample} and the naive job ${sizes.baselineSample} of the ` +
            `${directory.managerIds.length} managers due, all through runDigestJob with the production ` +
            `manager query filtered to the sample: the local server evaluates each query against every ` +
            `document, so all ${directory.managerIds.length} would take far longer than the time budget)`,
        );
        if (connector.stats().requests > 0) note('  WARNING: a dry run sent something');
        return { ours, naive, managers: directory.managerIds.length };
      } finally {
        counter.stop();
      }
    });
  } finally {
    await connector.close();
  }
}

/**
 * The small directory (its own server: the local one scans everything): ours again, dry, then a
 * real run for the first `deliveries` managers through the fake connector.
 */
async function benchDelivery(
  sizes: DigestBenchSizes,
  logger: Logger,
): Promise<{ small: PlanMeasure; lines: BenchLine[] }> {
  const connector = await startFakeConnector();
  try {
    return await withRuntime(logger, async (runtime, cosmos) => {
      const tenantId = 'bench-digest-small';
      const kudos = Math.round((sizes.kudos * sizes.smallPeople) / sizes.people);
      const directory = await seed(runtime, {
        tenantId,
        people: sizes.smallPeople,
        kudos,
        serviceUrl: connector.url,
        label: 'small',
      });
      const first = (n: number) => new Set(directory.managerIds.slice(0, n));
      const counter = countCosmosRequests(cosmos.server.port);
      try {
        const small = await measure(counter, () =>
          jobWith(runtime, logger, { directory: sampledDirectory(runtime, first(sizes.smallSample)) })({
            now: DIGEST_HOUR,
            tenantIds: [tenantId],
            dryRun: true,
          }),
        );
        describe(`ours, ${sizes.smallPeople} people, first ${sizes.smallSample} managers`, small);
        if (connector.stats().requests > 0) note('  WARNING: a dry run sent something');

        const subset = first(sizes.deliveries);
        note(
          `digest-delivery: a real run for the first ${subset.size} of ${directory.managerIds.length} ` +
            `managers of the ${sizes.smallPeople}-person directory (a subset, to stay within the time budget)`,
        );
        counter.reset();
        const started = performance.now();
        const report = await jobWith(runtime, logger, { directory: sampledDirectory(runtime, subset) })({
          now: DIGEST_HOUR,
          tenantIds: [tenantId],
        });
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
          `  ${sent}/${subset.size} sent in ${seconds.toFixed(1)} s (${rate.toFixed(1)} digests/s; ` +
            `${acceptRate.toFixed(1)}/s first to last accept), ${stats.throttled} 429s, ` +
            `${counts.duplicates} duplicates, ${counts.lost} lost, ${counter.total} Cosmos requests, ` +
            `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}, run recorded: ${recorded?.toISOString() ?? 'no'}`,
        );
        const bench = 'digest-delivery';
        // Against the target, not a measured baseline: 90% of Teams' 50 requests/s per tenant, and 0.
        return {
          small,
          lines: [
            line(bench, 'send-rate', rate, 'digests/s', TENANT_LIMIT_PER_S * 0.9),
            line(bench, 'send-rate-accepted', acceptRate, 'digests/s', TENANT_LIMIT_PER_S * 0.9),
            line(bench, 'share-of-tenant-limit', rate / TENANT_LIMIT_PER_S, 'fraction', 0.9),
            line(bench, '429s', stats.throttled, 'count', 0),
            line(bench, 'duplicates', counts.duplicates, 'count', 0),
            line(bench, 'losses', counts.lost, 'count', 0),
            line(bench, 'digests-sent', sent, 'count', subset.size),
          ],
        };
      } finally {
        counter.stop();
      }
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
  const plan = await benchPlan(all, logger);
  const delivery = await benchDelivery(all, logger);
  note(`digest bench: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  if (logger.counts.warn + logger.counts.error > 0) {
    note(`digest bench: the app logged ${logger.counts.warn} warnings, ${logger.counts.error} errors`);
  }
  const bench = 'digest-plan';
  const { ours, naive } = plan;
  return [
    line(bench, 'requests-per-digest', ours.perDigest, 'requests/digest', naive.perDigest),
    line(bench, 'ms-per-digest', ours.msPerDigest, 'ms/digest', naive.msPerDigest),
    // Against ours at the large directory, not the naive job: the figure should not grow with it.
    line(
      bench,
      `requests-per-digest-${all.smallPeople}-people`,
      delivery.small.perDigest,
      'requests/digest',
      ours.perDigest,
    ),
    line(
      bench,
      `ms-per-digest-${all.smallPeople}-people`,
      delivery.small.msPerDigest,
      'ms/digest',
      ours.msPerDigest,
    ),
    ...delivery.lines,
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
