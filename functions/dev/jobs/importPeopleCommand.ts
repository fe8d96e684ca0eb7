import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { importPeople, type ImportReport } from '../../../core/people';
import { decodeCsvBytes, MAX_IMPORT_BYTES, readAtMost, tooLargeMessage } from '../../csvText';
import { UsageError, type JobCommand } from './job';

/** `import-people FILE --tenant ID`: an HR CSV export into the tenant's directory. */
export const importPeopleCommand: JobCommand = {
  name: 'import-people',
  summary:
    "Import people (managers, birthdays, hire dates, …) from an HR CSV export into a tenant's directory",
  usage: [
    'import-people FILE --tenant ID [--dry-run] [--json]',
    '',
    `  FILE        the CSV (header row first; columns in README.md, "People data"), at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
    '  --tenant    the tenant whose directory the people go into',
    '  --dry-run   report what the import would do, and write nothing',
    '',
    'Prints how many people were imported, updated, unchanged and removed, and each refused row',
    'with its row number and why (a refused row changes nothing). Importing the same file again',
    'changes nothing.',
  ].join('\n'),
  dryRun: true,
  async run(ctx, args) {
    const [file, ...extra] = args;
    if (file === undefined) throw new UsageError('import-people needs the CSV file to import.');
    if (extra.length > 0) throw new UsageError(`import-people takes one file, not ${args.length}.`);
    const tenantId = ctx.requireTenant();
    const csvText = await readCsv(path.resolve(ctx.cwd, file), file);

    const target = await ctx.open();
    const report = await importPeople(target.runtime.stores.people, csvText, {
      notes: target.runtime.stores.notes,
      erasures: target.runtime.stores.erasures,
      importStatus: target.runtime.stores.importStatus,
      tenantId,
      now: ctx.at,
      dryRun: ctx.dryRun,
    });

    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          { command: 'import-people', file, tenantId, dryRun: ctx.dryRun, target: target.mode, report },
          null,
          2,
        ),
      );
    } else {
      ctx.print(formatReport(report, { file, tenantId, dryRun: ctx.dryRun, target: target.description }));
    }
  },
};

/** The file's text; read no further than the import's cap, so even `/dev/zero` is refused at once. */
async function readCsv(absolute: string, asGiven: string): Promise<string> {
  let bytes: Uint8Array | 'too large';
  try {
    // A directory opens but fails on the first read with an error that does not say so: ask first.
    if ((await stat(absolute)).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    bytes = await readAtMost(createReadStream(absolute), MAX_IMPORT_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message ?? error);
    throw new Error(`Cannot read the CSV file ${asGiven}: ${why}.`);
  }
  if (bytes === 'too large')
    throw new Error(`Cannot import ${asGiven}: ${tooLargeMessage(MAX_IMPORT_BYTES)}`);
  const decoded = decodeCsvBytes(bytes);
  if ('problem' in decoded) throw new Error(`Cannot read the CSV file ${asGiven}: ${decoded.problem}.`);
  return decoded.text;
}

/** The report as text, e.g. for a terminal. */
export function formatReport(
  report: ImportReport,
  about: { file: string; tenantId: string; dryRun: boolean; target: string },
): string {
  const counts: Array<[string, number]> = [
    ['imported', report.imported],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['removed', report.removed],
    ['refused', report.refused.length],
  ];
  const lines = [
    `${about.dryRun ? 'Dry run of the people import' : 'People import'} of ${about.file} into tenant ${about.tenantId}`,
    `  data: ${about.target}`,
    ...counts.map(([label, count]) => `  ${label.padEnd(10)} ${count}`),
  ];
  if (report.refused.length > 0) {
    lines.push('Refused rows (each changed nothing):');
    for (const refusal of report.refused) lines.push(`  row ${refusal.rowNumber}: ${refusal.reason}`);
  }
  if (report.ignoredColumns.length > 0) {
    lines.push(`Ignored columns (not import columns): ${report.ignoredColumns.join(', ')}`);
  }
  if (about.dryRun) lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}
