/**
 * The server under test, in a child process of its own so that the load generator (and the fake
 * connector) in the parent do not share its event loop: `fork()` this file, then drive it over IPC
 * with {@link TargetCommand}s (bench/lib/targetClient.ts does). One target per process:
 *
 * - `moments`: the app as `npm start` runs it (`startLocalApp`: local snapshot, demo seed, the
 *   Functions `messages` handler on node http), without the Playground and the scheduler, from empty
 *   data (reset) in a temp LOCAL_DATA_DIR, on 127.0.0.1; the local Cosmos DB server runs in a process
 *   of its own, as an account is a service of its own in Azure (npm start keeps it in process), and
 *   its CPU time is reported beside the app's;
 * - `echo`: the baseline, the bare botbuilder echo bot (bench/lib/echoBot.ts);
 * - `tab`: the tab's API and page (functions/tab/apiHandler.ts, site.ts) on the local server as
 *   `npm start` serves them, on the runtime the Functions host builds, against a local Cosmos DB
 *   server the parent started (and seeded) in a process of its own; no bot.
 *
 * Server-side time of every POST /api/messages and GET /tab/api/* is recorded through node's `http.server.*`
 * diagnostics channels, without touching the app: from the request's headers being parsed to the
 * response being finished. It excludes the time a request waited in its socket before the server's
 * event loop read it, so when the server is saturated it is less than the client-side latency.
 */
import '../../functions/dev/local/quietTestMode';
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Person } from '../../core/people';
import { DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startLocalApp, type LocalApp } from '../../functions/dev/local/localApp';
import { LocalSnapshot } from '../../functions/dev/local/localSnapshot';
import { startEchoBot, type EchoBot } from './echoBot';

/** What the parent asks of the target. */
export type TargetCommand =
  | { cmd: 'start'; kind: 'moments' | 'echo'; dataDir: string }
  | { cmd: 'start'; kind: 'tab'; dataDir: string; tab: TabTargetOptions }
  /** Moments only: puts `people` in the demo tenant's directory and sets its daily kudos limit. */
  | { cmd: 'prepareKudos'; people: Person[]; dailyKudosLimit: number }
  /** Moments only: how many recognitions the demo tenant has. */
  | { cmd: 'countRecognitions' }
  /**
   * Since the last call: server-side durations (ms) of the POSTs, how many local snapshot saves ran,
   * the CPU time (ms, user + system) this process used and, when the local Cosmos DB server runs in
   * a process of its own, the CPU time that process used.
   */
  | { cmd: 'takeServerTimes' }
  | { cmd: 'stop' };

/** What the `tab` target serves, and from where. */
export interface TabTargetOptions {
  cosmosEndpoint: string;
  /** The local Cosmos server's process, for its CPU time. */
  cosmosPid?: number;
  database: string;
  /** Settings on top of the local tooling's (e.g. TAB_CLIENT_ID, ENTRA_LOGIN_HOST). */
  env: Record<string, string>;
  /** The built page (index.html, assets/); a folder without it serves 404s. */
  siteFolder: string;
}

/** A command with the id its answer repeats. */
export type TargetRequest = TargetCommand & { id: number };
/** The answer to a command. */
export type TargetReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

let app: LocalApp | undefined;
let echo: EchoBot | undefined;
let tab: { stop(): Promise<void> } | undefined;
let cosmosPid: number | undefined;
let serverTimes: number[] = [];
let snapshotSaves = 0;
let cpuSince = process.cpuUsage();
let cosmosCpuSince = 0;

