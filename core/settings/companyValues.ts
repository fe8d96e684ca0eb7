import { auditEntryId, type AuditActor, type AuditEntry } from './audit';
import type { CompanyValue, TenantSettings } from './tenantSettings';

/**
 * Why a change to the company values was refused, with what the refusal names: the longest name
 * allowed, the value a name clashes with, or the values there are when the one named is not.
 * The edge words it (bot/teamSetup/valueWording.ts).
 */
export type ValueProblem =
  | { code: 'VALUES.NAME_REQUIRED' }
  | { code: 'VALUES.NAME_TOO_LONG'; most: number }
  | { code: 'VALUES.DUPLICATE'; clash: CompanyValue }
  | { code: 'VALUES.UNKNOWN'; reference: string; active: string[]; retired: string[] }
  | { code: 'VALUES.LAST_ONE' };

/** The code of a {@link ValueProblem}. */
export type ValueChangeError = ValueProblem['code'];

/** What a change that was made did; a rename also says the name it replaced. */
export type ValueChangeDone =
  { done: 'added' | 'retired' | 'restored' } | { done: 'renamed'; formerName: string };

/** The outcome of a change: the new settings and what changed, or why nothing changed. */
export type ValueChange =
  | ({ ok: true; settings: TenantSettings; value: CompanyValue } & ValueChangeDone)
  | ({ ok: false } & ValueProblem);

const MAX_NAME = 40;

/** `Customer first` → `customer-first`: the id a value tag (#customer-first) uses. */
export function valueIdFor(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Finds a value by id, tag or name, ignoring case and punctuation. */
export function findValue(settings: TenantSettings, reference: string): CompanyValue | undefined {
  const wanted = valueIdFor(reference.replace(/^#/, ''));
  return settings.values.find((v) => v.id === wanted || valueIdFor(v.name) === wanted);
}

function checkName(settings: TenantSettings, name: string, except?: string): ValueChange | undefined {
  const trimmed = name.trim();
  if (!trimmed || !valueIdFor(trimmed)) return { ok: false, code: 'VALUES.NAME_REQUIRED' };
  if (trimmed.length > MAX_NAME) {
    return { ok: false, code: 'VALUES.NAME_TOO_LONG', most: MAX_NAME };
  }
  const clash = settings.values.find(
    (v) =>
      v.id !== except && (v.id === valueIdFor(trimmed) || v.name.toLowerCase() === trimmed.toLowerCase()),
  );
  if (clash) return { ok: false, code: 'VALUES.DUPLICATE', clash };
  return undefined;
}

/** Adds a company value. */
export function addValue(settings: TenantSettings, name: string): ValueChange {
  const problem = checkName(settings, name);
  if (problem) return problem;
  const value = { id: valueIdFor(name.trim()), name: name.trim() };
  return {
    ok: true,
    settings: { ...settings, values: [...settings.values, value] },
    value,
    done: 'added',
  };
}

/** Renames a value; its id (and so past kudos and tags) stays the same. */
export function renameValue(settings: TenantSettings, reference: string, name: string): ValueChange {
  const value = findValue(settings, reference);
  if (!value) return unknown(settings, reference);
  const problem = checkName(settings, name, value.id);
  if (problem) return problem;
  const renamed = { ...value, name: name.trim() };
  return {
    ok: true,
    settings: { ...settings, values: settings.values.map((v) => (v.id === value.id ? renamed : v)) },
    value: renamed,
    done: 'renamed',
    formerName: value.name,
  };
}

/** Retires a value: no longer offered, still shown on the kudos given for it. */
export function retireValue(settings: TenantSettings, reference: string): ValueChange {
  const value = findValue(settings, reference);
  if (!value) return unknown(settings, reference);
  if (settings.values.filter((v) => !v.retired && v.id !== value.id).length === 0) {
    return { ok: false, code: 'VALUES.LAST_ONE' };
  }
  const retired = { ...value, retired: true };
  return {
    ok: true,
    settings: { ...settings, values: settings.values.map((v) => (v.id === value.id ? retired : v)) },
    value: retired,
    done: 'retired',
  };
}

/** Brings a retired value back. */
export function restoreValue(settings: TenantSettings, reference: string): ValueChange {
  const value = findValue(settings, reference);
  if (!value) return unknown(settings, reference);
  const restored: CompanyValue = { id: value.id, name: value.name };
  return {
    ok: true,
    settings: { ...settings, values: settings.values.map((v) => (v.id === value.id ? restored : v)) },
    value: restored,
    done: 'restored',
  };
}

// The refusal names the values themselves: there is no command that lists only them, and an admin
// who mistyped one should not need a second message to find the right spelling.
function unknown(settings: TenantSettings, reference: string): ValueChange {
  const names = (retired: boolean) =>
    settings.values.filter((v) => Boolean(v.retired) === retired).map((v) => v.name);
  return { ok: false, code: 'VALUES.UNKNOWN', reference, active: names(false), retired: names(true) };
}

/**
 * The audit entry of a value change that was made: the value's id as the field, its name and
 * whether it was retired before (absent for a value just added) and after.
 */
export function valueAuditEntry(
  before: TenantSettings,
  change: Extract<ValueChange, { ok: true }>,
  by: AuditActor,
  at: Date,
  nonce: string,
): AuditEntry {
  const state = (value: CompanyValue | undefined) =>
    value ? { name: value.name, retired: value.retired ?? false } : undefined;
  const previous = state(before.values.find((v) => v.id === change.value.id));
  return {
    tenantId: before.tenantId,
    id: auditEntryId(at, nonce),
    at: at.toISOString(),
    by,
    subject: 'values',
    field: change.value.id,
    ...(previous ? { from: previous } : {}),
    to: state(change.settings.values.find((v) => v.id === change.value.id)),
  };
}
