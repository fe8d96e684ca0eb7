import type { Person } from '../people';

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
