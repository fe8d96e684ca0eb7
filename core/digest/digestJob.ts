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
} from '../delivery';
import { addDays, instantOfLocal, isoWeekOf, localDateOf, weekdayOf, inPool, type Language } from '../shared';
import { buildDigest } from './buildDigest';
import { digestPersonIds, type Digest, type DigestOptions } from './digest';
import { effectiveDigest } from '../privacy';
import { milestonePolicyFor } from '../milestones';
import type { NoteStore } from '../notes';
import { languageOf, type PeopleDirectory, type Person } from '../people';
import type { RecognitionStore } from '../kudos';
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
  /** `deliveryId` is the digest's ledger id, which its buttons refer to. */
  send(
    conversation: ConversationRecord,
    digest: Digest,
    deliveryId: string,
    reader: DigestReader,
  ): Promise<SendResult>;
}

/** What building one manager's digest reads. */
export interface DigestReads {
  people: PeopleDirectory;
  recognitions: RecognitionStore;
  notes: NoteStore;
  defaultTimeZone: string;
}

/** Everything the job reads and writes. */
export interface DigestJobDeps extends DigestReads, HourlyJobDeps {
  /** Digests built and sent at once; the messenger keeps to Teams' limits whatever this is. */
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

const DAY = 24 * 60 * 60 * 1000;

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
 * A manager's digest as of `now`, from bounded reads: their direct reports (one query), the kudos
 * those reports received in the last week (one query), the kudos the reports and the manager gave
 * in the last four weeks (one query) and the manager's own open notes (one query). Undefined for
 * someone with no reports.
 */
export async function digestFor(
  deps: DigestReads,
  manager: Person,
  now: Date,
  options?: Partial<DigestOptions>,
): Promise<Digest | undefined> {
  const tenantId = manager.tenantId;
  const reports = (await deps.people.reportsOf(tenantId, manager.id)).filter((r) => r.id !== manager.id);
  if (reports.length === 0) return undefined;
  const ids = reports.map((r) => r.id);
  const [received, given, notes] = await Promise.all([
    deps.recognitions.forRecipientsSince(tenantId, ids, new Date(now.getTime() - 7 * DAY)),
    deps.recognitions.givenBySince(tenantId, [manager.id, ...ids], new Date(now.getTime() - 28 * DAY)),
    deps.notes.openByAuthor(tenantId, manager.id),
  ]);
  return buildDigest({
    manager,
    reports,
    received,
    given,
    notes,
    now,
    defaultTimeZone: deps.defaultTimeZone,
    ...(options ? { options } : {}),
  });
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
  const chatWith = chatsForRun(
    reachOf(deps),
    { tenantId, now, dryRun },
    dueManagers.map(({ manager }) => manager.id),
  );
  // Managers in parallel (bounded): each digest waits on reads and a send, and the messenger keeps
  // the sends within Teams' limits whatever the pool size.
  const results = await inPool(
    dueManagers,
    deps.concurrency ?? 8,
    async ({ manager, week }): Promise<DigestSend[]> => {
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
      // Already delivered this week: skip the reads.
      if ((await deps.deliveries.get(tenantId, id))?.status === 'sent') return [line('already-done')];
      const digest = await digestFor(
        { ...deps, defaultTimeZone: settings.defaultTimeZone },
        manager,
        now,
        // The tenant's default celebration decides which unchosen milestones the digest lists.
        { policy: milestonePolicyFor(settings) },
      );
      if (!digest) {
        // Someone whose reports all left: nothing to say, and no reason to list them again.
        if (!dryRun) await deps.directory.withoutReports(tenantId, manager.id);
        return [];
      }
      // Reached only once there is something to say: a chat is opened for a digest, not before.
      const reached = await chatWith(manager.id);
      if ('unreachable' in reached) {
        return [{ ...line('unreachable', digest.teamSize), unreachable: reached.unreachable }];
      }
      if (dryRun || !('chat' in reached)) return [line('planned', digest.teamSize)];
      const { chat } = reached;
      // Worded for the manager, from the record already read: no further read per digest.
      const reader: DigestReader = {
        language: languageOf(manager, settings.defaultLanguage),
        timeZone: manager.timeZone ?? settings.defaultTimeZone,
      };
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
          subject: { type: 'digest', managerId: manager.id, personIds: digestPersonIds(digest) },
        },
        () => deps.notifier.send(chat, digest, id, reader),
      );
      return [line(outcome, digest.teamSize)];
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
