import { SendGate } from './sendGate';
import type { Unreachable } from './reach';
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
 * limit, so that a host down for days does not wake up to a flood of stale reminders.
 */
export function catchUpWindow(
  now: Date,
  lastSuccessfulRun: Date | undefined,
  catchUpMs: number = DEFAULT_CATCH_UP_MS,
): PlanningWindow {
  const floor = now.getTime() - catchUpMs;
  const since = lastSuccessfulRun
    ? Math.min(Math.max(lastSuccessfulRun.getTime(), floor), now.getTime())
    : floor;
  return { since: new Date(since), now };
}

/** The options every hourly job takes: the instant, the tenants (default all), a dry run. */
export interface HourlyJobOptions {
  now: Date;
  tenantIds?: string[];
  dryRun?: boolean;
}

/** Runs `work` for each tenant in turn (every tenant with settings unless named) and joins the sends. */
export async function forEachTenant<S>(
  settings: SettingsStore,
  tenantIds: string[] | undefined,
  work: (tenantId: string) => Promise<S[]>,
): Promise<{ tenants: number; sends: S[] }> {
  const ids = tenantIds ?? (await settings.tenantIds());
  const sends: S[] = [];
  for (const tenantId of ids) sends.push(...(await work(tenantId)));
  return { tenants: ids.length, sends };
}

/**
 * The scaffold of an hourly job: runs `runTenant` for each tenant (every tenant with settings unless
 * named) with the job's send gate — the one it was given, shared with the other jobs of the process,
 * or one of its own for this run — and joins what each tenant's run sent.
 */
export async function runHourlyJob<D extends { settings: SettingsStore; gate?: SendGate }, S>(
  deps: D,
  options: HourlyJobOptions,
  runTenant: (deps: D & { gate: SendGate }, tenantId: string, now: Date, dryRun: boolean) => Promise<S[]>,
): Promise<{ tenants: number; sends: S[] }> {
  const run = { ...deps, gate: deps.gate ?? new SendGate() };
  return forEachTenant(deps.settings, options.tenantIds, (tenantId) =>
    runTenant(run, tenantId, options.now, options.dryRun ?? false),
  );
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
