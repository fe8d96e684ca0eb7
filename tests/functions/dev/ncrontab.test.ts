import { nextOccurrence, parseSchedule } from '../../../functions/dev/local/ncrontab';
import { DIGEST_SCHEDULE } from '../../../functions/weeklyDigest';
import { MILESTONE_SCHEDULE } from '../../../functions/milestoneReminders';

const next = (schedule: string, after: string) =>
  nextOccurrence(parseSchedule(schedule), new Date(after)).toISOString();

describe('NCRONTAB schedules', () => {
  it('fires the hourly jobs on their minute of every hour, in UTC', () => {
    expect(next(MILESTONE_SCHEDULE, '2027-03-11T08:59:59Z')).toBe('2027-03-11T09:00:00.000Z');
    expect(next(MILESTONE_SCHEDULE, '2027-03-11T09:00:00Z')).toBe('2027-03-11T10:00:00.000Z');
    expect(next(DIGEST_SCHEDULE, '2027-03-11T09:00:00Z')).toBe('2027-03-11T09:05:00.000Z');
  });

  it('handles steps, ranges, lists and day-of-week', () => {
    expect(next('0 */15 * * * *', '2027-03-11T09:01:00Z')).toBe('2027-03-11T09:15:00.000Z');
    expect(next('30 0 8 * * 1', '2027-03-11T09:00:00Z')).toBe('2027-03-15T08:00:30.000Z'); // next Monday
    expect(next('0 0 9-17 * * 1-5', '2027-03-12T17:30:00Z')).toBe('2027-03-15T09:00:00.000Z'); // Fri evening → Mon
    expect(next('0 0 0 1,15 * *', '2027-03-02T00:00:00Z')).toBe('2027-03-15T00:00:00.000Z');
    expect(next('0 0 0 29 2 *', '2027-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('rejects schedules it cannot read, saying why', () => {
    expect(() => parseSchedule('0 * * * *')).toThrow(/six fields/);
    expect(() => parseSchedule('0 61 * * * *')).toThrow(/outside 0-59/);
    expect(() => parseSchedule('0 0 * * * MON')).toThrow(/cannot read "MON"/);
  });
});
