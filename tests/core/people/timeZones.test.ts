import { canonicalTimeZone, listedTimeZone, timeZoneNames, timeZoneSchema } from '../../../core/people';

describe('time zones a person can choose', () => {
  it('are every zone the runtime knows, each in its current IANA name, and UTC', () => {
    const names = timeZoneNames();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      expect(names).toContain(canonicalTimeZone(zone));
    }
    expect(names).toEqual(
      expect.arrayContaining(['Europe/Prague', 'Europe/Bratislava', 'Asia/Kolkata', 'UTC']),
    );
    expect(names).not.toEqual(expect.arrayContaining(['Asia/Calcutta']));
    expect(names).toEqual([...names].sort());
  });

  it('read any case and old spellings as the stored name, and refuse the rest', () => {
    expect(timeZoneSchema.parse(' europe/PRAGUE ')).toBe('Europe/Prague');
    expect(timeZoneSchema.parse('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(timeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
    expect(timeZoneSchema.safeParse('x'.repeat(100)).success).toBe(false);
    expect(canonicalTimeZone('')).toBeUndefined();
  });

  it('in an import, any zone the runtime accepts, stored under its IANA name', () => {
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(listedTimeZone('US/Eastern')).toBeUndefined();
    expect(canonicalTimeZone('Etc/GMT-5')).toBe('Etc/GMT-5');
    expect(canonicalTimeZone('asia/calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('+01:00')).toBeUndefined();
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });
});
