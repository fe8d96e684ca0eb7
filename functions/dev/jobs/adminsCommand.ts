import { userInfo } from 'node:os';
import {
  addAdmin,
  removeAdmin,
  tenantAdmins,
  type AdminChangeDeps,
  type AuditActor,
  type TenantAdmin,
} from '../../../core/settings';
import type { Runtime } from '../../composition';
import { adminChangeText } from './englishWording';
import { UsageError, type JobCommand, type JobContext } from './job';

const VERBS = ['list', 'add', 'remove'] as const;
type Verb = (typeof VERBS)[number];

/** Who the audit trail names for a change made here: the operator's account on this machine. */
export function cliActor(): AuditActor {
  let name = 'jobs CLI';
  try {
    name = userInfo().username || name;
  } catch {
    // No user account to name (some containers): the trail still says it came from the CLI.
  }
  return { id: name, name, via: 'cli' };
}

function changeDeps(runtime: Runtime): AdminChangeDeps {
  return {
    people: runtime.stores.people,
    settings: runtime.stores.settings,
    audit: runtime.stores.audit,
    namedAdmins: runtime.config.namedAdmins,
    defaultTimeZone: runtime.config.defaultTimeZone,
  };
}

function adminLine(admin: TenantAdmin): string {
  const why = [
    admin.named ? 'from MOMENTS_ADMINS' : undefined,
    admin.listed ? 'added by an admin or the CLI' : undefined,
  ]
    .filter((reason) => reason !== undefined)
    .join('; ');
  return `  ${admin.name}${admin.email ? ` <${admin.email}>` : ''}  ${admin.id}  (${why})`;
}

function listText(tenantId: string, admins: readonly TenantAdmin[]): string {
  if (admins.length === 0) {
    return [
      `Tenant ${tenantId} has no Moments admin.`,
      `Make one with: npm run job -- admins add --tenant ${tenantId} <e-mail or object id>`,
      'or name them in the MOMENTS_ADMINS app setting.',
    ].join('\n');
  }
  return [`Moments admins of tenant ${tenantId}:`, ...admins.map(adminLine)].join('\n');
}

async function list(ctx: JobContext, tenantId: string): Promise<number> {
  const { runtime } = await ctx.open();
  const admins = await tenantAdmins(changeDeps(runtime), tenantId);
  ctx.print(
    ctx.json
      ? JSON.stringify({ command: 'admins', action: 'list', tenantId, admins }, null, 2)
      : listText(tenantId, admins),
  );
  return 0;
}

async function change(
  ctx: JobContext,
  verb: 'add' | 'remove',
  tenantId: string,
  who: string,
): Promise<number> {
  const { runtime } = await ctx.open();
  const request = { tenantId, target: who, by: cliActor(), at: ctx.at };
  const deps = changeDeps(runtime);
  const result = verb === 'add' ? await addAdmin(deps, request) : await removeAdmin(deps, request);
  const text = adminChangeText(result);
  if (ctx.json) {
    const words = result.ok ? { summary: text } : { message: text };
    ctx.print(JSON.stringify({ command: 'admins', action: verb, tenantId, ...result, ...words }, null, 2));
  }
  if (!result.ok) {
    ctx.note(text);
    return 1;
  }
  if (!ctx.json) ctx.print(`${text}\n${listText(tenantId, result.admins)}`);
  return 0;
}

/** `admins list|add|remove --tenant ID [PERSON]`: a tenant's Moments admins. */
export const adminsCommand: JobCommand = {
  name: 'admins',
  summary: "List, add or remove a tenant's Moments admins (how an organisation makes its first admin)",
  usage: [
    'admins list --tenant ID [--json]',
    '   or: npm run job -- admins add --tenant ID PERSON [--json]',
    '   or: npm run job -- admins remove --tenant ID PERSON [--json]',
    '',
    "  PERSON   an e-mail address (looked up in the tenant's directory) or an Entra object id",
    '',
    'Admins change tenant and team settings and values, and add and remove admins in Teams. People',
    'named in the MOMENTS_ADMINS app setting are admins as long as it names them: they are listed',
    '"from MOMENTS_ADMINS" and only a change to the setting removes them. Every add and remove is',
    'kept in the audit trail (npm run job -- audit --tenant ID). Exits 1 when the change is refused.',
  ].join('\n'),
  async run(ctx, args) {
    const [verb, ...people] = args;
    if (verb === undefined) throw new UsageError('admins needs list, add or remove.');
    if (!VERBS.includes(verb as Verb)) throw new UsageError(`admins ${verb}: use list, add or remove.`);
    const tenantId = ctx.requireTenant();
    if (verb === 'list') {
      if (people.length > 0) throw new UsageError(`admins list takes no person, got: ${people.join(' ')}`);
      return list(ctx, tenantId);
    }
    const [who, ...extra] = people;
    if (who === undefined || who.trim() === '') {
      throw new UsageError(`admins ${verb} needs the person's e-mail address or Entra object id.`);
    }
    if (extra.length > 0)
      throw new UsageError(`admins ${verb} takes one person at a time, not ${people.length}.`);
    return change(ctx, verb as 'add' | 'remove', tenantId, who);
  },
};
