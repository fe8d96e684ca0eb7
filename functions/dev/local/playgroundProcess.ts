import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A running Microsoft 365 Agents Playground. */
export interface PlaygroundProcess {
  /** Base URL, e.g. `http://127.0.0.1:56150` (the web UI is at `/`, the mock connector at `/_connector`). */
  url: string;
  port: number;
  /** Process id of the CLI, which is also the id of its process group. */
  pid: number;
  /** The Playground's own log file (it writes nothing useful to the console when stdout is not a TTY). */
  logFile: string;
  /** Stops the whole process group; resolves once none of it is left. Idempotent. */
  stop(): Promise<void>;
}

/** Options for {@link startPlaygroundProcess}. */
export interface PlaygroundProcessOptions {
  /** The project root: the CLI runs there and reads `.m365agentsplayground.yml` from it. */
  projectRoot: string;
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  /** Port for the Playground (UI + API) on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Where the Playground logs (appended). Default: `<projectRoot>/.local/playground.log`. */
  logFile?: string;
  /** Config file instead of `<projectRoot>/.m365agentsplayground.yml` (relative to `projectRoot`). */
  configPath?: string;
  /** How long to wait for the Playground to answer. Default: 60 s. */
  timeoutMs?: number;
}

const CONFIG_FILE_NAME = '.m365agentsplayground.yml';

/** The Playground CLI script installed with the project's dev dependencies. */
export function playgroundCli(projectRoot: string): string {
  return path.join(projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
}

/**
 * Preloaded into the CLI with `--require`: the Playground calls `server.listen(port)` without a host,
 * which binds every interface. This makes any `listen` that names no host bind 127.0.0.1, so the
 * Playground (which forwards anything to the anonymous bot) is reachable from this machine only.
 */
const LOOPBACK_PRELOAD = `'use strict';
// Written by functions/dev/local/playgroundProcess.ts. Binds every listen() that names no host to 127.0.0.1.
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first === undefined) args.splice(0, 1, 0, '127.0.0.1');
  else if (typeof first === 'function') args.unshift(0, '127.0.0.1');
  else if (typeof first === 'object' && first !== null) {
    if (first.path === undefined && first.host === undefined && first.handle === undefined && first.fd === undefined) {
      args[0] = Object.assign({}, first, { host: '127.0.0.1' });
    }
  } else if ((typeof first === 'number' || /^\\d+$/.test(String(first))) && typeof args[1] !== 'string') {
    args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
`;

/** Keep at most this much of the CLI's console output (for error messages). */
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Starts the Agents Playground (the Teams client simulator) against the bot and waits until its
 * API answers.
 *
 * The CLI runs as `node --require <loopback preload> cli.js -e <botEndpoint> -c msteams -p <port>
 * --service-url http://127.0.0.1:<port>/_connector --disable-telemetry` from the project root, in a
 * process group of its own, with `TEAMSAPPTESTER_BROWSER=none` (no browser is opened), the config
 * file in `M365_AGENTS_PLAYGROUND_CONFIG_PATH` and the log in `M365_AGENTS_PLAYGROUND_LOGFILE`.
 *
 * @throws if the config file or the CLI is missing, the CLI exits or does not answer within
 *   `timeoutMs`, or it fell back to another port (the CLI does that silently when the port is
 *   taken); everything started is stopped first, and the message ends with the CLI's output and log.
 */
export async function startPlaygroundProcess(options: PlaygroundProcessOptions): Promise<PlaygroundProcess> {
  const projectRoot = path.resolve(options.projectRoot);
  const configPath = path.resolve(projectRoot, options.configPath ?? CONFIG_FILE_NAME);
  if (!existsSync(configPath)) {
    throw new Error(`The Agents Playground needs its config file, and there is none at ${configPath}.`);
  }
  const cli = playgroundCli(projectRoot);
  if (!existsSync(cli)) {
    throw new Error(
      `The Agents Playground CLI is not installed (${cli}); run npm install (it is a dev dependency).`,
    );
  }
  const port = options.port === 0 ? await freeLoopbackPort() : options.port;
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const logFile = path.resolve(projectRoot, options.logFile ?? path.join('.local', 'playground.log'));
  mkdirSync(path.dirname(logFile), { recursive: true });
  const logStart = sizeOf(logFile);

  const workDir = mkdtempSync(path.join(tmpdir(), 'moments-playground-'));
  const preload = path.join(workDir, 'loopback-only.cjs');
  writeFileSync(preload, LOOPBACK_PRELOAD);

  const child = spawn(
    process.execPath,
    [
      '--require',
      preload,
      cli,
      '-e',
      options.botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--service-url',
      `${url}/_connector`,
      '--disable-telemetry',
    ],
    {
      cwd: projectRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
    },
  );
  if (child.pid === undefined) {
    rmSync(workDir, { recursive: true, force: true });
    throw new Error(`Could not start the Agents Playground (${process.execPath} ${cli}).`);
  }
  const pid = child.pid;

  // Always drained (a full pipe would block the CLI); the start of it is kept for diagnostics.
  let output = '';
  const keep = (data: Buffer) => {
    if (output.length < OUTPUT_LIMIT) output += data.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await stopGroup(pid, () => exited !== undefined, exitPromise);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    })();
    return stopped;
  };
  const fail = async (message: string): Promise<never> => {
    const details =
      `\n--- Playground output ---\n${tail(output) || '(none)'}` +
      `\n--- ${logFile} ---\n${tail(readFrom(logFile, logStart)) || '(empty)'}`;
    await stop().catch(() => undefined);
    throw new Error(`The Agents Playground did not start: ${message}${details}`);
  };

  const deadline = Date.now() + timeoutMs;
  let listening: number | undefined;
  for (;;) {
    if (exited) await fail(`the CLI exited (code ${exited.code}, signal ${exited.signal})`);
    const match = /Listening on (\d+)/.exec(output);
    if (match) {
      listening = Number(match[1]);
      if (listening !== port) {
        await fail(`it fell back to port ${listening} because port ${port} is taken`);
      }
      if (await answersPing(url)) break;
    }
    if (Date.now() > deadline) {
      await fail(
        listening === undefined
          ? `it printed no "Listening on <port>" within ${timeoutMs} ms`
          : `${url}/_debug/ping did not answer within ${timeoutMs} ms`,
      );
    }
    await sleep(100);
  }
  return { url, port, pid, logFile, stop };
}

/** Sends SIGTERM to the group, then SIGKILL after 5 s, and waits until none of it is left. */
async function stopGroup(pid: number, hasExited: () => boolean, exit: Promise<void>): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!groupAlive(pid)) break;
    try {
      process.kill(-pid, signal);
    } catch {
      // gone in the meantime
    }
    const deadline = Date.now() + 5_000;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  }
  if (!hasExited()) await Promise.race([exit, sleep(2_000)]);
  if (groupAlive(pid)) throw new Error(`The Agents Playground's process group ${pid} survived SIGKILL.`);
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function answersPing(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}/_debug/ping`, { agent: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 && body === 'pong'));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** What was appended to `file` after its first `offset` bytes. */
function readFrom(file: string, offset: number): string {
  try {
    return readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
