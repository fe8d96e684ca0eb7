/**
 * Benchmarks of the milestone job, each beside a baseline measured in the same run:
 *
 * - `milestone-plan`: the Cosmos requests and time of one hourly run (dry run: planning, not
 *   sending) over a directory of 20,000 people, against a naive plan that reads the whole tenant
 *   and filters in memory; and ours again at 2,000 people, to show that the requests follow the
 *   milestones due, not the directory. Two request counts: planning alone (settings, last run,
 *   candidates, snoozes: `planTenantRun`), and the whole dry run, which also reads what each send
 *   needs (chats, channels, and the kudos and notes the reminders show). The same two as documents
 *   read per due milestone (documents returned: ours are indexed equalities, which on an account
 *   read what they return; the naive plan reads every person), the driver of RU on an account,
 *   where every request is not 1 RU as on the local server. And the documents of the whole day's
 *   24 hourly dry runs per milestone due that day: the due hour is the job's best case, and the
 *   timer runs every other hour of the day too.
 * - `reminder-delivery`: 2,000 reminders to distinct managers sent by the job through the real
 *   TeamsMessenger to the fake Bot Connector, which enforces Teams' limits (50 requests/s per
 *   tenant): send rate, 429s, duplicates and losses, against a sequential loop of
 *   `messenger.send` calls (500 of them, to keep the run short).
 *
 * Everything runs in this process: the local Cosmos DB server (`startLocalCosmos`, as `npm start`
 * runs it), the runtime as the Functions host builds it, and the fake connector, all on 127.0.0.1.
 *
 * Reading the figures: request counts are what an account would be asked for; times are the local
 * server's. That server evaluates every query over every document of the container (in linear
 * time: functions/local/linearQueries.ts), so here an indexed query costs about as much as the
 * naive scan, unlike on Cosmos DB, where its cost follows the documents matched. The SDK sends a
 * query-plan request before each query, so a query counts 2 requests; a point read counts 1. And
 * the app, the Cosmos server and the connector share one event loop, so the send rate is bounded
 * by this process's CPU, not only by the limiter.
 *
 *   npx tsx bench/milestones.ts      # prints one JSON line per figure on stdout, notes on stderr
 */
import type { Container } from '@azure/cosmos';
import { performance } from 'node:perf_hooks';
import { loadConfig, localToolingEnv } from '../functions/config';
import { createRuntime, type Runtime } from '../functions/composition';
import { CosmosMilestoneCandidates } from '../functions/cosmos/milestoneCandidates';
import { CosmosSettingsStore } from '../functions/cosmos/settingsRepository';
import { ConversationBook } from '../core/delivery';
import { SettingsCache } from '../core/settings';
import { fromPersonDocument } from '../functions/cosmos/personDocument';
import { TeamsMilestoneNotifier } from '../bot/milestones/notifier';
import { localDateOf, type Logger } from '../core/shared';
import {
  MILESTONE_JOB,
  onOccasionDays,
  planTenantRun,
  runMilestoneJob,
  type MilestoneJobDeps,
  type MilestoneJobReport,
  type MilestoneCandidates,
  type OccasionDays,
} from '../core/milestones';
import type { Person } from '../core/people';
import { startTestCosmos, type TestCosmos } from '../tests/support/cosmos';
import { startFakeConnector, type FakeConnector } from '../tests/support/fakeConnector';
import {
  buildDirectory,
  countCosmosRequests,
  DUE_OCCURS_ON,
  personalChatRecord,
  personOf,
  REMINDER_HOUR,
  seedDirectory,
  seedReminderOrg,
  tally,
  type RequestCounter,
} from '../tests/support/milestoneFixtures';
import { benchLine, note, type BenchLine } from './lib/report';
import { countingLogger } from './lib/countingLogger';

/** One result line (the shape bench/run.ts prints). */
export type MilestoneBenchLine = BenchLine;

const HOUR = 60 * 60 * 1000;
/** Teams' per-tenant limit for an app, requests per second. */
const TENANT_LIMIT_PER_S = 50;
const PLAN_SIZES = { large: 20_000, small: 2_000 };
const DELIVERY_REMINDERS = 2_000;
const SEQUENTIAL_REMINDERS = 500;
/** Dry runs of each plan; the fastest time is reported (the machine may be busy with other work). */
const PLAN_REPEATS = 2;
/** The sequential baseline stops early after this long (its rate is still what it achieved). */
const SEQUENTIAL_TIME_LIMIT_MS = 120_000;

