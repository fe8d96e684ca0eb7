import type { Logger } from '../shared';
import { SendGate } from './sendGate';
import type { ConversationBook } from './conversations';
import type { DeliveryLedger, DeliveryOutcome } from './ledger';
import type { Reach, Unreachable } from './reach';
import type { JobRuns, SettingsStore } from '../settings';

/** The span of time a run plans for: every send due in `(since, now]`. */
export interface PlanningWindow {
  since: Date;
  now: Date;
}

/** How far back a run catches up at most when the previous runs were missed. */
export const DEFAULT_CATCH_UP_MS = 24 * 60 * 60 * 1000;

/**
 * The window of a run: from the last successful run, but never further back than the catch-up
 * limit, so that a host down for days does not wake up to a flood of stale reminders. A last run
 * later than `now` is not trusted; the delivery ledger keeps what it already sent from going twice.
 */
export function catchUpWindow(
  now: Date,
  lastSuccessfulRun: Date | undefined,
  catchUpMs: number = DEFAULT_CATCH_UP_MS,
): PlanningWindow {
  const floor = now.getTime() - catchUpMs;
  // A last run after `now` was dated in the future (the jobs CLI's --at): it says nothing about
  // what the real runs covered, so the window goes back the full catch-up limit instead.
  const trusted =
    lastSuccessfulRun && lastSuccessfulRun.getTime() <= now.getTime() ? lastSuccessfulRun : undefined;
  const since = trusted ? Math.max(trusted.getTime(), floor) : floor;
  return { since: new Date(since), now };
}

/** What every hourly job reads and writes, besides what its own work needs. */
export interface HourlyJobDeps {
  settings: SettingsStore;
  runs: JobRuns;
  conversations: ConversationBook;
  /** Opens a personal chat with someone who has none from a roster membership; default: stored chats only. */
  reach?: Reach;
  deliveries: DeliveryLedger;
  logger: Logger;
  /** Time zone for people and tenants whose own zone is unknown. */
  defaultTimeZone: string;
  /**
   * Lets one send at a time be in doubt and pauses sending while Teams keeps failing, shared with
   * the other jobs of the process (core/delivery/sendGate.ts); default: one per run.
   */
  gate?: SendGate;
  /**
   * The process clock, for delivery leases (core/delivery/ledger.ts), kept apart from a run's `now`:
   * a run dated in the future (the jobs CLI's `--at`) must not hold claims against the real runs.
   * Default: the run's `now`.
   */
  clock?: () => Date;
}

/** What became of one send of an hourly job: its delivery, only planned (dry run), or no chat to send to. */
export type JobSendOutcome = DeliveryOutcome | 'planned' | 'unreachable';

/** The options every hourly job takes: the instant, the tenants (default all), a dry run. */
export interface HourlyJobOptions {
  now: Date;
  tenantIds?: string[];
  dryRun?: boolean;
}

/** A tenant whose run failed this time: the other tenants ran, and this one is tried again next run. */
export interface FailedTenant {
  tenantId: string;
  /** What went wrong, as the error said it (for the run's log and the jobs CLI). */
  error: string;
}

/** What an hourly job reports: the tenants it ran for, what it sent, and the tenants that failed. */
export interface HourlyJobReport<S> {
  tenants: number;
  sends: S[];
  failedTenants: FailedTenant[];
}

/**
 * The scaffold of an hourly job: runs `runTenant` for each tenant (every tenant with settings unless
 * named) with the job's send gate — the one it was given, shared with the other jobs of the process,
 * or one of its own for this run — and joins what each tenant's run sent. Each tenant runs on its
 * own: a tenant whose run throws (bad data, an outage of its own) is logged with the job and the
 * tenant, counted in the report, and the others still run; its run is not recorded, so the next
 * run tries it again.
 */
export async function runHourlyJob<D extends { settings: SettingsStore; gate?: SendGate; logger: Logger }, S>(
  job: string,
  deps: D,
  options: HourlyJobOptions,
  runTenant: (deps: D & { gate: SendGate }, tenantId: string, now: Date, dryRun: boolean) => Promise<S[]>,
): Promise<HourlyJobReport<S>> {
  const run = { ...deps, gate: deps.gate ?? new SendGate() };
  const ids = options.tenantIds ?? (await deps.settings.tenantIds());
  const report: HourlyJobReport<S> = { tenants: ids.length, sends: [], failedTenants: [] };
  for (const tenantId of ids) {
    try {
      report.sends.push(...(await runTenant(run, tenantId, options.now, options.dryRun ?? false)));
    } catch (error) {
      deps.logger.error("a tenant's run failed; the other tenants still run", { job, tenantId, error });
      report.failedTenants.push({ tenantId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** The window a tenant's run covers: since its last completed run of `job`, at most a day back. */
export async function windowFor(
  runs: JobRuns,
  tenantId: string,
  job: string,
  now: Date,
): Promise<PlanningWindow> {
  return catchUpWindow(now, await runs.lastRun(tenantId, job));
}

/** Outcomes that leave a send to the next run: failed for now, held by another run, or deferred. */
const RETRIED = new Set(['failed', 'busy', 'deferred']);

/**
 * Records the tenant's run of `job` unless a send is left to retry (failed for now, held by
 * another run, or to someone Moments cannot reach yet), so that the next run plans the same window
 * again (at most a day back) and the ledger skips what went out. Someone who asked to be forgotten
 * is not waited for. A dry run records nothing. Returns whether the next run must retry.
 */
export async function finishRun(
  runs: JobRuns,
  run: { tenantId: string; job: string; now: Date; dryRun: boolean },
  sends: ReadonlyArray<{ outcome: string; unreachable?: Unreachable }>,
): Promise<boolean> {
  const retry = sends.some(
    (s) => RETRIED.has(s.outcome) || (s.outcome === 'unreachable' && s.unreachable !== 'forgotten'),
  );
  if (!run.dryRun && !retry) await runs.recordRun(run.tenantId, run.job, run.now);
  return retry;
}
