import { addDays, celebratedDate, instantOfLocal, localDateOf, monthDayOf } from '../shared';
import { deliveryId, type PlanningWindow } from '../delivery';
import {
  effectiveCelebration,
  isCalendarDate,
  isMonthDay,
  isTimeZone,
  type CelebrationPreference,
  type Person,
} from '../people';
import { DEFAULT_MILESTONE_POLICY, type MilestonePolicy } from './policy';
import {
  earliestOccurrenceFor,
  leadDays,
  observedDate,
  reminderDate,
  sendDateRange,
  validatePolicy,
} from './schedule';
import { CHECK_IN_KINDS, type Milestone, type MilestoneKind } from './types';

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
  const birthday = effectiveCelebration(person, 'birthday', policy.defaultCelebration);
  const anniversary = effectiveCelebration(person, 'anniversary', policy.defaultCelebration);
  if (policy.birthdays && person.birthday && isMonthDay(person.birthday) && birthday !== 'off') {
    for (let year = firstYear; year <= lastYear; year++) {
      const occursOn = celebratedDate(person.birthday, year, policy.feb29Rule);
      if (inRange(occursOn)) {
        found.push({ kind: 'birthday', occursOn, preference: birthday, celebrates: true });
      }
    }
  }
  if (person.hireDate && isCalendarDate(person.hireDate)) {
    const hireYear = Number(person.hireDate.slice(0, 4));
    if (policy.anniversaries && anniversary !== 'off') {
      for (let year = Math.max(firstYear, hireYear + 1); year <= lastYear; year++) {
        const occursOn = celebratedDate(monthDayOf(person.hireDate), year, policy.feb29Rule);
        if (inRange(occursOn)) {
          found.push({
            kind: 'anniversary',
            occursOn,
            years: year - hireYear,
            preference: anniversary,
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
 * - Preference `manager` means the reminder only, `off` nothing. Someone who has not chosen gets
 *   the policy's `defaultCelebration` (the tenant's; `manager` unless an admin changes it). New-hire check-ins are reminders
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
  const occurrenceRange = {
    from: earliestOccurrenceFor(sends.from, policy),
    to: addDays(sends.to, leadDays(policy)),
  };
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
 * weekend and 29 February rules), earliest first: birthdays and work anniversaries the tenant keeps
 * and the person did not turn off, and the new-hire check-ins the tenant keeps. For overviews such as the weekly digest; sending is
 * planned by {@link planMilestoneSends}.
 */
export function milestonesBetween(
  person: Person,
  from: string,
  to: string,
  policy: MilestonePolicy = DEFAULT_MILESTONE_POLICY,
): Milestone[] {
  // An occurrence up to two days after `to` (or before `from`) can be marked inside (weekend rule).
  return occurrencesOf(person, earliestOccurrenceFor(from, policy), addDays(to, 2), policy)
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
