import {
  addDays,
  celebratedDate,
  daysBetween,
  instantOfLocal,
  isLeapYear,
  isoWeekOf,
  isWorkingDay,
  localDateOf,
  localHourOf,
  localTimeOf,
  offsetMinutesAt,
  startOfLocalDay,
  subtractWorkingDays,
  weekdayOf,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  yearsBetween,
} from '../../../core/shared';

const at = (iso: string) => new Date(iso);

describe('local time of an instant', () => {
  it('reads the same UTC instant as different dates in Auckland and Los Angeles', () => {
    const instant = at('2027-03-13T20:00:00Z');
    expect(localTimeOf(instant, 'Pacific/Auckland')).toEqual({
      date: '2027-03-14',
      hour: 9,
      minute: 0,
      second: 0,
    });
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2027-03-13');
    expect(localHourOf(instant, 'America/Los_Angeles')).toBe(12);
  });

  it('renders midnight as hour 0, not 24', () => {
    expect(localTimeOf(at('2027-06-01T23:00:00Z'), 'Europe/London')).toEqual({
      date: '2027-06-02',
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it('knows offsets, half and quarter hours included', () => {
    expect(offsetMinutesAt(at('2027-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutesAt(at('2027-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(at('2027-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutesAt(at('2027-07-15T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });
});

describe('instantOfLocal', () => {
  it.each([
    ['2027-03-14', 9, 'Pacific/Auckland', '2027-03-13T20:00:00.000Z'],
    ['2027-03-14', 9, 'America/Los_Angeles', '2027-03-14T16:00:00.000Z'],
    ['2027-03-14', 9, 'Asia/Kathmandu', '2027-03-14T03:15:00.000Z'],
    ['2027-03-14', 9, 'Pacific/Kiritimati', '2027-03-13T19:00:00.000Z'],
    ['2027-03-14', 9, 'Etc/GMT+12', '2027-03-14T21:00:00.000Z'],
  ])('%s %i:00 in %s is %s', (date, hour, zone, expected) => {
    expect(instantOfLocal(date, hour, zone).toISOString()).toBe(expected);
  });

  it('on a spring-forward day, an hour that does not exist is sent at the first hour after the gap', () => {
    // London: 01:00 GMT jumps to 02:00 BST on 28 March 2027.
    expect(instantOfLocal('2027-03-28', 1, 'Europe/London').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(localTimeOf(instantOfLocal('2027-03-28', 1, 'Europe/London'), 'Europe/London').hour).toBe(2);
    // New York: 02:00 EST jumps to 03:00 EDT on 14 March 2027.
    const newYork = instantOfLocal('2027-03-14', 2, 'America/New_York');
    expect(newYork.toISOString()).toBe('2027-03-14T07:00:00.000Z');
    expect(localTimeOf(newYork, 'America/New_York')).toMatchObject({ date: '2027-03-14', hour: 3 });
    // A zone that springs forward at midnight: the day starts at 01:00.
    expect(startOfLocalDay('2027-09-05', 'America/Santiago').toISOString()).toBe('2027-09-05T04:00:00.000Z');
  });

  it('on a fall-back day, an hour that happens twice is its first occurrence', () => {
    expect(instantOfLocal('2027-10-31', 1, 'Europe/London').toISOString()).toBe('2027-10-31T00:00:00.000Z');
    expect(instantOfLocal('2027-11-07', 1, 'America/New_York').toISOString()).toBe(
      '2027-11-07T05:00:00.000Z',
    );
    // The hour after the repeat is unambiguous.
    expect(instantOfLocal('2027-11-07', 2, 'America/New_York').toISOString()).toBe(
      '2027-11-07T07:00:00.000Z',
    );
  });

  it('handles half-hour daylight saving (Lord Howe Island)', () => {
    expect(instantOfLocal('2027-10-03', 2, 'Australia/Lord_Howe').toISOString()).toBe(
      '2027-10-02T15:30:00.000Z',
    );
    expect(instantOfLocal('2027-04-04', 1, 'Australia/Lord_Howe').toISOString()).toBe(
      '2027-04-03T14:00:00.000Z',
    );
  });

  it('gives exactly one instant per local day across a whole year of transitions', () => {
    const problems: string[] = [];
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'America/Santiago']) {
      for (const hour of [0, 1, 2, 3, 9, 23]) {
        let previous = instantOfLocal('2026-12-31', hour, zone).getTime();
        for (let date = '2027-01-01'; date < '2028-01-01'; date = addDays(date, 1)) {
          const instant = instantOfLocal(date, hour, zone);
          // On the local date it is for, and strictly after the day before's, by at most 25 hours.
          const gap = instant.getTime() - previous;
          if (localDateOf(instant, zone) !== date || gap <= 0 || gap > 25 * 3600_000) {
            problems.push(`${zone} ${date} ${hour}:00 → ${instant.toISOString()}`);
          }
          previous = instant.getTime();
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses an hour outside 0-23 and a malformed date', () => {
    expect(() => instantOfLocal('2027-03-14', 24, 'UTC')).toThrow(/hour/);
    expect(() => instantOfLocal('14/03/2027', 9, 'UTC')).toThrow(/YYYY-MM-DD/);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-01-10', 90)).toBe('2027-04-10');
    expect(daysBetween('2027-01-10', '2027-04-10')).toBe(90);
    expect(daysBetween('2027-04-10', '2027-01-10')).toBe(-90);
  });

  it('knows weekdays, Monday = 1', () => {
    expect(weekdayOf('2027-03-15')).toBe(1);
    expect(weekdayOf('2027-03-13')).toBe(6);
    expect(weekdayOf('2027-03-14')).toBe(7);
    expect(isWorkingDay('2027-03-12')).toBe(true);
    expect(isWorkingDay('2027-03-13')).toBe(false);
  });

  it('moves a weekend date to the Friday before', () => {
    expect(workingDayOnOrBefore('2027-03-13')).toBe('2027-03-12');
    expect(workingDayOnOrBefore('2027-03-14')).toBe('2027-03-12');
    expect(workingDayOnOrBefore('2027-03-15')).toBe('2027-03-15');
  });

  it('moves a weekend date to the Monday after (next-working-day rule)', () => {
    expect(workingDayOnOrAfter('2027-03-12')).toBe('2027-03-12'); // Friday stays
    expect(workingDayOnOrAfter('2027-03-13')).toBe('2027-03-15'); // Saturday → Monday
    expect(workingDayOnOrAfter('2027-03-14')).toBe('2027-03-15'); // Sunday → Monday
    expect(workingDayOnOrAfter('2028-12-30')).toBe('2029-01-01'); // Saturday → Monday of the next year
  });

  it('subtracts working days, skipping weekends', () => {
    expect(subtractWorkingDays('2027-03-18', 3)).toBe('2027-03-15'); // Thu → Mon
    expect(subtractWorkingDays('2027-03-15', 1)).toBe('2027-03-12'); // Mon → Fri
    expect(subtractWorkingDays('2027-03-15', 3)).toBe('2027-03-10'); // Mon → Wed
    expect(subtractWorkingDays('2027-03-14', 3)).toBe('2027-03-10'); // Sun → Wed
    expect(subtractWorkingDays('2027-03-15', 5)).toBe('2027-03-08'); // a week
    expect(subtractWorkingDays('2027-03-15', 0)).toBe('2027-03-15');
    expect(() => subtractWorkingDays('2027-03-15', -1)).toThrow();
  });

  it.each([
    ['2027-03-14', '2027-W10'],
    ['2027-03-15', '2027-W11'],
    ['2027-01-01', '2026-W53'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-12-31', '2026-W53'],
  ])('ISO week of %s is %s', (date, week) => expect(isoWeekOf(date)).toBe(week));

  it('knows leap years', () => {
    expect([2024, 2027, 2028, 1900, 2000, 2100].map(isLeapYear)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('celebrates 29 February on 28 February, or 1 March, in a non-leap year', () => {
    expect(celebratedDate('02-29', 2028)).toBe('2028-02-29');
    expect(celebratedDate('02-29', 2027)).toBe('2027-02-28');
    expect(celebratedDate('02-29', 2027, 'feb28')).toBe('2027-02-28');
    expect(celebratedDate('02-29', 2027, 'mar1')).toBe('2027-03-01');
    expect(celebratedDate('03-14', 2027, 'mar1')).toBe('2027-03-14');
  });

  it('counts whole years', () => {
    expect(yearsBetween('2020-03-14', '2027-03-13')).toBe(6);
    expect(yearsBetween('2020-03-14', '2027-03-14')).toBe(7);
    expect(yearsBetween('2024-02-29', '2025-02-28')).toBe(0);
    expect(yearsBetween('2024-02-29', '2025-03-01')).toBe(1);
  });
});
