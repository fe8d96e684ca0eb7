// The tab's static site (functions/tab/site.ts), as the tabSite trigger serves it: index.html with
// a fresh CSP nonce, caching by kind of file, content types, and nothing outside the built folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { tabSiteHandler, type TabSiteHandler } from '../../functions/tab/site';
import { DEPLOYED_TAB_FOLDER } from '../../functions/tabSite';

const CLIENT_ID = '6a1f0e3c-2b4d-4c5e-9f60-7a8b9c0d1e2f';
const ENTRA_APP = { BOT_ID: 'id', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' };
const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="csp-nonce" content="">
<link rel="stylesheet" href="assets/main-7QK2M4ZD.css"></head>
<body><div id="root"></div><script type="module" src="assets/main-X5B3LQ2N.js"></script></body></html>`;

let root: string;
let folder: string;
let site: TabSiteHandler;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tab-site-'));
  folder = path.join(root, 'tab');
  mkdirSync(path.join(folder, 'assets'), { recursive: true });
  writeFileSync(path.join(folder, 'index.html'), INDEX);
  writeFileSync(path.join(folder, 'assets', 'main-X5B3LQ2N.js'), 'console.log("moments")');
  writeFileSync(path.join(folder, 'assets', 'main-7QK2M4ZD.css'), 'body{margin:0}');
  writeFileSync(path.join(folder, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(folder, 'assets', 'main-component.js'), 'export {}');
  writeFileSync(path.join(folder, 'assets', 'font-A1B2C3D4.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(folder, '.env'), 'SECRET=1');
  writeFileSync(path.join(folder, 'notes.ts'), 'export {}');
  // Beside the folder, as main.js and host.json are in the deployed layout.
  writeFileSync(path.join(root, 'host.json'), '{"secret": true}');
  symlinkSync(path.join(root, 'host.json'), path.join(folder, 'assets', 'linked.json'));
  site = tabSiteHandler({
    folder,
    config: loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't', TAB_CLIENT_ID: CLIENT_ID }),
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (handler: TabSiteHandler, pathAndQuery: string): Promise<HttpResponseInit> =>
  handler(new HttpRequest({ method: 'GET', url: `https://moments.example${pathAndQuery}` }));

const header = (response: HttpResponseInit, name: string): string | null =>
  new Headers(response.headers as Record<string, string>).get(name);

/** The CSP's directives by name, each with its sources. */
const directivesOf = (response: HttpResponseInit): Record<string, string[]> =>
  Object.fromEntries(
    header(response, 'content-security-policy')!
      .split('; ')
      .map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]),
  );

/** Whether a CSP source expression of scheme, host and path (ending in `/`: a folder) admits `url`. */
const admits = (source: string, url: string): boolean => {
  const allowed = new URL(source);
  const wanted = new URL(url);
  if (allowed.origin !== wanted.origin) return false;
  return allowed.pathname.endsWith('/')
    ? wanted.pathname.startsWith(allowed.pathname)
    : wanted.pathname === allowed.pathname;
};

const text = (response: HttpResponseInit): string =>
  typeof response.body === 'string'
    ? response.body
    : Buffer.from(response.body as Uint8Array).toString('utf8');

