import { addDays, isLeapYear, monthDayOf } from '../shared';
import type { PlanningWindow } from '../delivery';
import type { CelebrationPreference, Person } from '../people';
import type { MilestonePolicy } from './policy';
import {
  earliestOccurrenceFor,
  leadDays,
  observedDate,
  reminderDate,
  sendDates,
  validatePolicy,
} from './schedule';

/**
 * The month-days of one occasion (birthdays, or work anniversaries) that a run reads, and whom on
 * each: a day a reminder may be due on needs everyone who has not turned the occasion off; a day
 * with only a celebration due, only those who celebrate it in public.
 */
export interface OccasionDays {
  /** `MM-DD` values with a reminder possibly due. */
  reminded: string[];
  /** `MM-DD` values with only a celebration possibly due. */
  celebrated: string[];
  /** The preference of people who have not chosen one for the occasion. */
  defaultCelebration: CelebrationPreference;
}

/**
 * Whether someone whose occasion falls on `monthDay`, with `preference` for it, is one of the
 * people `days` selects: the rule every {@link MilestoneCandidates} store answers by.
 */
export function onOccasionDays(
  monthDay: string | undefined,
  preference: CelebrationPreference | undefined,
  days: OccasionDays,
): boolean {
  if (monthDay === undefined) return false;
  const effective = preference ?? days.defaultCelebration;
  return (
    (effective !== 'off' && days.reminded.includes(monthDay)) ||
    (effective === 'public' && days.celebrated.includes(monthDay))
  );
}

/**
 * The port through which the job reads only the people with a milestone near the window. Every
 * method names the tenant and returns people of that tenant only; empty lists return nothing.
 */
export interface MilestoneCandidates {
  /** People whose `birthday` and birthday preference `days` selects (see {@link onOccasionDays}). */
  birthdaysOn(tenantId: string, days: OccasionDays): Promise<Person[]>;
  /** People whose hire date's `MM-DD` and anniversary preference `days` selects. */
  anniversariesOn(tenantId: string, days: OccasionDays): Promise<Person[]>;
  /** People whose `hireDate` is one of `dates` (`YYYY-MM-DD`). */
  hiredOn(tenantId: string, dates: readonly string[]): Promise<Person[]>;
  /** The people with these ids (managers, for their zone). */
  managersOf(tenantId: string, ids: readonly string[]): Promise<Person[]>;
  /**
   * Every time zone a person of the tenant has, as stored; a zone nobody has any more may still
   * be listed (it costs reads, never a send).
   */
  zonesInUse(tenantId: string): Promise<string[]>;
}

