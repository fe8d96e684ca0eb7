// The date checks of a people import (core/people/importRows.ts): each cell on its own, then the
// row's dates against the import's day and each other.
import { isCalendarDate, isMonthDay } from './directory';

/**
 * What is wrong with a birthday, if anything. No problem repeats the value: refusals get shown and
 * logged, birth dates must not be.
 */
export function birthdayProblem(value: string): string | undefined {
  const forms = 'write MM-DD, --MM-DD or YYYY-MM-DD';
  if (/[/.]/.test(value)) {
    return `birthday is ambiguous (with / or ., is the day or the month first?): ${forms}`;
  }
  const monthDay = /^(?:--)?(\d{2}-\d{2})$/.exec(value)?.[1];
  if (monthDay !== undefined) {
    return isMonthDay(monthDay) ? undefined : `birthday is not a real date: ${forms}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return isCalendarDate(value) ? undefined : `birthday is not a real date: ${forms}`;
  }
  return `birthday is not in a known form: ${forms}`;
}

/** The `MM-DD` of a birthday in an accepted form: the year of a full date is dropped here. */
export const monthDayOf = (birthday: string) => birthday.slice(-5);

/** Before this, a birth or hire date is a typo: nobody working today was born or hired earlier. */
const EARLIEST_DATE = '1900-01-01';

/** What is wrong with a hire date, if anything. */
export function hireDateProblem(value: string): string | undefined {
  if (/[/.]/.test(value)) return `hireDate "${value}" is ambiguous (day or month first?): write YYYY-MM-DD`;
  if (!isCalendarDate(value)) return `hireDate "${value}" is not a date: write YYYY-MM-DD`;
  return value < EARLIEST_DATE ? `hireDate "${value}" is before 1900: not a possible hire date` : undefined;
}

/** The day a year after `today` (`YYYY-MM-DD`); a 29 February gives 29 February, which compares right. */
const aYearAfter = (today: string) =>
  `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}${today.slice(4)}`;

/**
 * What is wrong with the row's dates against the import's day and each other; a cell that is not a
 * date at all is refused as such by its own check, and not looked at here. Birth dates are not
 * repeated, as in {@link birthdayProblem}.
 */
export function datesProblems(
  cells: { birthday: string; hireDate: string },
  today: string | undefined,
): Array<{ column: 'birthday' | 'hireDate'; message: string }> {
  const problems: Array<{ column: 'birthday' | 'hireDate'; message: string }> = [];
  const birthDate = isCalendarDate(cells.birthday) ? cells.birthday : undefined;
  if (birthDate !== undefined && (birthDate < EARLIEST_DATE || (today !== undefined && birthDate > today))) {
    const message = 'birthday is not a possible birth date: its year is before 1900 or in the future';
    problems.push({ column: 'birthday', message });
  }
  const hireDate =
    isCalendarDate(cells.hireDate) && cells.hireDate >= EARLIEST_DATE ? cells.hireDate : undefined;
  if (hireDate === undefined) return problems;
  if (today !== undefined && hireDate > aYearAfter(today)) {
    const message = `hireDate "${hireDate}" is more than a year ahead (after ${aYearAfter(today)}): check the year`;
    problems.push({ column: 'hireDate', message });
  }
  if (birthDate !== undefined && hireDate < birthDate) {
    problems.push({ column: 'hireDate', message: `hireDate "${hireDate}" is before the birthday` });
  }
  return problems;
}
