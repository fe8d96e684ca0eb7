import { auditEntryId, type AuditActor, type AuditEntry, type AuditTrail } from './audit';
import {
  parseSettingValues,
  sameSetting,
  settingValuesOf,
  SETTING_NAMES,
  withSettingValues,
  type SettingName,
  type SettingProblem,
  type SettingValues,
} from './settingFields';
import { defaultTenantSettings, type SettingsStore, type TenantSettings } from './tenantSettings';

/** What an admin asks to change, as text (a card's inputs, `key=value` on the command line). */
export interface SettingsChangeRequest {
  tenantId: string;
  by: AuditActor;
  /** The fields to set, by name; fields not given keep their value. */
  fields: Readonly<Record<string, string>>;
  /**
   * What the admin saw when they chose (a card's version and the values it showed). Given, the
   * change is refused when someone saved in between, and the answer says what changed meanwhile.
   * Without it, the change applies to the settings as they are when it is made.
   */
  basis?: { version: string | undefined; fields: Readonly<Record<string, string>> };
}

/** A setting someone else changed since the admin's card was shown, with its value now. */
export interface ChangedMeanwhile {
  field: SettingName;
  value: SettingValues[SettingName];
}

/** The outcome of {@link changeTenantSettings}. */
export type SettingsChange =
  | { ok: true; settings: TenantSettings; changes: AuditEntry[] }
  | { ok: false; code: 'SETTINGS.INVALID'; problems: SettingProblem[] }
  | {
      ok: false;
      code: 'SETTINGS.CHANGED_MEANWHILE';
      /** The settings as they are now, with their version: the basis of a second try. */
      settings: TenantSettings;
      changedMeanwhile: ChangedMeanwhile[];
    };

/** What {@link changeTenantSettings} works with. */
export interface SettingsChangeDeps {
  settings: SettingsStore;
  audit: AuditTrail;
  now: Date;
  /** The zone a tenant without stored settings starts with. */
  defaultTimeZone: string;
  /** A short random string per change, for its audit entries' ids. */
  nonce?: () => string;
}

/**
 * Changes a tenant's settings as an admin asked. Every field is checked first: when any is wrong,
 * the answer has a message per wrong field and nothing is saved. The save is conditional on the
 * version read (or, with a `basis`, the version the admin saw), so of two admins saving at once the
 * second is told which settings changed meanwhile, with their new values, and nothing of theirs
 * is saved over the first's. Each setting that changed gets one audit entry: who, when, from, to.
 */
export async function changeTenantSettings(
  deps: SettingsChangeDeps,
  request: SettingsChangeRequest,
): Promise<SettingsChange> {
  const { values, problems } = parseSettingValues(request.fields);
  if (problems.length > 0) return { ok: false, code: 'SETTINGS.INVALID', problems };

  const stored = await deps.settings.tenant(request.tenantId);
  const current = stored ?? defaultTenantSettings(request.tenantId, deps.defaultTimeZone);
  const before = settingValuesOf(current);
  if (request.basis && request.basis.version !== current.version) {
    return {
      ok: false,
      code: 'SETTINGS.CHANGED_MEANWHILE',
      settings: current,
      changedMeanwhile: changedSince(request.basis.fields, before),
    };
  }

  const changed = SETTING_NAMES.filter((name) => name in values && !sameSetting(values[name], before[name]));
  if (changed.length === 0) return { ok: true, settings: current, changes: [] };

  const next = withSettingValues(current, values);
  const saved = await deps.settings.saveTenant(next, { ifVersion: current.version ?? null });
  if (!saved.saved) {
    const now = (await deps.settings.tenant(request.tenantId)) ?? current;
    return {
      ok: false,
      code: 'SETTINGS.CHANGED_MEANWHILE',
      settings: now,
      changedMeanwhile: changedBetween(before, settingValuesOf(now)),
    };
  }

  const nonce = (deps.nonce ?? randomNonce)();
  const changes: AuditEntry[] = changed.map((field) => ({
    tenantId: request.tenantId,
    id: auditEntryId(deps.now, `${nonce}-${field}`),
    at: deps.now.toISOString(),
    by: request.by,
    subject: 'settings',
    field,
    from: before[field],
    to: values[field],
  }));
  await deps.audit.record(changes);
  const { version: _old, ...rest } = next;
  return {
    ok: true,
    settings: saved.version === undefined ? rest : { ...rest, version: saved.version },
    changes,
  };
}

/** The settings that differ now from what a card showed (as its text); unreadable text counts as changed. */
function changedSince(shown: Readonly<Record<string, string>>, now: SettingValues): ChangedMeanwhile[] {
  const { values } = parseSettingValues(shown);
  return SETTING_NAMES.filter(
    (name) => name in shown && (!(name in values) || !sameSetting(values[name], now[name])),
  ).map((field) => ({ field, value: now[field] }));
}

function changedBetween(before: SettingValues, now: SettingValues): ChangedMeanwhile[] {
  return SETTING_NAMES.filter((name) => !sameSetting(before[name], now[name])).map((field) => ({
    field,
    value: now[field],
  }));
}

function randomNonce(): string {
  return Math.random().toString(36).slice(2, 10);
}
