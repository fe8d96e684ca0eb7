import { stableJson } from '../shared';
import { ERASED_REASON } from './erasures';
/**
 * Import of people data as HR systems export it: CSV, one person a row, header row first.
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
 * | `celebrateBirthday`    | no                           | `public`, `manager` or `off` (default `public`)                  |
 * | `celebrateAnniversary` | no                           | `public`, `manager` or `off` (default `public`)                  |
 * | `action`               | no                           | empty or `upsert` to add or update, `remove` to delete           |
 *
 * - Header names ignore case, spaces, `_` and `-`: `Hire Date`, `hire_date` and `hireDate` are one
 *   column. Other columns are ignored and reported. Values are trimmed; values ignore case.
 * - An empty cell (or a missing column) never clears anything: the directory keeps what it has,
 *   and someone new gets the defaults. To stop a celebration, set its preference to `off`.
 * - Dates with `/` or `.` (`03/04/1990`) are refused: day-first and month-first cannot be told apart.
 * - A birth year is never kept, whatever the file holds.
 * - Row numbers are the file's line numbers (the header is row 1), as a spreadsheet shows them
 *   unless a quoted cell spans lines.
 *
 * @packageDocumentation
 */

import { parseCsv } from './csvReader';
import { isCalendarDate, isMonthDay, isTimeZone, type CelebrationPreference, type Person } from './directory';

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

/** The file, read and validated. */
export interface ParsedPeopleCsv {
  rows: ImportRow[];
  refusals: ImportRefusal[];
  /**
   * Emails the file does not map to an id: managers given by email who have no row with an id,
   * and people given by email only. The caller may resolve them (e.g. through Microsoft Graph) and
   * pass them to {@link planImport}, which also looks them up in the directory.
   */
  unresolvedEmails: string[];
  /** Header names that are not columns of the import, as written. */
  ignoredColumns: string[];
}

type Column =
  | 'id'
  | 'email'
  | 'displayName'
  | 'manager'
  | 'birthday'
  | 'hireDate'
  | 'timeZone'
  | 'celebrateBirthday'
  | 'celebrateAnniversary'
  | 'action';

const COLUMNS: readonly Column[] = [
  'id',
  'email',
  'displayName',
  'manager',
  'birthday',
  'hireDate',
  'timeZone',
  'celebrateBirthday',
  'celebrateAnniversary',
  'action',
];

const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
const COLUMN_BY_HEADER = new Map(COLUMNS.map((column) => [normaliseHeader(column), column]));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const PREFERENCES: readonly CelebrationPreference[] = ['public', 'manager', 'off'];
const MAX_NAME = 256;

/**
 * `MM-DD` from the accepted birthday forms, or why not. The year of a full date is dropped here,
 * and no refusal repeats the value: refusals get shown and logged, birth dates must not be.
 */
