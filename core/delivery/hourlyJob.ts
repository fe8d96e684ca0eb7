import { catchUpWindow, type PlanningWindow } from '../milestones/milestones';
import type { JobRuns, SettingsStore } from '../settings/tenantSettings';

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

/** The window a tenant's run covers: since its last completed run of `job`, at most a day back. */
export async function windowFor(
  runs: JobRuns,
  tenantId: string,
  job: string,
  now: Date,
): Promise<PlanningWindow> {
  return catchUpWindow(now, await runs.lastRun(tenantId, job));
}

/**
 * Records the tenant's run of `job` unless a send is left to retry (failed for now, or held by
 * another run), so that the next run plans the same window again and the ledger skips what went
 * out. A dry run records nothing. Returns whether the next run must retry.
 */
export async function finishRun(
  runs: JobRuns,
  run: { tenantId: string; job: string; now: Date; dryRun: boolean },
  sends: ReadonlyArray<{ outcome: string }>,
): Promise<boolean> {
  const retry = sends.some((s) => s.outcome === 'failed' || s.outcome === 'busy' || s.outcome === 'deferred');
  if (!run.dryRun && !retry) await runs.recordRun(run.tenantId, run.job, run.now);
  return retry;
}
