import { parseCsv } from './csvReader';
import {
  IMPORT_COLUMNS,
  readRow,
  type ImportColumn,
  type ImportRefusal,
  type ImportRow,
  type RowContext,
} from './importRows';

/** The file, read and validated. */
export interface ParsedPeopleCsv {
  rows: ImportRow[];
  refusals: ImportRefusal[];
  /**
   * Emails the file does not map to an id: managers given by email who have no row with an id,
   * and people given by email only. The caller may resolve them (e.g. through Microsoft Graph) and
   * pass them to `planImport`, which also looks them up in the directory.
   */
  unresolvedEmails: string[];
  /** Header names that are not columns of the import, as written. */
  ignoredColumns: string[];
}

/** Header names ignore case, spaces, `_` and `-`: `Hire Date`, `hire_date` and `hireDate` are one. */
const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
const COLUMN_BY_HEADER = new Map(IMPORT_COLUMNS.map((column) => [normaliseHeader(column), column]));

/**
 * Where each import column is in the file (by position), and the header names that are not import
 * columns, as written; with `problem` when the header cannot be used (the names are then those
 * read up to it).
 */
function readHeader(names: readonly string[]): {
  positions: Map<ImportColumn, number>;
  ignoredColumns: string[];
  problem?: string;
} {
  const positions = new Map<ImportColumn, number>();
  const ignoredColumns: string[] = [];
  for (const [position, name] of names.entries()) {
    const column = COLUMN_BY_HEADER.get(normaliseHeader(name));
    if (!column) {
      if (name.trim() !== '') ignoredColumns.push(name.trim());
      continue;
    }
    if (positions.has(column)) {
      return { positions, ignoredColumns, problem: `the header names the column ${column} twice` };
    }
    positions.set(column, position);
  }
  if (!positions.has('id') && !positions.has('email')) {
    const problem = 'the header has neither an id nor an email column: one of them says who each row is';
    return { positions, ignoredColumns, problem };
  }
  return { positions, ignoredColumns };
}

/** A row's cells by column, trimmed; `''` for a column the file does not have. */
function cellsOf(
  fields: readonly string[],
  positions: ReadonlyMap<ImportColumn, number>,
): Record<ImportColumn, string> {
  const cells = {} as Record<ImportColumn, string>;
  for (const column of IMPORT_COLUMNS) {
    const position = positions.get(column);
    cells[column] = position === undefined ? '' : (fields[position] ?? '').trim();
  }
  return cells;
}

/**
 * Reads and validates a people CSV (columns: core/people/importRows.ts). Rows come back as
 * upserts and removals of person patches, or as refusals with the row number and every
 * problem found; a refused row changes nothing. Managers given by email are resolved against the
 * rows of the same file; the rest are left for `planImport`. Two rows naming the same id or
 * email are both refused: which one is right cannot be known.
 */
export function parsePeopleCsv(text: string, options: RowContext): ParsedPeopleCsv {
  const result: ParsedPeopleCsv = { rows: [], refusals: [], unresolvedEmails: [], ignoredColumns: [] };
  const [header, ...body] = parseCsv(text);
  if (!header) {
    result.refusals.push({ rowNumber: 1, reason: 'the file is empty: the first row must name the columns' });
    return result;
  }
  if (header.error) {
    result.refusals.push({ rowNumber: header.line, reason: header.error });
    return result;
  }
  const columns = readHeader(header.fields);
  result.ignoredColumns = columns.ignoredColumns;
  if (columns.problem !== undefined) {
    result.refusals.push({ rowNumber: header.line, reason: columns.problem });
    return result;
  }

  const valid: ImportRow[] = [];
  for (const record of body) {
    if (record.error) {
      result.refusals.push({ rowNumber: record.line, reason: record.error });
      continue;
    }
    // Cells past the header's width are refused only when they hold something: spreadsheets pad rows.
    const width = record.fields.slice(header.fields.length).some((field) => field.trim() !== '')
      ? [`the row has ${record.fields.length} fields but the header has ${header.fields.length}`]
      : [];
    const row = readRow(cellsOf(record.fields, columns.positions), options);
    if ('problems' in row || width.length > 0) {
      const problems = [...width, ...('problems' in row ? row.problems : [])];
      result.refusals.push({ rowNumber: record.line, reason: problems.join('; ') });
      continue;
    }
    valid.push({ rowNumber: record.line, ...row });
  }

  const duplicates = rowsAboutTheSamePerson(valid);
  const idByEmail = new Map<string, string>();
  for (const row of valid) {
    if (row.action === 'upsert' && row.person.id && row.person.email && !duplicates.has(row.rowNumber)) {
      idByEmail.set(row.person.email, row.person.id);
    }
  }
  const unresolved = new Set<string>();
  for (const row of valid) {
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

/**
 * Rows that name the same id or email as another row, each with the other rows' numbers. All of
 * them are refused, since any one could be the stale one.
 */
function rowsAboutTheSamePerson(rows: readonly ImportRow[]): Map<number, number[]> {
  const rowsByKey = new Map<string, number[]>();
  for (const { rowNumber, person } of rows) {
    const keys = [person.id ? `id:${person.id}` : '', person.email ? `email:${person.email}` : ''];
    for (const key of keys.filter(Boolean)) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), rowNumber]);
  }
  const duplicates = new Map<number, number[]>();
  for (const numbers of rowsByKey.values()) {
    if (numbers.length < 2) continue;
    for (const row of numbers) {
      const others = numbers.filter((other) => other !== row);
      duplicates.set(
        row,
        [...new Set([...(duplicates.get(row) ?? []), ...others])].sort((a, b) => a - b),
      );
    }
  }
  return duplicates;
}