/** CPU time (ms) the local Cosmos server's own process has used, from Linux's /proc; 0 without one. */
function cosmosCpuMs(): number {
  const pid = app?.cosmosPid ?? cosmosPid;
  if (pid === undefined) return 0;
  try {
    // Fields 14 and 15 (after the parenthesised command name) are user and system time in ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common build. */
const TICKS_PER_SECOND = 100;

const started = new WeakMap<ServerResponse, number>();
diagnostics.subscribe('http.server.request.start', (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const timed =
    (request.method === 'POST' && request.url?.startsWith('/api/messages')) ||
    (request.method === 'GET' && request.url?.startsWith('/tab/api/'));
  if (timed) started.set(response, performance.now());
});
diagnostics.subscribe('http.server.response.finish', (message) => {
  const { response } = message as { response: ServerResponse };
  const t0 = started.get(response);
  if (t0 !== undefined) serverTimes.push(performance.now() - t0);
});

// Counts the local snapshot's saves (500 ms after the last write to the local Cosmos server).
const save = LocalSnapshot.prototype.save;
LocalSnapshot.prototype.save = function (this: LocalSnapshot) {
  snapshotSaves++;
  return save.call(this);
};

async function handle(command: TargetCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'start': {
      if (command.kind === 'tab') {
        cosmosPid = command.tab.cosmosPid;
        const started = await startTab(command.tab);
        tab = started;
        return { url: started.url };
      }
      if (command.kind === 'echo') {
        echo = await startEchoBot({
          invokeResponse: () => ({
            composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] },
          }),
        });
        return { url: echo.url };
      }
      app = await startLocalApp({
        projectRoot: PROJECT_ROOT,
        env: {
          ...process.env,
          // Always the local Cosmos server and an anonymous bot on loopback, whatever the shell has.
          COSMOS_ENDPOINT: '',
          COSMOS_KEY: '',
          BOT_ID: '',
          BOT_PASSWORD: '',
          HOST: '127.0.0.1',
          PORT: '0',
          LOCAL_DATA_DIR: command.dataDir,
          LOG_LEVEL: 'info',
        },
        playground: false,
        scheduler: false,
        reset: true,
        cosmosProcess: true,
      });
      return { url: app.botUrl, seeded: app.seeded };
    }
    case 'prepareKudos': {
      const { people, settings } = requireApp().runtime.stores;
      for (const person of command.people) await people.save(person);
      const tenant = await settings.tenant(DEMO_TENANT_ID);
      if (!tenant) throw new Error('the demo tenant has no settings: was the demo organisation seeded?');
      await settings.saveTenant({ ...tenant, dailyKudosLimit: command.dailyKudosLimit });
      return null;
    }
    case 'countRecognitions': {
      const all = await requireApp().runtime.stores.recognitions.createdBetween(
        DEMO_TENANT_ID,
        new Date(0),
        new Date('2100-01-01'),
      );
      return all.length;
    }
    case 'takeServerTimes': {
      const cpu = process.cpuUsage(cpuSince);
      const cosmosCpu = cosmosCpuMs();
      const result = {
        times: serverTimes,
        snapshotSaves,
        cpuMs: (cpu.user + cpu.system) / 1000,
        cosmosCpuMs: cosmosCpu - cosmosCpuSince,
      };
      serverTimes = [];
      snapshotSaves = 0;
      cpuSince = process.cpuUsage();
      cosmosCpuSince = cosmosCpu;
      return result;
    }
    case 'stop': {
      await echo?.close();
      await tab?.stop();
      // Stops everything startLocalApp started, the local snapshot's last save included.
      await app?.stop();
      return null;
    }
  }
}

/**
 * The tab's triggers' handlers on the local server, on the jobs runtime (no bot), logging to this
 * process's output. Loaded here only, so the other targets load none of it.
 */
async function startTab(options: TabTargetOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const { loadConfig, localToolingEnv } = await import('../../functions/config');
  const { createJobsRuntime } = await import('../../functions/composition');
  const { createJsonLogger } = await import('../../functions/logging');
  const { startBotServer } = await import('../../functions/dev/local/botServer');
  const { tabApiHandler } = await import('../../functions/tab/apiHandler');
  const { tabSiteHandler } = await import('../../functions/tab/site');
  const config = loadConfig(localToolingEnv({ ...options.env, LOG_LEVEL: 'info' }));
  const logger = createJsonLogger({
    level: 'info',
    sink: (_level, entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
  });
  const runtime = await createJobsRuntime(config, {
    cosmos: { kind: 'local', endpoint: options.cosmosEndpoint, database: options.database },
    logger,
  });
  const server = await startBotServer({
    handler: async () => ({ status: 404 }),
    logger,
    host: '127.0.0.1',
    port: 0,
    anonymous: true,
    tab: { api: tabApiHandler(runtime), site: tabSiteHandler({ folder: options.siteFolder, config }) },
  });
  return {
    url: `http://127.0.0.1:${server.port}/tab/api/me`,
    stop: async () => {
      await server.close();
      await runtime.close();
    },
  };
}

function requireApp(): LocalApp {
  if (!app) throw new Error('this target is not running Moments');
  return app;
}

process.on('message', (request: TargetRequest) => {
  void handle(request).then(
    (result) => reply({ id: request.id, ok: true, result }, request.cmd === 'stop'),
    (error: unknown) =>
      reply({
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
// The parent went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));

function reply(message: TargetReply, thenExit = false): void {
  process.send?.(message, () => {
    if (thenExit) process.exit(0);
  });
}
