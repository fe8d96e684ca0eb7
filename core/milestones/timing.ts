import { daysBetween, yearsBetween } from '../shared';
import type { Milestone } from './types';

/**
 * How many days from `today` (a local date) until the milestone really occurs: its `occursOn`,
 * not the working day it is marked on. A Saturday anniversary marked on Friday is still "tomorrow"
 * on Friday, so no card calls it "today" a day early. Negative once it has passed (a Sunday
 * milestone marked on the Monday after).
 */
export function daysUntilMilestone(milestone: Pick<Milestone, 'occursOn'>, today: string): number {
  return daysBetween(today, milestone.occursOn);
}

/**
 * Whole years the person has been with the company when the milestone occurs, or `undefined`
 * without a hire date on or before it. An anniversary counts exactly its own years, so the card's
 * "With the company" always agrees with its "5 years at work", also for a 29 February hire date
 * whose anniversary is observed on 28 February; other milestones count to their real date.
 */
export function tenureYearsAt(
  milestone: Pick<Milestone, 'kind' | 'person' | 'occursOn' | 'years'>,
): number | undefined {
  const hireDate = milestone.person.hireDate;
  if (!hireDate || hireDate > milestone.occursOn) return undefined;
  if (milestone.kind === 'anniversary' && milestone.years !== undefined) return milestone.years;
  return yearsBetween(hireDate, milestone.occursOn);
}