const line = benchLine;

/**
 * The baseline plan: every person of the tenant, read once per run with paging, then filtered in
 * memory on the same fields the indexed queries match.
 */
class FullScanCandidates implements MilestoneCandidates {
  private everyone: Promise<Person[]> | undefined;

  /** `pageSize`: items per page (maxItemCount); default: whatever the server returns per page. */
  constructor(
    private readonly container: Container,
    private readonly pageSize?: number,
  ) {}

  private all(tenantId: string): Promise<Person[]> {
    this.everyone ??= (async () => {
      const people: Person[] = [];
      const iterator = this.container.items.query(
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @t',
          parameters: [{ name: '@t', value: tenantId }],
        },
        this.pageSize ? { maxItemCount: this.pageSize } : {},
      );
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        for (const resource of resources ?? []) people.push(fromPersonDocument(resource));
      }
      return people;
    })();
    return this.everyone;
  }

  private async where(tenantId: string, keep: (p: Person) => boolean): Promise<Person[]> {
    return (await this.all(tenantId)).filter((p) => p.tenantId === tenantId && keep(p));
  }

  birthdaysOn(tenantId: string, days: OccasionDays): Promise<Person[]> {
    return this.where(tenantId, (p) => onOccasionDays(p.birthday, p.celebrate.birthday, days));
  }

  anniversariesOn(tenantId: string, days: OccasionDays): Promise<Person[]> {
    return this.where(tenantId, (p) => onOccasionDays(p.hireDate?.slice(5), p.celebrate.anniversary, days));
  }

  hiredOn(tenantId: string, dates: readonly string[]): Promise<Person[]> {
    return this.where(tenantId, (p) => p.hireDate !== undefined && dates.includes(p.hireDate));
  }

  managersOf(tenantId: string, ids: readonly string[]): Promise<Person[]> {
    return this.where(tenantId, (p) => ids.includes(p.id));
  }

  async zonesInUse(tenantId: string): Promise<string[]> {
    const people = await this.where(tenantId, (p) => p.timeZone !== undefined);
    return [...new Set(people.map((p) => p.timeZone as string))];
  }
}

/**
 * The job's dependencies as composition.ts wires them, with the candidates port given, and fresh
 * in-memory copies of chats and settings: the hourly job finds those cold (they are trusted for
 * minutes), so each measured run must not profit from the one before.
 */
function depsWith(runtime: Runtime, candidates: MilestoneCandidates, logger: Logger): MilestoneJobDeps {
  const { stores } = runtime;
  const settings = new SettingsCache(
    new CosmosSettingsStore(runtime.cosmos.database.container('settings'), runtime.logger),
  );
  return {
    settings,
    runs: settings,
    candidates,
    people: stores.people,
    snoozes: stores.snoozes,
    conversations: new ConversationBook(stores.conversations, logger),
    recognitions: stores.recognitions,
    notes: stores.notes,
    deliveries: stores.deliveries,
    notifier: new TeamsMilestoneNotifier(runtime.messenger),
    logger,
    defaultTimeZone: runtime.config.defaultTimeZone,
  };
}

/** One way of planning a tenant's hour: the whole dry run, and its planning part alone. */
interface PlanVariant {
  run(): Promise<MilestoneJobReport>;
  plan(): Promise<unknown>;
}

interface PlanMeasure {
  /** Everything the dry run asked Cosmos for. */
  requests: number;
  /** What planning alone asked for (settings, last run, candidates, snoozes). */
  planRequests: number;
  /** Requests to the people container: the candidate reads, the part the plans differ in. */
  peopleRequests: number;
  /**
   * Documents the dry run's answers carried (see RequestCounter.documents): what drives RU on an
   * account, where every query of ours is an indexed equality and reads what it returns, and the
   * scan reads every person.
   */
  documents: number;
  /** The documents of planning alone. */
  planDocuments: number;
  ms: number;
  sends: number;
  milestones: number;
  byKind: string;
  /** The documents per container, e.g. `people=345, conversations=170`. */
  documentsByContainer: string;
}

/** The hourly dry runs of a whole day, one after another as the timer runs them. */
interface DayMeasure {
  /** Documents read by the day's 24 runs. */
  documents: number;
  /** Of which by the runs that had nothing to send. */
  idleDocuments: number;
  /** Distinct milestones the day's runs planned a send for. */
  milestones: number;
}

