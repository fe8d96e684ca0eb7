// What the planner's and the candidate query's unit tests share: one tenant, the design's policy
// in London, and a person builder with no time zone unless told.
import { DEFAULT_MILESTONE_POLICY, type MilestonePolicy } from '../../core/milestones';
import type { Person } from '../../core/people';

export const TENANT = 'tenant-a';
export const HOUR = 3600_000;
export const policy: MilestonePolicy = { ...DEFAULT_MILESTONE_POLICY, defaultTimeZone: 'Europe/London' };

/** A person of {@link TENANT} with public celebrations unless told otherwise. */
export const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: TENANT,
  id,
  displayName: id,
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

/** The manager of most people in these tests. */
export const alex = person('alex', { timeZone: 'Europe/London' });
