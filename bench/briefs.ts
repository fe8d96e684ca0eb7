/**
 * Benchmarks of the calendar briefs job (`briefs`): one dry run at an instant when every opted-in
 * manager has a brief due (Monday 08:50 UTC, each a 1:1 at 09:00 with one report, briefed 10
 * minutes before), over a directory of 20,000 people whose 2,000 managers opted in, their calendars
 * from the fake Graph (bench/briefs/fixtures.ts), each figure beside a baseline measured in the
 * same run:
 *
 * - Graph requests per run and per 20 managers (the JSON batches of GraphCalendar, pages included),
 *   against a naive reader that asks for each manager's calendar in a request of its own;
 * - Cosmos requests and documents per brief, against a naive job that reads each report separately
 *   (the ids by one query, then a point read per report, and a point read per person the brief
 *   names) for the first managers only (`baselineSample`), as the digest benchmark does;
 * - brief build time per manager (the dry run's time over the briefs it built), against the naive;
 * - Cosmos requests and documents per brief again on a directory of 2,000 people (200 managers), on
 *   a server of its own, against the 20,000: they do not follow the tenant's size.
 *
 * The local Cosmos DB server runs in a process of its own (startLocalCosmosProcess); the runtime,
 * the job and the fake Graph run here, all on 127.0.0.1. The local server has no index and reads
 * the whole container for every query, so times are pessimistic; the counts carry over to Azure.
 *
 *   npx tsx bench/briefs.ts      # prints one JSON line per figure on stdout, notes on stderr
 */
import type { TokenCredential } from '@azure/identity';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TeamsBriefNotifier } from '../bot/briefs/notifier';
import { runBriefJob, type BriefJobReport, type BriefManagers, type CalendarReader } from '../core/briefs';
import { ConversationBook } from '../core/delivery';
import type { PeopleDirectory } from '../core/people';
import { SettingsCache, defaultTenantSettings } from '../core/settings';
import type { Logger } from '../core/shared';
import { loadConfig, localToolingEnv } from '../functions/config';
import { createRuntime, type Runtime } from '../functions/composition';
import { CosmosBriefManagers } from '../functions/cosmos/briefManagers';
import { CosmosSettingsStore } from '../functions/cosmos/settingsRepository';
import { startLocalCosmosProcess } from '../functions/dev/local/cosmosProcess';
import { GraphCalendar } from '../functions/graph/graphCalendar';
import { countCosmosRequestsSent } from '../tests/support/cosmosRequests';
import { startFakeGraph, type FakeGraph } from '../tests/support/fakeGraph';
import { inBatches, seedDirectory, type RequestCounter } from '../tests/support/milestoneFixtures';
import { briefDirectory, calendarsOf, DUE_RUN, kudosFor } from './briefs/fixtures';
import { naiveCalendarPerManager, naivePeoplePerPerson, reportIdsOf, sampledManagers } from './briefs/naive';
import { countingLogger } from './lib/countingLogger';
import { benchLine, note, type BenchLine } from './lib/report';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const TOKEN = 'bench-calendar-token';
const SEED_CONCURRENCY = 20;
/** Graph's limit of requests in one JSON batch: the target is one Graph request per this many managers. */
const PER_BATCH = 20;

/** Sizes of one run; the defaults are the benchmark's. */
export interface BriefBenchSizes {
  people: number;
  /** Managers the naive Cosmos reads build briefs for (the first ones); ours builds them for all. */
  baselineSample: number;
  /** The smaller directory ours is run on again. */
  smallPeople: number;
}

const DEFAULT_SIZES: BriefBenchSizes = { people: 20_000, baselineSample: 200, smallPeople: 2_000 };

/** Sizes from BENCH_BRIEFS_PEOPLE / BENCH_BRIEFS_SAMPLE / BENCH_BRIEFS_SMALL, else the defaults. */
export function briefSizesFromEnv(env: NodeJS.ProcessEnv = process.env): BriefBenchSizes {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 11) throw new Error(`${name} must be an integer ≥ 11`);
    return value;
  };
  return {
    people: read('BENCH_BRIEFS_PEOPLE', DEFAULT_SIZES.people),
    baselineSample: read('BENCH_BRIEFS_SAMPLE', DEFAULT_SIZES.baselineSample),
    smallPeople: read('BENCH_BRIEFS_SMALL', DEFAULT_SIZES.smallPeople),
  };
}

const credential: TokenCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** One tenant on its own local Cosmos server (in a process of its own) and fake Graph. */
interface Bench {
  runtime: Runtime;
  counter: RequestCounter;
  graph: FakeGraph;
  tenantId: string;
  managerIds: string[];
}

