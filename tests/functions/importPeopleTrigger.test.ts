/**
 * The admin HTTP trigger POST /api/manage/people?tenant=<id>: its handler called with
 * `HttpRequest`s as the Functions host builds them, on a runtime over the local Cosmos DB server.
 */
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { PeopleDirectory } from '../../core/people';
import { createRuntime, type Runtime } from '../../functions/composition';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { IMPORT_PEOPLE_ROUTE, MAX_IMPORT_BYTES, importPeopleHandler } from '../../functions/importPeople';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { DEMO_PEOPLE_CSV as DEMO_CSV, PEOPLE_CSV_HEADER as HEADER } from '../support/peopleCsv';
import {
  MemoryErasureRegister,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemorySettingsStore,
  RecordingLogger,
} from '../support/fakes';
import { defaultTenantSettings, ensureTenant } from '../../core/settings';

const TENANT = 'tenant-http';

let cosmos: TestCosmos;
let runtime: Runtime;
let logger: RecordingLogger;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  logger = new RecordingLogger();
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger,
  });
  // Tenants Moments serves: their settings are stored when Moments is first used in them.
  for (const tenant of [TENANT, 'tenant-big']) await ensureTenant(runtime.stores.settings, tenant, 'UTC');
});
afterAll(async () => {
  await runtime?.close();
  await cosmos?.close();
});

function post(
  query: Record<string, string>,
  body: string | Uint8Array | undefined,
  headers: Record<string, string> = { 'content-type': 'text/csv' },
): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: `https://moments.example/${IMPORT_PEOPLE_ROUTE}?${new URLSearchParams(query).toString()}`,
    headers,
    query,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? { string: body } : { bytes: body } }),
  });
}

let invocations = 0;
async function call(request: HttpRequest, handler = importPeopleHandler(runtime)): Promise<HttpResponseInit> {
  invocations++;
  return handler(
    request,
    new InvocationContext({ invocationId: `inv-${invocations}`, functionName: 'importPeople' }),
  );
}

/** The handler on the test's runtime, on a given day. */
const importPeopleAt = (day: string) =>
  importPeopleHandler({ ...runtime, now: () => new Date(`${day}T09:00:00Z`) });

const errorOf = (response: HttpResponseInit) => (response.jsonBody as { error: string }).error;

