import { addDays, instantOfLocal, isoWeekOf, localDateOf, weekdayOf } from '../shared';
import { isTimeZone, type Person } from '../people';
import { effectiveWeeklyNudge } from '../privacy';
import type { TenantSettings } from '../settings';

/** The settings that decide when a nudge is due. */
export type NudgeSettings = Pick<
  TenantSettings,
  'weeklyNudge' | 'digestDay' | 'digestHour' | 'defaultTimeZone'
>;

/** A nudge due for someone: the ISO week it belongs to, and that week's Monday to Sunday in their zone. */
export interface DueNudge {
  week: string;
  /** The local date the nudge is due on. */
  date: string;
  from: string;
  to: string;
}

/** The zone a person's times are read in: their own when the runtime knows it, else the tenant's. */
export function zoneOf(
  person: Pick<Person, 'timeZone'>,
  settings: Pick<TenantSettings, 'defaultTimeZone'>,
): string {
  return person.timeZone && isTimeZone(person.timeZone) ? person.timeZone : settings.defaultTimeZone;
}

/**
 * The nudge whose moment for `person` (their own day and hour, else the tenant's digest day and
 * hour, in their zone) falls in `(since, now]`; undefined when none does or the nudge is off for
 * them (their own choice, else the tenant's `weeklyNudge`).
 */
export function dueNudge(
  person: Pick<Person, 'weeklyNudge' | 'timeZone'>,
  settings: NudgeSettings,
  window: { since: Date; now: Date },
): DueNudge | undefined {
  const nudge = effectiveWeeklyNudge(person, settings);
  if (!nudge.enabled) return undefined;
  const zone = zoneOf(person, settings);
  const last = localDateOf(window.now, zone);
  for (let date = addDays(localDateOf(window.since, zone), -1); date <= last; date = addDays(date, 1)) {
    if (weekdayOf(date) !== nudge.day) continue;
    const at = instantOfLocal(date, nudge.hour, zone).getTime();
    if (at > window.since.getTime() && at <= window.now.getTime()) {
      const from = addDays(date, 1 - weekdayOf(date));
      return { week: isoWeekOf(date), date, from, to: addDays(from, 6) };
    }
  }
  return undefined;
}

/**
 * Of `zones` (the tenant's, as the zone index lists them), those where the tenant's nudge moment
 * (its digest day and hour) falls in the window: the zones whose people following the tenant's
 * default are due. `includesDefault` says whether the tenant's default zone is one of them, which
 * is also the zone of everyone without a zone of their own. Empty when the tenant's nudge is off.
 */
export function zonesDueForDefault(
  zones: readonly string[],
  settings: NudgeSettings,
  window: { since: Date; now: Date },
): { zones: string[]; includesDefault: boolean } {
  if (!settings.weeklyNudge) return { zones: [], includesDefault: false };
  const due = (zone: string) => dueNudge({ timeZone: zone }, settings, window) !== undefined;
  return {
    zones: [...new Set(zones)].filter((zone) => isTimeZone(zone) && due(zone)),
    includesDefault: due(settings.defaultTimeZone),
  };
}
