import type { Feb29Rule } from '../shared';
import type { CelebrationPreference } from '../people';
import type { TenantSettings } from '../settings';
import type { CheckInDay } from './types';

export type { Feb29Rule } from '../shared';

/** What happens to a milestone that falls on a Saturday or Sunday. */
export type WeekendRule = 'previous-working-day' | 'keep';

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
  checkIns: [0, 7, 30, 90],
  defaultCelebration: 'manager',
};

/**
 * A tenant's policy: its send hour, default zone and default celebration, the defaults for the rest
 * unless overridden.
 */
export function milestonePolicyFor(
  settings: Pick<TenantSettings, 'sendHour' | 'defaultTimeZone' | 'defaultCelebration'>,
  overrides: Partial<MilestonePolicy> = {},
): MilestonePolicy {
  return {
    ...DEFAULT_MILESTONE_POLICY,
    sendHour: settings.sendHour,
    defaultTimeZone: settings.defaultTimeZone,
    defaultCelebration: settings.defaultCelebration,
    ...overrides,
  };
}
