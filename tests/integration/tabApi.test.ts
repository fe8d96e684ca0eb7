// The tab's API (functions/tab/apiHandler.ts) on the runtime the Functions host builds, against the
// local Cosmos DB server, with tokens signed by a local stand-in for Entra ID: the real token
// checks run. Assertions are on what the tab would receive and on what is stored.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createJobsRuntime, type JobsRuntime } from '../../functions/composition';
import { createJsonLogger, type LogEntry } from '../../functions/logging';
import { tabApiHandler, type TabApiHandler } from '../../functions/tab/apiHandler';
import { MAX_TAB_BODY_BYTES } from '../../functions/tab/http';
import { defaultTenantSettings } from '../../core/settings';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startLocalEntra, type LocalEntra } from '../support/localEntra';
import { personOf } from '../support/milestoneFixtures';

const CLIENT_ID = '6a1f0e3c-2b4d-4c5e-9f60-7a8b9c0d1e2f';
const T = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const ALEX = 'a0000000-0000-4000-8000-00000000000a'; // manages Megan
const MEGAN = 'b0000000-0000-4000-8000-00000000000b';
const ANN = 'c0000000-0000-4000-8000-00000000000c'; // an admin

let cosmos: TestCosmos;
let entra: LocalEntra;
let runtime: JobsRuntime;
let api: TabApiHandler;
const logLines: LogEntry[] = [];

beforeAll(async () => {
  cosmos = await startTestCosmos();
  entra = await startLocalEntra(CLIENT_ID);
  const config = loadConfig(localToolingEnv({ TAB_CLIENT_ID: CLIENT_ID, ENTRA_LOGIN_HOST: entra.loginHost }));
  runtime = await createJobsRuntime(config, {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: createJsonLogger({ level: 'debug', sink: (_level, entry) => logLines.push(entry) }),
  });
  await runtime.stores.settings.saveTenant({
    ...defaultTenantSettings(T, 'UTC'),
    adminIds: [ANN],
    sendHour: 9,
  });
  await runtime.stores.people.save(personOf(T, ALEX, { displayName: 'Alex Wilber' }));
  await runtime.stores.people.save(personOf(T, MEGAN, { displayName: 'Megan Bowen', managerId: ALEX }));
  await runtime.stores.people.save(personOf(T, ANN, { displayName: 'Ann Admin' }));
  api = tabApiHandler(runtime);
});
afterAll(async () => {
  await runtime?.close();
  await entra?.close();
  await cosmos?.close();
});

let invocations = 0;
async function call(
  handler: TabApiHandler,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const text = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const request = new HttpRequest({
    method,
    url: `http://127.0.0.1:3978/tab/api/${path}`,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(options.body !== undefined ? { body: { string: text } } : {}),
  });
  const context = new InvocationContext({ invocationId: `tab-${++invocations}`, functionName: 'tabApi' });
  const response: HttpResponseInit = await handler(request, context);
  return { status: response.status ?? 200, body: response.jsonBody as Record<string, unknown> };
}

const tokenOf = (oid: string, claims: Partial<Parameters<LocalEntra['tokenFor']>[0]> = {}) =>
  entra.tokenFor({ tid: T, oid, ...claims });

describe('the tab API with Entra tokens', () => {
  it('GET me: a valid token shows the person, their pages and the tenant values', async () => {
    const alex = await call(api, 'GET', 'me', { token: await tokenOf(ALEX) });
    expect(alex.status).toBe(200);
    expect(alex.body).toMatchObject({ name: 'Alex Wilber', pages: ['recognition', 'team', 'settings'] });
    expect((alex.body.values as unknown[]).length).toBeGreaterThan(0);

    const ann = await call(api, 'GET', 'me', { token: await tokenOf(ANN) });
    expect(ann.body).toMatchObject({ name: 'Ann Admin', pages: ['recognition', 'organisation', 'settings'] });
  });

  it('takes the tenant only from the token: the same person id in another tenant sees nothing of this one', async () => {
    const stranger = await call(api, 'GET', 'me', {
      token: await entra.tokenFor({ tid: OTHER_TENANT, oid: ALEX }),
    });
    expect(stranger.status).toBe(200);
    expect(stranger.body).toMatchObject({ name: '', pages: ['recognition', 'settings'] });
  });

  it.each([
    ['another tenant\u2019s keys', { keysOf: OTHER_TENANT }, 'token.unknownKey'],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 3600 }, 'token.expired'],
    ['for another app', { aud: '99999999-9999-4999-8999-999999999999' }, 'token.audience'],
    ['without the scope', { scp: 'User.Read' }, 'token.scope'],
    ['with a forged signature', { forged: true }, 'token.signature'],
    ['with an unknown key id', { kid: 'nobody-publishes-this' }, 'token.unknownKey'],
    ['from another issuer', { iss: `https://sts.windows.net/${T}/` }, 'token.issuer'],
    ['of version 1.0', { ver: '1.0' }, 'token.version'],
  ])('a token %s: 401 and nothing else in the body', async (_name, claims, code) => {
    const answer = await call(api, 'GET', 'me', { token: await tokenOf(ALEX, claims) });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: code, reference: expect.any(String) });
  });

  it('no token, a malformed one, a non-GUID tenant or an oversized header: 401, and no key set fetched for them', async () => {
    const before = entra.keyRequests.size;
    expect((await call(api, 'GET', 'me')).body.error).toBe('token.missing');
    expect((await call(api, 'GET', 'me', { token: 'not-a-token' })).body.error).toBe('token.malformed');
    const notGuid = await entra.tokenFor({ tid: '../../evil', oid: ALEX });
    expect((await call(api, 'GET', 'me', { token: notGuid })).body.error).toBe('token.tenant');
    const huge = await call(api, 'GET', 'me', { token: `${'a'.repeat(9000)}.b.c` });
    expect(huge).toMatchObject({ status: 401, body: { error: 'token.tooLarge' } });
    expect(entra.keyRequests.size).toBe(before);
  });
});

