import type { CelebrationPreference } from '../../core/people';
import type { MySettingsProblem } from '../../core/privacy';
import type { MessageKey } from '../i18n/catalogues';
import type { Translator } from '../i18n/translator';

/** Two digits: `7` → `07`. */
export const pad = (n: number) => String(n).padStart(2, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of calendar names in `locale`, read in UTC so the day never shifts; built once. */
function calendarFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

/** A weekday's name in the reader's language, as the digest day counts them (1 = Monday … 7 = Sunday). */
export function weekdayName(t: Translator, day: number): string {
  // 1 January 2024 was a Monday.
  return calendarFormat(t.locale, { weekday: 'long' }).format(Date.UTC(2024, 0, day));
}

/** The seven weekday names, Monday first. */
export function weekdayNames(t: Translator): string[] {
  return Array.from({ length: 7 }, (_, i) => weekdayName(t, i + 1));
}

/** A month's name in the reader's language (1 = January), as a list of months shows it. */
export function monthName(t: Translator, month: number): string {
  return calendarFormat(t.locale, { month: 'long' }).format(Date.UTC(2000, month - 1, 15));
}

/** An hour of the day (0-23) as the cards show it, e.g. `09:00`. */
export function hourText(t: Translator, hour: number): string {
  return calendarFormat(t.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    Date.UTC(2000, 0, 1, hour),
  );
}

/**
 * How a celebration preference reads, in `my settings` and `my data`, with who set it when that is
 * not the person: the organisation's default or its people data.
 */
export function celebrationTitle(
  t: Translator,
  preference: CelebrationPreference,
  source: 'self' | 'default' | 'import' = 'self',
): string {
  return t.text('privacy.celebration', { preference, source });
}

/** A card's fixed words: each field's message, in the reader's language. */
export function wordsOf<K extends string>(
  t: Translator,
  keys: Readonly<Record<K, MessageKey>>,
): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const field of Object.keys(keys) as K[]) words[field] = t.text(keys[field]);
  return words;
}

/** Why a `my settings` choice was refused, as one sentence. */
export function mySettingsProblemText(t: Translator, problem: MySettingsProblem): string {
  switch (problem.code) {
    case 'noSuchDay':
      return t.text('privacy.problem.noSuchDay', {
        day: t.number(problem.day),
        month: monthName(t, problem.month),
      });
    case 'timeZoneUnknown':
      return t.text('privacy.problem.timeZoneUnknown', { zone: problem.zone });
    default:
      return t.text(`privacy.problem.${problem.code}`);
  }
}
