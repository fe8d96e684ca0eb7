import {
  callerIsAdmin,
  namesByEmail,
  tenantAdmins,
  type AdminDirectoryDeps,
  type TenantAdmin,
} from './admins';
import { auditEntryId, type AuditActor, type AuditEntry, type AuditTrail } from './audit';
import { defaultTenantSettings, type SettingsStore, type TenantSettings } from './tenantSettings';

/** What adding and removing admins reads and writes. */
export interface AdminChangeDeps extends AdminDirectoryDeps {
  settings: Pick<SettingsStore, 'tenant' | 'saveTenant'>;
  audit: Pick<AuditTrail, 'record'>;
  defaultTimeZone: string;
}

/** Who an admin change is about: an e-mail address (looked up in the directory) or an object id. */
export type AdminTarget = string | { id: string; name: string };

/** One admin change asked for. */
export interface AdminChangeRequest {
  tenantId: string;
  target: AdminTarget;
  /**
   * Who asks. From Teams (or the tab) they must be an admin themselves; the jobs CLI is run by the
   * organisation's operators, who hold the database already, so the CLI is trusted as they are.
   */
  by: AuditActor;
  at: Date;
}

/**
 * Why an admin change was refused, with what a message about it names: the target as given
 * (`email` when it was read as an e-mail address), how many people share that address, or the
 * person `MOMENTS_ADMINS` names. Each edge words it for its reader.
 */
export type AdminRefusal =
  | { ok: false; code: 'ADMINS.NOT_AN_ADMIN' | 'ADMINS.LAST_ADMIN' | 'ADMINS.CHANGED_MEANWHILE' }
  | { ok: false; code: 'ADMINS.UNKNOWN_PERSON'; target: string; email: boolean }
  | { ok: false; code: 'ADMINS.AMBIGUOUS_EMAIL'; target: string; count: number }
  | { ok: false; code: 'ADMINS.NAMED_IN_SETTING'; person: { id: string; name: string } };

/** Why an admin change was refused; nothing was changed. */
export type AdminRefusalCode = AdminRefusal['code'];

/** What an admin change did, or why it did nothing. */
export type AdminChange =
  | {
      ok: true;
      /**
       * `added`/`removed`: the list changed (and was audited); `unchanged`: it already was so
       * (whether they are an admin is in `admins`).
       */
      outcome: 'added' | 'removed' | 'unchanged';
      person: { id: string; name: string };
      /** The tenant's admins after the change. */
      admins: TenantAdmin[];
    }
  | AdminRefusal;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person a target names: by e-mail through the directory (exactly one person must have it); by
 * object id, the directory's record, or, for an Entra object id the directory has not met yet (the
 * first admin of a tenant nobody imported), the id itself.
 */
async function resolveTarget(
  deps: AdminChangeDeps,
  tenantId: string,
  target: AdminTarget,
): Promise<{ id: string; name: string } | AdminChange> {
  if (typeof target !== 'string') return target;
  const wanted = target.trim();
  if (namesByEmail(wanted)) {
    const found = await deps.people.findByEmails(tenantId, [wanted]);
    if (found.length === 0) {
      return { ok: false, code: 'ADMINS.UNKNOWN_PERSON', target: wanted, email: true };
    }
    if (found.length > 1) {
      return { ok: false, code: 'ADMINS.AMBIGUOUS_EMAIL', target: wanted, count: found.length };
    }
    const [person] = found as [(typeof found)[number]];
    return { id: person.id, name: person.displayName };
  }
  const person = await deps.people.get(tenantId, wanted);
  if (person) return { id: person.id, name: person.displayName };
  if (GUID.test(wanted)) return { id: wanted, name: wanted };
  return { ok: false, code: 'ADMINS.UNKNOWN_PERSON', target: wanted, email: false };
}

async function settingsOf(deps: AdminChangeDeps, tenantId: string): Promise<TenantSettings> {
  return (await deps.settings.tenant(tenantId)) ?? defaultTenantSettings(tenantId, deps.defaultTimeZone);
}

/**
 * Saves the new admin list only over the settings it was worked out from, so that two changes at
 * once (two admins, or an admin and the settings card) cannot overwrite each other.
 */