describe('GET /tab/', () => {
  it('serves index.html with a fresh nonce in its meta and in the CSP, different on every response', async () => {
    const nonces: string[] = [];
    for (const url of ['/tab/', '/tab/', '/tab/index.html']) {
      const response = await get(site, url);
      expect(response.status).toBe(200);
      expect(header(response, 'content-type')).toBe('text/html; charset=utf-8');
      const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(text(response))?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const csp = header(response, 'content-security-policy')!;
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('sends the strict policy: own scripts only, framed by Teams and Microsoft 365 only', async () => {
    const response = await get(site, '/tab/');
    const directives = directivesOf(response);
    expect(directives).toMatchObject({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'", 'https://login.microsoftonline.com', 'https://res.cdn.office.net/teams-js/'],
      'frame-src': ['https://login.microsoftonline.com'],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'object-src': ["'none'"],
    });
    expect(directives['frame-ancestors']).toEqual(
      expect.arrayContaining([
        'teams.microsoft.com',
        '*.teams.microsoft.com',
        '*.cloud.microsoft',
        '*.office.com',
      ]),
    );
    expect(header(response, 'x-content-type-options')).toBe('nosniff');
    expect(header(response, 'referrer-policy')).toBe('no-referrer');
    expect(header(response, 'cache-control')).toBe('no-cache');
  });

  it('lets TeamsJS fetch its list of trusted hosts from the CDN, and nothing else there', async () => {
    // The URL the installed TeamsJS fetches as it loads (its bundle carries it once).
    const bundle = readFileSync(require.resolve('@microsoft/teams-js'), 'utf8');
    const fetched = [...new Set(bundle.match(/https:\/\/res\.cdn\.office\.net\/[^"'`\s]*/g))];
    expect(fetched).toEqual(['https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json']);
    const connect = directivesOf(await get(site, '/tab/'))['connect-src']!.filter((source) =>
      source.startsWith('https:'),
    );
    expect(connect.some((source) => admits(source, fetched[0]!))).toBe(true);
    expect(connect.some((source) => admits(source, 'https://res.cdn.office.net/other/app.js'))).toBe(false);
  });

  it('names the configured Entra sign-in host for MSAL, on every answer of the site', async () => {
    const local = tabSiteHandler({
      folder,
      config: loadConfig({
        ...ENTRA_APP,
        TAB_CLIENT_ID: CLIENT_ID,
        ENTRA_LOGIN_HOST: 'http://127.0.0.1:4010/',
      }),
    });
    for (const url of ['/tab/', '/tab/assets/main-X5B3LQ2N.js', '/tab/missing.js']) {
      const directives = directivesOf(await get(local, url));
      expect(directives['connect-src']).toEqual([
        "'self'",
        'http://127.0.0.1:4010',
        'https://res.cdn.office.net/teams-js/',
      ]);
      expect(directives['frame-src']).toEqual(['http://127.0.0.1:4010']);
    }
  });

  it('sends /tab to /tab/, where the page\u2019s relative asset paths resolve', async () => {
    const response = await get(site, '/tab');
    expect(response.status).toBe(301);
    expect(header(response, 'location')).toBe('/tab/');
  });
});

describe('files', () => {
  it.each([
    ['/tab/assets/main-X5B3LQ2N.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/tab/assets/main-7QK2M4ZD.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/tab/assets/font-A1B2C3D4.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
    ['/tab/assets/logo.svg', 'image/svg+xml', 'no-cache'],
    ['/tab/assets/main-component.js', 'text/javascript; charset=utf-8', 'no-cache'],
  ])('%s: %s, %s', async (url, type, caching) => {
    const response = await get(site, url);
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toBe(type);
    expect(header(response, 'cache-control')).toBe(caching);
    expect(header(response, 'x-content-type-options')).toBe('nosniff');
  });

  it('serves the bytes of the file', async () => {
    expect(text(await get(site, '/tab/assets/main-X5B3LQ2N.js'))).toBe('console.log("moments")');
  });

  it.each([
    '/tab/../host.json',
    '/tab/%2e%2e/host.json',
    '/tab/..%2fhost.json',
    '/tab/assets/..%2f..%2fhost.json',
    '/tab/assets/%2e%2e%2f%2e%2e%2fhost.json',
    '/tab/..%5chost.json',
    '/tab/assets/linked.json',
    '/tab/.env',
    '/tab/notes.ts',
    '/tab/assets/missing-ABCDEFGH.js',
    '/tab/assets/main-X5B3LQ2N.js%00.css',
    '/tab/%E0%A4%A',
    '/elsewhere/index.html',
  ])('%s: 404, nothing from outside the folder', async (url) => {
    const response = await get(site, url);
    expect(response.status).toBe(404);
    expect(text(response)).not.toContain('secret');
  });

  it('run from the sources, the deployed folder is functions/tab: its TypeScript is never served', async () => {
    const sources = tabSiteHandler({ folder: DEPLOYED_TAB_FOLDER, config: loadConfig(localToolingEnv({})) });
    expect((await get(sources, '/tab/tokens.ts')).status).toBe(404);
    expect((await get(sources, '/tab/')).status).toBe(404);
  });
});

describe('GET /tab/config.json', () => {
  it('names the Entra app when TAB_CLIENT_ID is set, and the authority on the host the API reads keys from', async () => {
    const response = await get(site, '/tab/config.json');
    expect(response).toMatchObject({
      status: 200,
      jsonBody: { mode: 'entra', clientId: CLIENT_ID, authority: 'https://login.microsoftonline.com/common' },
    });
    expect(header(response, 'cache-control')).toBe('no-store');
  });

  it('is the preview in the anonymous local mode, and 503 with neither', async () => {
    const local = tabSiteHandler({ folder, config: loadConfig(localToolingEnv({})) });
    expect(await get(local, '/tab/config.json')).toMatchObject({
      status: 200,
      jsonBody: { mode: 'preview' },
    });
    const bare = tabSiteHandler({
      folder,
      config: loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' }),
    });
    expect(await get(bare, '/tab/config.json')).toMatchObject({
      status: 503,
      jsonBody: { error: 'tab.notConfigured' },
    });
  });
});
