// The tab's API (functions/tab/apiHandler.ts) as a Teams client's browser meets it, on routes of
// its own: HEAD answers as GET without the body, OPTIONS lists a path's methods without any CORS
// header (the tab calls its own origin), a 405 says what is allowed, and no answer may be cached.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { silentLogger } from '../../core/shared';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { tabApiHandler } from '../../functions/tab/apiHandler';
import { jsonAnswer } from '../../functions/tab/http';
import { exportFileName } from '../../functions/tab/pageRoutes';
import { PREVIEW_HEADER } from '../../functions/tab/preview';
import type { TabRoute } from '../../functions/tab/router';
import type { TabRuntime } from '../../functions/tab/tabRuntime';

const AS_MEGAN = 'tenant-1/megan';
const handled: string[] = [];

const routes: TabRoute[] = [
  {
    method: 'GET',
    path: 'recognition',
    async handle({ caller }) {
      handled.push(`GET recognition as ${caller.personId}`);
      return jsonAnswer(200, { items: [{ giver: 'Alex Wilber', text: 'Thank you' }] });
    },
  },
  {
    method: 'GET',
    path: 'my/settings',
    handle: async () => jsonAnswer(200, { language: 'en' }),
  },
  {
    method: 'POST',
    path: 'my/settings',
    handle: async () => jsonAnswer(200, { saved: 1 }),
  },
  {
    // A route that forgets to say how its answer may be cached.
    method: 'GET',
    path: 'my/data',
    handle: async () => ({ status: 200, jsonBody: { person: { name: 'Megan Bowen' } } }),
  },
  {
    method: 'POST',
    path: 'my/forget',
    async handle() {
      handled.push('POST my/forget');
      return jsonAnswer(200, { erased: {} });
    },
  },
];

// The local preview: the caller comes from the preview header, and no route here reads a store.
const runtime = {
  config: loadConfig(localToolingEnv({})),
  logger: silentLogger,
  now: () => new Date('2026-12-07T10:00:00Z'),
} as unknown as TabRuntime;
const api = tabApiHandler(runtime, routes);

function call(method: string, path: string, as: string | null = AS_MEGAN): Promise<HttpResponseInit> {
  const request = new HttpRequest({
    method,
    url: `https://moments.example/tab/api/${path}`,
    headers: as ? { [PREVIEW_HEADER]: as, origin: 'https://evil.example' } : {},
  });
  return api(request, new InvocationContext({ invocationId: 'tab-methods', functionName: 'tabApi' }));
}

const headersOf = (response: HttpResponseInit) => new Headers(response.headers as Record<string, string>);
const corsHeaders = (response: HttpResponseInit) =>
  [...headersOf(response).keys()].filter((name) => name.startsWith('access-control-'));

beforeEach(() => handled.splice(0));

describe('HEAD', () => {
  it("answers as GET does, for the same caller, with GET's status and headers and no body", async () => {
    const get = await call('GET', 'recognition');
    const head = await call('HEAD', 'recognition');
    expect(head.status).toBe(200);
    expect(head.jsonBody).toBeUndefined();
    expect(head.body).toBeUndefined();
    expect(headersOf(head).get('cache-control')).toBe('no-store');
    expect(headersOf(head)).toEqual(headersOf(get));
    expect(handled).toEqual(['GET recognition as megan', 'GET recognition as megan']);
  });

  it('checks the caller as GET does: 401 without one, and still no body', async () => {
    const head = await call('HEAD', 'recognition', null);
    expect(head.status).toBe(401);
    expect(head.jsonBody).toBeUndefined();
    expect(handled).toEqual([]);
  });

  it('is refused where there is no GET: 405, nothing done', async () => {
    const head = await call('HEAD', 'my/forget');
    expect(head.status).toBe(405);
    expect(headersOf(head).get('allow')).toBe('POST, OPTIONS');
    expect(handled).toEqual([]);
  });
});

describe('OPTIONS', () => {
  it.each([
    ['recognition', 'GET, HEAD, OPTIONS'],
    ['my/settings', 'GET, HEAD, POST, OPTIONS'],
    ['my/forget', 'POST, OPTIONS'],
  ])("%s: 204 with the path's methods, no CORS headers, no body, nothing done", async (path, allow) => {
    const answer = await call('OPTIONS', path, null);
    expect(answer.status).toBe(204);
    expect(headersOf(answer).get('allow')).toBe(allow);
    expect(corsHeaders(answer)).toEqual([]);
    expect(answer.jsonBody).toBeUndefined();
    expect(handled).toEqual([]);
  });

  it('an unknown path: 404', async () => {
    expect((await call('OPTIONS', 'nowhere')).status).toBe(404);
  });
});

describe('every answer', () => {
  it.each([
    ['GET', 'recognition', AS_MEGAN, 200],
    ['GET', 'recognition', null, 401],
    ['GET', 'recognition', 'not a caller', 401],
    ['DELETE', 'recognition', AS_MEGAN, 405],
    ['GET', 'nowhere', AS_MEGAN, 404],
    ['POST', 'my/forget', AS_MEGAN, 200],
    ['GET', 'my/data', AS_MEGAN, 200],
    ['OPTIONS', 'my/data', null, 204],
  ])(
    '%s %s (%s): %i, Cache-Control: no-store, nosniff, no CORS headers',
    async (method, path, as, status) => {
      const answer = await call(method, path, as);
      expect(answer.status).toBe(status);
      expect(headersOf(answer).get('cache-control')).toBe('no-store');
      expect(headersOf(answer).get('x-content-type-options')).toBe('nosniff');
      expect(corsHeaders(answer)).toEqual([]);
    },
  );

  it('a wrong method: 405 naming the allowed ones, with the error code and reference', async () => {
    const answer = await call('PUT', 'my/settings');
    expect(answer).toMatchObject({
      status: 405,
      jsonBody: { error: 'methodNotAllowed', reference: expect.any(String) },
    });
    expect(headersOf(answer).get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });
});

describe('the export file name', () => {
  it('names the date range', () => {
    expect(exportFileName({ from: '2026-11-01', to: '2026-11-30' })).toBe(
      'moments-recognitions-2026-11-01-2026-11-30.csv',
    );
  });

  it('keeps only digits and dashes of the dates, whatever reached it', () => {
    const name = exportFileName({ from: '2026-11-01"\r\nSet-Cookie: a=b', to: '../../2026-11-30' });
    expect(name).toMatch(/^moments-recognitions-[0-9-]+\.csv$/);
  });
});