function parseBirthday(value: string): { monthDay: string } | { problem: string } {
  const forms = 'write MM-DD, --MM-DD or YYYY-MM-DD';
  if (/[/.]/.test(value)) {
    return { problem: `birthday is ambiguous (with / or ., is the day or the month first?): ${forms}` };
  }
  const monthDay = /^(?:--)?(\d{2}-\d{2})$/.exec(value)?.[1];
  if (monthDay !== undefined) {
    return isMonthDay(monthDay) ? { monthDay } : { problem: `birthday is not a real date: ${forms}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return isCalendarDate(value)
      ? { monthDay: value.slice(5) }
      : { problem: `birthday is not a real date: ${forms}` };
  }
  return { problem: `birthday is not in a known form: ${forms}` };
}

function parseHireDate(value: string): { date: string } | { problem: string } {
  if (/[/.]/.test(value)) {
    return { problem: `hireDate "${value}" is ambiguous (day or month first?): write YYYY-MM-DD` };
  }
  return isCalendarDate(value)
    ? { date: value }
    : { problem: `hireDate "${value}" is not a date: write YYYY-MM-DD` };
}

/** The canonical spelling of a zone (`europe/london` → `Europe/London`), so re-imports compare equal. */
function canonicalZone(value: string): string | undefined {
  // Intl also accepts offsets such as +01:00 in newer runtimes: only names are IANA zones.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value) || !isTimeZone(value)) return undefined;
  return new Intl.DateTimeFormat('en-GB', { timeZone: value }).resolvedOptions().timeZone;
}

/**
 * Reads and validates a people CSV (columns in the module's table). Rows come back as
 * upserts and removals of {@link PersonPatch}es, or as refusals with the row number and every
 * problem found; a refused row changes nothing. Managers given by email are resolved against the
 * rows of the same file; the rest are left for {@link planImport}. Two rows naming the same id or
 * email are both refused: which one is right cannot be known.
 */
export function parsePeopleCsv(text: string, options: { tenantId: string }): ParsedPeopleCsv {
  const { tenantId } = options;
  const records = parseCsv(text);
  const result: ParsedPeopleCsv = { rows: [], refusals: [], unresolvedEmails: [], ignoredColumns: [] };
  const [header, ...body] = records;
  if (!header) {
    result.refusals.push({ rowNumber: 1, reason: 'the file is empty: the first row must name the columns' });
    return result;
  }
  const headerProblem = (reason: string) => {
    result.refusals.push({ rowNumber: header.line, reason });
    return result;
  };
  if (header.error) return headerProblem(header.error);

  const index = new Map<Column, number>();
  for (const [position, name] of header.fields.entries()) {
    const column = COLUMN_BY_HEADER.get(normaliseHeader(name));
    if (!column) {
      if (name.trim() !== '') result.ignoredColumns.push(name.trim());
      continue;
    }
    if (index.has(column)) return headerProblem(`the header names the column ${column} twice`);
    index.set(column, position);
  }
  if (!index.has('id') && !index.has('email')) {
    return headerProblem(
      'the header has neither an id nor an email column: one of them says who each row is',
    );
  }

  const valid: Array<{ row: ImportRow; keys: string[] }> = [];
  for (const record of body) {
    const problems: string[] = [];
    if (record.error) {
      result.refusals.push({ rowNumber: record.line, reason: record.error });
      continue;
    }
    const extra = record.fields.slice(header.fields.length);
    if (extra.some((field) => field.trim() !== '')) {
      problems.push(`the row has ${record.fields.length} fields but the header has ${header.fields.length}`);
    }
    const cell = (column: Column) => {
      const position = index.get(column);
      return position === undefined ? '' : (record.fields[position] ?? '').trim();
    };

    const rawAction = cell('action').toLowerCase();
    const action = rawAction === '' || rawAction === 'upsert' ? 'upsert' : rawAction;
    if (action !== 'upsert' && action !== 'remove') {
      problems.push(`action "${cell('action')}" must be empty, upsert or remove`);
    }
    const person: PersonPatch = { tenantId };
    const id = cell('id');
    if (id) {
      if (GUID.test(id)) person.id = id.toLowerCase();
      else problems.push(`id "${id}" is not an AAD object id (a GUID such as 3f2c…-…)`);
    }
    const email = cell('email');
    if (email) {
      if (EMAIL.test(email)) person.email = email.toLowerCase();
      else problems.push(`email "${email}" is not an email address`);
    }
    if (!id && !email) problems.push('the row has neither an id nor an email: one of them says who it is');

    if (action === 'upsert') {
      const displayName = cell('displayName').replace(/\s+/g, ' ');
      if (!displayName) problems.push('displayName is required');
      else if (displayName.length > MAX_NAME)
        problems.push(`displayName is longer than ${MAX_NAME} characters`);
      else person.displayName = displayName;

      const manager = cell('manager');
      if (manager) {
        if (manager.includes('@')) {
          if (!EMAIL.test(manager)) problems.push(`manager "${manager}" is not an email address`);
          else if (person.email && manager.toLowerCase() === person.email)
            problems.push('is their own manager');
          else person.managerEmail = manager.toLowerCase();
        } else if (GUID.test(manager)) {
          if (person.id && manager.toLowerCase() === person.id) problems.push('is their own manager');
          else person.managerId = manager.toLowerCase();
        } else {
          problems.push(`manager "${manager}" is neither an email address nor an AAD object id`);
        }
      }

      const birthday = cell('birthday');
      if (birthday) {
        const parsed = parseBirthday(birthday);
        if ('problem' in parsed) problems.push(parsed.problem);
        else person.birthday = parsed.monthDay;
      }
      const hireDate = cell('hireDate');
      if (hireDate) {
        const parsed = parseHireDate(hireDate);
        if ('problem' in parsed) problems.push(parsed.problem);
        else person.hireDate = parsed.date;
      }
      const timeZone = cell('timeZone');
      if (timeZone) {
        const zone = canonicalZone(timeZone);
        if (zone) person.timeZone = zone;
        else problems.push(`timeZone "${timeZone}" is not an IANA time zone (such as Europe/London)`);
      }
      const celebrate: NonNullable<PersonPatch['celebrate']> = {};
      for (const [column, field] of [
        ['celebrateBirthday', 'birthday'],
        ['celebrateAnniversary', 'anniversary'],
      ] as const) {
        const value = cell(column).toLowerCase();
        if (!value) continue;
        if ((PREFERENCES as readonly string[]).includes(value))
          celebrate[field] = value as CelebrationPreference;
        else problems.push(`${column} "${cell(column)}" must be public, manager or off`);
      }
      if (celebrate.birthday || celebrate.anniversary) person.celebrate = celebrate;
    }

    if (problems.length > 0) {
      result.refusals.push({ rowNumber: record.line, reason: problems.join('; ') });
      continue;
    }
    const keys = [person.id ? `id:${person.id}` : '', person.email ? `email:${person.email}` : ''].filter(
      Boolean,
    );
    valid.push({ row: { rowNumber: record.line, action: action as 'upsert' | 'remove', person }, keys });
  }

  // Two rows about one person: refuse both, since either could be the stale one.
  const rowsByKey = new Map<string, number[]>();
  for (const { row, keys } of valid) {
    for (const key of keys) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row.rowNumber]);
  }
  const duplicates = new Map<number, number[]>();
  for (const rows of rowsByKey.values()) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((other) => other !== row);
      duplicates.set(
        row,
        [...new Set([...(duplicates.get(row) ?? []), ...others])].sort((a, b) => a - b),
      );
    }
  }

  const idByEmail = new Map<string, string>();
  for (const { row } of valid) {
    if (row.action === 'upsert' && row.person.id && row.person.email && !duplicates.has(row.rowNumber)) {
      idByEmail.set(row.person.email, row.person.id);
    }
  }
  const unresolved = new Set<string>();
  for (const { row } of valid) {
    const others = duplicates.get(row.rowNumber);
    if (others) {
      const list = others.map(String).join(', ');
      result.refusals.push({
        rowNumber: row.rowNumber,
        reason: `describes the same person as row${others.length > 1 ? 's' : ''} ${list}: keep one of them`,
      });
      continue;
    }
    const { person } = row;
    if (person.managerEmail) {
      const managerId = idByEmail.get(person.managerEmail);
      if (managerId === undefined) unresolved.add(person.managerEmail);
      else if (managerId === person.id) {
        result.refusals.push({ rowNumber: row.rowNumber, reason: 'is their own manager' });
        continue;
      } else person.managerId = managerId;
    }
    if (!person.id && person.email) unresolved.add(person.email);
    result.rows.push(row);
  }
  result.refusals.sort((a, b) => a.rowNumber - b.rowNumber);
  result.unresolvedEmails = [...unresolved].sort();
  return result;
}

/** One write an import makes. */
export type ImportWrite =
  | { op: 'save'; rowNumber: number; person: Person }
  | { op: 'remove'; rowNumber: number; tenantId: string; id: string };

/** What importing a file would do. */
export interface ImportPlan {
  counts: { imported: number; updated: number; unchanged: number; removed: number; refused: number };
  /** Only the changes: an unchanged row writes nothing. */
  writes: ImportWrite[];
  /** The file's refusals and the plan's, by row number. */
  refusals: ImportRefusal[];
}

/**
 * Works out the writes of an import against the people already in the directory (`existing`:
 * at least everyone the file names by id or email, and its managers' emails). Emails, of people
 * and of managers, are resolved through `existing` first, then `resolvedEmails` (email → AAD
 * object id, e.g. from Graph); what stays unresolved is refused. Fields the row leaves empty keep
 * their stored values, so an unchanged row produces no write and importing a file twice changes
 * nothing the second time. Removing someone not in the directory is unchanged, not an error. A
 * person's own choices in `my settings` (birthday, time zone, celebrations) are kept.
 */
export function planImport(
  parsed: Pick<ParsedPeopleCsv, 'rows'> & Partial<Pick<ParsedPeopleCsv, 'refusals'>>,
  existing: readonly Person[],
  options: {
    resolvedEmails?: ReadonlyMap<string, string>;
    /** People who asked Moments to forget them (core/erasures.ts): their rows are refused. */
    erasedIds?: ReadonlySet<string>;
  } = {},
): ImportPlan {
  const plan: ImportPlan = {
    counts: { imported: 0, updated: 0, unchanged: 0, removed: 0, refused: 0 },
    writes: [],
    refusals: [...(parsed.refusals ?? [])],
  };
  const resolved = new Map(
    [...(options.resolvedEmails ?? new Map<string, string>())].map(([email, id]) => [
      email.toLowerCase(),
      id,
    ]),
  );
  const byId = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  for (const person of existing) {
    byId.set(`${person.tenantId}\u0000${person.id.toLowerCase()}`, person);
    if (person.email) byEmail.set(`${person.tenantId}\u0000${person.email.toLowerCase()}`, person);
  }
  const lookupId = (tenantId: string, id: string) => byId.get(`${tenantId}\u0000${id}`);
  const idForEmail = (tenantId: string, email: string) =>
    byEmail.get(`${tenantId}\u0000${email}`)?.id ?? resolved.get(email);
  const refuse = (rowNumber: number, reason: string) => plan.refusals.push({ rowNumber, reason });
  const erased = new Set([...(options.erasedIds ?? [])].map((id) => id.toLowerCase()));

  for (const row of [...parsed.rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const tenantId = row.person.tenantId;
    const patch = row.person;
    const id = patch.id ?? (patch.email ? idForEmail(tenantId, patch.email) : undefined);

    if (row.action === 'remove') {
      const stored = id === undefined ? undefined : lookupId(tenantId, id.toLowerCase());
      if (stored) {
        plan.writes.push({ op: 'remove', rowNumber: row.rowNumber, tenantId, id: stored.id });
        plan.counts.removed += 1;
      } else plan.counts.unchanged += 1;
      continue;
    }

    if (id === undefined) {
      refuse(row.rowNumber, `no id, and no one in the directory has the email ${patch.email ?? ''}`);
      continue;
    }
    if (erased.has(id.toLowerCase())) {
      refuse(row.rowNumber, ERASED_REASON);
      continue;
    }
    if (patch.email) {
      const owner = byEmail.get(`${tenantId}\u0000${patch.email}`);
      if (owner && owner.id.toLowerCase() !== id.toLowerCase()) {
        refuse(
          row.rowNumber,
          `the email ${patch.email} belongs to someone else in the directory (${owner.id})`,
        );
        continue;
      }
    }
    let managerId = patch.managerId;
    if (patch.managerEmail) {
      const inDirectory = idForEmail(tenantId, patch.managerEmail);
      if (managerId && inDirectory && managerId.toLowerCase() !== inDirectory.toLowerCase()) {
        refuse(
          row.rowNumber,
          `the manager ${patch.managerEmail} is ${managerId} in the file but ${inDirectory} in the directory`,
        );
        continue;
      }
      managerId ??= inDirectory;
      if (managerId === undefined) {
        refuse(
          row.rowNumber,
          `the manager ${patch.managerEmail} is neither in the file nor in the directory`,
        );
        continue;
      }
    }
    if (managerId !== undefined && managerId.toLowerCase() === id.toLowerCase()) {
      refuse(row.rowNumber, 'is their own manager');
      continue;
    }

    const stored = lookupId(tenantId, id.toLowerCase());
    const base: Person = stored ?? {
      tenantId,
      id,
      displayName: patch.displayName ?? '',
      celebrate: { birthday: 'public', anniversary: 'public' },
    };
    // What a person chose in `my settings` stays as they chose it.
    const own = base.ownSettings === true;
    const next: Person = {
      ...base,
      ...(patch.displayName === undefined ? {} : { displayName: patch.displayName }),
      ...(patch.email === undefined ? {} : { email: patch.email }),
      ...(managerId === undefined ? {} : { managerId }),
      ...(patch.timeZone === undefined || own ? {} : { timeZone: patch.timeZone }),
      ...(patch.birthday === undefined || own ? {} : { birthday: patch.birthday }),
      ...(patch.hireDate === undefined ? {} : { hireDate: patch.hireDate }),
      celebrate: own ? base.celebrate : { ...base.celebrate, ...patch.celebrate },
    };
    if (stored && stableJson(stored) === stableJson(next)) {
      plan.counts.unchanged += 1;
      continue;
    }
    plan.writes.push({ op: 'save', rowNumber: row.rowNumber, person: next });
    if (stored) plan.counts.updated += 1;
    else plan.counts.imported += 1;
  }
  plan.refusals.sort((a, b) => a.rowNumber - b.rowNumber);
  plan.counts.refused = plan.refusals.length;
  return plan;
}
