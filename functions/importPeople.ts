import { type ErasureRegister, importPeople, type PeopleDirectory } from '../core/people';
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import type { Logger } from '../core/shared';
import type { NoteStore } from '../core/notes';
import { decodeCsvBytes } from './csvText';
import { hostJobsRuntime, inInvocation } from './host';

/**
 * The trigger's route, under the host's `api` prefix: POST /api/manage/people. Not `admin/…`: the
 * Functions host reserves every route starting with `admin` (or `runtime`) for its own API and
 * refuses to index such a function ("The specified route conflicts with one or more built in
 * routes"), whatever the route prefix.
 */
export const IMPORT_PEOPLE_ROUTE = 'manage/people';

/** The largest CSV body accepted: 5 MB holds tens of thousands of people. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A Functions HTTP handler. */
export type ImportPeopleHandler = (
  request: HttpRequest,
  context: InvocationContext,
) => Promise<HttpResponseInit>;

const USAGE = `POST /api/${IMPORT_PEOPLE_ROUTE}?tenant=<tenant id>[&dryRun=true] with the CSV as the body (Content-Type: text/csv)`;
const NOT_CSV_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'];

/**
 * People data from HR, POST /api/manage/people?tenant=<id> with the CSV file as the body:
 * imports it into the tenant's directory (core/people/importPeople.ts) and answers 200 with the report
 * (counts, and each refused row with its row number and reason). `dryRun=true` reports without
 * writing. A missing tenant, an empty, oversized or non-UTF-8 body is a 400 with a JSON `error`.
 * Protected by a function key in Azure (`authLevel: 'function'`).
 */
export function importPeopleHandler(
  runtime: {
    stores: {
      people: PeopleDirectory;
      notes: Pick<NoteStore, 'removeAbout'>;
      erasures: Pick<ErasureRegister, 'erasedAmong'>;
    };
    logger: Logger;
  },
  limits: { maxBytes: number } = { maxBytes: MAX_IMPORT_BYTES },
): ImportPeopleHandler {
  return async function importPeopleHttp(request, context) {
    const tenantId = request.query.get('tenant')?.trim();
    if (!tenantId) return refuse(400, `The tenant is missing: ${USAGE}.`);
    const dryRunValue = (request.query.get('dryRun') ?? '').trim().toLowerCase();
    if (!['', 'true', 'false', '1', '0'].includes(dryRunValue)) {
      return refuse(400, 'dryRun must be true or false.');
    }
    const dryRun = dryRunValue === 'true' || dryRunValue === '1';

    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (NOT_CSV_TYPES.includes(contentType)) {
      return refuse(415, `The body is ${contentType}: send the CSV file itself as the body. ${USAGE}.`);
    }
    const tooLarge = `The CSV is larger than ${limits.maxBytes / (1024 * 1024)} MB: split it into several imports.`;
    const declared = Number(request.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > limits.maxBytes) return refuse(400, tooLarge);
    const bytes = await readLimited(request, limits.maxBytes);
    if (bytes === 'too large') return refuse(400, tooLarge);
    const decoded = decodeCsvBytes(bytes);
    if ('problem' in decoded) return refuse(400, `The CSV cannot be read: ${decoded.problem}.`);
    if (decoded.text.replace(/^\uFEFF/, '').trim() === '') {
      return refuse(400, `The body is empty: ${USAGE}.`);
    }

    const logger = runtime.logger.child({
      correlationId: context.invocationId,
      invocationId: context.invocationId,
      tenantId,
    });
    try {
      const report = await importPeople(runtime.stores.people, decoded.text, {
        tenantId,
        dryRun,
        notes: runtime.stores.notes,
        erasures: runtime.stores.erasures,
      });
      // Counts only: refusal reasons quote the file's cells (names, emails).
      logger.info('people import', {
        dryRun,
        bytes: bytes.byteLength,
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        refused: report.refused.length,
      });
      return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        jsonBody: { tenantId, dryRun, ...report },
      };
    } catch (error) {
      logger.error('people import failed', { error });
      return refuse(
        500,
        `The import failed part-way (Reference: ${context.invocationId}). Rows already applied stay; sending the same file again finishes it.`,
      );
    }
  };
}

function refuse(status: number, error: string): HttpResponseInit {
  return { status, headers: { 'cache-control': 'no-store' }, jsonBody: { error } };
}

/** The body's bytes, or 'too large' as soon as it passes `maxBytes` (the rest is not read). */
async function readLimited(request: HttpRequest, maxBytes: number): Promise<Uint8Array | 'too large'> {
  if (!request.body) return new Uint8Array();
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

app.http('importPeople', {
  route: IMPORT_PEOPLE_ROUTE,
  methods: ['POST'],
  // A function (or host) key is required in Azure; the route itself carries no other auth.
  authLevel: 'function',
  handler: (request, context) =>
    inInvocation(context, async () => importPeopleHandler(await hostJobsRuntime())(request, context)),
});
