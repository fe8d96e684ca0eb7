import { z } from 'zod';
import { isCalendarDate } from '../people';
import { addDays, daysBetween, localDateOf, startOfLocalDay } from '../shared';
import type { InsightsDeps } from './ports';
import { shownText, valueNamer, zoneOf } from './shown';
import { checkMayOpen, type Viewer } from './viewer';

/** The longest range one export covers, in days (both ends counted). */
export const MAX_EXPORT_DAYS = 366;

/** The dates an export covers, both included, in the viewer's zone (`YYYY-MM-DD`). */
export interface ExportRange {
  from: string;
  to: string;
}

const date = z.string().length(10).refine(isCalendarDate);
const rangeSchema = z
  .object({ from: date, to: date })
  .refine(({ from, to }) => from <= to && daysBetween(from, to) < MAX_EXPORT_DAYS);

/**
 * The range of GET /tab/api/organisation/export (`from`, `to`: real dates, `from` not after `to`, at
 * most {@link MAX_EXPORT_DAYS} days), or undefined for anything else: the API answers 400.
 */
export function parseExportRange(raw: Record<string, string | undefined>): ExportRange | undefined {
  const { from, to } = raw;
  if ((from?.length ?? 0) > 10 || (to?.length ?? 0) > 10) return undefined;
  const parsed = rangeSchema.safeParse({ from, to });
  return parsed.success ? parsed.data : undefined;
}

/** The export's columns, in order. */
export const EXPORT_COLUMNS = [
  'date',
  'giver',
  'recipients',
  'value',
  'place',
  'text',
  'celebrations',
] as const;

/**
 * GET /tab/api/organisation/export: the tenant's kudos of the range (dates in the viewer's zone),
 * oldest first, as CSV (RFC 4180, CRLF line ends): date, giver, recipients (`; ` between names),
 * value, place, text and how many celebrated. The text is there only when it may travel beyond the
 * conversation it was given in; a file is read beyond the tab, so being the admin who gave or
 * received it does not count. Cells a spreadsheet would run as a formula start with `'`. Throws
 * {@link NotAllowed} unless the viewer is an admin.
 */
export async function recognitionsCsv(
  deps: Pick<InsightsDeps, 'recognitions'>,
  viewer: Viewer,
  range: ExportRange,
): Promise<string> {
  checkMayOpen(viewer, 'organisation');
  const zone = zoneOf(viewer);
  const kudos = await deps.recognitions.createdBetween(
    viewer.tenantId,
    startOfLocalDay(range.from, zone),
    startOfLocalDay(addDays(range.to, 1), zone),
  );
  const named = valueNamer(viewer.settings);
  const rows = [...kudos]
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
    .map((k) => [
      localDateOf(new Date(k.createdAt), zone),
      k.giver.name,
      k.recipients.map((r) => r.name).join('; '),
      named(k.value.id, k.value.name).name,
      k.place.kind,
      shownText(k) ?? '',
      String(k.celebrations.length),
    ]);
  return toCsv([[...EXPORT_COLUMNS], ...rows]);
}

/** Rows as CSV (RFC 4180): every cell quoted where it must be, formulas neutralised, CRLF line ends. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe before it, so a
 * spreadsheet shows the text rather than running it (CSV injection); then quoted when it holds a
 * comma, a quote or a line break, each quote doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