describe('settings/tenant', () => {
  it('refuses someone who is not an admin with 403', async () => {
    const answer = await call(api, 'GET', 'settings/tenant', { token: await tokenOf(ALEX) });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'notAllowed', reference: expect.any(String) });
    const post = await call(api, 'POST', 'settings/tenant', {
      token: await tokenOf(ALEX),
      body: { values: { sendHour: '7' } },
    });
    expect(post.status).toBe(403);
    expect((await runtime.stores.settings.tenant(T))?.sendHour).toBe(9);
  });

  it('a bad value: 400 with problem codes, nothing stored, nothing audited', async () => {
    const token = await tokenOf(ANN);
    const shown = await call(api, 'GET', 'settings/tenant', { token });
    const answer = await call(api, 'POST', 'settings/tenant', {
      token,
      body: { version: shown.body.version, values: { sendHour: '25', digestDay: 'Friday' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'settings.invalid',
      problems: [{ field: 'sendHour', code: 'range', given: '25', min: 0, max: 23 }],
    });
    const stored = await runtime.stores.settings.tenant(T);
    expect(stored).toMatchObject({ sendHour: 9, digestDay: 1 });
    expect(await runtime.stores.audit.all(T)).toEqual([]);
  });

  it('a good change: stored, audited as made in the tab, and a stale version is refused with what changed', async () => {
    const token = await tokenOf(ANN);
    const shown = await call(api, 'GET', 'settings/tenant', { token });
    expect(shown.body).toMatchObject({ fields: { sendHour: '9' }, audit: [] });
    const answer = await call(api, 'POST', 'settings/tenant', {
      token,
      body: { version: shown.body.version, values: { sendHour: 7 }, shown: shown.body.fields },
    });
    expect(answer).toMatchObject({ status: 200, body: { saved: 1, fields: { sendHour: '7' } } });
    expect((await runtime.stores.settings.tenant(T))?.sendHour).toBe(7);
    const [entry] = await runtime.stores.audit.all(T);
    expect(entry).toMatchObject({
      field: 'sendHour',
      from: 9,
      to: 7,
      by: { id: ANN, name: 'Ann Admin', via: 'tab' },
    });

    const stale = await call(api, 'POST', 'settings/tenant', {
      token,
      body: { version: shown.body.version, values: { sendHour: '8' }, shown: shown.body.fields },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'settings.changedMeanwhile',
      changedMeanwhile: [{ field: 'sendHour', value: 7 }],
    });
    expect((await runtime.stores.settings.tenant(T))?.sendHour).toBe(7);
  });
});

