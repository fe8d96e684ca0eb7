import { dueNudge, zonesDueForDefault, type NudgeSettings } from '../../../core/nudges';
import type { Person } from '../../../core/people';

// Tenant default: Monday (1) at 08:00, off unless a test turns it on.
const settings: NudgeSettings = { weeklyNudge: false, digestDay: 1, digestHour: 8, defaultTimeZone: 'UTC' };
const hour = (iso: string) => {
  const now = new Date(iso);
  return { since: new Date(now.getTime() - 60 * 60 * 1000), now };
};
const who = (fields: Partial<Person>): Pick<Person, 'weeklyNudge' | 'timeZone'> => fields;

describe('dueNudge', () => {
  it('is due at the person’s own day and hour in their own zone', () => {
    const ana = who({ timeZone: 'America/New_York', weeklyNudge: { enabled: true, day: 3, hour: 10 } });
    // Wednesday 17 March 2027, 10:00 in New York is 14:00 UTC (daylight time since the 14th).
    expect(dueNudge(ana, settings, hour('2027-03-17T14:00:00Z'))).toEqual({
      week: '2027-W11',
      date: '2027-03-17',
      from: '2027-03-15',
      to: '2027-03-21',
    });
    expect(dueNudge(ana, settings, hour('2027-03-17T10:00:00Z'))).toBeUndefined();
    expect(dueNudge(ana, settings, hour('2027-03-18T14:00:00Z'))).toBeUndefined();
  });

  it('follows the tenant’s default when the person has not chosen, and nothing while it is off', () => {
    const lee = who({ timeZone: 'Europe/Berlin' });
    // Monday 15 March 2027, 08:00 in Berlin is 07:00 UTC.
    expect(dueNudge(lee, settings, hour('2027-03-15T07:00:00Z'))).toBeUndefined();
    expect(dueNudge(lee, { ...settings, weeklyNudge: true }, hour('2027-03-15T07:00:00Z'))?.week).toBe(
      '2027-W11',
    );
  });

  it('keeps the person’s own choice over the tenant’s default either way', () => {
    const optedOut = who({ weeklyNudge: { enabled: false } });
    expect(
      dueNudge(optedOut, { ...settings, weeklyNudge: true }, hour('2027-03-15T08:00:00Z')),
    ).toBeUndefined();
    const optedIn = who({ weeklyNudge: { enabled: true } });
    // No day or hour of their own: the tenant's digest day and hour, in the tenant's zone.
    expect(dueNudge(optedIn, settings, hour('2027-03-15T08:00:00Z'))?.date).toBe('2027-03-15');
  });
});

describe('zonesDueForDefault', () => {
  it('lists the zones where the tenant’s day and hour fell, and none while the default is off', () => {
    const zones = ['Asia/Tokyo', 'Europe/Berlin', 'Europe/London'];
    const on = { ...settings, weeklyNudge: true };
    expect(zonesDueForDefault(zones, on, hour('2027-03-15T08:00:00Z'))).toEqual({
      zones: ['Europe/London'],
      includesDefault: true,
    });
    expect(zonesDueForDefault(zones, on, hour('2027-03-14T23:00:00Z'))).toEqual({
      zones: ['Asia/Tokyo'],
      includesDefault: false,
    });
    expect(zonesDueForDefault(zones, settings, hour('2027-03-15T08:00:00Z'))).toEqual({
      zones: [],
      includesDefault: false,
    });
  });
});
