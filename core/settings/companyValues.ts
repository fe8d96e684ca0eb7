import { auditEntryId, type AuditActor, type AuditEntry } from './audit';
import type { CompanyValue, TenantSettings } from './tenantSettings';

/** Why a change to the company values was refused. */
export type ValueChangeError =
  'VALUES.NAME_REQUIRED' | 'VALUES.NAME_TOO_LONG' | 'VALUES.DUPLICATE' | 'VALUES.UNKNOWN' | 'VALUES.LAST_ONE';

/** The outcome of a change: the new settings, or why nothing changed. */
export type ValueChange =
  | { ok: true; settings: TenantSettings; value: CompanyValue; summary: string }
  | { ok: false; code: ValueChangeError; message: string };

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
  if (!trimmed || !valueIdFor(trimmed))
    return {
      ok: false,
      code: 'VALUES.NAME_REQUIRED',
      message: 'Give the value a name, e.g. “values add Courage”.',
    };
  if (trimmed.length > MAX_NAME) {
    return {
      ok: false,
      code: 'VALUES.NAME_TOO_LONG',
      message: `Keep value names to ${MAX_NAME} characters.`,
    };
  }
  const clash = settings.values.find(
    (v) =>
      v.id !== except && (v.id === valueIdFor(trimmed) || v.name.toLowerCase() === trimmed.toLowerCase()),
  );
  if (clash) {
    return {
      ok: false,
      code: 'VALUES.DUPLICATE',
      message: clash.retired
        ? `“${clash.name}” exists but is retired; restore it with “values restore ${clash.id}”.`
        : `“${clash.name}” is already a value.`,
    };
  }
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
    summary: `Added “${value.name}” (#${value.id}).`,
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
    summary: `Renamed “${value.name}” to “${renamed.name}”. Past kudos keep the name they were given with.`,
  };
}

/** Retires a value: no longer offered, still shown on the kudos given for it. */
export function retireValue(settings: TenantSettings, reference: string): ValueChange {
  const value = findValue(settings, reference);
  if (!value) return unknown(settings, reference);
  if (settings.values.filter((v) => !v.retired && v.id !== value.id).length === 0) {
    return {
      ok: false,
      code: 'VALUES.LAST_ONE',
      message: 'Keep at least one active value: add another before retiring this one.',
    };
  }
  const retired = { ...value, retired: true };
  return {
    ok: true,
    settings: { ...settings, values: settings.values.map((v) => (v.id === value.id ? retired : v)) },
    value: retired,
    summary: `Retired “${value.name}”. It is no longer offered; past kudos keep it.`,
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
    summary: `“${value.name}” is offered again.`,
  };
}

// The reply names the values themselves: there is no command that lists only them, and an admin
// who mistyped one should not need a second message to find the right spelling.
function unknown(settings: TenantSettings, reference: string): ValueChange {
  const names = (retired: boolean) =>
    settings.values.filter((v) => Boolean(v.retired) === retired).map((v) => `“${v.name}”`);
  const active = names(false);
  const retired = names(true);
  return {
    ok: false,
    code: 'VALUES.UNKNOWN',
    message:
      `There is no value called “${reference}”. ` +
      (active.length > 0 ? `The values are ${active.join(', ')}` : 'There are no active values') +
      (retired.length > 0 ? `; retired: ${retired.join(', ')}.` : '.') +
      ' Type “settings” to see them with the team’s other settings.',
  };
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
