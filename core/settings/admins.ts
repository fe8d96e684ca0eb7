import type { PeopleDirectory, Person } from '../people';
import type { SettingsStore, TenantSettings } from './tenantSettings';

/**
 * The people the deployment's `MOMENTS_ADMINS` setting names: e-mail addresses (or UPNs) and Entra
 * object ids, as the configuration parsed them. They are admins of their own tenant for as long as
 * the setting names them, whatever the tenant's settings say, so an organisation always has a way
 * in that does not depend on Moments' own data.
 */
export type NamedAdmins = readonly string[];

/** The caller of an admin check: their AAD object id and, when the directory has one, their e-mail. */
export interface AdminCandidate {
  id: string;
  email?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** True when an entry of `MOMENTS_ADMINS` is an e-mail address or UPN rather than an object id. */
export function namesByEmail(entry: string): boolean {
  return entry.includes('@');
}

/**
 * Whether `MOMENTS_ADMINS` names the person, by object id or by their directory e-mail. Both are
 * compared without case: Entra prints object ids in either case, and e-mail addresses are not
 * case-sensitive in practice.
 */
export function isNamedAdmin(named: NamedAdmins, person: AdminCandidate): boolean {
  if (person.id === '') return false;
  return named.some((entry) =>
    namesByEmail(entry) ? person.email !== undefined && same(entry, person.email) : same(entry, person.id),
  );
}

/**
 * Whether the caller (an AAD object id, as Teams sends it, with their directory e-mail when known)
 * is one of the tenant's Moments admins, who alone may change tenant and team settings: they are
 * on the tenant's own list (`adminIds`), or `MOMENTS_ADMINS` names them. A tenant without settings,
 * or with an empty list, has only the admins `MOMENTS_ADMINS` names.
 */
export function isAdmin(
  settings: Pick<TenantSettings, 'adminIds'> | undefined,
  caller: AdminCandidate,
  named: NamedAdmins = [],
): boolean {
  if (caller.id === '') return false;
  return (settings?.adminIds.includes(caller.id) ?? false) || isNamedAdmin(named, caller);
}

/** What resolving a tenant's admins reads. */
export interface AdminDirectoryDeps {
  settings: Pick<SettingsStore, 'tenant'>;
  people: Pick<PeopleDirectory, 'get' | 'findMany' | 'findByEmails'>;
  namedAdmins: NamedAdmins;
}

/**
 * {@link isAdmin} for a caller known only by id: their e-mail is read from the tenant's directory,
 * and only when `MOMENTS_ADMINS` names anyone by e-mail and the tenant's own list does not settle it.
 */
export async function callerIsAdmin(
  deps: AdminDirectoryDeps,
  tenantId: string,
  callerId: string,
  settings?: Pick<TenantSettings, 'adminIds'>,
): Promise<boolean> {
  const own = settings ?? (await deps.settings.tenant(tenantId));
  if (isAdmin(own, { id: callerId }, deps.namedAdmins)) return true;
  if (callerId === '' || !deps.namedAdmins.some(namesByEmail)) return false;
  const person = await deps.people.get(tenantId, callerId);
  return isAdmin(own, { id: callerId, ...(person?.email ? { email: person.email } : {}) }, deps.namedAdmins);
}

/** One admin of a tenant, and why they are one (both may hold). */
export interface TenantAdmin {
  id: string;
  /** Their directory name; their id when the directory does not know them. */
  name: string;
  email?: string;
  /** On the tenant's own list, which the CLI and Teams change. */
  listed: boolean;
  /** Named in `MOMENTS_ADMINS`: an admin as long as the setting names them; only it can remove them. */
  named: boolean;
}

/**
 * The tenant's admins, by name: those on its own list, and the people of its directory whom
 * `MOMENTS_ADMINS` names. An entry of the setting that matches nobody in this tenant's directory
 * (someone of another tenant, or not yet imported) is not listed: this tenant cannot tell whose it is.
 */
export async function tenantAdmins(
  deps: AdminDirectoryDeps,
  tenantId: string,
  settings?: Pick<TenantSettings, 'adminIds'>,
): Promise<TenantAdmin[]> {
  const listedIds = (settings ?? (await deps.settings.tenant(tenantId)))?.adminIds ?? [];
  const namedIds = deps.namedAdmins.filter((entry) => !namesByEmail(entry));
  const namedEmails = deps.namedAdmins.filter(namesByEmail);
  const [listedPeople, namedById, namedByEmail] = await Promise.all([
    listedIds.length > 0 ? deps.people.findMany(tenantId, [...listedIds]) : [],
    namedIds.length > 0 ? findIdsWithoutCase(deps, tenantId, namedIds) : [],
    namedEmails.length > 0 ? deps.people.findByEmails(tenantId, namedEmails) : [],
  ]);
  const known = new Map<string, Person>();
  for (const person of [...listedPeople, ...namedById, ...namedByEmail]) known.set(person.id, person);
  const ids = [...new Set([...listedIds, ...namedById.map((p) => p.id), ...namedByEmail.map((p) => p.id)])];
  return ids
    .map((id): TenantAdmin => {
      const person = known.get(id);
      return {
        id,
        name: person?.displayName ?? id,
        ...(person?.email ? { email: person.email } : {}),
        listed: listedIds.includes(id),
        named: isNamedAdmin(deps.namedAdmins, { id, ...(person?.email ? { email: person.email } : {}) }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Object ids as configured may differ in case from the stored ones: read both spellings. */
async function findIdsWithoutCase(
  deps: AdminDirectoryDeps,
  tenantId: string,
  ids: string[],
): Promise<Person[]> {
  const spellings = [...new Set(ids.flatMap((id) => [id, id.toLowerCase(), id.toUpperCase()]))];
  return deps.people.findMany(tenantId, spellings);
}
