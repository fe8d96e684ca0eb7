/** The parent's side of bench/lib/target.ts: forks a target process and sends it commands. */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { TabTargetOptions, TargetCommand, TargetReply } from './target';

/** A running target process. */
export interface Target {
  kind: 'moments' | 'echo' | 'tab';
  /** Its messaging endpoint, `http://127.0.0.1:<port>/api/messages` (the tab: its API's `me`). */
  url: string;
  /** Where the target's stdout and stderr (the app's JSON log lines) go. */
  logFile: string;
  call<T>(command: TargetCommand, timeoutMs?: number): Promise<T>;
  /** Stops the server(s) and the process; kills it if it does not exit in time. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Forks bench/lib/target.ts (under the same tsx loader as this process) and starts `kind` in it.
 * Its output goes to `<workDir>/<kind>.log`, not to this process's stdout, which carries only the
 * benchmark's JSON lines; its local data to `<workDir>/<kind>-data`.
 */
export async function startTarget(
  kind: Target['kind'],
  workDir: string,
  tab?: TabTargetOptions,
): Promise<Target> {
  mkdirSync(workDir, { recursive: true });
  const logFile = path.join(workDir, `${kind}.log`);
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = fork(path.join(__dirname, 'target.ts'), [], {
      cwd: path.resolve(__dirname, '..', '..'),
      stdio: ['ignore', fd, fd, 'ipc'],
      // BENCH_TARGET_NODE_ARGS adds node flags to the target only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
      execArgv: [
        ...process.execArgv,
        ...(process.env.BENCH_TARGET_NODE_ARGS ?? '').split(' ').filter(Boolean),
      ],
    });
  } finally {
    closeSync(fd);
  }
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      for (const { reject } of pending.values())
        reject(new Error(`the ${kind} target exited (code ${code}, signal ${signal}); see ${logFile}`));
      pending.clear();
      resolve();
    }),
  );
  child.on('message', (message: TargetReply) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`${kind} target: ${message.error}`));
  });

  const call = <T>(command: TargetCommand, timeoutMs = 30_000): Promise<T> => {
    if (exited) return Promise.reject(new Error(`the ${kind} target has exited; see ${logFile}`));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${kind} target: no answer to ${command.cmd} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.send({ ...command, id });
    });
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (!exited) await call({ cmd: 'stop' }, 20_000).catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    })();
    return stopping;
  };

  try {
    const dataDir = path.join(workDir, `${kind}-data`);
    const start: TargetCommand =
      kind === 'tab' ? { cmd: 'start', kind, dataDir, tab: required(tab) } : { cmd: 'start', kind, dataDir };
    const { url } = await call<{ url: string }>(start, 120_000);
    return { kind, url, logFile, call, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function required(tab: TabTargetOptions | undefined): TabTargetOptions {
  if (!tab) throw new Error('the tab target needs its options (the Cosmos server, the settings)');
  return tab;
}
