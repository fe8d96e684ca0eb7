import type { Translator } from './translator';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter of calendar names in `locale`, read in UTC so the day never shifts; built once. */
function calendarFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, format);
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

/**
 * An hour of the day (0-23) as the cards show it, e.g. `09:00`: an hour in each reader's own zone,
 * so it is not converted to the caller's.
 */
export function hourText(t: Translator, hour: number): string {
  return calendarFormat(t.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    Date.UTC(2000, 0, 1, hour),
  );
}