describe('my settings and data', () => {
  it('saves the caller\u2019s own settings, and refuses a bad one with codes', async () => {
    const token = await tokenOf(MEGAN);
    const bad = await call(api, 'POST', 'my/settings', {
      token,
      body: {
        birthdayMonth: '02',
        birthdayDay: '30',
        celebrateBirthday: 'public',
        celebrateAnniversary: 'off',
        timeZone: 'UTC',
      },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: 'mySettings.invalid', problems: [{ code: 'noSuchDay' }] },
    });
    expect((await runtime.stores.people.get(T, MEGAN))?.birthday).toBeUndefined();

    const good = await call(api, 'POST', 'my/settings', {
      token,
      body: {
        birthdayMonth: '03',
        birthdayDay: '14',
        celebrateBirthday: 'manager',
        celebrateAnniversary: 'off',
        timeZone: 'Europe/London',
      },
    });
    expect(good.status).toBe(200);
    expect(await runtime.stores.people.get(T, MEGAN)).toMatchObject({
      birthday: '03-14',
      timeZone: 'Europe/London',
      celebrate: { birthday: 'manager', anniversary: 'off' },
    });
    const data = await call(api, 'GET', 'my/data', { token });
    expect(data.body).toMatchObject({
      name: 'Megan Bowen',
      manager: 'Alex Wilber',
      birthday: '03-14',
      reportCount: 0,
    });
  });

  it('my/forget needs { confirm: true }; with it the caller is erased', async () => {
    await runtime.stores.people.save(
      personOf(T, 'd0000000-0000-4000-8000-00000000000d', { displayName: 'Dee' }),
    );
    const token = await tokenOf('d0000000-0000-4000-8000-00000000000d');
    for (const body of [{}, { confirm: 'yes' }, { confirm: false }]) {
      const refused = await call(api, 'POST', 'my/forget', { token, body });
      expect(refused).toMatchObject({ status: 400, body: { error: 'forget.notConfirmed' } });
    }
    expect(await runtime.stores.people.get(T, 'd0000000-0000-4000-8000-00000000000d')).toBeDefined();
    const erased = await call(api, 'POST', 'my/forget', { token, body: { confirm: true } });
    expect(erased).toMatchObject({ status: 200, body: { erased: { personRecord: true } } });
    expect(await runtime.stores.people.get(T, 'd0000000-0000-4000-8000-00000000000d')).toBeUndefined();
  });

  it('a body over 16 KB: 413 before it is read, nothing stored', async () => {
    const answer = await call(api, 'POST', 'my/settings', {
      token: await tokenOf(ALEX),
      body: { timeZone: 'x'.repeat(MAX_TAB_BODY_BYTES) },
    });
    expect(answer).toMatchObject({ status: 413, body: { error: 'tooLarge' } });
    expect((await runtime.stores.people.get(T, ALEX))?.timeZone).toBe('UTC');
  });
});

describe('the local preview', () => {
  it('names the caller with its header in the anonymous local mode, and lists the people to act as', async () => {
    const me = await call(api, 'GET', 'me', { headers: { 'x-moments-preview-as': `${T}/${ALEX}` } });
    expect(me.body).toMatchObject({ name: 'Alex Wilber', pages: ['recognition', 'team', 'settings'] });
    const people = await call(api, 'GET', 'preview/people');
    expect(people.body).toEqual(
      expect.arrayContaining([
        { tenantId: T, id: ALEX, name: 'Alex Wilber', manager: true, admin: false },
        { tenantId: T, id: ANN, name: 'Ann Admin', manager: false, admin: true },
      ]),
    );
  });

  it('ignores the header when the bot has an app id: 401, and no list of people (404)', async () => {
    const config = loadConfig({
      BOT_ID: '0d3a7c9e-1111-4222-8333-944455556666',
      BOT_PASSWORD: 'not-used',
      BOT_TENANT_ID: T,
      TAB_CLIENT_ID: CLIENT_ID,
      ENTRA_LOGIN_HOST: entra.loginHost,
    });
    const deployed = tabApiHandler({ ...runtime, config });
    const me = await call(deployed, 'GET', 'me', { headers: { 'x-moments-preview-as': `${T}/${ALEX}` } });
    expect(me).toEqual({ status: 401, body: { error: 'token.missing', reference: expect.any(String) } });
    const people = await call(deployed, 'GET', 'preview/people');
    expect(people.status).toBe(404);
    // Without TAB_CLIENT_ID the API says it is not set up.
    const bare = tabApiHandler({ ...runtime, config: { ...config, tab: { loginHost: entra.loginHost } } });
    expect((await call(bare, 'GET', 'me', { token: await tokenOf(ALEX) })).body.error).toBe(
      'tab.notConfigured',
    );
  });
});

describe('failures', () => {
  it('a 500 carries the reference of the error line it logged', async () => {
    const settings = Object.assign(Object.create(runtime.stores.settings) as typeof runtime.stores.settings, {
      tenant: async () => {
        throw new Error('the settings store is down');
      },
    });
    const broken = tabApiHandler({ ...runtime, stores: { ...runtime.stores, settings } });
    const answer = await call(broken, 'GET', 'me', { token: await tokenOf(ALEX) });
    expect(answer).toEqual({ status: 500, body: { error: 'internal', reference: expect.any(String) } });
    const line = logLines.find(
      (entry) => entry.level === 'error' && entry.correlationId === answer.body.reference,
    );
    expect(line).toMatchObject({
      message: 'tab api request failed',
      error: { message: 'the settings store is down' },
    });
  });

  it('an unknown route is 404 and a wrong method 405, each with a reference', async () => {
    const token = await tokenOf(ALEX);
    expect((await call(api, 'GET', 'nothing/here', { token })).status).toBe(404);
    expect(await call(api, 'POST', 'me', { token, body: {} })).toMatchObject({
      status: 405,
      body: { error: 'methodNotAllowed', reference: expect.any(String) },
    });
  });
});
