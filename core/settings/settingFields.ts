import { LANGUAGES, type Language } from '../shared';
import type { TenantSettings } from './tenantSettings';

/**
 * The settings an admin changes, by the names the settings card, the jobs CLI and the audit trail
 * share. The milestones Moments keeps are three of them (`birthdays`, `anniversaries`, `checkIns`).
 */
export const SETTING_NAMES = [
  'dailyKudosLimit',
  'reminderLeadDays',
  'sendHour',
  'digestDay',
  'digestHour',
  'weekendRule',
  'feb29Rule',
  'birthdays',
  'anniversaries',
  'checkIns',
  'defaultCelebration',
  'managerCopy',
  'teamOwnersManageChannel',
  'installForEveryone',
  'defaultLanguage',
] as const;

/** The name of one changeable setting. */
export type SettingName = (typeof SETTING_NAMES)[number];

/** The changeable settings as values: what a change compares, saves and audits. */
export type SettingValues = {
  dailyKudosLimit: number | null;
  reminderLeadDays: number;
  sendHour: number;
  digestDay: number;
  digestHour: number;
  weekendRule: TenantSettings['weekendRule'];
  feb29Rule: TenantSettings['feb29Rule'];
  birthdays: boolean;
  anniversaries: boolean;
  checkIns: TenantSettings['milestones']['checkIns'];
  defaultCelebration: TenantSettings['defaultCelebration'];
  managerCopy: boolean;
  teamOwnersManageChannel: boolean;
  installForEveryone: boolean;
  defaultLanguage: Language;
};

/** The weekdays of `digestDay`, Monday first (1 = Monday … 7 = Sunday). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const CHECK_IN_DAYS = [0, 7, 30, 90] as const;

type Parsed<T> = { value: T } | { problem: string };

const whole = (raw: string, name: string, min: number, max: number, orElse = ''): Parsed<number> => {
  const text = raw.trim();
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max
    ? { value }
    : { problem: `${name} must be a whole number from ${min} to ${max}${orElse}; “${shown(raw)}” is not.` };
};

const oneOf = <T extends string>(raw: string, name: string, choices: readonly T[]): Parsed<T> => {
  const text = raw.trim().toLowerCase();
  const value = choices.find((choice) => choice === text);
  return value ? { value } : { problem: `${name} must be ${listed(choices)}; “${shown(raw)}” is not.` };
};

const onOff = (raw: string, name: string): Parsed<boolean> => {
  const text = raw.trim().toLowerCase();
  // The card's toggles send true/false; people type on/off.
  if (text === 'on' || text === 'true') return { value: true };
  if (text === 'off' || text === 'false') return { value: false };
  return { problem: `${name} must be on or off; “${shown(raw)}” is not.` };
};

/** Each setting read from text, and written back as text the same reader accepts. */
const FIELDS: {
  [K in SettingName]: { parse(raw: string): Parsed<SettingValues[K]>; text(value: SettingValues[K]): string };
} = {
  dailyKudosLimit: {
    parse: (raw) =>
      raw.trim().toLowerCase() === 'off'
        ? { value: null }
        : whole(raw, 'dailyKudosLimit', 1, 100, ', or off for no limit'),
    text: (value) => (value === null ? 'off' : String(value)),
  },
  reminderLeadDays: {
    parse: (raw) => whole(raw, 'reminderLeadDays', 1, 10, ' (working days)'),
    text: String,
  },
  sendHour: { parse: (raw) => whole(raw, 'sendHour', 0, 23), text: String },
  digestDay: {
    parse(raw) {
      const text = raw.trim().toLowerCase();
      const named = WEEKDAY_NAMES.findIndex((day) => text.length >= 3 && day.toLowerCase().startsWith(text));
      if (named >= 0) return { value: named + 1 };
      const number = whole(raw, 'digestDay', 1, 7);
      return 'value' in number
        ? number
        : { problem: `digestDay must be a weekday (Monday … Sunday, or 1 … 7); “${shown(raw)}” is not.` };
    },
    text: String,
  },
  digestHour: { parse: (raw) => whole(raw, 'digestHour', 0, 23), text: String },
  weekendRule: {
    parse: (raw) => oneOf(raw, 'weekendRule', ['previous-working-day', 'next-working-day', 'keep'] as const),
    text: String,
  },
  feb29Rule: { parse: (raw) => oneOf(raw, 'feb29Rule', ['feb28', 'mar1'] as const), text: String },
  birthdays: { parse: (raw) => onOff(raw, 'birthdays'), text: onOffText },
  anniversaries: { parse: (raw) => onOff(raw, 'anniversaries'), text: onOffText },
  checkIns: {
    parse(raw) {
      const text = raw.trim().toLowerCase();
      if (text === '' || text === 'none') return { value: [] };
      const days = text.split(',').map((day) => day.trim());
      const kept = CHECK_IN_DAYS.filter((day) => days.includes(String(day)));
      return kept.length === days.length && new Set(days).size === days.length
        ? { value: kept }
        : {
            problem: `checkIns must be the new-hire check-in days to keep, from 0, 7, 30 and 90 (e.g. 0,30), or none; “${shown(raw)}” is not.`,
          };
    },
    text: (value) => (value.length === 0 ? 'none' : value.join(',')),
  },
  defaultCelebration: {
    parse: (raw) => oneOf(raw, 'defaultCelebration', ['off', 'manager', 'public'] as const),
    text: String,
  },
  managerCopy: { parse: (raw) => onOff(raw, 'managerCopy'), text: onOffText },
  teamOwnersManageChannel: { parse: (raw) => onOff(raw, 'teamOwnersManageChannel'), text: onOffText },
  installForEveryone: { parse: (raw) => onOff(raw, 'installForEveryone'), text: onOffText },
  defaultLanguage: {
    parse(raw) {
      const text = raw.trim().toLowerCase();
      const value = LANGUAGES.find((language) => language.toLowerCase() === text);
      return value
        ? { value }
        : { problem: `defaultLanguage must be ${listed(LANGUAGES)}; “${shown(raw)}” is not.` };
    },
    text: String,
  },
};

