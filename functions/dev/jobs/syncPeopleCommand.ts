import { syncPeople } from '../../../core/people';
import { createGraphDirectory } from '../../graph/graphDirectory';
import { installPassFor } from '../../peopleSync';
import { UsageError, type JobCommand } from './job';

/** `sync-people --tenant ID`: names, e-mails and managers from Microsoft Graph into the directory. */
export const syncPeopleCommand: JobCommand = {
  name: 'sync-people',
  summary: 'Sync names, e-mails and managers from Microsoft Graph (needs GRAPH_SYNC=true)',
  usage: [
    'sync-people --tenant ID [--json]',
    '',
    'Reads every user from Microsoft Graph (GRAPH_BASE_URL, signed in with DefaultAzureCredential:',
    'the managed identity in Azure, `az login` locally; the app needs User.Read.All) and updates',
    'names, e-mails and managers. Birthdays, hire dates and preferences are never touched. People',
    'who did not change are not written.',
  ].join('\n'),
  async run(ctx, args) {
    if (args.length > 0) throw new UsageError(`sync-people takes no arguments, got: ${args.join(' ')}`);
    const tenantId = ctx.requireTenant();
    const target = await ctx.open();
    const { config } = target.runtime;
    if (!config.graph.sync) {
      throw new Error(
        'Graph sync is off: set GRAPH_SYNC=true (and BOT_TENANT_ID) to let Moments read the directory.',
      );
    }
    const install = await installPassFor(target.runtime, tenantId);
    const report = await syncPeople(target.runtime.stores.people, createGraphDirectory(config), {
      tenantId,
      now: ctx.at,
      erasures: target.runtime.stores.erasures,
      importStatus: target.runtime.stores.importStatus,
      ...(install ? { install } : {}),
    });
    ctx.print(ctx.json ? JSON.stringify({ command: 'sync-people', report }, null, 2) : describe(report));
  },
};

function describe(report: Awaited<ReturnType<typeof syncPeople>>): string {
  return [
    `Synced tenant ${report.tenantId} from Microsoft Graph at ${report.syncedAt}:`,
    `  ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.disabled} disabled accounts skipped`,
    `  ${report.managersResolved} managers resolved`,
    report.installs
      ? `  Moments installed for ${report.installs.installed}, already installed for ${report.installs.alreadyInstalled}, failed for ${report.installs.failed} (tried again next sync)`
      : undefined,
    report.installs?.forbidden ? `  Installing stopped: ${report.installs.forbidden}` : undefined,
    report.forgotten > 0
      ? `  ${report.forgotten} left out: they asked Moments to forget them (added again only if they save my settings)`
      : undefined,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}