async function withTenant<T>(people: number, logger: Logger, body: (bench: Bench) => Promise<T>): Promise<T> {
  const cosmos = await startLocalCosmosProcess(PROJECT_ROOT);
  const counter = countCosmosRequestsSent(cosmos.port);
  let runtime: Runtime | undefined;
  let graph: FakeGraph | undefined;
  try {
    runtime = await createRuntime(loadConfig(localToolingEnv({})), {
      cosmos: { kind: 'local', endpoint: cosmos.endpoint, database: 'moments-bench' },
      logger,
    });
    const tenantId = `bench-briefs-${people}`;
    const started = performance.now();
    const directory = briefDirectory(tenantId, people);
    // Dry runs send nothing; the stored chats still need a service URL.
    await seedDirectory(runtime, directory, {
      tenantId,
      serviceUrl: 'http://127.0.0.1:9/',
      concurrency: SEED_CONCURRENCY,
    });
    await runtime.stores.settings.saveTenant({
      ...defaultTenantSettings(tenantId, 'UTC'),
      calendarBriefs: true,
    });
    const kudos = kudosFor(tenantId, directory);
    const stores = runtime.stores;
    await inBatches(kudos, SEED_CONCURRENCY, async (k) => {
      await stores.recognitions.create(k);
    });
    const events = calendarsOf(directory);
    graph = await startFakeGraph({ users: [], token: TOKEN, calendar: { events } });
    note(
      `briefs: stored ${directory.people.length} people (${directory.managerIds.length} managers opted in), ` +
        `${kudos.length} kudos and ${events.length} calendar events in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return await body({ runtime, counter, graph, tenantId, managerIds: directory.managerIds });
  } finally {
    counter.stop();
    await graph?.close();
    await runtime?.close();
    await cosmos.close();
  }
}

/** The job as hourlyJobs.ts wires it, with other reads where given, settings and chats cold. */
function runJob(
  bench: Bench,
  logger: Logger,
  ports: { calendar?: CalendarReader; people?: PeopleDirectory; managers?: BriefManagers } = {},
): Promise<BriefJobReport> {
  const { runtime, graph, tenantId } = bench;
  const { stores } = runtime;
  const settings = new SettingsCache(
    new CosmosSettingsStore(runtime.cosmos.database.container('settings'), runtime.logger),
  );
  const people = runtime.cosmos.database.container('people');
  return runBriefJob(
    {
      settings,
      runs: settings,
      people: ports.people ?? stores.people,
      recognitions: stores.recognitions,
      notes: stores.notes,
      managers: ports.managers ?? new CosmosBriefManagers(people, logger),
      calendar: ports.calendar ?? graphCalendar(graph),
      notifier: new TeamsBriefNotifier(runtime.messenger),
      namedAdmins: [],
      conversations: new ConversationBook(stores.conversations, logger),
      deliveries: stores.deliveries,
      logger,
      defaultTimeZone: runtime.config.defaultTimeZone,
    },
    { now: DUE_RUN, tenantIds: [tenantId], dryRun: true },
  );
}

const graphCalendar = (graph: FakeGraph) =>
  new GraphCalendar({ credential, baseUrl: graph.baseUrl, sleep: async () => {} });

interface RunMeasure {
  managers: number;
  briefs: number;
  graphRequests: number;
  cosmosRequests: number;
  documents: number;
  ms: number;
  byKind: string;
}

async function measure(bench: Bench, run: () => Promise<BriefJobReport>): Promise<RunMeasure> {
  const graphBefore = bench.graph.requests.length;
  bench.counter.reset();
  const started = performance.now();
  const report = await run();
  const ms = performance.now() - started;
  const planned = report.sends.filter((s) => s.outcome === 'planned');
  return {
    managers: new Set(planned.map((s) => s.managerId)).size,
    briefs: planned.filter((s) => s.kind === 'oneOnOne').length,
    graphRequests: bench.graph.requests.length - graphBefore,
    cosmosRequests: bench.counter.total,
    documents: bench.counter.documents,
    ms,
    byKind: [...bench.counter.byKind].map(([kind, n]) => `${kind}=${n}`).join(', '),
  };
}

const per = (m: RunMeasure) => ({
  requests: m.cosmosRequests / m.briefs,
  documents: m.documents / m.briefs,
  ms: m.ms / m.briefs,
});

function describe(name: string, m: RunMeasure): void {
  const p = per(m);
  note(
    `  ${name}: ${m.briefs} briefs for ${m.managers} managers, ${m.graphRequests} Graph requests, ` +
      `${m.cosmosRequests} Cosmos requests (${p.requests.toFixed(2)}/brief), ${m.documents} documents ` +
      `(${p.documents.toFixed(2)}/brief) in ${(m.ms / 1000).toFixed(1)} s (${p.ms.toFixed(1)} ms/brief) [${m.byKind}]`,
  );
}

/** Ours for every manager, then the naive job for the first `sample`, and the naive Graph reads for all. */
async function benchLarge(
  sizes: BriefBenchSizes,
  logger: Logger,
): Promise<{ ours: RunMeasure; naive: RunMeasure; naiveGraph: number; managers: number }> {
  return withTenant(sizes.people, logger, async (bench) => {
    const ours = await measure(bench, () => runJob(bench, logger));
    describe(`ours, ${sizes.people} people, all ${bench.managerIds.length} managers`, ours);
    const sample = new Set(bench.managerIds.slice(0, sizes.baselineSample));
    const naiveCalendar = naiveCalendarPerManager(graphCalendar(bench.graph));
    const naive = await measure(bench, () =>
      runJob(bench, logger, {
        calendar: naiveCalendar,
        people: naivePeoplePerPerson(bench.runtime.stores.people, reportIdsOf(bench.runtime)),
        managers: sampledManagers(bench.runtime, sample.size),
      }),
    );
    describe(`naive, ${sizes.people} people, first ${sample.size} managers`, naive);
    // The naive calendar reads alone, for every manager: the Graph requests of a whole naive run.
    const before = bench.graph.requests.length;
    const reads = await naiveCalendar.eventsOf(
      bench.tenantId,
      bench.managerIds,
      new Date(DUE_RUN.getTime() - 8 * 24 * 3_600_000),
      new Date(DUE_RUN.getTime() + 16 * 60_000),
    );
    const naiveGraph = bench.graph.requests.length - before;
    note(`  naive calendar reads for all ${reads.length} managers: ${naiveGraph} Graph requests`);
    return { ours, naive, naiveGraph, managers: bench.managerIds.length };
  });
}

/** Runs the benchmark; returns its lines (printing is the caller's). */
export async function benchBriefs(sizes: Partial<BriefBenchSizes> = {}): Promise<BenchLine[]> {
  const all = { ...DEFAULT_SIZES, ...sizes };
  const logger = countingLogger();
  const started = performance.now();
  const large = await benchLarge(all, logger);
  const small = await withTenant(all.smallPeople, logger, async (bench) => {
    const ours = await measure(bench, () => runJob(bench, logger));
    describe(`ours, ${all.smallPeople} people, all ${bench.managerIds.length} managers`, ours);
    return ours;
  });
  note(`briefs bench: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  if (logger.counts.warn + logger.counts.error > 0)
    note(`briefs bench: the app logged ${logger.counts.warn} warnings, ${logger.counts.error} errors`);
  const { ours, naive, naiveGraph, managers } = large;
  if (ours.briefs !== managers) note(`  WARNING: ${ours.briefs} briefs for ${managers} managers`);
  const [o, n, s] = [per(ours), per(naive), per(small)];
  const bench = 'briefs';
  const line = benchLine;
  return [
    line(bench, 'graph-requests-per-run', ours.graphRequests, 'requests', naiveGraph),
    line(
      bench,
      `graph-requests-per-${PER_BATCH}-managers`,
      (ours.graphRequests * PER_BATCH) / managers,
      'requests',
      (naiveGraph * PER_BATCH) / managers,
    ),
    line(bench, 'cosmos-requests-per-brief', o.requests, 'requests/brief', n.requests),
    line(bench, 'documents-per-brief', o.documents, 'documents/brief', n.documents),
    line(bench, 'ms-per-brief', o.ms, 'ms/brief', n.ms),
    // Against ours at the large directory: the figures should not grow with the tenant.
    line(
      bench,
      `cosmos-requests-per-brief-${all.smallPeople}-people`,
      s.requests,
      'requests/brief',
      o.requests,
    ),
    line(bench, `documents-per-brief-${all.smallPeople}-people`, s.documents, 'documents/brief', o.documents),
    line(bench, `ms-per-brief-${all.smallPeople}-people`, s.ms, 'ms/brief', o.ms),
  ];
}

if (require.main === module) {
  benchBriefs(briefSizesFromEnv())
    .then((lines) => {
      for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
    })
    .catch((err: unknown) => {
      note(`briefs bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    });
}
