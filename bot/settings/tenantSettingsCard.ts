import {
  auditEntryText,
  settingTexts,
  WEEKDAY_NAMES,
  type AuditEntry,
  type AuditEntryText,
  type SettingName,
  type TenantSettings,
} from '../../core/settings';
import { LANGUAGES } from '../../core/shared';
import { languageName } from '../i18n/translator';
import { declareCard } from '../teams/cardRender';
import template from './tenant-settings.json';

type Choice = { title: string; value: string };

/** The tenant settings card (`settings` in an admin's personal chat). */
export interface TenantSettingsCardData {
  status: string;
  problems: Array<{ message: string }>;
  /** Each input's value, as text. */
  fields: Record<SettingName, string>;
  leadDays: Choice[];
  hours: Choice[];
  weekdays: Choice[];
  languages: Choice[];
  auditTitle: string;
  audit: AuditEntryText[];
  /** The version the card's choices were made on, and the values it showed then (JSON). */
  version: string;
  shown: string;
}

export const tenantSettingsCard = declareCard<TenantSettingsCardData>('tenant-settings', template);

const pad = (n: number) => String(n).padStart(2, '0');
const HOURS: Choice[] = Array.from({ length: 24 }, (_, h) => ({ title: `${pad(h)}:00`, value: String(h) }));
const LEAD_DAYS: Choice[] = Array.from({ length: 10 }, (_, i) => ({
  title: i === 0 ? '1 working day' : `${i + 1} working days`,
  value: String(i + 1),
}));
const WEEKDAYS: Choice[] = WEEKDAY_NAMES.map((title, i) => ({ title, value: String(i + 1) }));

/**
 * The card's data: the inputs filled with `fields` (what the admin entered) or else the settings',
 * the newest audit entries as plain text, and the basis of the next save: `basis`' version and
 * values, or else the settings'. A card that comes back after a refusal keeps its basis.
 */
export function tenantSettingsCardData(input: {
  settings: TenantSettings;
  audit: AuditEntry[];
  fields?: Partial<Record<SettingName, string>>;
  basis?: { version: string; shown: string };
  status?: string;
  problems?: string[];
}): TenantSettingsCardData {
  const current = settingTexts(input.settings);
  return {
    status: input.status ?? '',
    problems: (input.problems ?? []).map((message) => ({ message })),
    fields: { ...current, ...input.fields },
    leadDays: LEAD_DAYS,
    hours: HOURS,
    weekdays: WEEKDAYS,
    languages: LANGUAGES.map((value) => ({ title: languageName(value), value })),
    auditTitle:
      input.audit.length === 0 ? 'No changes recorded yet' : `Latest changes (${input.audit.length})`,
    audit: input.audit.map(auditEntryText),
    version: input.basis?.version ?? input.settings.version ?? '',
    shown: input.basis?.shown ?? JSON.stringify(current),
  };
}
