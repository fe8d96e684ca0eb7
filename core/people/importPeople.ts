import { chunks, inPool, utcDateOf } from '../shared';
import type { ErasureRegister } from './erasures';
import type { NoteStore } from '../notes';
import { saveListingManagersOnce, type PeopleDirectory, type Person } from './directory';
import { parsePeopleCsv } from './importFile';
import { planImport } from './importPlan';
import type { ImportRefusal } from './importRows';
import { csvImportStatus, type ImportStatusStore } from './importStatus';

/** What an import did (or, in a dry run, would do), row by row summed up. */
export interface ImportReport {
  /** People added to the directory. */
  imported: number;
  /** People already there whose data changed. */
  updated: number;
  /** Rows that matched the directory already, and removals of people who were not there. */
  unchanged: number;
  /** People deleted by a `remove` row. */
  removed: number;
  /** Rows that changed nothing, with the file's row number (the header is row 1) and why. */
  refused: ImportRefusal[];
  /** Header names that are not import columns, as written: they were ignored. */
  ignoredColumns: string[];
}

/** Options for {@link importPeople}. */
export interface ImportPeopleOptions {
  tenantId: string;
  /** When the import runs: birthdays after its day, and hire dates more than a year after it, are refused. */
  now: Date;
  /** Work out and report everything, but write nothing. */
  dryRun?: boolean;
  /** Emails resolved elsewhere (e.g. Microsoft Graph), email → AAD object id. */
  resolvedEmails?: ReadonlyMap<string, string>;
  /** Ids or emails per directory query; keeps each query well under Cosmos DB's query size limit. */
  lookupBatchSize?: number;
  /** Writes in flight at once. */
  writeConcurrency?: number;
  /** Private notes: a person removed from the directory takes the notes written about them along. */
  notes?: Pick<NoteStore, 'removeAbout'>;
  /** Who asked to be forgotten: their rows are refused, not imported again. */
  erasures?: Pick<ErasureRegister, 'erasedAmong'>;
  /**
   * Where the tenant's last import is kept (what the tab's organisation page shows); not by a dry
   * run, nor by an import that changed and refused nothing.
   */
  importStatus?: Pick<ImportStatusStore, 'record'>;
}

const DEFAULT_LOOKUP_BATCH = 500;
const DEFAULT_WRITE_CONCURRENCY = 8;

/**
 * Imports an HR people CSV (columns and formats: core/people/importRows.ts) into the tenant's
 * directory. Reads only the people the file names (by id, by email, and its managers' emails),
 * plans with {@link planImport}, then applies the plan: a refused row changes nothing, a
 * `remove` row deletes the person, and an unchanged row writes nothing, so importing the same
 * file twice writes nothing the second time.
 *
 * Not a transaction: if a write fails the error propagates and the writes before it stay. Running
 * the import again is safe and finishes the job, since rows already applied are then unchanged.
 */
export async function importPeople(
  directory: PeopleDirectory,
  csvText: string,
  options: ImportPeopleOptions,
): Promise<ImportReport> {
  const { tenantId } = options;
  const parsed = parsePeopleCsv(csvText, { tenantId, today: utcDateOf(options.now) });

  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const { person } of parsed.rows) {
    if (person.id) ids.add(person.id);
    // Every email, not only the unresolved ones: planImport also checks that an email given with an
    // id is not someone else's, and that a manager resolved within the file agrees with the directory.
    if (person.email) emails.add(person.email);
    if (person.managerEmail) emails.add(person.managerEmail);
  }
  const batch = Math.max(1, options.lookupBatchSize ?? DEFAULT_LOOKUP_BATCH);
  const existing = new Map<string, Person>();
  for (const part of chunks([...ids], batch)) {
    for (const person of await directory.findMany(tenantId, part)) existing.set(person.id, person);
  }
  for (const part of chunks([...emails], batch)) {
    for (const person of await directory.findByEmails(tenantId, part)) existing.set(person.id, person);
  }

  // Someone forgotten is in the directory no more: only newcomers can be among them.
  const known = new Set([...existing.keys()].map((id) => id.toLowerCase()));
  const newcomers = [...ids, ...(options.resolvedEmails?.values() ?? [])].filter(
    (id) => !known.has(id.toLowerCase()),
  );
  const erasedIds =
    options.erasures && newcomers.length > 0
      ? await options.erasures.erasedAmong(tenantId, newcomers)
      : new Set<string>();
  const plan = planImport(parsed, [...existing.values()], {
    resolvedEmails: options.resolvedEmails,
    erasedIds,
  });

  if (!options.dryRun) {
    // After a failure no new write starts; the ones in flight finish before the error is thrown.
    await saveListingManagersOnce(directory, tenantId, (save) =>
      inPool(plan.writes, options.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY, async (write) => {
        if (write.op === 'save') return save(write.person);
        await options.notes?.removeAbout(write.tenantId, write.id);
        await directory.remove(write.tenantId, write.id);
      }),
    );
  }

  const { imported, updated, unchanged, removed } = plan.counts;
  const report: ImportReport = {
    imported,
    updated,
    unchanged,
    removed,
    refused: plan.refusals,
    ignoredColumns: parsed.ignoredColumns,
  };
  // An import that changed and refused nothing leaves the last status as it is: importing the same
  // file again writes nothing at all.
  const news = imported + updated + removed + plan.refusals.length > 0;
  if (!options.dryRun && news)
    await options.importStatus?.record(csvImportStatus(tenantId, report, options.now));
  return report;
}
