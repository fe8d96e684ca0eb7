import {
  finishRun,
  runHourlyJob,
  type HourlyJobOptions,
  windowFor,
  type ConversationRecord,
  chatsForRun,
  deliverOnce,
  reachOf,
  type Unreachable,
  deliveryId,
  type SendResult,
  type HourlyJobReport,
  type HourlyJobDeps,
  type JobSendOutcome,
  type Reached,
} from '../delivery';
import {
  addDays,
  instantOfLocal,
  isoWeekOf,
  localDateOf,
  weekdayOf,
  inPool,
  readAhead,
  type Language,
} from '../shared';
import { digestPersonIds, type Digest, type DigestOptions } from './digest';
import { digestsFor, type DigestReads } from './digestReads';
import { effectiveDigest } from '../privacy';
import { milestonePolicyFor } from '../milestones';
import { languageOf, type PeopleDirectory, type Person } from '../people';
import { tenantSettingsOf, type TenantSettings } from '../settings';

/** The job's name in the job-run records. */
export const DIGEST_JOB = 'digest';

/** Finds the tenant's managers without reading everyone in the directory. */
export interface DigestDirectory {
  /** The ids of everyone someone in the tenant reports to (deduplicated); may list a few who no longer have reports. */
  managerIds(tenantId: string): Promise<string[]>;
  /** A listed manager was found with nobody reporting to them: stop listing them until someone does again. */
  withoutReports(tenantId: string, managerId: string): Promise<void>;
}

/** Whom a digest is written for: the manager's language, and the zone their times are read in. */
export interface DigestReader {
  language: Language;
  timeZone: string;
}

/** The outbound side of the job: renders the digest and sends it to the manager; at the Teams edge. */
export interface DigestNotifier {
  /**
   * Renders the digest for the manager now and returns its send, which the job runs when the
   * digest's turn comes: the card is ready before the send waits for Teams' limits and the gate.
   * `deliveryId` is the digest's ledger id, which its buttons refer to.
   */
  prepare(
    conversation: ConversationRecord,
    digest: Digest,
    deliveryId: string,
    reader: DigestReader,
  ): () => Promise<SendResult>;
}

/** Everything the job reads and writes. */
export interface DigestJobDeps extends DigestReads, HourlyJobDeps {
  people: PeopleDirectory;
  /** Digests claimed and sent at once; the messenger keeps to Teams' limits whatever this is. */
  concurrency?: number;
  directory: DigestDirectory;
  notifier: DigestNotifier;
}

/** One line of the job's report. Never carries kudos or note text. */
export interface DigestSend {
  tenantId: string;
  deliveryId: string;
  managerId: string;
  managerName: string;
  week: string;
  reports: number;
  outcome: JobSendOutcome;
  /** Why, when the outcome is `unreachable`. */
  unreachable?: Unreachable;
}

export type DigestJobReport = HourlyJobReport<DigestSend>;

/**
 * Managers whose digests are read together (a query of their reports, one of the kudos, one of
 * the notes, for all of them), and how many such batches are read ahead of the one being sent. The
 * sends are one at a time (the gate), ~21 ms apart at Teams' limit: reading ahead keeps the next
 * digests ready, so a slow read does not leave the limit unused, and reading ten at a time makes a
 * tenth of the queries.
 */
const READ_BATCH = 10;
const BATCHES_AHEAD = 4;

/** The ledger id of a manager's digest for an ISO week: one per manager per week. */
export function digestDeliveryId(week: string, managerId: string): string {
  return deliveryId('digest', week, managerId);
}

/**
 * The ISO week whose digest moment for `manager` (their own day and hour, else the tenant's, in
 * their zone) falls in `(since, now]`, or undefined when none does or they turned it off.
 */
export function dueDigestWeek(
  manager: Person,
  settings: TenantSettings,
  window: { since: Date; now: Date },
): string | undefined {
  const digest = effectiveDigest(manager, settings);
  if (!digest.enabled) return undefined;
  const zone = manager.timeZone ?? settings.defaultTimeZone;
  const last = localDateOf(window.now, zone);
  for (let date = addDays(localDateOf(window.since, zone), -1); date <= last; date = addDays(date, 1)) {
    if (weekdayOf(date) !== digest.day) continue;
    const at = instantOfLocal(date, digest.hour, zone).getTime();
    if (at > window.since.getTime() && at <= window.now.getTime()) return isoWeekOf(date);
  }
  return undefined;
}

/**
 * The hourly digest job: for each tenant, finds the managers (one query of the managers only), and sends
 * each manager whose digest moment fell since the tenant's last completed run (at most a day back,
 * so a missed hour catches up) this week's digest in their personal chat, claimed in the ledger as
 * `digest:<ISO week>:<managerId>` so it goes out once per week however often or concurrently this
 * runs. The run is recorded only when nothing is left to retry.
 */
export async function runDigestJob(deps: DigestJobDeps, options: HourlyJobOptions): Promise<DigestJobReport> {
  return runHourlyJob(DIGEST_JOB, deps, options, runForTenant);
}

