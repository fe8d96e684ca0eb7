/**
 * The local Cosmos DB server in a process of its own: the app then has its event loop to itself
 * and the server works on another core, as an account is a service of its own in Azure. The
 * benchmarks run it so (`startLocalApp({ cosmosProcess: true })`); `npm start` and the tests keep
 * it in process (startLocalCosmos).
 *
 * The parent forks this file; the child starts the server, sends `{ ready: endpoint }`, then
 * `{ write: true }` after every request that may have changed data (the local snapshot's cue), and
 * stops when the parent disconnects or goes away.
 */
import { fork } from 'node:child_process';
import { startLocalCosmos, type LocalCosmosServer } from './cosmosServer';

type ChildMessage = { ready: string; port: number } | { write: true } | { failed: string };

/** Forks the local Cosmos server and resolves once it listens. */
export function startLocalCosmosProcess(projectRoot: string): Promise<LocalCosmosServer> {
  const child = fork(__filename, ['--serve'], {
    cwd: projectRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listeners: Array<() => void> = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<LocalCosmosServer>((resolve, reject) => {
    const failed = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`the local Cosmos DB server did not start: ${why}`));
    };
    child.once('error', (error) => failed(error.message));
    const exitedEarly = (code: number | null, signal: string | null) =>
      failed(`it exited (code ${code}, signal ${signal})`);
    child.once('exit', exitedEarly);
    child.on('message', (message: ChildMessage) => {
      if ('write' in message) listeners.forEach((listener) => listener());
      else if ('failed' in message) failed(message.failed);
      else {
        child.removeListener('exit', exitedEarly);
        resolve({
          endpoint: message.ready,
          port: message.port,
          ...(child.pid === undefined ? {} : { pid: child.pid }),
          onWrite: (listener) => listeners.push(listener),
          close: async () => {
            if (child.exitCode === null && child.signalCode === null) {
              child.disconnect();
              const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
              await exited;
              clearTimeout(timer);
            }
          },
        });
      }
    });
  });
}

async function serve(): Promise<void> {
  let server: LocalCosmosServer;
  try {
    server = await startLocalCosmos();
  } catch (error) {
    process.send?.({ failed: (error as Error).message } satisfies ChildMessage);
    process.exit(1);
  }
  server.onWrite(() => process.send?.({ write: true } satisfies ChildMessage));
  process.once('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send?.({ ready: server.endpoint, port: server.port } satisfies ChildMessage);
}

// Forked by startLocalCosmosProcess (an IPC channel and the flag), never when imported.
if (process.send && process.argv.slice(2).includes('--serve')) void serve();