describe('POST /api/manage/people', () => {
  it('imports the CSV body and answers 200 with the report; the same file again is all unchanged', async () => {
    const first = await call(post({ tenant: TENANT }, DEMO_CSV));
    expect(first.status).toBe(200);
    expect(first.jsonBody).toEqual({
      tenantId: TENANT,
      dryRun: false,
      imported: 6,
      updated: 0,
      unchanged: 0,
      removed: 0,
      refused: [],
      ignoredColumns: [],
    });
    expect(await runtime.stores.people.count(TENANT)).toBe(6);
    expect((await runtime.stores.people.get(TENANT, '00000000-0000-4000-8000-000000000002'))?.managerId).toBe(
      '00000000-0000-4000-8000-000000000001',
    );
    const logged = logger.lines.find((line) => line.message === 'people import');
    expect(logged?.fields).toMatchObject({
      tenantId: TENANT,
      invocationId: 'inv-1',
      imported: 6,
      refused: 0,
    });

    const second = await call(post({ tenant: TENANT }, DEMO_CSV));
    expect(second).toMatchObject({ status: 200, jsonBody: { imported: 0, unchanged: 6, refused: [] } });
  });

  it('reports refused rows with their row numbers, and dryRun=true writes nothing', async () => {
    const file = [
      HEADER,
      `00000000-0000-4000-8000-000000000003,,,,,,,,,remove`,
      `00000000-0000-4000-8000-000000000009,x@contoso.com,X,,03/04/1990,,,,,`,
    ].join('\n');
    const dry = await call(post({ tenant: TENANT, dryRun: 'true' }, file));
    expect(dry.status).toBe(200);
    expect(dry.jsonBody).toMatchObject({
      dryRun: true,
      removed: 1,
      refused: [{ rowNumber: 3, reason: expect.stringMatching(/birthday is ambiguous/) }],
    });
    expect(await runtime.stores.people.count(TENANT)).toBe(6);
    const real = await call(post({ tenant: TENANT }, file));
    expect(real.jsonBody).toMatchObject({ dryRun: false, removed: 1 });
    expect(await runtime.stores.people.count(TENANT)).toBe(5);
  });

  it.each([
    ['no tenant', {}, /tenant is missing/],
    ['an empty tenant', { tenant: '  ' }, /tenant is missing/],
    ['a dryRun that is not a boolean', { tenant: TENANT, dryRun: 'maybe' }, /dryRun must be true or false/],
  ])('answers 400 for %s', async (_what, query, message) => {
    const response = await call(post(query, DEMO_CSV));
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatch(message);
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['a body of blank lines and a BOM', '\uFEFF\r\n  \n'],
  ])('answers 400 for %s', async (_what, body) => {
    const response = await call(post({ tenant: 'tenant-empty' }, body));
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatch(/body is empty/);
  });

  it('answers 400 for a body over 5 MB, declared or not', async () => {
    const big = `${HEADER}\n${'x'.repeat(MAX_IMPORT_BYTES)}`;
    const streamed = await call(post({ tenant: 'tenant-big' }, big));
    expect(streamed.status).toBe(400);
    expect(errorOf(streamed)).toMatch(/larger than 5 MB/);
    const declared = await call(
      post({ tenant: 'tenant-big' }, DEMO_CSV, {
        'content-type': 'text/csv',
        'content-length': String(MAX_IMPORT_BYTES + 1),
      }),
    );
    expect(declared.status).toBe(400);
    expect(errorOf(declared)).toMatch(/larger than 5 MB/);
    // Just under a (smaller) limit passes.
    const small = importPeopleHandler(runtime, { maxBytes: Buffer.byteLength(DEMO_CSV) });
    expect((await call(post({ tenant: 'tenant-big' }, DEMO_CSV), small)).status).toBe(200);
    expect((await call(post({ tenant: 'tenant-big' }, `${DEMO_CSV}\n`), small)).status).toBe(400);
  });

  it('answers 400 for a file that is not UTF-8, and 415 for a form upload instead of the file', async () => {
    // "Zoë" in Windows-1252, as Excel's plain CSV would write it.
    const latin1 = Buffer.from(`${HEADER}\n00000000-0000-4000-8000-000000000007,,Zo\xeb,,,,,,,`, 'latin1');
    const notUtf8 = await call(post({ tenant: 'tenant-enc' }, latin1));
    expect(notUtf8.status).toBe(400);
    expect(errorOf(notUtf8)).toMatch(/not UTF-8/);

    const form = await call(
      post({ tenant: 'tenant-enc' }, '--x\r\ncontent-disposition: form-data\r\n\r\nid\r\n--x--', {
        'content-type': 'multipart/form-data; boundary=x',
      }),
    );
    expect(form.status).toBe(415);
    expect(await runtime.stores.people.count('tenant-enc')).toBe(0);
  });

  it('answers 404 for a tenant Moments does not know, and creates nothing for it', async () => {
    const response = await call(post({ tenant: 'tenant-typo' }, DEMO_CSV));
    expect(response.status).toBe(404);
    expect(errorOf(response)).toBe(
      'Moments does not know the tenant tenant-typo: it has no settings and nobody in its directory. Check the id (the Directory (tenant) ID in Microsoft Entra ID), and install Moments in Teams for that tenant before importing its people.',
    );
    expect(await runtime.stores.people.count('tenant-typo')).toBe(0);
    expect(await runtime.stores.settings.tenant('tenant-typo')).toBeUndefined();
    expect(await runtime.stores.settings.tenantIds()).not.toContain('tenant-typo');
  });

  it('imports into a tenant known by its directory alone (people, no settings yet)', async () => {
    await runtime.stores.people.save({
      tenantId: 'tenant-roster',
      id: '00000000-0000-4000-8000-0000000000aa',
      displayName: 'Already Here',
      celebrate: {},
    });
    const response = await call(post({ tenant: 'tenant-roster' }, DEMO_CSV));
    expect(response).toMatchObject({ status: 200, jsonBody: { imported: 6 } });
    expect(await runtime.stores.people.count('tenant-roster')).toBe(7);
  });

  it('refuses a hire date more than a year after the day it runs, naming the row', async () => {
    const file = [
      HEADER,
      `00000000-0000-4000-8000-000000000031,future@contoso.com,Far Future,,,2999-01-01,,,,`,
      `00000000-0000-4000-8000-000000000032,soon@contoso.com,Starts Soon,,,2027-01-04,,,,`,
    ].join('\n');
    const response = await call(post({ tenant: TENANT, dryRun: 'true' }, file), importPeopleAt('2026-12-07'));
    expect(response.jsonBody).toMatchObject({
      imported: 1,
      refused: [
        {
          rowNumber: 2,
          reason: 'hireDate "2999-01-01" is more than a year ahead (after 2027-12-07): check the year',
        },
      ],
    });
  });

  it('answers 500 with a reference when the directory fails, and logs the error', async () => {
    const failing = new (class extends MemoryPeopleDirectory {
      override async save(): Promise<void> {
        throw new Error('Cosmos DB is unavailable');
      }
    })() as PeopleDirectory;
    const failingLogger = new RecordingLogger();
    const known = new MemorySettingsStore();
    await known.saveTenant(defaultTenantSettings(TENANT, 'UTC'));
    const response = await call(
      post({ tenant: TENANT }, DEMO_CSV),
      importPeopleHandler({
        stores: {
          people: failing,
          settings: known,
          notes: new MemoryNoteStore(),
          erasures: new MemoryErasureRegister(),
        },
        logger: failingLogger,
        now: () => new Date(),
      }),
    );
    expect(response.status).toBe(500);
    expect(errorOf(response)).toMatch(/Reference: inv-\d+/);
    expect(failingLogger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'people import failed' }),
    );
  });
});

describe('registration', () => {
  it('is a function-key POST route the Functions host accepts (not under the reserved admin/ or runtime/)', () => {
    const registered: Array<[string, { route?: string; methods?: string[]; authLevel?: string }]> = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const functions = require('@azure/functions') as typeof import('@azure/functions');
      jest.spyOn(functions.app, 'http').mockImplementation((name, options) => {
        registered.push([name, options]);
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../functions/importPeople');
    });
    expect(registered).toEqual([
      [
        'importPeople',
        expect.objectContaining({ route: 'api/manage/people', methods: ['POST'], authLevel: 'function' }),
      ],
    ]);
    // The host's own check (ScriptHost.ValidateHttpFunction): the trimmed, lower-cased route must
    // not start with "admin" or "runtime", whatever the route prefix.
    const route = registered[0]![1].route!.replace(/^\/+|\/+$/g, '').toLowerCase();
    expect(route.startsWith('admin')).toBe(false);
    expect(route.startsWith('runtime')).toBe(false);
  });
});