/** Distinct milestones (kind, date, person) among the sends a dry run planned. */
function dueMilestones(report: MilestoneJobReport): { sends: number; milestones: number } {
  const planned = report.sends.filter((s) => s.outcome === 'planned');
  return {
    sends: planned.length,
    milestones: new Set(planned.map((s) => s.deliveryId.split(':').slice(0, 3).join(':'))).size,
  };
}

/**
 * {@link PLAN_REPEATS} dry runs: the request count (the same every time) and the fastest time; and
 * the requests of planning alone, once.
 */
async function measurePlan(counter: RequestCounter, variant: PlanVariant): Promise<PlanMeasure> {
  counter.reset();
  await variant.plan();
  const planRequests = counter.total;
  const planDocuments = counter.documents;
  const times: number[] = [];
  const requestCounts = new Set<number>();
  let last: PlanMeasure | undefined;
  for (let i = 0; i < PLAN_REPEATS; i++) {
    counter.reset();
    const started = performance.now();
    const report = await variant.run();
    const ms = performance.now() - started;
    times.push(ms);
    requestCounts.add(counter.total);
    const peopleRequests = [...counter.byKind]
      .filter(([kind]) => kind.startsWith('people '))
      .reduce((sum, [, n]) => sum + n, 0);
    last = {
      requests: counter.total,
      planRequests,
      peopleRequests,
      documents: counter.documents,
      planDocuments,
      ms,
      ...dueMilestones(report),
      byKind: [...counter.byKind].map(([kind, n]) => `${kind}=${n}`).join(', '),
      documentsByContainer: [...counter.documentsByContainer].map(([name, n]) => `${name}=${n}`).join(', '),
    };
  }
  if (requestCounts.size > 1)
    note(`  (request counts varied between runs: ${[...requestCounts].join(', ')})`);
  return { ...(last as PlanMeasure), ms: Math.min(...times) };
}

/**
 * The 24 hourly dry runs of the day that ends at midnight after {@link REMINDER_HOUR}, each after
 * a recorded run an hour before it, as the timer runs them: the due hour alone is the job's best
 * case, and every other hour of the day is paid for too.
 */
async function measureDay(
  counter: RequestCounter,
  runAt: (now: Date) => Promise<MilestoneJobReport>,
  recordRun: (at: Date) => Promise<void>,
): Promise<DayMeasure> {
  const midnight = Date.parse(`${REMINDER_HOUR.toISOString().slice(0, 10)}T00:00:00Z`);
  const day: DayMeasure = { documents: 0, idleDocuments: 0, milestones: 0 };
  const milestones = new Set<string>();
  for (let hour = 1; hour <= 24; hour++) {
    const now = new Date(midnight + hour * HOUR);
    await recordRun(new Date(now.getTime() - HOUR));
    counter.reset();
    const report = await runAt(now);
    const planned = report.sends.filter((s) => s.outcome === 'planned');
    for (const s of planned) milestones.add(s.deliveryId.split(':').slice(0, 3).join(':'));
    day.documents += counter.documents;
    if (planned.length === 0) day.idleDocuments += counter.documents;
  }
  return { ...day, milestones: milestones.size };
}

/** A fresh local Cosmos DB server and runtime for `body`, stopped afterwards. */
async function withRuntime<T>(
  logger: Logger,
  body: (runtime: Runtime, cosmos: TestCosmos) => Promise<T>,
): Promise<T> {
  const cosmos = await startTestCosmos();
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime(loadConfig(localToolingEnv({})), {
      cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
      logger,
    });
    return await body(runtime, cosmos);
  } finally {
    await runtime?.close();
    await cosmos.close();
  }
}

/**
 * Ours and the naive plan over a directory of `size`, each directory on its own local server: the
 * local server evaluates every query against every document of the container, so a directory
 * sharing a container with another would pay for both.
 */
