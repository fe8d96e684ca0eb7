import { CsvError, parse } from 'csv-parse/sync';

/** One CSV record and the line it starts on; `error` when it cannot be read. */
export interface CsvRecord {
  line: number;
  fields: string[];
  error?: string;
}

const NEVER_CLOSED = 'a quoted field (") opened in this row is never closed';
const TEXT_AFTER_QUOTE =
  'a quoted field (") in this row has text after its closing quote: quote the whole field, doubling any " inside it';

/**
 * A record whose quotes are where RFC 4180 puts them: each field either quoted whole (`""` for a
 * quote inside) or unquoted and not starting with a quote (a quote later in it is data, as Excel
 * reads it). csv-parse's `relax_quotes` also accepts text after a closing quote (`"Gu, Lee" x`),
 * but keeps the quotes in the value; such a row is refused rather than stored garbled.
 */
const FIELD = '(?:"[^"]*(?:""[^"]*)*"|[^",\\r\\n][^,\\r\\n]*)?';
const QUOTED_AS_WRITTEN = new RegExp(`^${FIELD}(?:,${FIELD})*[\\r\\n]?$`);

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * What csv-parse hands `on_record` when `raw` is on: the fields and the record's text as written
 * (up to and including its line break). Its typings describe the record as if `raw` were off.
 */
interface RawRecord {
  record: string[];
  raw: string;
}

/**
 * Reads CSV as RFC 4180 writes it (csv-parse): comma-separated, fields optionally in double quotes
 * (which may hold commas, line breaks and `""` for a quote), records ended by CRLF, LF or CR, even
 * mixed in one file, a leading BOM dropped. A line break inside quotes comes back as LF. Blank
 * lines, and lines of nothing but empty fields, are skipped. Lenient where Excel is: a quote inside
 * an unquoted field is kept as it is.
 *
 * Each record carries the line it starts on, counting every line break of the file, those inside
 * quotes and blank lines included: the header is line 1 and, until a quoted cell spans lines, a
 * record's line is the row number a spreadsheet shows. Records never fail the whole read: one with
 * text after a closing quote carries `error`, and a quote never closed ends the file with a record
 * carrying `error`.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  // csv-parse's own line count (`info.lines`) counts a CRLF inside quotes twice: count from the raw text.
  let line = 1;
  try {
    parse(text, {
      bom: true,
      // Rows are measured against the header by the import, which says what is wrong in its words.
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      raw: true,
      on_record: (parsed) => {
        const { record, raw } = parsed as unknown as RawRecord;
        const start = line;
        line += raw.match(LINE_BREAK)?.length ?? 0;
        if (!QUOTED_AS_WRITTEN.test(raw)) {
          records.push({ line: start, fields: [], error: TEXT_AFTER_QUOTE });
        } else if (record.some((field) => field.trim() !== '')) {
          records.push({ line: start, fields: record.map((field) => field.replace(/\r\n?/g, '\n')) });
        }
        // Collected here rather than returned, so that what came before an unclosed quote is kept.
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')) throw error;
    records.push({ line, fields: [], error: NEVER_CLOSED });
  }
  return records;
}
