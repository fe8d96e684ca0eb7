import { userInfo } from 'node:os';
import {
  auditEntryText,
  changeTenantSettings,
  defaultTenantSettings,
  parseSettingValues,
  settingText,
  settingTexts,
  SETTING_NAMES,
  type AuditActor,
  type AuditEntry,
  type SettingProblem,
} from '../../../core/settings';
import { settingProblemText } from './englishWording';
import { UsageError, type JobCommand, type JobContext } from './job';

const USAGE = [
  'settings show --tenant ID [--json]',
  '       npm run job -- settings set --tenant ID NAME=VALUE … [--json]',
  '',
  '  show   every tenant setting with its value, then the whole audit trail, newest first',
  '  set    changes the settings named, e.g. dailyKudosLimit=5 sendHour=10 digestDay=friday',
  '',
  'Settings: dailyKudosLimit (1-100 or off), reminderLeadDays (1-10 working days), sendHour and',
  'digestHour (0-23), digestDay (Monday … Sunday or 1-7), weekendRule (previous-working-day,',
  'next-working-day, keep), feb29Rule (feb28, mar1), birthdays and anniversaries (on/off), checkIns',
  '(the new-hire check-in days kept, from 0,7,30,90, or none), defaultCelebration (off, manager,',
  'public), managerCopy, teamOwnersManageChannel, installForEveryone, calendarBriefs, weeklyNudge',
  '(on/off).',
  'A wrong value is refused with a message per field (exit 2) and nothing is saved. Every change is',
  'kept in the audit trail, as made with the jobs CLI by the account running it.',
].join('\n');

/** `settings show|set --tenant ID`: a tenant's settings and their audit trail, from the command line. */
export const settingsCommand: JobCommand = {
  name: 'settings',
  summary: "Show a tenant's settings and audit trail, or change settings (validated and audited)",
  usage: USAGE,
  async run(ctx, args) {
    const [action, ...rest] = args;
    if (action === 'show') {
      if (rest.length > 0) throw new UsageError('settings show takes no arguments.');
      return show(ctx, ctx.requireTenant());
    }
    if (action === 'set') return set(ctx, ctx.requireTenant(), fieldsOf(rest));
    throw new UsageError(
      action === undefined ? 'settings needs show or set.' : `settings ${action}: use show or set.`,
    );
  },
};

function fieldsOf(args: string[]): Record<string, string> {
  if (args.length === 0) throw new UsageError('settings set needs at least one NAME=VALUE.');
  const fields: Record<string, string> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) throw new UsageError(`“${arg}” is not NAME=VALUE, e.g. dailyKudosLimit=5.`);
    const name = arg.slice(0, at).trim();
    if (name in fields) throw new UsageError(`${name} is given twice.`);
    fields[name] = arg.slice(at + 1);
  }
  return fields;
}

async function show(ctx: JobContext, tenantId: string): Promise<void> {
  const { runtime } = await ctx.open();
  const [stored, trail] = await Promise.all([
    runtime.stores.settings.tenant(tenantId),
    runtime.stores.audit.all(tenantId),
  ]);
  const settings = stored ?? defaultTenantSettings(tenantId, runtime.config.defaultTimeZone);
  const texts = settingTexts(settings);
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        { command: 'settings show', tenantId, stored: stored !== undefined, settings: texts, audit: trail },
        null,
        2,
      ),
    );
    return;
  }
  const width = Math.max(...SETTING_NAMES.map((name) => name.length));
  ctx.print(
    [
      `Settings of tenant ${tenantId}${stored ? '' : ' (none stored yet: the defaults)'}`,
      ...SETTING_NAMES.map((name) => `  ${name.padEnd(width)}  ${texts[name]}`),
      '',
      ...trailLines(trail),
    ].join('\n'),
  );
}

function trailLines(trail: AuditEntry[]): string[] {
  if (trail.length === 0) return ['Audit trail: no changes recorded yet.'];
  return [
    `Audit trail (${trail.length} change${trail.length === 1 ? '' : 's'}, newest first):`,
    ...trail.map((entry) => {
      const { when, who, what } = auditEntryText(entry);
      return `  ${when}  ${who}  ${what}`;
    }),
  ];
}

async function set(ctx: JobContext, tenantId: string, fields: Record<string, string>): Promise<void> {
  // Checked before the data is opened, so a typo answers at once.
  const { problems } = parseSettingValues(fields);
  if (problems.length > 0) throw refused(problems);
  const { runtime } = await ctx.open();
  const result = await changeTenantSettings(
    {
      settings: runtime.stores.settings,
      audit: runtime.stores.audit,
      now: ctx.at,
      defaultTimeZone: runtime.config.defaultTimeZone,
    },
    { tenantId, by: operator(), fields },
  );
  if (!result.ok && result.code === 'SETTINGS.INVALID') throw refused(result.problems);
  if (!result.ok) {
    const changed = result.changedMeanwhile.map((c) => `${c.field} is now ${settingText(c.field, c.value)}`);
    throw new Error(
      `the settings changed while this ran (${changed.join(', ') || 'by another save'}). Nothing was saved: run it again.`,
    );
  }
  if (ctx.json) {
    ctx.print(JSON.stringify({ command: 'settings set', tenantId, changes: result.changes }, null, 2));
    return;
  }
  ctx.print(
    result.changes.length === 0
      ? `Nothing to change: the settings of tenant ${tenantId} already have these values.`
      : [
          `Saved ${result.changes.length} change${result.changes.length === 1 ? '' : 's'} to the settings of tenant ${tenantId}:`,
          ...result.changes.map((change) => `  ${auditEntryText(change).what}`),
        ].join('\n'),
  );
}

/** A wrong call: the message of each wrong field, on stderr with exit 2. */
function refused(problems: SettingProblem[]): UsageError {
  return new UsageError([...problems.map(settingProblemText), 'Nothing was saved.'].join('\n'));
}

/** The account running the CLI, as the audit trail names it. */
function operator(): AuditActor {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // No user entry for this process (some containers): the trail still says it was the CLI.
  }
  return { id: name, name, via: 'cli' };
}
