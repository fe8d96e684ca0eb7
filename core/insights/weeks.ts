import { addDays, localDateOf, startOfLocalDay, weekdayOf } from '../shared';

/** Weeks on the team and organisation charts: the current one and the eleven before it. */
export const CHART_WEEKS = 12;

/** The charts' weeks in one zone: Mondays, oldest first, the current week last. */
export interface ChartWeeks {
  zone: string;
  /** The viewer's local date now. */
  today: string;
  mondays: string[];
}

/** The Monday of the week (Monday to Sunday) `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The {@link CHART_WEEKS} weeks up to and including the one of `now`, in `zone`. */
export function chartWeeks(now: Date, zone: string): ChartWeeks {
  const today = localDateOf(now, zone);
  const current = mondayOf(today);
  const mondays = Array.from({ length: CHART_WEEKS }, (_, i) => addDays(current, -7 * (CHART_WEEKS - 1 - i)));
  return { zone, today, mondays };
}

/** The instant the local day `date` begins in the weeks' zone. */
export function startOf(weeks: ChartWeeks, date: string): Date {
  return startOfLocalDay(date, weeks.zone);
}

/** The index of the chart week an instant falls in, or -1 outside them. */
export function weekIndexOf(weeks: ChartWeeks, createdAt: string): number {
  return weeks.mondays.indexOf(mondayOf(localDateOf(new Date(createdAt), weeks.zone)));
}

/** The last day counted for a week: its Sunday, or today for the current week. */
export function lastDayOf(weeks: ChartWeeks, monday: string): string {
  const sunday = addDays(monday, 6);
  return sunday < weeks.today ? sunday : weeks.today;
}
