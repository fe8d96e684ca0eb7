import type { Runtime } from '../../composition';
import { UsageError, type JobCommand } from './job';

/** A send of an hourly job's report, as far as the CLI shows it. */
interface ReportedSend {
  outcome: 'sent' | 'planned' | 'already-done' | 'busy' | 'failed' | 'gave-up' | 'deferred' | 'unreachable';
}

const VERB: Record<ReportedSend['outcome'], string> = {
  sent: 'sent',
  planned: 'would send',
  'already-done': 'already sent',
  busy: 'being sent by another run',
  failed: 'FAILED (retried next run)',
  'gave-up': 'FAILED for good',
  deferred: 'not tried: Teams kept failing (retried next run)',
  unreachable: 'no chat with Moments yet',
};

/**
 * The CLI command of an hourly timer job: runs it as of `--at` for every tenant (or `--tenant`),
 * with `--dry-run` printing what would be sent. Exits 1 when a send or a tenant's run failed.
 */
export function scheduledJobCommand<S extends ReportedSend>(job: {
  name: string;
  summary: string;
  details: string[];
  run(
    runtime: Runtime,
    options: { now: Date; tenantIds?: string[]; dryRun: boolean },
  ): Promise<{ tenants: number; sends: S[]; failedTenants: Array<{ tenantId: string; error: string }> }>;
  describe(send: S): string;
}): JobCommand {
  return {
    name: job.name,
    summary: job.summary,
    usage: [
      `${job.name} [--at 2027-03-11T08:00:00Z] [--tenant ID] [--dry-run] [--json]`,
      '',
      '  --at        the instant to run as of (default: now); the job covers the window since its last',
      '              completed run for each tenant, at most a day back',
      '  --tenant    one tenant only (default: every tenant with settings)',
      '  --dry-run   print what would be sent, and send, claim and record nothing',
      '',
      ...job.details,
    ].join('\n'),
    dryRun: true,
    async run(ctx, args) {
      if (args.length > 0) throw new UsageError(`${job.name} takes no arguments, got: ${args.join(' ')}`);
      const target = await ctx.open();
      const report = await job.run(target.runtime, {
        now: ctx.at,
        ...(ctx.tenantId ? { tenantIds: [ctx.tenantId] } : {}),
        dryRun: ctx.dryRun,
      });
      // Zero tenants is almost always data looked for in the wrong place (another LOCAL_DATA_DIR,
      // no COSMOS_ENDPOINT): say where the job looked rather than report a quiet success.
      const nothing =
        report.tenants === 0
          ? `No tenant found in ${target.description}: nothing to run. ` +
            'Tenants appear once Moments is used in Teams (or `npm start` seeds the demo organisation); ' +
            'point LOCAL_DATA_DIR or COSMOS_ENDPOINT at the data to run on.'
          : undefined;
      if (ctx.json) {
        if (nothing) ctx.note(nothing);
        ctx.print(
          JSON.stringify(
            { command: job.name, at: ctx.at.toISOString(), dryRun: ctx.dryRun, report },
            null,
            2,
          ),
        );
      } else {
        const head =
          `${job.name} as of ${ctx.at.toISOString()}${ctx.dryRun ? ' (dry run: nothing sent)' : ''}: ` +
          `${report.tenants} tenant(s), ${report.sends.length} send(s).`;
        ctx.print(
          [
            head,
            ...(nothing ? [nothing] : []),
            ...report.sends.map((s) => `  ${VERB[s.outcome].padEnd(26)} ${job.describe(s)}`),
            ...report.failedTenants.map((f) => `  ${'TENANT FAILED'.padEnd(26)} ${f.tenantId}: ${f.error}`),
          ].join('\n'),
        );
      }
      const troubled = ['failed', 'gave-up', 'deferred'];
      const failed =
        report.failedTenants.length > 0 || report.sends.some((s) => troubled.includes(s.outcome));
      return failed ? 1 : 0;
    },
  };
}
