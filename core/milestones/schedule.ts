// How a policy places each date: shared by candidate selection and the planner, and kept inside
// the feature (the index does not export it).
import {
  addDays,
  instantOfLocal,
  subtractWorkingDays,
  utcDateOf,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../shared';
import type { PlanningWindow } from '../delivery';
import { isTimeZone } from '../people';
import type { MilestonePolicy } from './policy';

// Zones on Earth run from UTC-12 to UTC+14: the local date of an instant is within this of UTC's.
const HOUR_MS = 60 * 60 * 1000;
const WEST_MS = 12 * HOUR_MS;
const EAST_MS = 14 * HOUR_MS;

/** Throws when `policy` cannot be followed: an hour outside 0-23, a lead outside 0-30, an unknown zone. */
export function validatePolicy(policy: MilestonePolicy): void {
  const { sendHour, reminderWorkingDaysAhead: ahead } = policy;
  if (!Number.isInteger(sendHour) || sendHour < 0 || sendHour > 23) {
    throw new Error(`Milestone policy: sendHour must be an integer 0-23, got ${sendHour}`);
  }
  if (!Number.isInteger(ahead) || ahead < 0 || ahead > 30) {
    throw new Error(`Milestone policy: reminderWorkingDaysAhead must be an integer 0-30, got ${ahead}`);
  }
  if (!isTimeZone(policy.defaultTimeZone)) {
    throw new Error(`Milestone policy: unknown defaultTimeZone ${policy.defaultTimeZone}`);
  }
}

/** The date a milestone occurring on `occursOn` is marked, after the weekend rule. */
export function observedDate(occursOn: string, policy: MilestonePolicy): string {
  if (policy.weekendRule === 'keep') return occursOn;
  return policy.weekendRule === 'next-working-day'
    ? workingDayOnOrAfter(occursOn)
    : workingDayOnOrBefore(occursOn);
}

/**
 * The earliest occurrence that can be marked on or after `date`: with the next-working-day rule a
 * Saturday's or Sunday's milestone is marked on the Monday, up to two days after it occurs.
 */
export function earliestOccurrenceFor(date: string, policy: MilestonePolicy): string {
  return policy.weekendRule === 'next-working-day' ? addDays(date, -2) : date;
}

/** The date the manager is reminded of a milestone marked on `date`: always a working day. */
export function reminderDate(date: string, policy: MilestonePolicy): string {
  const ahead = policy.reminderWorkingDaysAhead;
  return ahead === 0 ? workingDayOnOrBefore(date) : subtractWorkingDays(date, ahead);
}

/**
 * Calendar days a reminder can precede the occurrence: N working days span at most N plus two
 * days per weekend crossed, and the weekend rule moves the marked date back by up to two more.
 */
export function leadDays(policy: MilestonePolicy): number {
  const ahead = policy.reminderWorkingDaysAhead;
  return ahead + 2 * Math.ceil(ahead / 5) + 4;
}

/** The local dates, in some zone on Earth, that an instant in the window can fall on. */
export function sendDateRange(window: PlanningWindow): { from: string; to: string } {
  return {
    from: utcDateOf(new Date(window.since.getTime() - WEST_MS)),
    to: utcDateOf(new Date(window.now.getTime() + EAST_MS)),
  };
}

/**
 * The local dates whose send hour, in some zone on Earth, falls in the window: the dates anything
 * can be sent for in it. Narrower than {@link sendDateRange}: an hour's run sends for one date, or
 * two for a few hours a day, where every instant of the hour falls on two dates somewhere.
 */
export function sendHourDates(window: PlanningWindow, sendHour: number): { from: string; to: string } {
  // The send hour of date d in a zone is d + sendHour - offset, the offset from -12 to +14 hours
  // (a DST gap puts it between the offsets either side), so it can fall in (since, now] only when
  // since - sendHour - 12 h < d <= now - sendHour + 14 h.
  const after = window.since.getTime() - sendHour * HOUR_MS - WEST_MS;
  const first = utcDateOf(new Date(after));
  return {
    from: Date.parse(`${first}T00:00:00Z`) > after ? first : addDays(first, 1),
    to: utcDateOf(new Date(window.now.getTime() - sendHour * HOUR_MS + EAST_MS)),
  };
}

/**
 * The dates of {@link sendHourDates}, or, given the zones the tenant's people have (as stored),
 * only those whose send hour falls in the window in one of them: a zone the runtime does not know,
 * and no zone, count as the policy's default zone, as the planner reads them. A tenant in one zone
 * sends for one date an hour a day, and for none the other 23.
 */
export function sendDates(
  window: PlanningWindow,
  policy: MilestonePolicy,
  zones?: readonly string[],
): string[] {
  const range = sendHourDates(window, policy.sendHour);
  const dates: string[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) dates.push(date);
  if (zones === undefined) return dates;
  const effective = new Set([policy.defaultTimeZone]);
  for (const zone of zones) effective.add(zone && isTimeZone(zone) ? zone : policy.defaultTimeZone);
  const since = window.since.getTime();
  const now = window.now.getTime();
  return dates.filter((date) =>
    [...effective].some((zone) => {
      const at = instantOfLocal(date, policy.sendHour, zone).getTime();
      return at > since && at <= now;
    }),
  );
}
