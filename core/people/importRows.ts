/**
 * The rows of a people import, as HR systems export them: CSV, one person a row, header row first.
 *
 * | Column                 | Required                     | Accepted values                                                  |
 * | ---------------------- | ---------------------------- | ---------------------------------------------------------------- |
 * | `id`                   | `id` or `email`              | AAD object id (a GUID)                                           |
 * | `email`                | `id` or `email`              | an email address (stored lower-case)                             |
 * | `displayName`          | for an upsert                | any text                                                         |
 * | `manager`              | no                           | the manager's email or AAD object id                             |
 * | `birthday`             | no                           | `MM-DD`, `--MM-DD`, or `YYYY-MM-DD` (the year is dropped)         |
 * | `hireDate`             | no                           | `YYYY-MM-DD`                                                     |
 * | `timeZone`             | no                           | an IANA zone, e.g. `Europe/London` (stored in canonical form)    |
 * | `celebrateBirthday`    | no                           | `public`, `manager` or `off` (default: the tenant's, below)      |
 * | `celebrateAnniversary` | no                           | `public`, `manager` or `off` (default: the tenant's, below)      |
 * | `action`               | no                           | empty or `upsert` to add or update, `remove` to delete           |
 *
 * - Header names ignore case, spaces, `_` and `-`: `Hire Date`, `hire_date` and `hireDate` are one
 *   column. Other columns are ignored and reported. Values are trimmed; values ignore case.
 * - An empty cell (or a missing column) never clears anything: the directory keeps what it has,
 *   and someone new gets the defaults. To stop a celebration, set its preference to `off`.
 * - An empty celebration cell sets nothing: the person gets the tenant's default celebration
 *   (`manager` unless an admin changes it) until they choose in `my settings`. A value in the file
 *   applies, except over a person's own choice, which always wins.
 * - Dates with `/` or `.` (`03/04/1990`) are refused: day-first and month-first cannot be told apart.
 * - A birth year is never kept, whatever the file holds, but a birthday after the import's day or
 *   before 1900 is refused as impossible.
 * - A hire date before 1900, more than a year after the import's day, or before a full birthday
 *   given in the same row is refused: it is a typo, and would put reminders on the wrong days.
 * - Row numbers are the file's line numbers (the header is row 1), as a spreadsheet shows them
 *   unless a quoted cell spans lines.
 *
 * @packageDocumentation
 */
import { z } from 'zod';
import type { CelebrationPreference } from './directory';
import { birthdayProblem, datesProblems, hireDateProblem, monthDayOf } from './importDates';
import { canonicalTimeZone } from './timeZones';

/** What a row says about a person: only what the file gives, nothing defaulted. */
export interface PersonPatch {
  tenantId: string;
  id?: string;
  email?: string;
  displayName?: string;
  /** The manager's AAD object id: given, or resolved from `managerEmail` by another row of the file. */
  managerId?: string;
  /** The manager's email, when the manager was given by email (resolved or not). */
  managerEmail?: string;
  timeZone?: string;
  birthday?: string;
  hireDate?: string;
  celebrate?: { birthday?: CelebrationPreference; anniversary?: CelebrationPreference };
}

/** A row that passed validation. */
export interface ImportRow {
  rowNumber: number;
  action: 'upsert' | 'remove';
  person: PersonPatch;
}

/** A row that changes nothing, and why. */
export interface ImportRefusal {
  rowNumber: number;
  reason: string;
}

/** The import's columns, in the order a row's problems are listed. */
export const IMPORT_COLUMNS = [
  'action',
  'id',
  'email',
  'displayName',
  'manager',
  'birthday',
  'hireDate',
  'timeZone',
  'celebrateBirthday',
  'celebrateAnniversary',
] as const;

/** A column of the import. */
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const PREFERENCES: readonly string[] = ['public', 'manager', 'off'] satisfies CelebrationPreference[];
const MAX_NAME = 256;

/** A cell that may be left empty (nothing given); `problem` says what is wrong with a value. */
const optionalCell = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const message = value === '' ? undefined : problem(value);
    if (message !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  });

const preference = (column: 'celebrateBirthday' | 'celebrateAnniversary') =>
  optionalCell((value) =>
    PREFERENCES.includes(value.toLowerCase())
      ? undefined
      : `${column} "${value}" must be public, manager or off`,
  );

/** A display name as stored: runs of white space (line breaks from a quoted cell included) as one space. */
const nameOf = (displayName: string) => displayName.replace(/\s+/g, ' ');

/** Who a row is about, and what to do: every row has these. */
const identityCells = {
  action: optionalCell((value) =>
    ['upsert', 'remove'].includes(value.toLowerCase())
      ? undefined
      : `action "${value}" must be empty, upsert or remove`,
  ),
  id: optionalCell((value) =>
    GUID.test(value) ? undefined : `id "${value}" is not an AAD object id (a GUID such as 3f2c…-…)`,
  ),
  email: optionalCell((value) =>
    EMAIL.test(value) ? undefined : `email "${value}" is not an email address`,
  ),
};

