import type { Feb29Rule } from '../shared';
import type { CelebrationPreference } from '../people';
import type { TenantSettings } from '../settings';
import type { CheckInDay } from './types';

export type { Feb29Rule } from '../shared';

/** What happens to a milestone that falls on a Saturday or Sunday: the Friday before, the Monday after, or kept. */
export type WeekendRule = TenantSettings['weekendRule'];

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
  /** Whether birthdays are kept: off, no birthday is reminded or celebrated. */
  birthdays: boolean;
  /** Whether work anniversaries are kept. */
  anniversaries: boolean;
  /** Which new-hire check-ins the manager gets. */
  checkIns: readonly CheckInDay[];
  /** The celebration of people who have not chosen one (nor had one set by the people file). */
  defaultCelebration: CelebrationPreference;
}

/** The defaults of the design. */
export const DEFAULT_MILESTONE_POLICY: Readonly<MilestonePolicy> = {
  reminderWorkingDaysAhead: 3,
  weekendRule: 'previous-working-day',
  feb29Rule: 'feb28',
  sendHour: 9,
  defaultTimeZone: 'UTC',
  birthdays: true,
  anniversaries: true,
  checkIns: [0, 7, 30, 90],
  defaultCelebration: 'manager',
};

/**
 * A tenant's policy, from its settings: the send hour and default zone, how many working days
 * ahead managers are reminded, the weekend and 29 February rules, which milestones are kept, and
 * the default celebration of people who have not chosen.
 */
export function milestonePolicyFor(
  settings: Pick<
    TenantSettings,
    | 'sendHour'
    | 'defaultTimeZone'
    | 'reminderLeadDays'
    | 'weekendRule'
    | 'feb29Rule'
    | 'milestones'
    | 'defaultCelebration'
  >,
  overrides: Partial<MilestonePolicy> = {},
): MilestonePolicy {
  return {
    reminderWorkingDaysAhead: settings.reminderLeadDays,
    weekendRule: settings.weekendRule,
    feb29Rule: settings.feb29Rule,
    sendHour: settings.sendHour,
    defaultTimeZone: settings.defaultTimeZone,
    birthdays: settings.milestones.birthdays,
    anniversaries: settings.milestones.anniversaries,
    checkIns: [...settings.milestones.checkIns],
    defaultCelebration: settings.defaultCelebration,
    ...overrides,
  };
}
