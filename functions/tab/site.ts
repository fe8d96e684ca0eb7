import { randomBytes } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Config } from '../config';
import { previewMode } from './preview';

/** A Functions HTTP handler. */
export type TabSiteHandler = (request: HttpRequest) => Promise<HttpResponseInit>;

/** Where Teams and the Microsoft 365 apps that host tabs frame them from. */
export const TEAMS_FRAME_ANCESTORS = [
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.teams.microsoft.us',
  '*.skype.com',
  '*.cloud.microsoft',
  '*.office.com',
  '*.office365.com',
  '*.microsoft365.com',
  'outlook.office.com',
  'outlook.office365.com',
  '*.outlook.com',
];

/**
 * Where TeamsJS (`@microsoft/teams-js` 2.x) fetches the list of hosts it trusts to frame a tab as
 * it loads (`validOriginsCdnEndpoint` in its src/internal/constants.ts:
 * `…/teams-js/validDomains/json/validDomains.json`), falling back to the list it carries when that
 * fails. Only that folder of the CDN.
 */
export const TEAMS_JS_CDN = 'https://res.cdn.office.net/teams-js/';

/**
 * The tab's Content-Security-Policy: its own scripts only, styles its own or carrying the
 * response's nonce (Fluent UI's runtime styles), framed only by Teams and Microsoft 365. It may
 * connect to its own API, to TeamsJS's list of trusted hosts ({@link TEAMS_JS_CDN}) and to Entra
 * ID's sign-in host (`loginHost`, `ENTRA_LOGIN_HOST`): where Nested App Authentication is not
 * available MSAL falls back to its standard client, which reads the authority's metadata and
 * redeems tokens there with fetch and renews them silently in a hidden frame of that host.
 */
export function contentSecurityPolicy(nonce: string, loginHost: string): string {
  const login = new URL(loginHost).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${login} ${TEAMS_JS_CDN}`,
    `frame-src ${login}`,
    `frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** esbuild's content hash in a file name (`main-5XK2QZ7M.js`): the file never changes. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NONCE_META = /<meta\s+name="csp-nonce"\s+content="[^"]*"\s*\/?>/i;

/** Headers every answer of the tab's site carries. */
function securityHeaders(nonce: string, loginHost: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, loginHost),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** `index.html` with `nonce` in its `csp-nonce` meta (added at the top of head when it has none). */
export function withNonce(html: string, nonce: string): string {
  const meta = `<meta name="csp-nonce" content="${nonce}">`;
  if (NONCE_META.test(html)) return html.replace(NONCE_META, meta);
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${meta}`);
}

/** The file under `folder` a URL path below /tab/ names, or undefined when it would leave it. */
async function fileIn(folder: string, relative: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const root = path.resolve(folder);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return undefined;
  try {
    // Links are followed only where they stay inside the folder.
    const real = await realpath(file);
    const realRoot = await realpath(root);
    return real.startsWith(realRoot + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the tab's single-page app from `folder` (the built `tab/` beside main.js): `/tab/` is
 * index.html with a fresh CSP nonce, `no-cache`; hashed files under assets/ are cached for a year;
 * `/tab/config.json` tells the page how to sign in. Anything outside the folder, or of a type
 * not listed, is 404.
 */
export function tabSiteHandler(options: {
  folder: string;
  config: Pick<Config, 'tab' | 'bot' | 'local'>;
}): TabSiteHandler {
  const { folder, config } = options;
  return async (request) => {
    const nonce = randomBytes(16).toString('base64');
    const headers = securityHeaders(nonce, config.tab.loginHost);
    const notFound: HttpResponseInit = {
      status: 404,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Not found',
    };
    const { pathname } = new URL(request.url);
    if (pathname === '/tab') return { status: 301, headers: { ...headers, Location: '/tab/' } };
    if (!pathname.startsWith('/tab/')) return notFound;
    const relative = pathname.slice('/tab/'.length);

    if (relative === 'config.json') {
      const json = { ...headers, 'Content-Type': CONTENT_TYPES['.json']!, 'Cache-Control': 'no-store' };
      if (config.tab.clientId) {
        // The authority the page signs in at: the same host the API reads the signing keys from.
        const authority = `${config.tab.loginHost.replace(/\/+$/, '')}/common`;
        return {
          status: 200,
          headers: json,
          jsonBody: { mode: 'entra', clientId: config.tab.clientId, authority },
        };
      }
      if (previewMode(config)) return { status: 200, headers: json, jsonBody: { mode: 'preview' } };
      return { status: 503, headers: json, jsonBody: { error: 'tab.notConfigured' } };
    }

    if (relative === '' || relative === 'index.html') {
      const file = await fileIn(folder, 'index.html');
      if (!file) return notFound;
      const html = withNonce(await readFile(file, 'utf8'), nonce);
      return {
        status: 200,
        headers: { ...headers, 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': NO_CACHE },
        body: html,
      };
    }

    const type = CONTENT_TYPES[path.extname(relative).toLowerCase()];
    const file = type ? await fileIn(folder, relative) : undefined;
    if (!type || !file) return notFound;
    const immutable = relative.startsWith('assets/') && HASHED.test(relative);
    return {
      status: 200,
      headers: { ...headers, 'Content-Type': type, 'Cache-Control': immutable ? IMMUTABLE : NO_CACHE },
      body: await readFile(file),
    };
  };
}