/** What an upsert says about the person. */
const detailCells = {
  displayName: z.string().superRefine((value, ctx) => {
    const name = nameOf(value);
    if (name === '') ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'displayName is required' });
    else if (name.length > MAX_NAME) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `displayName is longer than ${MAX_NAME} characters`,
      });
    }
  }),
  manager: optionalCell((value) => {
    if (value.includes('@')) {
      return EMAIL.test(value) ? undefined : `manager "${value}" is not an email address`;
    }
    return GUID.test(value)
      ? undefined
      : `manager "${value}" is neither an email address nor an AAD object id`;
  }),
  birthday: optionalCell(birthdayProblem),
  hireDate: optionalCell(hireDateProblem),
  timeZone: optionalCell((value) =>
    canonicalTimeZone(value)
      ? undefined
      : `timeZone "${value}" is not an IANA time zone (such as Europe/London)`,
  ),
  celebrateBirthday: preference('celebrateBirthday'),
  celebrateAnniversary: preference('celebrateAnniversary'),
};

type Identity = { [column in keyof typeof identityCells]: string };
type Details = { [column in keyof typeof detailCells]: string };

function requireWho(row: Identity, ctx: z.RefinementCtx): void {
  if (row.id === '' && row.email === '') {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['email'],
      message: 'the row has neither an id nor an email: one of them says who it is',
    });
  }
}

/** True when a row names its own person as manager (a manager in the wrong form is refused as such). */
function managesThemself(row: Identity & Details): boolean {
  const manager = row.manager.toLowerCase();
  return (
    (EMAIL.test(manager) && manager === row.email.toLowerCase()) ||
    (GUID.test(manager) && manager === row.id.toLowerCase())
  );
}

/** The cells that say who, as stored: the values, lower-case; a cell left empty gives nothing. */
const who = (row: Identity) => ({
  ...(row.id === '' ? {} : { id: row.id.toLowerCase() }),
  ...(row.email === '' ? {} : { email: row.email.toLowerCase() }),
});

/**
 * A row that adds or updates someone. The rules across cells (who, own manager) run even when a
 * cell is wrong, so a refusal lists every problem; the patch is built only from a valid row.
 */
const upsertRow = z
  .object({ ...identityCells, ...detailCells })
  .superRefine((row, ctx) => {
    requireWho(row, ctx);
    if (managesThemself(row)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['manager'], message: 'is their own manager' });
    }
  })
  .transform((row): Omit<PersonPatch, 'tenantId'> => {
    const manager = row.manager.toLowerCase();
    const celebrateBirthday = row.celebrateBirthday.toLowerCase() as CelebrationPreference | '';
    const celebrateAnniversary = row.celebrateAnniversary.toLowerCase() as CelebrationPreference | '';
    const celebrate = {
      ...(celebrateBirthday === '' ? {} : { birthday: celebrateBirthday }),
      ...(celebrateAnniversary === '' ? {} : { anniversary: celebrateAnniversary }),
    };
    return {
      ...who(row),
      displayName: nameOf(row.displayName),
      ...(manager === '' ? {} : manager.includes('@') ? { managerEmail: manager } : { managerId: manager }),
      ...(row.birthday === '' ? {} : { birthday: monthDayOf(row.birthday) }),
      ...(row.hireDate === '' ? {} : { hireDate: row.hireDate }),
      ...(row.timeZone === '' ? {} : { timeZone: canonicalTimeZone(row.timeZone) }),
      ...(celebrateBirthday === '' && celebrateAnniversary === '' ? {} : { celebrate }),
    };
  });

/** A row that removes someone, or whose action is wrong (its other cells are then not looked at). */
const identityRow = z.object(identityCells).superRefine(requireWho).transform(who);

const columnRank = (column: unknown) => IMPORT_COLUMNS.indexOf(column as ImportColumn);

/** What a row is read against: the tenant it goes into and the import's day. */
export interface RowContext {
  tenantId: string;
  /**
   * The import's day (`YYYY-MM-DD`): birthdays after it, and hire dates more than a year after it,
   * are refused. Without it only the dates' own form and range are checked.
   */
  today?: string;
}

/**
 * Validates a row's cells (trimmed; `''` when empty or missing). Gives what the row says about the
 * person, or every problem found in it, in column order.
 */
export function readRow(
  cells: Readonly<Record<ImportColumn, string>>,
  context: RowContext,
): { action: ImportRow['action']; person: PersonPatch } | { problems: string[] } {
  const action = cells.action.toLowerCase();
  const upsert = action === '' || action === 'upsert';
  const parsed = upsert ? upsertRow.safeParse(cells) : identityRow.safeParse(cells);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ column: i.path[0], message: i.message }))),
    ...(upsert ? datesProblems(cells, context.today) : []),
  ];
  if (!parsed.success || problems.length > 0) {
    // Sorting is stable: the cells' own problems keep their order, the row's join them by column.
    return {
      problems: problems.sort((a, b) => columnRank(a.column) - columnRank(b.column)).map((p) => p.message),
    };
  }
  return { action: upsert ? 'upsert' : 'remove', person: { tenantId: context.tenantId, ...parsed.data } };
}
