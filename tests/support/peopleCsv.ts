/**
 * People CSV files as the import tests write them: the header naming every column, people's AAD
 * object ids by number, and the demo organisation's file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The header row naming every import column, in the order the rows below fill them. */
export const PEOPLE_CSV_HEADER =
  'id,email,displayName,manager,birthday,hireDate,timeZone,celebrateBirthday,celebrateAnniversary,action';

/** The AAD object id (a GUID) of test person `n`. */
export const personId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A file of `rows` under {@link PEOPLE_CSV_HEADER}, one a line. */
export const peopleCsv = (...rows: string[]) => [PEOPLE_CSV_HEADER, ...rows].join('\n');

/** The demo organisation's file, from the project root (as the jobs CLI is given it). */
export const DEMO_PEOPLE_CSV_PATH = 'functions/dev/local/demo-people.csv';

/** The demo organisation's file: six people, managers given by email. */
export const DEMO_PEOPLE_CSV = readFileSync(
  path.resolve(__dirname, '..', '..', DEMO_PEOPLE_CSV_PATH),
  'utf8',
);
