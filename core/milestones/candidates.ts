import { addDays, isLeapYear, monthDayOf } from '../shared';
import type { PlanningWindow } from '../delivery';
import type { Person } from '../people';
import type { MilestonePolicy } from './policy';
import {
  earliestOccurrenceFor,
  leadDays,
  observedDate,
  reminderDate,
  sendDateRange,
  validatePolicy,
} from './schedule';

/**
 * The port through which the job reads only the people with a milestone near the window. Every
 * method names the tenant and returns people of that tenant only; empty lists return nothing.
 */
export interface MilestoneCandidates {
  /** People whose `birthday` is one of `monthDays` (`MM-DD`). */
  birthdaysOn(tenantId: string, monthDays: readonly string[]): Promise<Person[]>;
  /** People whose hire date's `MM-DD` is one of `monthDays`. */
  anniversariesOn(tenantId: string, monthDays: readonly string[]): Promise<Person[]>;
  /** People whose `hireDate` is one of `dates` (`YYYY-MM-DD`). */
  hiredOn(tenantId: string, dates: readonly string[]): Promise<Person[]>;
  /** The people with these ids (managers, for their zone). */
  managersOf(tenantId: string, ids: readonly string[]): Promise<Person[]>;
}

/** What to query for a window: everything that can have a send due in it. */
export interface CandidateQuery {
  /** `MM-DD` values of `birthday` to read. */
  birthdayMonthDays: string[];
  /** `MM-DD` values of the hire date to read, for work anniversaries. */
  hireMonthDays: string[];
  /** `YYYY-MM-DD` hire dates to read, for new-hire check-ins. */
  hireDates: string[];
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The month-days and hire dates whose people can have a send due in `window`, in any zone: the
 * celebrations on the day, the reminders up to the lead ahead, weekends moved as the rule says,
 * 29 February birthdays and hire dates folded onto 28 February or 1 March in non-leap years, and
 * only the milestones the tenant keeps. Querying these
 * (and nothing else) is what keeps the job's reads proportional to the milestones due.
 */
export function candidateQuery(window: PlanningWindow, policy: MilestonePolicy): CandidateQuery {
  validatePolicy(policy);
  if (window.now.getTime() <= window.since.getTime()) {
    return { birthdayMonthDays: [], hireMonthDays: [], hireDates: [] };
  }
  const sends = sendDateRange(window);
  const inSends = (date: string) => date >= sends.from && date <= sends.to;
  const monthDays: string[] = [];
  const hireDates: string[] = [];
  const last = addDays(sends.to, leadDays(policy));
  for (
    let occursOn = earliestOccurrenceFor(sends.from, policy);
    occursOn <= last;
    occursOn = addDays(occursOn, 1)
  ) {
    const date = observedDate(occursOn, policy);
    const reminderDue = inSends(reminderDate(date, policy));
    if (reminderDue || inSends(date)) {
      const monthDay = monthDayOf(occursOn);
      monthDays.push(monthDay);
      const year = Number(occursOn.slice(0, 4));
      const foldsFeb29 = policy.feb29Rule === 'mar1' ? monthDay === '03-01' : monthDay === '02-28';
      if (foldsFeb29 && !isLeapYear(year)) monthDays.push('02-29');
    }
    // Check-ins have no celebration: only their reminder date matters.
    if (reminderDue) for (const day of policy.checkIns) hireDates.push(addDays(occursOn, -day));
  }
  const unique = sortedUnique(monthDays);
  // Milestones the tenant does not keep are not even read.
  return {
    birthdayMonthDays: policy.birthdays ? unique : [],
    hireMonthDays: policy.anniversaries ? [...unique] : [],
    hireDates: sortedUnique(hireDates),
  };
}

/**
 * Reads the candidates of a window through the port: three indexed queries, then one for the
 * managers of whoever turned up. Nothing here reads the whole directory.
 */
export async function findMilestoneCandidates(
  port: MilestoneCandidates,
  tenantId: string,
  window: PlanningWindow,
  policy: MilestonePolicy,
): Promise<{ people: Person[]; managers: Person[] }> {
  const query = candidateQuery(window, policy);
  const [birthdays, anniversaries, hires] = await Promise.all([
    query.birthdayMonthDays.length ? port.birthdaysOn(tenantId, query.birthdayMonthDays) : [],
    query.hireMonthDays.length ? port.anniversariesOn(tenantId, query.hireMonthDays) : [],
    query.hireDates.length ? port.hiredOn(tenantId, query.hireDates) : [],
  ]);
  const people = new Map<string, Person>();
  for (const person of [...birthdays, ...anniversaries, ...hires]) people.set(person.id, person);
  const managerIds = sortedUnique(
    [...people.values()].flatMap((p) => (p.managerId && !people.has(p.managerId) ? [p.managerId] : [])),
  );
  const managers = managerIds.length ? await port.managersOf(tenantId, managerIds) : [];
  return { people: [...people.values()], managers };
}
