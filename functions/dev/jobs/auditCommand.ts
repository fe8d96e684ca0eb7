import type { AuditEntry } from '../../../core/settings';
import { UsageError, type JobCommand } from './job';

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One entry as a line: when, who through what, and what changed from what to what. */
export function auditLine(entry: AuditEntry): string {
  const who = `${entry.by.name} (${entry.by.via})`;
  let what: string;
  if (entry.subject === 'admins') {
    what =
      entry.to !== undefined
        ? `added admin ${shown(entry.to)} (${entry.field})`
        : `removed admin ${shown(entry.from)} (${entry.field})`;
  } else {
    const from = entry.from === undefined ? '(none)' : shown(entry.from);
    const to = entry.to === undefined ? '(none)' : shown(entry.to);
    what = `${entry.subject} ${entry.field}: ${from} → ${to}`;
  }
  return `${entry.at}  ${who}  ${what}`;
}

/** `audit --tenant ID`: every change to the tenant's admins, settings and values, newest first. */
export const auditCommand: JobCommand = {
  name: 'audit',
  summary: "Print a tenant's whole audit trail (admins, settings, values), newest first",
  usage: [
    'audit --tenant ID [--json]',
    '',
    'Who changed what, when, through what (teams, cli, tab), from what to what. Teams shows admins',
    'the latest entries; this prints them all.',
  ].join('\n'),
  async run(ctx, args) {
    if (args.length > 0) throw new UsageError(`audit takes no arguments, got: ${args.join(' ')}`);
    const tenantId = ctx.requireTenant();
    const { runtime } = await ctx.open();
    const entries = await runtime.stores.audit.all(tenantId);
    if (ctx.json) {
      ctx.print(JSON.stringify({ command: 'audit', tenantId, entries }, null, 2));
    } else if (entries.length === 0) {
      ctx.print(`No changes recorded for tenant ${tenantId}.`);
    } else {
      ctx.print([`Audit trail of tenant ${tenantId}, newest first:`, ...entries.map(auditLine)].join('\n'));
    }
  },
};
