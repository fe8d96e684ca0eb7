import type { PeopleSyncReport } from './directorySync';
import { ERASED_REASON } from './erasures';
import type { ImportReport } from './importPeople';

/**
 * Why an import refused a row, as a code an admin's page words in their language. The import's
 * own reasons are English sentences that quote the file's cells (names, emails): only the code
 * and the row number are kept.
 */
export type RefusalCode =
  | 'emptyFile'
  | 'badHeader'
  | 'malformedRow'
  | 'invalidValue'
  | 'duplicate'
  | 'ownManager'
  | 'managerCycle'
  | 'unknownEmail'
  | 'emailTaken'
  | 'managerMismatch'
  | 'unknownManager'
  | 'forgotten'
  | 'other';

/** What the last people import of a tenant did (the HR CSV import, or the Microsoft Graph sync). */
export interface ImportStatusRecord {
  tenantId: string;
  /** When it ran (ISO instant). */
  at: string;
  source: 'csv' | 'graph';
  added: number;
  updated: number;
  /** The rows it refused, in row order: at most {@link MAX_RECORDED_REFUSALS}. */
  refused: Array<{ line: number; reason: RefusalCode }>;
}

/** The refused rows an import status keeps: the page shows the first ones; the import's own report has all. */
export const MAX_RECORDED_REFUSALS = 100;

/** The last import of each tenant, kept as one record that every import replaces. */
export interface ImportStatusStore {
  last(tenantId: string): Promise<ImportStatusRecord | undefined>;
  record(status: ImportStatusRecord): Promise<void>;
}

// The import's reasons, by the words each one starts with or holds (core/people/importFile.ts,
// importPlan.ts, csvReader.ts, importRows.ts); tests/core/insights/importStatus.test.ts runs a file
// that makes each of them and checks none is left as `other`.
const REASON_CODES: ReadonlyArray<[RegExp, RefusalCode]> = [
  [/^the file is empty/, 'emptyFile'],
  [/^the header /, 'badHeader'],
  [/^a quoted field/, 'malformedRow'],
  [/^describes the same person/, 'duplicate'],
  [/^is their own manager/, 'ownManager'],
  [/^is in a manager cycle/, 'managerCycle'],
  [/^no id, and no one in the directory has the email/, 'unknownEmail'],
  [/^the email .* belongs to someone else/, 'emailTaken'],
  [/^the manager .* in the file but .* in the directory/, 'managerMismatch'],
  [/^the manager .* is neither in the file nor in the directory/, 'unknownManager'],
];

/** The code of one of the import's refusal reasons. */
export function refusalCodeOf(reason: string): RefusalCode {
  if (reason === ERASED_REASON) return 'forgotten';
  for (const [pattern, code] of REASON_CODES) if (pattern.test(reason)) return code;
  // What is left are a row's cell problems ("birthday … is ambiguous", "the row has 12 fields …").
  return reason.trim() === '' ? 'other' : 'invalidValue';
}

/** The status an applied CSV import leaves (a dry run leaves none). */
export function csvImportStatus(tenantId: string, report: ImportReport, at: Date): ImportStatusRecord {
  return {
    tenantId,
    at: at.toISOString(),
    source: 'csv',
    added: report.imported,
    updated: report.updated,
    refused: [...report.refused]
      .sort((a, b) => a.rowNumber - b.rowNumber)
      .slice(0, MAX_RECORDED_REFUSALS)
      .map((refusal) => ({ line: refusal.rowNumber, reason: refusalCodeOf(refusal.reason) })),
  };
}

/** The status a Graph sync leaves: it refuses no row (disabled and forgotten users are left out, not refused). */
export function graphSyncStatus(report: PeopleSyncReport): ImportStatusRecord {
  return {
    tenantId: report.tenantId,
    at: report.syncedAt,
    source: 'graph',
    added: report.added,
    updated: report.updated,
    refused: [],
  };
}
