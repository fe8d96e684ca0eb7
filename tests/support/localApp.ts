/**
 * The local app as `npm start` runs it (`startLocalApp`: local Cosmos DB + snapshot, demo seed, the bot
 * on the Functions `messages` handler, optionally the Agents Playground), on free loopback ports and a
 * temp data directory, for end-to-end tests; plus a tiny fake Bot Connector for replies when there is
 * no Playground.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalApp, type LocalApp } from '../../functions/dev/local/localApp';
import { connectPlayground, type PlaygroundClient } from './playground';
import { freePort } from './ports';

/** Repository root (this file is tests/support/localApp.ts). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** One JSON line the app's logger wrote (`{ time, level, message, app: 'moments', … }`). */
export interface AppLogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/** Options for {@link startTestApp}. */
export interface TestAppOptions {
  /** Start the Agents Playground and attach a client to it. Default: false. */
  playground?: boolean;
  /** Local data directory; default: a new temp dir, removed by `stop()`. A given one is kept. */
  dataDir?: string;
  /** Start from empty local data. Default: true. */
  reset?: boolean;
  /** Run the timer handlers. Default: false (the tests here do not need them). */
  scheduler?: boolean;
  /** Build and serve the tab at `app.tabUrl` (its preview mode). Default: false. */
  tab?: boolean;
  /** Extra environment (on top of PORT, PLAYGROUND_PORT, LOCAL_DATA_DIR and LOG_LEVEL=debug). */
  env?: Record<string, string | undefined>;
}

/** A running local app for a test. */
export interface TestApp {
  app: LocalApp;
  /** Set when started with `playground: true`; attached before `startTestApp` resolves. */
  playground?: PlaygroundClient;
  dataDir: string;
  /** The app's log lines since it started (captured, not printed; SHOW_APP_LOGS=1 prints them too). */
  logs(): AppLogLine[];
  /** Closes the client, stops the app (everything it started) and removes a temp data dir. Idempotent. */
  stop(): Promise<void>;
}

const captured: AppLogLine[] = [];
let capturing = false;

/**
 * Routes the app's JSON log lines (console.log / console.error, see functions/logging.ts) into
 * `captured` instead of the test output; anything else still prints.
 */
function captureAppLogs(): void {
  if (capturing) return;
  capturing = true;
  const show = process.env.SHOW_APP_LOGS === '1';
  for (const method of ['log', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const line = args.length === 1 && typeof args[0] === 'string' ? parseAppLine(args[0]) : undefined;
      if (line) captured.push(line);
      if (!line || show) original(...args);
    };
  }
}

function parseAppLine(text: string): AppLogLine | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return value.app === 'moments' && typeof value.message === 'string' ? (value as AppLogLine) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the local app the way `npm start` does, on free ports on 127.0.0.1 and its own data dir.
 * With `playground: true` the Playground runs too and a client is attached to `app.playgroundUrl`.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  captureAppLogs();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'moments-local-'));
  const from = captured.length;
  const removeDir = () => {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let app: LocalApp;
  try {
    app = await startLocalApp({
      projectRoot: PROJECT_ROOT,
      env: {
        LOG_LEVEL: 'debug',
        PORT: String(await freePort()),
        PLAYGROUND_PORT: String(await freePort()),
        LOCAL_DATA_DIR: dataDir,
        ...options.env,
      },
      playground: options.playground ?? false,
      scheduler: options.scheduler ?? false,
      reset: options.reset ?? true,
      tab: options.tab ?? false,
    });
  } catch (error) {
    removeDir();
    throw error;
  }
  let playground: PlaygroundClient | undefined;
  if (app.playgroundUrl) {
    try {
      playground = await connectPlayground(app.playgroundUrl);
    } catch (error) {
      await app.stop();
      removeDir();
      throw error;
    }
  }
  let stopped: Promise<void> | undefined;
  return {
    app,
    playground,
    dataDir,
    logs: () => captured.slice(from),
    stop() {
      stopped ??= (async () => {
        try {
          await playground?.stop();
          await app.stop();
        } finally {
          removeDir();
        }
      })();
      return stopped;
    },
  };
}

/** An activity the fake connector received from the bot. */
export interface ConnectorCall {
  method: string;
  /** e.g. `/v3/conversations/<id>/activities/<replyToId>` (decoded). */
  path: string;
  activity: { type?: string; text?: string; attachments?: unknown[]; [key: string]: unknown };
}

/** A stand-in for the Bot Connector service: accepts every activity the bot sends and records it. */
export interface FakeConnector {
  /** Use as an activity's `serviceUrl`, e.g. `http://127.0.0.1:40123/`. */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Resolves with the first call (already made or coming) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

/** Starts a {@link FakeConnector} on 127.0.0.1: POSTs answer 200 `{ id }`, anything else 404. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v3/conversations/')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      let activity: ConnectorCall['activity'] = {};
      try {
        activity = JSON.parse(body) as ConnectorCall['activity'];
      } catch {
        // recorded with an empty activity
      }
      calls.push({ method: req.method, path: decodeURIComponent(req.url), activity });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `fake-${calls.length}` }));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = calls.map((c) => `  ${c.method} ${c.path} ${JSON.stringify(c.activity.text ?? '')}`);
          throw new Error(
            `fake connector: no matching call within ${timeoutMs} ms; it got:\n${seen.join('\n') || '  (none)'}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The demo tenant (.m365agentsplayground.yml and functions/dev/local/demoOrg.ts). */
export const TENANT_ID = '5f3e2a1b-0c4d-4e6f-8a9b-1c2d3e4f5a6b';
/** Alex Wilber, the Playground's current user. */
export const ALEX_AAD_ID = '00000000-0000-4000-8000-000000000001';

/**
 * A personal-chat message from Alex as Teams would post it, replies going to `serviceUrl`.
 */
export function personalMessage(serviceUrl: string, text: string, id = `act-${Date.now()}`) {
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:alexw', name: 'Alex Wilber', aadObjectId: ALEX_AAD_ID },
    recipient: { id: '28:00000000-0000-4000-8000-0000000000b0', name: 'Moments' },
    conversation: { id: 'a:moments-personal-alexw', conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    text,
    textFormat: 'plain',
    locale: 'en-US',
  };
}

/** POSTs `activity` as JSON to the bot endpoint `botUrl`; resolves with the status and body text. */
export async function postActivity(
  botUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const res = await fetch(botUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}
