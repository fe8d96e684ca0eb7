import {
  addDays,
  celebratedDate,
  instantOfLocal,
  isLeapYear,
  localDateOf,
  monthDayOf,
  subtractWorkingDays,
  utcDateOf,
  workingDayOnOrBefore,
  type Feb29Rule,
} from '../shared';
import { deliveryId, type PlanningWindow } from '../delivery';
import { isCalendarDate, isMonthDay, isTimeZone, type CelebrationPreference, type Person } from '../people';
import type { TenantSettings } from '../settings';

export type { Feb29Rule } from '../shared';

/** Days after the hire date on which the manager gets a new-hire check-in. */
export type CheckInDay = 0 | 7 | 30 | 90;

/** Every kind of milestone. The four check-ins go to the manager only. */
export type MilestoneKind = 'birthday' | 'anniversary' | 'first-day' | 'first-week' | 'day-30' | 'day-90';

/** The milestone kind of each check-in day. */
export const CHECK_IN_KINDS: Readonly<Record<CheckInDay, MilestoneKind>> = {
  0: 'first-day',
  7: 'first-week',
  30: 'day-30',
  90: 'day-90',
};

/** What happens to a milestone that falls on a Saturday or Sunday. */
export type WeekendRule = 'previous-working-day' | 'keep';

/** One occurrence of a milestone for one person. */
export interface Milestone {
  kind: MilestoneKind;
  person: Person;
  /** The local date (in the person's zone) it is marked on, after the weekend rule. */
  date: string;
  /**
   * The calendar date it really falls on (after the 29 February rule, before the weekend rule).
   * Delivery ids use this, so changing the weekend rule between two runs cannot send twice.
   */
  occursOn: string;
  /** Work anniversaries only: how many years. */
  years?: number;
}

/** One message the job should send now. */
export interface PlannedSend {
  /** Deterministic: `<kind>:<occursOn>:<personId>:manager` or `…:celebration`. */
  deliveryId: string;
  kind: 'reminder' | 'celebration';
  milestone: Milestone;
  /**
   * Who receives it. `manager`: a reminder to `recipientId`, the manager. `channel`: a public
   * celebration; `recipientId` is the celebrated person, whose teams' recognition channels get it.
   * `person` is reserved for messages to the person themselves; the planner plans none today.
   */
  recipient: 'manager' | 'person' | 'channel';
  recipientId: string;
  /** When it is due (UTC): the send hour on `localDate` in `timeZone`. */
  sendAt: Date;
  /** The recipient's local date it is due on. */
  localDate: string;
  /** The zone `sendAt` was worked out in: the manager's for a reminder, the person's for a celebration. */
  timeZone: string;
}

/** How a tenant's milestones are scheduled. */
export interface MilestonePolicy {
  /** Working days (Mon-Fri) ahead of the milestone that the manager is reminded; 0 = on the day. */
  reminderWorkingDaysAhead: number;
  weekendRule: WeekendRule;
  feb29Rule: Feb29Rule;
  /** Local hour (0-23) of the recipient at which everything goes out. */
  sendHour: number;
  /** Zone for anyone whose own zone is unknown. */
  defaultTimeZone: string;
  /** Which new-hire check-ins the manager gets. */
  checkIns: readonly CheckInDay[];
}

/** The defaults of the design. */
export const DEFAULT_MILESTONE_POLICY: Readonly<MilestonePolicy> = {
  reminderWorkingDaysAhead: 3,
  weekendRule: 'previous-working-day',
  feb29Rule: 'feb28',
  sendHour: 9,
  defaultTimeZone: 'UTC',
  checkIns: [0, 7, 30, 90],
};

/** A tenant's policy: its send hour and default zone, the defaults for the rest unless overridden. */
export function milestonePolicyFor(
  settings: Pick<TenantSettings, 'sendHour' | 'defaultTimeZone'>,
  overrides: Partial<MilestonePolicy> = {},
): MilestonePolicy {
  return {
    ...DEFAULT_MILESTONE_POLICY,
    sendHour: settings.sendHour,
    defaultTimeZone: settings.defaultTimeZone,
    ...overrides,
  };
}

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

// Zones on Earth run from UTC-12 to UTC+14: the local date of an instant is within this of UTC's.
const WEST_MS = 12 * 60 * 60 * 1000;
const EAST_MS = 14 * 60 * 60 * 1000;

