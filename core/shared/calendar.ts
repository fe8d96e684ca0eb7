/**
 * Pure date helpers. Dates are `YYYY-MM-DD` strings (they compare correctly as strings), instants
 * are `Date`s, zones are IANA names. Zone rules come from the runtime's Intl data, so no library
 * and no table of our own goes stale.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** What a wall clock in some zone shows at an instant. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 0-23. */
  hour: number;
  minute: number;
  second: number;
}

/** How a 29 February date is observed in a year that has none. */
export type Feb29Rule = 'feb28' | 'mar1';

// Building a DateTimeFormat is far slower than using one, and the planner asks per person.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which some ICU versions render as "24" at midnight.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Milliseconds of a wall-clock reading taken as if it were UTC (years below 100 included). */
function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, 0);
  return at.getTime();
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function formatWall(ms: number): string {
  const at = new Date(ms);
  return `${pad4(at.getUTCFullYear())}-${pad2(at.getUTCMonth() + 1)}-${pad2(at.getUTCDate())}`;
}

// en-US renders "MM/DD/YYYY, HH:MM:SS"; parsing that string is several times faster than
// formatToParts, which stays as the fallback should a runtime ever render it otherwise.
const EN_US = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** The wall-clock reading in `timeZone` at `instant`, as milliseconds read as UTC. */
function localWallMs(instant: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  const match = EN_US.exec(formatter.format(new Date(instant)));
  if (match) {
    const [, month, day, year, hour, minute, second] = match.map(Number) as number[];
    return wallMs(year ?? 1970, month ?? 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return wallMs(
    parts.year ?? 1970,
    parts.month ?? 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** What the wall clock in `timeZone` shows at `instant`. */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const wall = new Date(localWallMs(instant.getTime(), timeZone));
  return {
    date: formatWall(wall.getTime()),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The local date (`YYYY-MM-DD`) in `timeZone` at `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return localTimeOf(instant, timeZone).date;
}

/** The local hour (0-23) in `timeZone` at `instant`. */
export function localHourOf(instant: Date, timeZone: string): number {
  return localTimeOf(instant, timeZone).hour;
}

/** The zone's offset from UTC at `instant`, in minutes (east positive: Europe/Berlin in winter is 60). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const at = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((localWallMs(at, timeZone) - at) / 60000);
}

/**
 * The UTC instant at which the wall clock in `timeZone` first reads `hour`:00 on `date`, i.e. the
 * earliest instant whose local reading is at or after that time. This one rule gives both DST
 * cases: on a spring-forward day where the hour does not exist it is the first instant after the
 * gap (02:00 in New York becomes 03:00 EDT); on a fall-back day where the hour happens twice it is
 * the first of the two. So every local date has exactly one such instant, and a schedule built on
 * it neither skips nor repeats a day.
 */
export function instantOfLocal(date: string, hour: number, timeZone: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new Error(`Expected an hour 0-23, got ${hour}`);
  }
  const { year, month, day } = parseDate(date);
  const wall = wallMs(year, month, day, hour);
  // Offsets in force two days either side: enough to see the one transition near the target.
  const before = localWallMs(wall - 2 * DAY_MS, timeZone) - (wall - 2 * DAY_MS);
  const after = localWallMs(wall + 2 * DAY_MS, timeZone) - (wall + 2 * DAY_MS);
  const candidates = before === after ? [wall - before] : [wall - before, wall - after];
  const exact = candidates.filter((at) => localWallMs(at, timeZone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: the answer is the transition itself, found by bisection between the instant before
  // it (reads earlier than wanted) and the one after (reads later), to the second.
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  if (localWallMs(low, timeZone) >= wall) return new Date(low);
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (localWallMs(middle, timeZone) >= wall) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The instant a local day begins in `timeZone` (its first existing moment). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return instantOfLocal(date, 0, timeZone);
}

/** The UTC date of an instant. */
export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return formatWall(wallMs(year, month, day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((wallMs(b.year, b.month, b.day) - wallMs(a.year, a.month, a.day)) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday, as in TenantSettings.digestDay. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  const sundayFirst = new Date(wallMs(year, month, day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/** True Monday to Friday. Public holidays are not known here. */
export function isWorkingDay(date: string): boolean {
  return weekdayOf(date) <= 5;
}

/** `date` itself on a working day, otherwise the Friday before. */
export function workingDayOnOrBefore(date: string): string {
  const weekday = weekdayOf(date);
  return weekday <= 5 ? date : addDays(date, 5 - weekday);
}

/** `date` itself on a working day, otherwise the Monday after. */
export function workingDayOnOrAfter(date: string): string {
  const weekday = weekdayOf(date);
  return weekday <= 5 ? date : addDays(date, 8 - weekday);
}

/**
 * The date `count` working days before `date`: a Monday less 1 is the Friday before, less 3 the
 * Wednesday before. `date` itself need not be a working day; `count` 0 returns it unchanged.
 */
export function subtractWorkingDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new Error(`Expected a count >= 0, got ${count}`);
  let current = date;
  let left = count;
  while (left > 0) {
    current = addDays(current, -1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** ISO 8601 week of a date, e.g. `2027-W11`; the week belongs to the year of its Thursday. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The `MM-DD` of a date. */
export function monthDayOf(date: string): string {
  return date.slice(5, 10);
}

/**
 * The date in `year` on which a yearly `MM-DD` falls. Only 29 February needs a rule: in a year
 * without one it is 28 February (`feb28`, the default) or 1 March (`mar1`).
 */
export function celebratedDate(monthDay: string, year: number, feb29Rule: Feb29Rule = 'feb28'): string {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw new Error(`Expected MM-DD, got ${JSON.stringify(monthDay)}`);
  if (monthDay === '02-29' && !isLeapYear(year)) {
    return `${pad4(year)}-${feb29Rule === 'mar1' ? '03-01' : '02-28'}`;
  }
  return `${pad4(year)}-${monthDay}`;
}

/**
 * Whole years from `from` to `to`: a year counts once its month-day is reached, so
 * `2020-03-14` → `2027-03-13` is 6 and → `2027-03-14` is 7. A 29 February start completes its
 * year on 1 March in non-leap years (use {@link celebratedDate} for when it is observed).
 */
export function yearsBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  const whole = b.year - a.year;
  return monthDayOf(to) >= monthDayOf(from) ? whole : whole - 1;
}