async function planAt(
  size: number,
  logger: Logger,
  connector: FakeConnector,
  variants: { pagedBaseline?: boolean; day?: boolean } = {},
): Promise<{
  ours: PlanMeasure;
  naive: PlanMeasure;
  paged?: PlanMeasure;
  day?: { ours: DayMeasure; naive: DayMeasure };
}> {
  return withRuntime(logger, async (runtime, cosmos) => {
    const now = REMINDER_HOUR;
    const tenantId = `bench-plan-${size}`;
    const directory = buildDirectory({ tenantId, size, seed: size });
    const started = performance.now();
    await seedDirectory(runtime, directory, { tenantId, serviceUrl: connector.url, concurrency: 20 });
    note(
      `milestone-plan: stored ${directory.people.length} people (${directory.managerIds.length} managers) ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s, 20 writes in flight`,
    );
    // The previous hourly run completed an hour ago: this run plans (08:00, 09:00] UTC.
    await runtime.stores.settings.recordRun(tenantId, MILESTONE_JOB, new Date(now.getTime() - HOUR));
    const options = { now, tenantIds: [tenantId], dryRun: true };
    const people = cosmos.database.container('people');
    const counter = countCosmosRequests(cosmos.server.port);
    // A tenant's first run marks its people's zones from one pass over the directory, once ever
    // (the people saved since mark their own): not a cost of any run measured here.
    await new CosmosMilestoneCandidates(people, runtime.logger).zonesInUse(tenantId);
    note(`  the tenant's zones marked once, from ${counter.documents} documents`);
    /** The job over `candidates()`, a fresh port each time (the naive one keeps what it read). */
    const variant = (candidates: () => MilestoneCandidates): PlanVariant => ({
      run: () => runMilestoneJob(depsWith(runtime, candidates(), logger), options),
      plan: () => planTenantRun(depsWith(runtime, candidates(), logger), tenantId, now),
    });
    try {
      const ours = await measurePlan(
        counter,
        variant(() => new CosmosMilestoneCandidates(people, runtime.logger)),
      );
      const naive = await measurePlan(
        counter,
        variant(() => new FullScanCandidates(people)),
      );
      // The same scan in explicit pages of 100 items, as a client paging through a large tenant
      // would: the local server otherwise returns the whole result in one page (and it re-runs the
      // query for every page, which is why this variant is measured at 2,000 people only).
      const paged = variants.pagedBaseline
        ? await measurePlan(
            counter,
            variant(() => new FullScanCandidates(people, 100)),
          )
        : undefined;
      if (ours.sends !== naive.sends || (paged && paged.sends !== ours.sends)) {
        note(
          `  WARNING: the plans differ: ours ${ours.sends} sends, naive ${naive.sends}, paged ${paged?.sends}`,
        );
      }
      for (const [name, m] of [
        ['ours', ours],
        ['naive', naive],
        ...(paged ? [['naive, 100-item pages', paged] as const] : []),
      ] as const) {
        note(
          `  ${size} people, ${name}: ${m.requests} requests (${m.planRequests} planning, ` +
            `${m.peopleRequests} to people), ${m.documents} documents read (${m.planDocuments} planning) ` +
            `in ${m.ms.toFixed(0)} ms for ${m.milestones} due milestones / ${m.sends} sends [${m.byKind}] ` +
            `[documents: ${m.documentsByContainer}]`,
        );
      }
      let day: { ours: DayMeasure; naive: DayMeasure } | undefined;
      if (variants.day) {
        const recordRun = (at: Date) => runtime.stores.settings.recordRun(tenantId, MILESTONE_JOB, at);
        const dayOf = (candidates: () => MilestoneCandidates) => (at: Date) =>
          runMilestoneJob(depsWith(runtime, candidates(), logger), { ...options, now: at });
        day = {
          ours: await measureDay(
            counter,
            dayOf(() => new CosmosMilestoneCandidates(people, runtime.logger)),
            recordRun,
          ),
          naive: await measureDay(
            counter,
            dayOf(() => new FullScanCandidates(people)),
            recordRun,
          ),
        };
        for (const [name, m] of Object.entries(day)) {
          note(
            `  ${size} people, ${name}, the day's 24 hourly runs: ${m.documents} documents read ` +
              `(${m.idleDocuments} by the runs with nothing to send) for ${m.milestones} due milestones`,
          );
        }
      }
      return { ours, naive, ...(paged ? { paged } : {}), ...(day ? { day } : {}) };
    } finally {
      counter.stop();
    }
  });
}