function validatePolicy(policy: MilestonePolicy): void {
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
function observedDate(occursOn: string, policy: MilestonePolicy): string {
  return policy.weekendRule === 'keep' ? occursOn : workingDayOnOrBefore(occursOn);
}

/** The date the manager is reminded of a milestone marked on `date`: always a working day. */
function reminderDate(date: string, policy: MilestonePolicy): string {
  const ahead = policy.reminderWorkingDaysAhead;
  return ahead === 0 ? workingDayOnOrBefore(date) : subtractWorkingDays(date, ahead);
}

/**
 * Calendar days a reminder can precede the occurrence: N working days span at most N plus two
 * days per weekend crossed, and the weekend rule moves the marked date back by up to two more.
 */
function leadDays(policy: MilestonePolicy): number {
  const ahead = policy.reminderWorkingDaysAhead;
  return ahead + 2 * Math.ceil(ahead / 5) + 4;
}

/** The local dates, in some zone on Earth, that an instant in the window can fall on. */
function sendDateRange(window: PlanningWindow): { from: string; to: string } {
  return {
    from: utcDateOf(new Date(window.since.getTime() - WEST_MS)),
    to: utcDateOf(new Date(window.now.getTime() + EAST_MS)),
  };
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The month-days and hire dates whose people can have a send due in `window`, in any zone: the
 * celebrations on the day, the reminders up to the lead ahead, weekends moved back, and 29 February
 * birthdays and hire dates folded onto 28 February or 1 March in non-leap years. Querying these
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
  for (let occursOn = sends.from; occursOn <= last; occursOn = addDays(occursOn, 1)) {
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
  return { birthdayMonthDays: unique, hireMonthDays: [...unique], hireDates: sortedUnique(hireDates) };
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

// Ids that deliveryId() would refuse: such a record is skipped rather than failing the whole run.
const UNSAFE_ID = /[/\\#?]/;

// isTimeZone builds a formatter each call; a directory holds a handful of distinct zones.
const knownZones = new Map<string, boolean>();

function zoneOf(person: Person | undefined, policy: MilestonePolicy): string {
  const zone = person?.timeZone;
  if (!zone) return policy.defaultTimeZone;
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = isTimeZone(zone);
    knownZones.set(zone, known);
  }
  return known ? zone : policy.defaultTimeZone;
}

interface Occurrence {
  kind: MilestoneKind;
  occursOn: string;
  years?: number;
  preference: CelebrationPreference;
  celebrates: boolean;
}

/** Every milestone of `person` that occurs between `from` and `to` inclusive. */
function occurrencesOf(person: Person, from: string, to: string, policy: MilestonePolicy): Occurrence[] {
  const found: Occurrence[] = [];
  const inRange = (date: string) => date >= from && date <= to;
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  if (person.birthday && isMonthDay(person.birthday) && person.celebrate.birthday !== 'off') {
    for (let year = firstYear; year <= lastYear; year++) {
      const occursOn = celebratedDate(person.birthday, year, policy.feb29Rule);
      if (inRange(occursOn)) {
        found.push({ kind: 'birthday', occursOn, preference: person.celebrate.birthday, celebrates: true });
      }
    }
  }
  if (person.hireDate && isCalendarDate(person.hireDate)) {
    const hireYear = Number(person.hireDate.slice(0, 4));
    if (person.celebrate.anniversary !== 'off') {
      for (let year = Math.max(firstYear, hireYear + 1); year <= lastYear; year++) {
        const occursOn = celebratedDate(monthDayOf(person.hireDate), year, policy.feb29Rule);
        if (inRange(occursOn)) {
          found.push({
            kind: 'anniversary',
            occursOn,
            years: year - hireYear,
            preference: person.celebrate.anniversary,
            celebrates: true,
          });
        }
      }
    }
    for (const day of new Set(policy.checkIns)) {
      const occursOn = addDays(person.hireDate, day);
      // Check-ins are the manager's business, whatever the person chose for celebrations.
      if (inRange(occursOn)) {
        found.push({ kind: CHECK_IN_KINDS[day], occursOn, preference: 'manager', celebrates: false });
      }
    }
  }
  return found;
}

/**
 * Every send due in `(since, now]` that is still relevant at `now`, for `people`. The window is
 * open at `since` and closed at `now`, so consecutive windows plan each send exactly once; an
 * overlapping window plans it again with the same `deliveryId`, which the ledger deduplicates.
 *
 * - A reminder goes to the manager at the send hour of the manager's zone, the configured number
 *   of working days before the milestone; a missed one is still sent while the manager's local
 *   date is before the milestone's (or on it, with a lead of 0).
 * - A celebration (birthday and anniversary, preference `public`) goes out at the send hour of the
 *   person's zone on the day; a missed one is sent only while it is still that day there.
 * - Preference `manager` means the reminder only, `off` nothing. New-hire check-ins are reminders
 *   only. People without a manager, or whose manager is not among `managers` or `people`, get no
 *   reminder.
 *
 * `managers` holds the managers' records, needed for their zones (people in `people` count too).
 */
export function planMilestoneSends(input: {
  people: readonly Person[];
  managers: readonly Person[];
  window: PlanningWindow;
  policy: MilestonePolicy;
}): PlannedSend[] {
  const { people, window, policy } = input;
  validatePolicy(policy);
  const since = window.since.getTime();
  const now = window.now.getTime();
  if (now <= since) return [];
  const key = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;
  const directory = new Map<string, Person>();
  for (const person of [...input.managers, ...people]) directory.set(key(person.tenantId, person.id), person);
  const sends = sendDateRange(window);
  const occurrenceRange = { from: sends.from, to: addDays(sends.to, leadDays(policy)) };
  const due = (at: Date) => at.getTime() > since && at.getTime() <= now;
  const planned = new Map<string, PlannedSend>();

  for (const person of people) {
    if (UNSAFE_ID.test(person.id) || person.id === '') continue;
    const personZone = zoneOf(person, policy);
    const manager =
      person.managerId && person.managerId !== person.id
        ? directory.get(key(person.tenantId, person.managerId))
        : undefined;
    for (const occurrence of occurrencesOf(person, occurrenceRange.from, occurrenceRange.to, policy)) {
      const date = observedDate(occurrence.occursOn, policy);
      const milestone: Milestone = {
        kind: occurrence.kind,
        person,
        date,
        occursOn: occurrence.occursOn,
        ...(occurrence.years === undefined ? {} : { years: occurrence.years }),
      };
      const idOf = (suffix: string) => deliveryId(occurrence.kind, occurrence.occursOn, person.id, suffix);

      if (manager) {
        const managerZone = zoneOf(manager, policy);
        const localDate = reminderDate(date, policy);
        const sendAt = instantOfLocal(localDate, policy.sendHour, managerZone);
        const managerToday = localDateOf(window.now, managerZone);
        const relevant = managerToday < date || managerToday === localDate;
        if (due(sendAt) && relevant) {
          const id = idOf('manager');
          planned.set(id, {
            deliveryId: id,
            kind: 'reminder',
            milestone,
            recipient: 'manager',
            recipientId: manager.id,
            sendAt,
            localDate,
            timeZone: managerZone,
          });
        }
      }

      if (occurrence.celebrates && occurrence.preference === 'public') {
        const sendAt = instantOfLocal(date, policy.sendHour, personZone);
        if (due(sendAt) && localDateOf(window.now, personZone) === date) {
          const id = idOf('celebration');
          planned.set(id, {
            deliveryId: id,
            kind: 'celebration',
            milestone,
            recipient: 'channel',
            recipientId: person.id,
            sendAt,
            localDate: date,
            timeZone: personZone,
          });
        }
      }
    }
  }
  return [...planned.values()].sort(
    (a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.deliveryId.localeCompare(b.deliveryId),
  );
}

/**
 * The milestones of `person` marked between `from` and `to` inclusive (local dates, after the
 * weekend and 29 February rules), earliest first: birthdays and work anniversaries the person did
 * not turn off, and new-hire check-ins. For overviews such as the weekly digest; sending is
 * planned by {@link planMilestoneSends}.
 */
export function milestonesBetween(
  person: Person,
  from: string,
  to: string,
  policy: MilestonePolicy = DEFAULT_MILESTONE_POLICY,
): Milestone[] {
  // An occurrence up to two days after `to` can be marked on or before it (weekend rule).
  return occurrencesOf(person, from, addDays(to, 2), policy)
    .map((occurrence) => ({
      kind: occurrence.kind,
      person,
      date: observedDate(occurrence.occursOn, policy),
      occursOn: occurrence.occursOn,
      ...(occurrence.years === undefined ? {} : { years: occurrence.years }),
    }))
    .filter((milestone) => milestone.date >= from && milestone.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