/** What to query for a window: everything that can have a send due in it. */
export interface CandidateQuery {
  birthdays: OccasionDays;
  /** By the hire date's `MM-DD`. */
  anniversaries: OccasionDays;
  /** `YYYY-MM-DD` hire dates to read, for new-hire check-ins. */
  hireDates: string[];
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The month-days and hire dates whose people can have a send due in `window`, in one of `zones`
 * (the tenant's, see {@link sendDates}; without them, in any zone on Earth): the celebrations on
 * the days whose send hour falls in the window, the reminders of those days up to the lead ahead,
 * weekends moved as the rule says, 29 February birthdays and hire dates folded onto 28 February or
 * 1 March in non-leap years, and only the milestones the tenant keeps. Querying these (and nothing
 * else) is what keeps the job's reads proportional to the milestones due.
 */
export function candidateQuery(
  window: PlanningWindow,
  policy: MilestonePolicy,
  zones?: readonly string[],
): CandidateQuery {
  validatePolicy(policy);
  const none = (): OccasionDays => ({
    reminded: [],
    celebrated: [],
    defaultCelebration: policy.defaultCelebration,
  });
  const sends = window.now.getTime() > window.since.getTime() ? sendDates(window, policy, zones) : [];
  const [first, last] = [sends[0], sends[sends.length - 1]];
  if (first === undefined || last === undefined) {
    return { birthdays: none(), anniversaries: none(), hireDates: [] };
  }
  const inSends = (date: string) => sends.includes(date);
  const reminded: string[] = [];
  const celebrated: string[] = [];
  const hireDates: string[] = [];
  for (
    let occursOn = earliestOccurrenceFor(first, policy);
    occursOn <= addDays(last, leadDays(policy));
    occursOn = addDays(occursOn, 1)
  ) {
    const date = observedDate(occursOn, policy);
    const reminderDue = inSends(reminderDate(date, policy));
    if (reminderDue || inSends(date)) {
      const days = reminderDue ? reminded : celebrated;
      const monthDay = monthDayOf(occursOn);
      days.push(monthDay);
      const year = Number(occursOn.slice(0, 4));
      const foldsFeb29 = policy.feb29Rule === 'mar1' ? monthDay === '03-01' : monthDay === '02-28';
      if (foldsFeb29 && !isLeapYear(year)) days.push('02-29');
    }
    // Check-ins have no celebration: only their reminder date matters.
    if (reminderDue) for (const day of policy.checkIns) hireDates.push(addDays(occursOn, -day));
  }
  const reminders = sortedUnique(reminded);
  // A day with a reminder due is read for everyone it may concern, its celebration's people included.
  const days = (): OccasionDays => ({
    reminded: [...reminders],
    celebrated: sortedUnique(celebrated).filter((day) => !reminders.includes(day)),
    defaultCelebration: policy.defaultCelebration,
  });
  // Milestones the tenant does not keep are not even read.
  return {
    birthdays: policy.birthdays ? days() : none(),
    anniversaries: policy.anniversaries ? days() : none(),
    hireDates: sortedUnique(hireDates),
  };
}

const hasDays = (days: OccasionDays) => days.reminded.length + days.celebrated.length > 0;

/**
 * Whether `person`, found by `query`, may have a reminder due, for which the planner needs their
 * manager: a birthday or anniversary on a reminder day they have not turned off, or a check-in.
 */
function mayBeReminded(person: Person, query: CandidateQuery): boolean {
  const remindersOnly = (days: OccasionDays): OccasionDays => ({ ...days, celebrated: [] });
  return (
    onOccasionDays(person.birthday, person.celebrate.birthday, remindersOnly(query.birthdays)) ||
    onOccasionDays(
      person.hireDate?.slice(5),
      person.celebrate.anniversary,
      remindersOnly(query.anniversaries),
    ) ||
    (person.hireDate !== undefined && query.hireDates.includes(person.hireDate))
  );
}

/**
 * Reads the candidates of a window through the port: the tenant's zones, three indexed queries for
 * the days whose send hour falls in the window in one of them (none in most hours of a tenant in
 * a few zones), then one for the managers of whoever may be reminded (a celebration needs no
 * manager). Nothing here reads the whole directory.
 */
export async function findMilestoneCandidates(
  port: MilestoneCandidates,
  tenantId: string,
  window: PlanningWindow,
  policy: MilestonePolicy,
): Promise<{ people: Person[]; managers: Person[] }> {
  const query = candidateQuery(window, policy, await port.zonesInUse(tenantId));
  const [birthdays, anniversaries, hires] = await Promise.all([
    hasDays(query.birthdays) ? port.birthdaysOn(tenantId, query.birthdays) : [],
    hasDays(query.anniversaries) ? port.anniversariesOn(tenantId, query.anniversaries) : [],
    query.hireDates.length ? port.hiredOn(tenantId, query.hireDates) : [],
  ]);
  const people = new Map<string, Person>();
  for (const person of [...birthdays, ...anniversaries, ...hires]) people.set(person.id, person);
  const managerIds = sortedUnique(
    [...people.values()].flatMap((p) =>
      p.managerId && !people.has(p.managerId) && mayBeReminded(p, query) ? [p.managerId] : [],
    ),
  );
  const managers = managerIds.length ? await port.managersOf(tenantId, managerIds) : [];
  return { people: [...people.values()], managers };
}
