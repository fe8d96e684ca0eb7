import { addDays, daysBetween } from '../shared';
import { CHECK_IN_KINDS, milestonesBetween, type MilestoneKind } from '../milestones';
import type { Person } from '../people';
import type { DigestOptions, NewHire, UpcomingMilestone } from './digest';
import { refOf } from './rows';

/**
 * The reports' milestones from `today` to `until`, in each report's own calendar, counted from the
 * manager's today; earliest first, then by name.
 */
export function upcomingMilestones(
  reports: readonly Person[],
  today: string,
  until: string,
  options: Pick<DigestOptions, 'policy'>,
): UpcomingMilestone[] {
  return reports
    .flatMap((r) => milestonesBetween(r, today, until, options.policy))
    .map((m) => ({ ...m, date: shownDate(m) }))
    .map((m) => ({
      person: refOf(m.person),
      kind: m.kind,
      date: m.date,
      inDays: daysBetween(today, m.date),
      ...(m.years !== undefined ? { years: m.years } : {}),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.person.name.localeCompare(b.person.name));
}

/**
 * The reports who started in the last `newHireDays` days or start by `until`, latest hire first,
 * each with their next check-in.
 */
export function newHires(
  reports: readonly Person[],
  today: string,
  until: string,
  options: Pick<DigestOptions, 'policy' | 'newHireDays'>,
): NewHire[] {
  const checkInDays = [...new Set(options.policy.checkIns)].sort((a, b) => a - b);
  return reports
    .filter((r) => r.hireDate && r.hireDate <= until)
    .map((r) => ({ report: r, daysIn: daysBetween(r.hireDate as string, today) }))
    .filter(({ daysIn }) => daysIn <= options.newHireDays)
    .map(({ report, daysIn }) => {
      const hireDate = report.hireDate as string;
      // The same dates as "Coming up": check-ins marked after the weekend rule, the start as it is.
      const checkIns = new Set(checkInDays.map((d) => CHECK_IN_KINDS[d]));
      const next = milestonesBetween(
        report,
        today,
        addDays(hireDate, Math.max(...checkInDays, 0)),
        options.policy,
      ).find((m) => checkIns.has(m.kind));
      return {
        person: refOf(report),
        hireDate,
        daysIn,
        ...(next ? { nextCheckIn: { kind: next.kind, date: shownDate(next) } } : {}),
      };
    })
    .sort((a, b) => b.hireDate.localeCompare(a.hireDate) || a.person.name.localeCompare(b.person.name));
}

/**
 * The date a digest shows for a milestone: a start date as it is (people start when they start),
 * any other milestone on the day it is marked (after the weekend rule), as reminders use it.
 */
function shownDate(milestone: { kind: MilestoneKind; date: string; occursOn: string }): string {
  return milestone.kind === 'first-day' ? milestone.occursOn : milestone.date;
}
