import type { AuditEntry, ChangedMeanwhile, SettingName, SettingProblem } from '../../core/settings';
import { isSettingName, settingText, type SettingValues } from '../../core/settings';
import type { Translator } from '../i18n/translator';
import { weekdayName } from '../i18n/calendarNames';

/** A setting as the card labels it, for messages about it ("Kudos a day"). */
export function settingLabel(t: Translator, name: SettingName): string {
  return t.text('settings.label', { setting: name });
}

/**
 * A setting's value as people read it: on and off and none in their language, anything else as
 * it is typed (`20`, `0,30`, `feb28`), which is what the card's inputs and the jobs CLI take.
 */
export function settingValueText(
  t: Translator,
  name: SettingName,
  value: SettingValues[SettingName],
): string {
  if (typeof value === 'boolean') return t.text('settings.value.onOff', { on: value ? 'yes' : 'no' });
  if (value === null) return t.text('settings.value.onOff', { on: 'no' });
  if (Array.isArray(value) && value.length === 0) return t.text('settings.value.none');
  return settingText(name, value as never);
}

/** The answer to `settings` in a personal chat for someone who is not an admin. */
export function onlyAdmins(t: Translator, adminNames: string[]): string {
  return adminNames.length === 0
    ? t.text('settings.onlyAdmins.none')
    : t.text('settings.onlyAdmins.some', { names: t.list(adminNames) });
}

/** What the card says after a save. */
export function savedStatus(t: Translator, changes: number): string {
  return t.text('settings.saved', { count: changes });
}

/** What the second of two admins saving at once is told: what changed, to what, and that theirs is kept. */
export function changedMeanwhileMessage(t: Translator, changed: ChangedMeanwhile[]): string {
  const changes = changed
    .map((c) =>
      t.text('settings.changedMeanwhile.item', {
        setting: settingLabel(t, c.field),
        value: settingValueText(t, c.field, c.value),
      }),
    )
    .join('; ');
  return t.text('settings.changedMeanwhile', { count: changed.length, changes });
}

/** One problem with a settings change, as one sentence naming the setting as the jobs CLI does. */
export function settingProblemText(t: Translator, problem: SettingProblem): string {
  const { field, given } = problem;
  switch (problem.code) {
    case 'unknown':
      return t.text('settings.problem.unknown', {
        field: given,
        settings: t.list(problem.settings, 'disjunction'),
      });
    case 'range':
      return t.text('settings.problem.range', {
        field,
        given,
        min: problem.min,
        max: problem.max,
        note: problem.note ?? 'none',
      });
    case 'oneOf':
      return t.text('settings.problem.oneOf', {
        field,
        given,
        choices: t.list(problem.choices, 'disjunction'),
      });
    case 'onOff':
      return t.text('settings.problem.onOff', { field, given });
    case 'weekday':
      return t.text('settings.problem.weekday', {
        field,
        given,
        first: weekdayName(t, 1),
        last: weekdayName(t, 7),
      });
    case 'checkIns':
      return t.text('settings.problem.checkIns', { field, given, days: t.list(problem.days.map(String)) });
    case 'language':
      return t.text('settings.problem.language', {
        field,
        given,
        languages: t.list(problem.languages, 'disjunction'),
      });
  }
}

/** One audit entry in the reader's words, as the settings card shows it. */
export interface AuditEntryWords {
  /** `2027-03-11 09:00 UTC` */
  when: string;
  /** `Alex Wilber (in Teams)` */
  who: string;
  /** `dailyKudosLimit: 20 → 2` */
  what: string;
}

/**
 * An audit entry as plain words: a setting's values as they are typed (`off`, `0,30`), anything
 * else (admins, values) by name. Text for a TextRun, never markup.
 */
export function auditEntryWords(t: Translator, entry: AuditEntry): AuditEntryWords {
  const value = (v: unknown) =>
    entry.subject === 'settings' && isSettingName(entry.field) && v !== undefined
      ? settingValueText(t, entry.field, v as SettingValues[SettingName])
      : plain(t, v);
  return {
    when: t.text('settings.audit.when', { date: entry.at.slice(0, 10), time: entry.at.slice(11, 16) }),
    who: t.text('settings.audit.who', { name: entry.by.name || entry.by.id, via: entry.by.via }),
    what: t.text('settings.audit.what', {
      subject: entry.subject,
      field: entry.field,
      change: entry.from === undefined ? 'added' : entry.to === undefined ? 'removed' : 'changed',
      from: value(entry.from),
      to: value(entry.to),
    }),
  };
}

function plain(t: Translator, value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return t.text('settings.value.none');
  if (typeof value === 'boolean') return t.text('settings.value.onOff', { on: value ? 'yes' : 'no' });
  if (Array.isArray(value)) return value.map((v) => plain(t, v)).join(', ') || t.text('settings.value.none');
  if (typeof value === 'object') {
    const named = value as { name?: unknown };
    return typeof named.name === 'string' ? named.name : JSON.stringify(value);
  }
  return String(value);
}