async function benchPlan(logger: Logger): Promise<MilestoneBenchLine[]> {
  // Dry runs send nothing; the stored conversations still need a service URL.
  const connector = await startFakeConnector();
  try {
    const large = await planAt(PLAN_SIZES.large, logger, connector, { day: true });
    const small = await planAt(PLAN_SIZES.small, logger, connector, { pagedBaseline: true });
    if (connector.stats().requests > 0) note('  WARNING: a dry run sent something');
    const bench = 'milestone-plan';
    const rows: MilestoneBenchLine[] = [];
    for (const [suffix, m] of [
      ['20k', large],
      ['2k', small],
    ] as const) {
      rows.push(
        line(bench, `cosmos-requests-${suffix}`, m.ours.requests, 'requests', m.naive.requests),
        line(bench, `plan-requests-${suffix}`, m.ours.planRequests, 'requests', m.naive.planRequests),
        line(bench, `people-requests-${suffix}`, m.ours.peopleRequests, 'requests', m.naive.peopleRequests),
        line(bench, `plan-time-${suffix}`, m.ours.ms, 'ms', m.naive.ms),
        line(
          bench,
          `plan-requests-per-due-${suffix}`,
          m.ours.planRequests / m.ours.milestones,
          'requests/milestone',
          m.naive.planRequests / m.naive.milestones,
        ),
        line(
          bench,
          `total-requests-per-due-${suffix}`,
          m.ours.requests / m.ours.milestones,
          'requests/milestone',
          m.naive.requests / m.naive.milestones,
        ),
        line(
          bench,
          `documents-per-due-${suffix}`,
          m.ours.documents / m.ours.milestones,
          'documents/milestone',
          m.naive.documents / m.naive.milestones,
        ),
        line(
          bench,
          `plan-documents-per-due-${suffix}`,
          m.ours.planDocuments / m.ours.milestones,
          'documents/milestone',
          m.naive.planDocuments / m.naive.milestones,
        ),
        line(bench, `due-milestones-${suffix}`, m.ours.milestones, 'count', m.naive.milestones),
      );
    }
    if (large.day) {
      const { ours, naive } = large.day;
      rows.push(
        line(bench, 'day-documents-20k', ours.documents, 'documents', naive.documents),
        line(
          bench,
          'day-documents-per-due-20k',
          ours.documents / ours.milestones,
          'documents/milestone',
          naive.documents / naive.milestones,
        ),
      );
    }
    if (small.paged) {
      rows.push(
        line(
          bench,
          'people-requests-2k-vs-paged-scan',
          small.ours.peopleRequests,
          'requests',
          small.paged.peopleRequests,
        ),
        line(
          bench,
          'cosmos-requests-2k-vs-paged-scan',
          small.ours.requests,
          'requests',
          small.paged.requests,
        ),
      );
    }
    return rows;
  } finally {
    await connector.close();
  }
}

interface DeliveryMeasure {
  sent: number;
  seconds: number;
  rate: number;
  /** Rate over the span from the first to the last accepted activity. */
  acceptRate: number;
  throttled: number;
  duplicates: number;
  lost: number;
}

function acceptRate(connector: FakeConnector): number {
  const at = connector.received().map((r) => r.at);
  if (at.length < 2) return NaN;
  return ((at.length - 1) * 1000) / (Math.max(...at) - Math.min(...at));
}

