import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A running Microsoft 365 Agents Playground. */
export interface PlaygroundProcess {
  url: string;
  stop(): Promise<void>;
}

/** The Playground CLI installed with the project's dev dependencies. */
export function playgroundCli(projectRoot: string): string {
  return path.join(projectRoot, 'node_modules', '.bin', 'agentsplayground');
}

/**
 * Starts the Agents Playground (the Teams client simulator) pointed at the bot, from the project
 * root so it reads .m365agentsplayground.yml, and waits until it answers.
 */
export async function startPlaygroundProcess(options: {
  projectRoot: string;
  botEndpoint: string;
  port: number;
  output?: 'inherit' | 'ignore';
  timeoutMs?: number;
}): Promise<PlaygroundProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    playgroundCli(options.projectRoot),
    ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: options.projectRoot,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', options.output ?? 'ignore', options.output ?? 'ignore'],
      detached: true,
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntilAnswering(url, child, exited, options.timeoutMs ?? 60_000);
  return { url, stop: () => stopGroup(child, exited) };
}

async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done)
      throw new Error(`The Agents Playground exited before it was ready (port ${url}); is the port free?`);
    try {
      const response = await fetch(`${url}/_internal/v1/config`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopGroup(child, exited);
  throw new Error(`The Agents Playground did not answer on ${url} within ${timeoutMs} ms.`);
}

async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone in the meantime
    }
    await exited;
  }
}
