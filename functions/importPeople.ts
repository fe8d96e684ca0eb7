import type { ErasureRegister, ImportStatusStore, PeopleDirectory } from '../core/people';
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import type { Logger } from '../core/shared';
import type { NoteStore } from '../core/notes';
import type { SettingsStore } from '../core/settings';
import { decodeCsvBytes, MAX_IMPORT_BYTES, readAtMost, tooLargeMessage } from './csvText';
import { hostJobsRuntime, inInvocation } from './host';

/**
 * The trigger's route (host.json's route prefix is empty): POST /api/manage/people. Not `admin/…`: the
 * Functions host reserves every route starting with `admin` (or `runtime`) for its own API and
 * refuses to index such a function ("The specified route conflicts with one or more built in
 * routes"), whatever the route prefix.
 */
export const IMPORT_PEOPLE_ROUTE = 'api/manage/people';

export { MAX_IMPORT_BYTES };

/** A Functions HTTP handler. */
export type ImportPeopleHandler = (
  request: HttpRequest,
  context: InvocationContext,
) => Promise<HttpResponseInit>;

const USAGE = `POST /${IMPORT_PEOPLE_ROUTE}?tenant=<tenant id>[&dryRun=true] with the CSV as the body (Content-Type: text/csv)`;
const NOT_CSV_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'];

/**
 * People data from HR, POST /api/manage/people?tenant=<id> with the CSV file as the body:
 * imports it into the tenant's directory (core/people/importPeople.ts) and answers 200 with the report
 * (counts, and each refused row with its row number and reason). `dryRun=true` reports without
 * writing. A missing tenant, an empty, oversized or non-UTF-8 body is a 400 with a JSON `error`; a
 * tenant Moments does not know (no settings, nobody in its directory) is a 404, so that a mistyped
 * id never starts a tenant of its own.
 * Protected by a function key in Azure (`authLevel: 'function'`).
 */
export function importPeopleHandler(
  runtime: {
    stores: {
      people: PeopleDirectory;
      settings: Pick<SettingsStore, 'tenant'>;
      notes: Pick<NoteStore, 'removeAbout'>;
      erasures: Pick<ErasureRegister, 'erasedAmong'>;
      /** Where the tenant's last import is kept, for the tab's organisation page. */
      importStatus?: Pick<ImportStatusStore, 'record'>;
    };
    logger: Logger;
    now: () => Date;
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
    const tooLarge = tooLargeMessage(limits.maxBytes);
    const declared = Number(request.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > limits.maxBytes) return refuse(400, tooLarge);
    const body = request.body as AsyncIterable<Uint8Array> | null;
    const bytes = body ? await readAtMost(body, limits.maxBytes) : new Uint8Array();
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
      if (!(await isKnownTenant(runtime.stores, tenantId))) {
        return refuse(
          404,
          `Moments does not know the tenant ${tenantId}: it has no settings and nobody in its directory. Check the id (the Directory (tenant) ID in Microsoft Entra ID), and install Moments in Teams for that tenant before importing its people.`,
        );
      }
      // Imported here, not with this file: the host imports every trigger file on each cold start
      // to register them, and the import's parser is not needed until a file arrives.
      const { importPeople } = await import('../core/people');
      const report = await importPeople(runtime.stores.people, decoded.text, {
        tenantId,
        now: runtime.now(),
        dryRun,
        notes: runtime.stores.notes,
        erasures: runtime.stores.erasures,
        ...(runtime.stores.importStatus ? { importStatus: runtime.stores.importStatus } : {}),
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

/**
 * A tenant Moments serves: one with settings (stored when Moments is first used in it) or with
 * people in its directory.
 */
async function isKnownTenant(
  stores: { settings: Pick<SettingsStore, 'tenant'>; people: Pick<PeopleDirectory, 'count'> },
  tenantId: string,
): Promise<boolean> {
  return (await stores.settings.tenant(tenantId)) !== undefined || (await stores.people.count(tenantId)) > 0;
}

app.http('importPeople', {
  route: IMPORT_PEOPLE_ROUTE,
  methods: ['POST'],
  // A function (or host) key is required in Azure; the route itself carries no other auth.
  authLevel: 'function',
  handler: (request, context) =>
    inInvocation(context, async () => importPeopleHandler(await hostJobsRuntime())(request, context)),
});
