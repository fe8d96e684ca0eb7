/** What every benchmark gets from bench/run.ts. */
import { readFileSync } from 'node:fs';
import type { FakeConnector } from '../../tests/support/localApp';
import { note } from './report';
import { startTarget, type Target } from './targetClient';

/** Shared by the benchmarks of one run. */
export interface BenchContext {
  /** A temp directory for targets' logs and local data, removed at the end of the run. */
  workDir: string;
  /** The fake Bot Connector (in this process) that every reply goes to: it answers 200 at once. */
  connector: FakeConnector;
  /** Requests per level, warm-up excluded. */
  requests: number;
}

/** Runs `body` with a target of `kind` and always stops it (and notes warnings it logged). */
export async function withTarget<T>(
  context: BenchContext,
  kind: Target['kind'],
  body: (target: Target) => Promise<T>,
): Promise<T> {
  const target = await startTarget(kind, context.workDir);
  try {
    return await body(target);
  } finally {
    await target.stop();
    noteLogProblems(target);
  }
}

/** Notes how many warn/error lines the target logged, with the first few. */
function noteLogProblems(target: Target): void {
  let text = '';
  try {
    text = readFileSync(target.logFile, 'utf8');
  } catch {
    return;
  }
  const problems = text
    .split('\n')
    .filter(
      (line) => /"level":"(warn|error)"/.test(line) || /^\s*(Error|TypeError|echo bot turn error)/.test(line),
    );
  if (problems.length === 0) return;
  note(`  ${target.kind} logged ${problems.length} warning/error lines, e.g.:`);
  for (const line of problems.slice(0, 3)) note(`    ${line.slice(0, 300)}`);
}