function onOffText(value: boolean): string {
  return value ? 'on' : 'off';
}

function listed(choices: readonly string[]): string {
  return `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1] ?? ''}`;
}

/** What was typed, cut short: it is quoted back in a message, never trusted as structure. */
function shown(raw: string): string {
  const text = raw.trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Whether `name` is one of the changeable settings. */
export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(name);
}

/** The changeable settings of `settings`. */
export function settingValuesOf(settings: TenantSettings): SettingValues {
  return {
    dailyKudosLimit: settings.dailyKudosLimit,
    reminderLeadDays: settings.reminderLeadDays,
    sendHour: settings.sendHour,
    digestDay: settings.digestDay,
    digestHour: settings.digestHour,
    weekendRule: settings.weekendRule,
    feb29Rule: settings.feb29Rule,
    birthdays: settings.milestones.birthdays,
    anniversaries: settings.milestones.anniversaries,
    checkIns: [...settings.milestones.checkIns].sort((a, b) => a - b),
    defaultCelebration: settings.defaultCelebration,
    managerCopy: settings.managerCopy,
    teamOwnersManageChannel: settings.teamOwnersManageChannel,
    installForEveryone: settings.installForEveryone,
    defaultLanguage: settings.defaultLanguage,
  };
}

/** `settings` with `values` applied. */
export function withSettingValues(settings: TenantSettings, values: Partial<SettingValues>): TenantSettings {
  const all = { ...settingValuesOf(settings), ...values };
  const { birthdays, anniversaries, checkIns, ...flat } = all;
  return { ...settings, ...flat, milestones: { birthdays, anniversaries, checkIns: [...checkIns] } };
}

/** One setting's value as text: what the card's inputs hold and `settings show` prints. */
export function settingText<K extends SettingName>(name: K, value: SettingValues[K]): string {
  return FIELDS[name].text(value);
}

/** Every changeable setting of `settings` as text, by name. */
export function settingTexts(settings: TenantSettings): Record<SettingName, string> {
  const values = settingValuesOf(settings);
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, FIELDS[name].text(values[name] as never)]),
  ) as Record<SettingName, string>;
}

/** A problem with one field of a change: the field's name, and what is wrong in words. */
export interface SettingProblem {
  field: string;
  message: string;
}

/**
 * Reads the given fields from text (a card's inputs, `key=value` on the command line): each value
 * as its setting allows (numbers in bounds, `off` for no daily limit, weekday names, on/off), and a
 * message for every field that is unknown or wrong. Fields not given are left out of `values`.
 */
export function parseSettingValues(raw: Readonly<Record<string, string>>): {
  values: Partial<SettingValues>;
  problems: SettingProblem[];
} {
  const values: Partial<Record<SettingName, unknown>> = {};
  const problems: SettingProblem[] = [];
  for (const [field, text] of Object.entries(raw)) {
    if (!isSettingName(field)) {
      problems.push({
        field,
        message: `${shown(field)} is not a setting. The settings are ${listed(SETTING_NAMES)}.`,
      });
      continue;
    }
    const parsed = FIELDS[field].parse(text);
    if ('problem' in parsed) problems.push({ field, message: parsed.problem });
    else values[field] = parsed.value;
  }
  return { values: values as Partial<SettingValues>, problems };
}

/** Whether two values of a setting are the same (lists by their members). */
export function sameSetting(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
