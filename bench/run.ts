/**
 * `npm run bench [-- <name>…]`: runs the benchmarks (all, or those named) and prints one JSON line
 * per figure on stdout (format: bench/lib/report.ts), notes on stderr. Each figure is compared with
 * a baseline measured in the same run: the bare botbuilder echo bot (bench/lib/echoBot.ts).
 *
 *   npm run bench                    every benchmark
 *   npm run bench -- messages        messages-endpoint only (also: messages-endpoint)
 *   npm run bench -- submit          submit-action only (also: submit-action)
 *   npm run bench -- cold            cold start of the production bundle against the unbundled sources
 *   npm run bench -- milestones      milestone planning (20,000 people) and reminder delivery (2,000)
 *   npm run bench -- digest          the weekly digest: 2,000 managers, 20,000 people, a month of kudos
 *   npm run bench -- briefs          calendar briefs: 2,000 opted-in managers, 20,000 people, their calendars
 *   npm run bench -- tab             the tab: its API at 20 managers at once (20,000 people, a year of kudos)
 *                                    against the messages endpoint, documents per page, the page in Chromium
 *   BENCH_REQUESTS=100 npm run bench  fewer measured requests per level (default 300)
 *   BENCH_BRIEFS_PEOPLE=1000 npm run bench -- briefs   a smaller tenant (also BENCH_BRIEFS_SAMPLE, _SMALL)
 *   BENCH_TAB_PEOPLE=2000 BENCH_TAB_KUDOS=6000 npm run bench -- tab   a smaller tenant
 *
 * Everything listens on 127.0.0.1 only; each server under test runs in a child process of its own
 * (bench/lib/target.ts), one at a time, while the load generator and the fake connector run here.
 * Exit code: 0, or 1 if a benchmark failed to run, 2 for an unknown name.
 */
// Before anything that loads a Functions trigger: drops @azure/functions' test-mode warnings.
import '../functions/dev/local/quietTestMode';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeConnector } from '../tests/support/localApp';
import type { BenchContext } from './lib/context';
import { note } from './lib/report';
import { NAME as MESSAGES, runMessagesEndpoint } from './messagesEndpoint';
import { NAME as SUBMIT, runSubmitAction } from './submitAction';
import { NAME as COLD_START, measureColdStart } from './coldStart';
import { benchMilestones } from './milestones';
import { benchDigest } from './digest';
import { benchBriefs, briefSizesFromEnv } from './briefs';
import { NAME as TAB, runTab } from './tab';

/** Prints lines a benchmark returned rather than printed. */
const printLines = (lines: Array<object>) =>
  lines.forEach((line) => process.stdout.write(`${JSON.stringify(line)}\n`));

const BENCHES: Array<{ name: string; aliases: string[]; run: (context: BenchContext) => Promise<void> }> = [
  { name: MESSAGES, aliases: ['messages', 'message'], run: runMessagesEndpoint },
  { name: SUBMIT, aliases: ['submit', 'submitaction', 'kudos'], run: runSubmitAction },
  { name: COLD_START, aliases: ['cold', 'bundle'], run: async () => printLines(await measureColdStart()) },
  {
    name: 'milestones',
    aliases: ['milestone-plan', 'reminder-delivery'],
    run: async () => printLines(await benchMilestones()),
  },
  { name: 'digest', aliases: ['digests'], run: async () => printLines(await benchDigest()) },
  {
    name: 'briefs',
    aliases: ['brief', 'calendar-briefs'],
    run: async () => printLines(await benchBriefs(briefSizesFromEnv())),
  },
  { name: TAB, aliases: ['tab-api', 'tabs'], run: runTab },
];

async function main(argv: string[]): Promise<number> {
  const chosen = argv.length === 0 ? BENCHES : [];
  for (const arg of argv) {
    const bench = BENCHES.find((b) => b.name === arg.toLowerCase() || b.aliases.includes(arg.toLowerCase()));
    if (!bench) {
      note(`Unknown benchmark: ${arg}. Known: ${BENCHES.map((b) => b.name).join(', ')}.`);
      return 2;
    }
    if (!chosen.includes(bench)) chosen.push(bench);
  }
  const requests = Number(process.env.BENCH_REQUESTS ?? 300);
  if (!Number.isInteger(requests) || requests < 1 || requests > 10_000) {
    note(`BENCH_REQUESTS must be an integer from 1 to 10000, got ${process.env.BENCH_REQUESTS}`);
    return 2;
  }
  const workDir = mkdtempSync(path.join(tmpdir(), 'moments-bench-'));
  const connector = await startFakeConnector();
  note(
    `node ${process.version}, ${cpus().length} CPUs; ${requests} measured requests per level; work dir ${workDir}`,
  );
  // Other processes on the machine skew every figure: say how busy it was.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  note(`load average at start: ${load()}`);
  let failed = false;
  try {
    for (const bench of chosen) {
      try {
        await bench.run({ workDir, connector, requests });
      } catch (error) {
        failed = true;
        note(
          `${bench.name} FAILED to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  } finally {
    await connector.close();
    note(`load average at end: ${load()}`);
    if (failed) note(`target logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    note(String(error instanceof Error ? (error.stack ?? error.message) : error));
    process.exit(1);
  },
);