async function saveOver(
  deps: AdminChangeDeps,
  settings: TenantSettings,
  adminIds: string[],
): Promise<boolean> {
  const saved = await deps.settings.saveTenant(
    { ...settings, adminIds },
    { ifVersion: settings.version ?? null },
  );
  return saved.saved;
}

function changedMeanwhile(): AdminChange {
  return { ok: false, code: 'ADMINS.CHANGED_MEANWHILE' };
}

/** Refuses a change asked from Teams (or the tab) by someone who is not an admin. */
async function mayChange(
  deps: AdminChangeDeps,
  request: AdminChangeRequest,
): Promise<AdminChange | undefined> {
  if (request.by.via === 'cli') return undefined;
  if (await callerIsAdmin(deps, request.tenantId, request.by.id)) return undefined;
  return { ok: false, code: 'ADMINS.NOT_AN_ADMIN' };
}

function auditEntry(
  request: AdminChangeRequest,
  person: { id: string; name: string },
  change: { from?: string; to?: string },
): AuditEntry {
  return {
    tenantId: request.tenantId,
    id: auditEntryId(request.at, globalThis.crypto.randomUUID().slice(0, 8)),
    at: request.at.toISOString(),
    by: request.by,
    subject: 'admins',
    field: person.id,
    ...change,
  };
}

/**
 * What both changes start from: the caller may change admins, the person is found, and the
 * tenant's settings and admins as they are now; or the refusal.
 */
async function prepare(deps: AdminChangeDeps, request: AdminChangeRequest) {
  const refused = await mayChange(deps, request);
  if (refused) return refused;
  const person = await resolveTarget(deps, request.tenantId, request.target);
  if ('ok' in person) return person;
  const settings = await settingsOf(deps, request.tenantId);
  const admins = await tenantAdmins(deps, request.tenantId, settings);
  return { person, settings, admins, current: admins.find((admin) => admin.id === person.id) };
}

/**
 * Makes someone an admin of the tenant: adds them to its own list and records who did it in the
 * audit trail. Someone already an admin (listed, or named in `MOMENTS_ADMINS`) is left as they are.
 */
export async function addAdmin(deps: AdminChangeDeps, request: AdminChangeRequest): Promise<AdminChange> {
  const prepared = await prepare(deps, request);
  if ('ok' in prepared) return prepared;
  const { person, settings, admins, current } = prepared;
  if (current) {
    return { ok: true, outcome: 'unchanged', person, admins };
  }
  if (!(await saveOver(deps, settings, [...settings.adminIds, person.id]))) return changedMeanwhile();
  await deps.audit.record([auditEntry(request, person, { to: person.name })]);
  return {
    ok: true,
    outcome: 'added',
    person,
    admins: await tenantAdmins(deps, request.tenantId),
  };
}

/**
 * Takes someone off the tenant's admin list and records it in the audit trail. Refused for people
 * `MOMENTS_ADMINS` names (only the setting makes or unmakes them), and for the last admin removing
 * themselves, which would leave nobody to manage Moments from Teams.
 */
export async function removeAdmin(deps: AdminChangeDeps, request: AdminChangeRequest): Promise<AdminChange> {
  const prepared = await prepare(deps, request);
  if ('ok' in prepared) return prepared;
  const { person, settings, admins, current } = prepared;
  if (current?.named) {
    return { ok: false, code: 'ADMINS.NAMED_IN_SETTING', person };
  }
  if (!current) {
    return { ok: true, outcome: 'unchanged', person, admins };
  }
  if (person.id === request.by.id && admins.length === 1) {
    return { ok: false, code: 'ADMINS.LAST_ADMIN' };
  }
  const remaining = settings.adminIds.filter((id) => id !== person.id);
  if (!(await saveOver(deps, settings, remaining))) return changedMeanwhile();
  await deps.audit.record([auditEntry(request, person, { from: person.name })]);
  const left = await tenantAdmins(deps, request.tenantId);
  return {
    ok: true,
    outcome: 'removed',
    person,
    admins: left,
  };
}
