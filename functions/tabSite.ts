import path from 'node:path';
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { loadConfig } from './config';
import type { TabSiteHandler } from './tab/site';

/**
 * The tab's built single-page app in the deployed folder: `tab/` beside main.js (scripts/build.ts).
 * This module is part of main.js, which the entry imports statically, and the bundle gives each
 * of its files its own `__dirname`: here, main.js's folder. Run from the sources, `functions/tab`
 * holds TypeScript and no index.html, and the site answers 404; the local server passes the folder
 * it built instead.
 */
export const DEPLOYED_TAB_FOLDER = path.join(__dirname, 'tab');

let handler: TabSiteHandler | undefined;

/**
 * GET /tab/ and /tab/<file>: functions/tab/site.ts, loaded on the first request, with the settings
 * the host checked as it loaded the app (functions/index.ts), read again: parsing has no effects.
 */
export async function tabSite(request: HttpRequest): Promise<HttpResponseInit> {
  if (!handler) {
    const { tabSiteHandler } = await import('./tab/site');
    handler = tabSiteHandler({ folder: DEPLOYED_TAB_FOLDER, config: loadConfig(process.env) });
  }
  return handler(request);
}

app.http('tabSite', {
  route: 'tab/{*path}',
  methods: ['GET', 'HEAD'],
  // Static files anyone may load; the API behind them checks every caller.
  authLevel: 'anonymous',
  handler: (request) => tabSite(request),
});