async function benchDelivery(runtime: Runtime): Promise<MilestoneBenchLine[]> {
  // One fake connector per phase, so its counters are the phase's own.
  const jobConnector = await startFakeConnector();
  const loopConnector = await startFakeConnector();
  try {
    const tenantId = 'bench-deliver';
    let started = performance.now();
    const due = await seedReminderOrg(runtime, {
      tenantId,
      managers: DELIVERY_REMINDERS,
      serviceUrl: jobConnector.url,
    });
    note(
      `reminder-delivery: stored ${DELIVERY_REMINDERS} managers, reports and chats in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    started = performance.now();
    const wallStart = Date.now();
    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [tenantId] });
    const firstAccept = Math.min(...jobConnector.received().map((r) => r.at)) - wallStart;
    const jobSeconds = (performance.now() - started) / 1000;
    const jobTally = tally(due, jobConnector.received());
    const job: DeliveryMeasure = {
      sent: report.sends.filter((s) => s.outcome === 'sent').length,
      seconds: jobSeconds,
      rate: jobConnector.stats().accepted / jobSeconds,
      acceptRate: acceptRate(jobConnector),
      throttled: jobConnector.stats().throttled,
      duplicates: jobTally.duplicates,
      lost: jobTally.lost,
    };
    const outcomes = new Map<string, number>();
    for (const s of report.sends) outcomes.set(s.outcome, (outcomes.get(s.outcome) ?? 0) + 1);
    note(
      `  job: ${job.sent}/${DELIVERY_REMINDERS} sent in ${jobSeconds.toFixed(1)} s (${job.rate.toFixed(1)} msg/s; ` +
        `${job.acceptRate.toFixed(1)} msg/s first to last accept; first accept after ` +
        `${(firstAccept / 1000).toFixed(1)} s), ${job.throttled} 429s, ` +
        `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );

    // The baseline: the same reminder card, one messenger.send after another, no ledger, no pool.
    const loopTenant = 'bench-deliver-sequential';
    const notifier = new TeamsMilestoneNotifier(runtime.messenger);
    const targets = Array.from({ length: SEQUENTIAL_REMINDERS }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      return {
        conversationId: `a:seq-manager-${n}`,
        chat: personalChatRecord(loopTenant, `seq-manager-${n}`, loopConnector.url, `a:seq-manager-${n}`),
        manager: personOf(loopTenant, `seq-manager-${n}`, { displayName: `Manager ${n}` }),
        report: personOf(loopTenant, `seq-report-${n}`, {
          displayName: `Report ${n}`,
          managerId: `seq-manager-${n}`,
          birthday: DUE_OCCURS_ON.slice(5),
        }),
      };
    });
    started = performance.now();
    let loopSent = 0;
    let tried = 0;
    for (const t of targets) {
      if (performance.now() - started > SEQUENTIAL_TIME_LIMIT_MS) break;
      tried++;
      const result = await notifier.remind(t.chat, {
        deliveryId: `birthday:${DUE_OCCURS_ON}:${t.report.id}:manager`,
        milestone: { kind: 'birthday', person: t.report, date: DUE_OCCURS_ON, occursOn: DUE_OCCURS_ON },
        manager: t.manager,
        reader: { language: 'en', timeZone: 'UTC' },
        managerToday: localDateOf(REMINDER_HOUR, 'UTC'),
        kudos90Days: { count: 0 },
        openNotes: [],
      });
      if (result.ok) loopSent++;
    }
    const loopSeconds = (performance.now() - started) / 1000;
    const loopTally = tally(targets.slice(0, tried), loopConnector.received());
    const loop: DeliveryMeasure = {
      sent: loopSent,
      seconds: loopSeconds,
      rate: loopConnector.stats().accepted / loopSeconds,
      acceptRate: acceptRate(loopConnector),
      throttled: loopConnector.stats().throttled,
      duplicates: loopTally.duplicates,
      lost: loopTally.lost,
    };
    note(
      `  sequential loop: ${loop.sent}/${SEQUENTIAL_REMINDERS} sent in ${loopSeconds.toFixed(1)} s ` +
        `(${loop.rate.toFixed(1)} msg/s), ${loop.throttled} 429s`,
    );

    const bench = 'reminder-delivery';
    return [
      line(bench, 'send-rate', job.rate, 'msg/s', loop.rate),
      line(bench, 'send-rate-accepted', job.acceptRate, 'msg/s', loop.acceptRate),
      // Against the target, not the loop: 90% of Teams' 50 requests/s per tenant.
      line(bench, 'share-of-tenant-limit', job.rate / TENANT_LIMIT_PER_S, 'fraction', 0.9),
      line(bench, '429s', job.throttled, 'count', loop.throttled),
      line(bench, 'duplicates', job.duplicates, 'count', loop.duplicates),
      line(bench, 'losses', job.lost, 'count', loop.lost),
      line(bench, 'reminders', job.sent, 'count', loop.sent),
    ];
  } finally {
    await jobConnector.close();
    await loopConnector.close();
  }
}

/** Runs both benchmarks; returns their lines (printing is the caller's). */
export async function benchMilestones(): Promise<MilestoneBenchLine[]> {
  const logger = countingLogger();
  const plan = await benchPlan(logger);
  const delivery = await withRuntime(logger, (runtime) => benchDelivery(runtime));
  if (logger.counts.warn + logger.counts.error > 0) {
    note(`milestones bench: the app logged ${logger.counts.warn} warnings, ${logger.counts.error} errors`);
  }
  return [...plan, ...delivery];
}

if (require.main === module) {
  benchMilestones()
    .then((lines) => {
      for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
    })
    .catch((err: unknown) => {
      note(`milestones bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    });
}