async function runForTenant(
  deps: DigestJobDeps,
  tenantId: string,
  now: Date,
  dryRun: boolean,
): Promise<DigestSend[]> {
  const logger = deps.logger.child({ job: DIGEST_JOB, tenantId });
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  const window = await windowFor(deps.runs, tenantId, DIGEST_JOB, now);
  const managerIds = [...new Set(await deps.directory.managerIds(tenantId))];
  const managers = managerIds.length ? await deps.people.findMany(tenantId, managerIds) : [];
  const dueManagers = managers.flatMap((manager) => {
    if (manager.tenantId !== tenantId) return [];
    const week = dueDigestWeek(manager, settings, window);
    return week ? [{ manager, week }] : [];
  });
  const due = dueManagers.length;
  const run: TenantRun = {
    tenantId,
    now,
    dryRun,
    reads: { ...deps, defaultTimeZone: settings.defaultTimeZone },
    // The tenant's default celebration decides which unchosen milestones the digest lists.
    options: { policy: milestonePolicyFor(settings) },
    chatWith: chatsForRun(
      reachOf(deps),
      { tenantId, now, dryRun },
      dueManagers.map(({ manager }) => manager.id),
    ),
  };
  const prepared = readAhead(dueManagers, { batchSize: READ_BATCH, ahead: BATCHES_AHEAD }, (batch) =>
    prepareBatch(deps, run, batch),
  );
  // Managers in parallel (bounded), in order: each waits for its digest read ahead, its claim and
  // its turn to send; the messenger keeps the sends within Teams' limits whatever the pool size.
  const results = await inPool(
    dueManagers.map((_, index) => index),
    deps.concurrency ?? 8,
    async (index): Promise<DigestSend[]> => {
      const { manager, week } = dueManagers[index] as DueManager;
      const id = digestDeliveryId(week, manager.id);
      const line = (outcome: DigestSend['outcome'], reports = 0): DigestSend => ({
        tenantId,
        deliveryId: id,
        managerId: manager.id,
        managerName: manager.displayName,
        week,
        reports,
        outcome,
      });
      const ready = await prepared(index);
      if (ready.outcome === 'no-reports') return [];
      if (ready.outcome === 'already-done') return [line('already-done')];
      const reports = ready.digest.teamSize;
      if (ready.outcome === 'unreachable') {
        return [{ ...line('unreachable', reports), unreachable: ready.unreachable }];
      }
      if (ready.outcome === 'planned') return [line('planned', reports)];
      // Worded for the manager, from the record already read: no further read per digest.
      const reader: DigestReader = {
        language: languageOf(manager, settings.defaultLanguage),
        timeZone: manager.timeZone ?? settings.defaultTimeZone,
      };
      const send = deps.notifier.prepare(ready.chat, ready.digest, id, reader);
      const outcome = await deliverOnce(
        deps.deliveries,
        deps.logger,
        {
          tenantId,
          id,
          kind: 'digest',
          now,
          gate: deps.gate,
          clock: deps.clock,
          recipientId: manager.id,
          subject: { type: 'digest', managerId: manager.id, personIds: digestPersonIds(ready.digest) },
        },
        send,
      );
      return [line(outcome, reports)];
    },
  );
  const sends = results.flat();
  const retry = await finishRun(deps.runs, { tenantId, job: DIGEST_JOB, now, dryRun }, sends);
  logger.info('digest job ran for tenant', {
    since: window.since.toISOString(),
    now: now.toISOString(),
    managers: managers.length,
    due,
    sent: sends.filter((s) => s.outcome === 'sent').length,
    retryNextRun: retry,
  });
  return sends;
}

interface DueManager {
  manager: Person;
  week: string;
}

/** What every manager's digest of one tenant's run shares. */
interface TenantRun {
  tenantId: string;
  now: Date;
  dryRun: boolean;
  reads: DigestReads;
  options: Partial<DigestOptions>;
  chatWith: (managerId: string) => Promise<Reached>;
}

/** A manager's digest, read and addressed, before its claim and send. */
type PreparedDigest =
  | { outcome: 'already-done' }
  | { outcome: 'no-reports' }
  | { outcome: 'unreachable'; digest: Digest; unreachable: Unreachable }
  | { outcome: 'planned'; digest: Digest }
  | { outcome: 'send'; digest: Digest; chat: ConversationRecord };

/**
 * Reads the digests of a batch of managers together, skipping those sent already this week, and
 * finds the chat of each manager who has something to read (a chat is opened for a digest, not
 * before). A manager whose reports all left is unlisted: nothing to say, and no reason to list them
 * again.
 */
async function prepareBatch(
  deps: DigestJobDeps,
  run: TenantRun,
  batch: DueManager[],
): Promise<PreparedDigest[]> {
  const { tenantId, now, dryRun } = run;
  // Already delivered this week: skip the reads.
  const sent = await Promise.all(
    batch.map(
      async ({ manager, week }) =>
        (await deps.deliveries.get(tenantId, digestDeliveryId(week, manager.id)))?.status === 'sent',
    ),
  );
  const toRead = batch.filter((_, index) => !sent[index]).map(({ manager }) => manager);
  const digests = await digestsFor(run.reads, toRead, now, run.options);
  const digestOf = new Map(toRead.map((manager, index) => [manager.id, digests[index]]));
  return Promise.all(
    batch.map(async ({ manager }, index): Promise<PreparedDigest> => {
      if (sent[index]) return { outcome: 'already-done' };
      const digest = digestOf.get(manager.id);
      if (!digest) {
        if (!dryRun) await deps.directory.withoutReports(tenantId, manager.id);
        return { outcome: 'no-reports' };
      }
      const reached = await run.chatWith(manager.id);
      if ('unreachable' in reached)
        return { outcome: 'unreachable', digest, unreachable: reached.unreachable };
      if (dryRun || !('chat' in reached)) return { outcome: 'planned', digest };
      return { outcome: 'send', digest, chat: reached.chat };
    }),
  );
}
