/**
 * The tab's API and page as a Teams client's browser meets them, over HTTP on the app as
 * `npm start` runs it (the tab built and served in its local preview, the demo organisation, whose
 * admin Alex Wilber also manages four people): every answer about a person is `no-store`, none
 * carries CORS headers, HEAD and OPTIONS answer sensibly, the export is a dated attachment, and the
 * page's policy lets TeamsJS and MSAL reach what they need.
 */
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';

jest.setTimeout(60_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ tab: true });
}, 180_000);
afterAll(async () => app?.stop());

const AS_ALEX = { 'X-Moments-Preview-As': `${DEMO_TENANT_ID}/${DEMO_IDS.alex}` };

function request(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown } = {},
) {
  return fetch(new URL(path, app.app.tabUrl), {
    method,
    headers: {
      ...AS_ALEX,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

const today = new Date().toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

describe('the API, as Alex Wilber (an admin and a manager)', () => {
  it.each([
    'me',
    'recognition?period=90d',
    'team',
    'organisation',
    `organisation/export?from=${monthAgo}&to=${today}`,
    'settings/tenant',
    'my/settings',
    'my/data',
    'preview/people',
  ])('GET %s: 200, Cache-Control: no-store, nosniff, no CORS headers', async (path) => {
    const response = await request('GET', `api/${path}`, { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(corsHeaders(response)).toEqual([]);
  });

  it.each([
    ['GET', 'api/me', { headers: { 'X-Moments-Preview-As': '' } }, 401],
    ['GET', 'api/team', { headers: { 'X-Moments-Preview-As': `${DEMO_TENANT_ID}/${DEMO_IDS.isaiah}` } }, 403],
    ['GET', 'api/organisation/export?from=nonsense', {}, 400],
    ['POST', 'api/my/forget', { body: { confirm: false } }, 400],
    ['POST', 'api/my/settings', { body: { nonsense: true } }, 400],
    ['DELETE', 'api/my/data', {}, 405],
  ] as const)('%s %s %j: refused with %i, still no-store', async (method, path, init, status) => {
    const response = await request(method, path, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: expect.any(String), reference: expect.any(String) });
  });

  it('HEAD answers as GET, without the body', async () => {
    const response = await request('HEAD', 'api/me');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
  });

  it('OPTIONS lists the methods, without CORS headers; a 405 names them too', async () => {
    const options = await request('OPTIONS', 'api/my/settings', {
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(corsHeaders(options)).toEqual([]);
    expect((await request('PUT', 'api/my/settings', { body: {} })).headers.get('allow')).toBe(
      'GET, HEAD, POST, OPTIONS',
    );
  });

  it('the export is a CSV attachment named for its date range', async () => {
    const response = await request('GET', `api/organisation/export?from=${monthAgo}&to=${today}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="moments-recognitions-${monthAgo}-${today}.csv"`,
    );
  });
});

describe('the page', () => {
  it("lets TeamsJS fetch its trusted hosts and MSAL reach Entra ID's sign-in host, nothing else outside", async () => {
    const response = await fetch(app.app.tabUrl!);
    const directives = Object.fromEntries(
      response.headers
        .get('content-security-policy')!
        .split('; ')
        .map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(directives['connect-src']).toEqual([
      "'self'",
      'https://login.microsoftonline.com',
      'https://res.cdn.office.net/teams-js/',
    ]);
    expect(directives['frame-src']).toEqual(['https://login.microsoftonline.com']);
    expect(directives['script-src']).toEqual(["'self'"]);
  });
});
