import { runHourlyJob, type HourlyJobOptions, type HourlyJobReport, type SendGate } from '../delivery';
import type { SettingsStore } from '../settings';
import type { Logger } from '../shared';
import { fanOutRecognition, type FanOutDeps, type FanOutReport } from './fanOut';
import type { Recognition, RecognitionStore } from './recognitions';

/** The job's name in logs and reports. */
export const PENDING_FAN_OUT_JOB = 'kudos-fan-out';

/**
 * How old a pending fan-out must be before the hourly job takes it on: the turn that stored the
 * kudos sends them within seconds, so one still pending after this was lost with its process.
 */
export const PENDING_FAN_OUT_AFTER_MS = 5 * 60 * 1000;

/** What completing a fan-out needs: the fan-out's own ports and where the mark is cleared. */
export interface PendingFanOutDeps extends FanOutDeps {
  recognitions: Pick<RecognitionStore, 'pendingFanOuts' | 'update'>;
}

/**
 * Sends a stored recognition's follow-on messages ({@link fanOutRecognition}) and, when none is
 * left to retry, clears its `fanOutPending` mark. The ledger claims each send, so a run that
 * overlaps the turn's own fan-out, or a second job run, sends nothing twice.
 */
export async function completeFanOut(
  deps: PendingFanOutDeps,
  recognition: Recognition,
  now: Date,
): Promise<FanOutReport> {
  const report = await fanOutRecognition(deps, recognition, now);
  if (!report.retry) {
    await deps.recognitions.update(recognition.tenantId, recognition.id, (current) => {
      const { fanOutPending: _done, ...rest } = current;
      return rest;
    });
  }
  return report;
}

/**
 * One recognition the job took on: `sent` when nothing of its fan-out is left to send, `failed`
 * when a send is left to the next run, `planned` in a dry run.
 */
export interface PendingFanOutLine {
  tenantId: string;
  recognitionId: string;
  outcome: 'sent' | 'failed' | 'planned';
}

/**
 * The hourly catch-up of kudos whose process died before their notices, channel post and manager
 * copies went out: every recognition of each tenant still marked pending
 * {@link PENDING_FAN_OUT_AFTER_MS} after it was stored is fanned out again. Sends already made are
 * found in the ledger and skipped; one still retried keeps the mark for the next run.
 */
export async function runPendingFanOutJob(
  deps: PendingFanOutDeps & { settings: SettingsStore; gate?: SendGate; logger: Logger },
  options: HourlyJobOptions,
): Promise<HourlyJobReport<PendingFanOutLine>> {
  return runHourlyJob(PENDING_FAN_OUT_JOB, deps, options, async (run, tenantId, now, dryRun) => {
    const before = new Date(now.getTime() - PENDING_FAN_OUT_AFTER_MS);
    const pending = await run.recognitions.pendingFanOuts(tenantId, before);
    const lines: PendingFanOutLine[] = [];
    for (const recognition of pending) {
      const line = { tenantId, recognitionId: recognition.id };
      if (dryRun) {
        lines.push({ ...line, outcome: 'planned' });
        continue;
      }
      const report = await completeFanOut(run, recognition, now);
      lines.push({ ...line, outcome: report.retry ? 'failed' : 'sent' });
    }
    if (pending.length > 0) {
      run.logger.info('pending kudos fan-outs taken on', {
        job: PENDING_FAN_OUT_JOB,
        tenantId,
        pending: pending.length,
        completed: lines.filter((l) => l.outcome === 'sent').length,
      });
    }
    return lines;
  });
}
