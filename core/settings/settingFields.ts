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
  'calendarBriefs',
  'weeklyNudge',
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
  calendarBriefs: boolean;
  weeklyNudge: boolean;
};

/**
 * The weekdays of `digestDay`, Monday first (1 = Monday … 7 = Sunday), by the English names the
 * jobs CLI and typed values are read with; cards show each language's own names.
 */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const CHECK_IN_DAYS = [0, 7, 30, 90] as const;

/**
 * What is wrong with one field of a change, as a code with the values a message needs: core says
 * what is wrong, and each edge (the settings card, the jobs CLI) words it in its reader's language.
 * `given` is what was typed, cut short; it is user text, never structure.
 */
export type SettingProblem =
  | { field: string; code: 'unknown'; given: string; settings: readonly SettingName[] }
  | {
      field: SettingName;
      code: 'range';
      given: string;
      min: number;
      max: number;
      /** What else the setting takes or counts: `off` for no limit, or working days. */
      note?: 'offForNoLimit' | 'workingDays';
    }
  | { field: SettingName; code: 'oneOf'; given: string; choices: readonly string[] }
  | { field: SettingName; code: 'onOff'; given: string }
  | { field: SettingName; code: 'weekday'; given: string }
  | { field: SettingName; code: 'checkIns'; given: string; days: readonly number[] }
  | { field: SettingName; code: 'language'; given: string; languages: readonly Language[] };

/** A problem as a field's reader finds it, before the field's name is put on it. */
type FieldProblem = SettingProblem extends infer P
  ? P extends { field: SettingName }
    ? Omit<P, 'field'>
    : never
  : never;

type Parsed<T> = { value: T } | { problem: FieldProblem };

const whole = (
  raw: string,
  min: number,
  max: number,
  note?: 'offForNoLimit' | 'workingDays',
): Parsed<number> => {
  const text = raw.trim();
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max
    ? { value }
    : { problem: { code: 'range', given: shown(raw), min, max, ...(note ? { note } : {}) } };
};

const oneOf = <T extends string>(raw: string, choices: readonly T[]): Parsed<T> => {
  const text = raw.trim().toLowerCase();
  const value = choices.find((choice) => choice === text);
  return value ? { value } : { problem: { code: 'oneOf', given: shown(raw), choices } };
};

const onOff = (raw: string): Parsed<boolean> => {
  const text = raw.trim().toLowerCase();
  // The card's toggles send true/false; people type on/off.
  if (text === 'on' || text === 'true') return { value: true };
  if (text === 'off' || text === 'false') return { value: false };
  return { problem: { code: 'onOff', given: shown(raw) } };
};

/** Each setting read from text, and written back as text the same reader accepts. */
const FIELDS: {
  [K in SettingName]: { parse(raw: string): Parsed<SettingValues[K]>; text(value: SettingValues[K]): string };
} = {
  dailyKudosLimit: {
    parse: (raw) =>
      raw.trim().toLowerCase() === 'off' ? { value: null } : whole(raw, 1, 100, 'offForNoLimit'),
    text: (value) => (value === null ? 'off' : String(value)),
  },
  reminderLeadDays: {
    parse: (raw) => whole(raw, 1, 10, 'workingDays'),
    text: String,
  },
  sendHour: { parse: (raw) => whole(raw, 0, 23), text: String },
  digestDay: {
    parse(raw) {
      const text = raw.trim().toLowerCase();
      const named = WEEKDAY_NAMES.findIndex((day) => text.length >= 3 && day.toLowerCase().startsWith(text));
      if (named >= 0) return { value: named + 1 };
      const number = whole(raw, 1, 7);
      return 'value' in number ? number : { problem: { code: 'weekday', given: shown(raw) } };
    },
    text: String,
  },
  digestHour: { parse: (raw) => whole(raw, 0, 23), text: String },
  weekendRule: {
    parse: (raw) => oneOf(raw, ['previous-working-day', 'next-working-day', 'keep'] as const),
    text: String,
  },
  feb29Rule: { parse: (raw) => oneOf(raw, ['feb28', 'mar1'] as const), text: String },
  birthdays: { parse: (raw) => onOff(raw), text: onOffText },
  anniversaries: { parse: (raw) => onOff(raw), text: onOffText },
  checkIns: {
    parse(raw) {
      const text = raw.trim().toLowerCase();
      if (text === '' || text === 'none') return { value: [] };
      const days = text.split(',').map((day) => day.trim());
      const kept = CHECK_IN_DAYS.filter((day) => days.includes(String(day)));
      return kept.length === days.length && new Set(days).size === days.length
        ? { value: kept }
        : { problem: { code: 'checkIns', given: shown(raw), days: CHECK_IN_DAYS } };
    },
    text: (value) => (value.length === 0 ? 'none' : value.join(',')),
  },
  defaultCelebration: {
    parse: (raw) => oneOf(raw, ['off', 'manager', 'public'] as const),
    text: String,
  },
  managerCopy: { parse: (raw) => onOff(raw), text: onOffText },
  teamOwnersManageChannel: { parse: (raw) => onOff(raw), text: onOffText },
  installForEveryone: { parse: (raw) => onOff(raw), text: onOffText },
  defaultLanguage: {
    parse(raw) {
      const text = raw.trim().toLowerCase();
      const value = LANGUAGES.find((language) => language.toLowerCase() === text);
      return value ? { value } : { problem: { code: 'language', given: shown(raw), languages: LANGUAGES } };
    },
    text: String,
  },
  calendarBriefs: { parse: (raw) => onOff(raw), text: onOffText },
  weeklyNudge: { parse: (raw) => onOff(raw), text: onOffText },
};

function onOffText(value: boolean): string {
  return value ? 'on' : 'off';
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
    calendarBriefs: settings.calendarBriefs,
    weeklyNudge: settings.weeklyNudge,
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

/**
 * Reads the given fields from text (a card's inputs, `key=value` on the command line): each value
 * as its setting allows (numbers in bounds, `off` for no daily limit, weekday names, on/off), and a
 * problem for every field that is unknown or wrong. Fields not given are left out of `values`.
 */
export function parseSettingValues(raw: Readonly<Record<string, string>>): {
  values: Partial<SettingValues>;
  problems: SettingProblem[];
} {
  const values: Partial<Record<SettingName, unknown>> = {};
  const problems: SettingProblem[] = [];
  for (const [field, text] of Object.entries(raw)) {
    if (!isSettingName(field)) {
      problems.push({ field, code: 'unknown', given: shown(field), settings: SETTING_NAMES });
      continue;
    }
    const parsed = FIELDS[field].parse(text);
    if ('problem' in parsed) problems.push({ ...parsed.problem, field } as SettingProblem);
    else values[field] = parsed.value;
  }
  return { values: values as Partial<SettingValues>, problems };
}

/** Whether two values of a setting are the same (lists by their members). */
export function sameSetting(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
