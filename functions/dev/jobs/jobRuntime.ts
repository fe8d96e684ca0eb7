import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import type { Logger } from '../../../core/shared';
import { loadConfig, localToolingEnv } from '../../config';
import { createRuntime, configuredCosmosTarget, type Runtime } from '../../composition';
import { createJsonLogger, type LogEntry } from '../../logging';
import { startLocalCosmos } from '../local/cosmosServer';
import { loadLocalSettings, serverInfoFile } from '../local/localApp';
import { LocalSnapshot } from '../local/localSnapshot';
import { withDemoAdmins } from '../local/demoOrg';
import { withLocalCalendar } from '../local/localCalendar';

/**
 * Where a job's data is:
 * - `account`: the Cosmos DB account of `COSMOS_ENDPOINT`;
 * - `shared-local`: the local Cosmos DB server of a running `npm start` (its `server.json`);
 * - `standalone-local`: a local server of the job's own, loaded from and saved back to the same
 *   `<LOCAL_DATA_DIR>/data.json` that `npm start` uses.
 */
export type JobRuntimeMode = 'account' | 'shared-local' | 'standalone-local';

/** The runtime a job works on, and how to let go of it. */
export interface JobRuntime {
  runtime: Runtime;
  mode: JobRuntimeMode;
  /** One line saying where the data is, for the job's output. */
  description: string;
  /** The local data file (the local modes). */
  dataFile?: string;
  /** Closes the runtime; standalone, saves the data file first if anything was written. */
  close(): Promise<void>;
}

/** Options for {@link openJobRuntime}. */
export interface JobRuntimeOptions {
  /** The repository root: `LOCAL_DATA_DIR` is relative to it, as for `npm start`. */
  projectRoot: string;
  env: Record<string, string | undefined>;
  now?: () => Date;
  /** Default: JSON lines on stderr at `LOG_LEVEL`, or `warn` when it is not set. */
  logger?: Logger;
  /** Notes for the user (e.g. a stale server.json), on stderr by the CLI. */
  note?: (text: string) => void;
}

/** What a running local app wrote in `<LOCAL_DATA_DIR>/server.json`. */
export interface LocalServerInfo {
  endpoint: string;
  pid: number;
}

/**
 * A log line as the CLI prints it on stderr: the level and the message, then the other fields as
 * JSON (time, app and job left out: the person running the command knows them).
 */
export function cliLogLine(entry: LogEntry): string {
  const { level, message, time: _time, app: _app, job: _job, ...fields } = entry;
  const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  return `${level}: ${message}${rest}`;
}

/**
 * Opens the runtime a job works on: the configured Cosmos DB account when `COSMOS_ENDPOINT` is
 * set; else the local server of a running `npm start` (its `server.json` names a live process whose
 * server answers); else a local server of its own on the local data file, saved back on close.
 */
export async function openJobRuntime(options: JobRuntimeOptions): Promise<JobRuntime> {
  // On local data, the demo organisation's calendar, served as Graph would, for calendar briefs.
  const { env, calendar } = await withLocalCalendar(options.env);
  if (!calendar) return openOn(env, options);
  try {
    const opened = await openOn(env, options);
    return {
      ...opened,
      close: async () => {
        try {
          await opened.close();
        } finally {
          await calendar.close();
        }
      },
    };
  } catch (error) {
    await calendar.close();
    throw error;
  }
}

async function openOn(
  env: Record<string, string | undefined>,
  options: JobRuntimeOptions,
): Promise<JobRuntime> {
  // On local data, the same admins as the local app that shares it.
  const config = loadConfig(localToolingEnv(withDemoAdmins(env)));
  const local = loadLocalSettings(options.env);
  const logger =
    options.logger ??
    createJsonLogger({
      level: options.env.LOG_LEVEL ? config.logLevel : 'warn',
      sink: (_level, entry) => process.stderr.write(`${cliLogLine(entry)}\n`),
      fields: { app: 'moments', job: true },
    });
  const runtimeOptions = { logger, now: options.now };

  const account = configuredCosmosTarget(config);
  if (account) {
    const runtime = await createRuntime(config, { ...runtimeOptions, cosmos: account });
    return {
      runtime,
      mode: 'account',
      description: `Cosmos DB account ${account.endpoint} (database ${account.database})`,
      close: () => runtime.close(),
    };
  }

  const dataDir = path.resolve(options.projectRoot, local.LOCAL_DATA_DIR);
  const dataFile = path.join(dataDir, 'data.json');
  const infoFile = serverInfoFile(options.projectRoot, local.LOCAL_DATA_DIR);
  const shared = await runningLocalServer(infoFile, options.note);
  if (shared) {
    const runtime = await createRuntime(config, {
      ...runtimeOptions,
      cosmos: { kind: 'local', endpoint: shared.endpoint, database: config.cosmos.database },
    });
    return {
      runtime,
      mode: 'shared-local',
      // The running app snapshots its server's writes into the data file itself.
      description: `the local Cosmos DB server of the running app (pid ${shared.pid}, ${shared.endpoint}), kept in ${dataFile}`,
      dataFile,
      close: () => runtime.close(),
    };
  }

  const cosmos = await startLocalCosmos();
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime(config, {
      ...runtimeOptions,
      cosmos: { kind: 'local', endpoint: cosmos.endpoint, database: config.cosmos.database },
    });
    const snapshot = new LocalSnapshot(runtime.cosmos.database, dataFile, (error) =>
      logger.error('local data snapshot failed', { error, file: dataFile }),
    );
    await snapshot.load();
    // Registered after the schema and the load, so only the job's own writes count.
    let written = false;
    cosmos.onWrite(() => (written = true));
    const opened = runtime;
    return {
      runtime: opened,
      mode: 'standalone-local',
      description: `local data in ${dataFile} (no app running: a local Cosmos DB server of its own)`,
      dataFile,
      close: async () => {
        try {
          if (written) await snapshot.save();
        } finally {
          await opened.close();
          await cosmos.close();
        }
      },
    };
  } catch (error) {
    await runtime?.close();
    await cosmos.close();
    throw error;
  }
}

/**
 * The local server a running `npm start` advertises in `infoFile`, if its process is alive and
 * the server answers; a stale file (the app was killed) is ignored with a note.
 */
export async function runningLocalServer(
  infoFile: string,
  note: (text: string) => void = () => undefined,
): Promise<LocalServerInfo | undefined> {
  let text: string;
  try {
    text = await readFile(infoFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let info: Partial<LocalServerInfo>;
  try {
    info = JSON.parse(text) as Partial<LocalServerInfo>;
  } catch {
    note(`Ignoring ${infoFile}: it is not JSON.`);
    return undefined;
  }
  const { endpoint, pid } = info;
  if (typeof endpoint !== 'string' || typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) {
    note(`Ignoring ${infoFile}: it does not name an endpoint and a pid.`);
    return undefined;
  }
  if (!isAlive(pid)) return undefined; // left behind by an app that did not stop cleanly
  if (!(await answers(endpoint))) {
    note(`Ignoring ${infoFile}: process ${pid} is running but nothing answers at ${endpoint}.`);
    return undefined;
  }
  return { endpoint, pid };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when something accepts a TCP connection at the endpoint's host and port. */
function answers(endpoint: string, timeoutMs = 2_000): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return Promise.resolve(false);
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
