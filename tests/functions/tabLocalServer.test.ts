// The local server (`npm start`) serves the tab through the same handlers as the tabSite and
// tabApi triggers: the page from the folder it was given, the API with its body bounded.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { startBotServer, type BotServer } from '../../functions/dev/local/botServer';
import { MAX_TAB_BODY_BYTES } from '../../functions/tab/http';
import { tabSiteHandler } from '../../functions/tab/site';
import { silentLogger } from '../../core/shared';

let folder: string;
let server: BotServer;
const apiCalls: Array<{ method: string; url: string; body: string; preview: string | null }> = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'tab-local-'));
  mkdirSync(path.join(folder, 'assets'));
  writeFileSync(
    path.join(folder, 'index.html'),
    '<html><head><meta name="csp-nonce" content=""></head></html>',
  );
  writeFileSync(path.join(folder, 'assets', 'main-X5B3LQ2N.js'), 'console.log(1)');
  server = await startBotServer({
    handler: async () => ({ status: 200 }),
    logger: silentLogger,
    host: '127.0.0.1',
    port: 0,
    anonymous: true,
    tab: {
      site: tabSiteHandler({ folder, config: loadConfig(localToolingEnv({})) }),
      api: async (request) => {
        apiCalls.push({
          method: request.method,
          url: request.url,
          body: await request.text(),
          preview: request.headers.get('x-moments-preview-as'),
        });
        return { status: 200, jsonBody: { ok: true }, headers: { 'Cache-Control': 'no-store' } };
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the local server with the tab', () => {
  it('prints the tab\u2019s address and serves its page with a nonce and the policy', async () => {
    expect(server.tabUrl).toBe(`http://127.0.0.1:${server.port}/tab/`);
    const page = await fetch(server.tabUrl!);
    expect(page.status).toBe(200);
    const nonce = /content="([^"]+)"/.exec(await page.text())?.[1];
    expect(page.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    const script = await fetch(`${server.tabUrl}assets/main-X5B3LQ2N.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await fetch(`${server.tabUrl}config.json`).then((r) => r.json())) as unknown).toEqual({
      mode: 'preview',
    });
  });

  it('hands /tab/api/* to the API handler with its headers and body', async () => {
    const answer = await fetch(`${server.tabUrl}api/my/settings?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-moments-preview-as': 't/p' },
      body: '{"timeZone":"UTC"}',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(apiCalls.at(-1)).toEqual({
      method: 'POST',
      url: `http://127.0.0.1:${server.port}/tab/api/my/settings?x=1`,
      body: '{"timeZone":"UTC"}',
      preview: 't/p',
    });
  });

  it('refuses a body over 16 KB for the API before reading it all', async () => {
    const calls = apiCalls.length;
    const answer = await fetch(`${server.tabUrl}api/my/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_TAB_BODY_BYTES + 1),
    });
    expect(answer.status).toBe(413);
    expect(apiCalls.length).toBe(calls);
  });

  it('still answers the bot on /api/messages and 404 elsewhere', async () => {
    expect((await fetch(server.url, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/elsewhere`)).status).toBe(404);
  });
});
