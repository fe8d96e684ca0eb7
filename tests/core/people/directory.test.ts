import { isCalendarDate, isMonthDay, isTimeZone } from '../../../core/people';

describe('people validation', () => {
  it.each([
    ['02-29', true],
    ['12-31', true],
    ['02-30', false],
    ['13-01', false],
    ['1-01', false],
    ['00-10', false],
  ])('isMonthDay(%s) is %s', (value, expected) => expect(isMonthDay(value)).toBe(expected));

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2027-13-01', false],
    ['2027-3-1', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
