/**
 * cold-start: how long a fresh Functions worker takes to load Moments, bundled against unbundled.
 *
 * - value: `import()` of main.js as `npm run build` writes it (scripts/build.ts, built afresh
 *   into a temporary folder, so it matches the sources of this run), an ES module entry that loads
 *   its chunks when first needed;
 * - baseline: `require()` of functions/index.js as `tsc` compiles it (the project's tsconfig.json,
 *   CommonJS, only the files functions/index.ts reaches), next to a `node_modules` symlink to the
 *   project's, so packages resolve exactly as an unbundled deployment (tsc output + `npm ci
 *   --omit=dev`) would resolve them. Plain JavaScript on both sides: no TypeScript compiler at load
 *   time, which would make the baseline unfairly slow (`tsx`, ts-node).
 *
 * Each run is a fresh `node` (scripts/fakeFunctionsCore.cjs, which provides
 * `@azure/functions-core` as the worker does, so the triggers really register); after one
 * discarded warm-up each, RUNS runs of each, interleaved, median reported. Both must register the
 * same functions. Figures, wall-clock and CPU, from the load on (not node's own start-up):
 * - `require-*`: registering the triggers, which loads only the entry (from both kinds of run);
 * - `first-timer-*`: the load and a first timer run ({@link FIRST_TIMER}), which builds the jobs
 *   runtime without the bot: what a cold instance does before its first timer job;
 * - `first-request-*`: the load and the first request to /api/messages, which builds the whole
 *   runtime, bot included (see FIRST_REQUEST_ENV): what a cold instance does before it can answer
 *   Teams.
 * Target: the CPU of the first timer run and of the first request, each at most a third of the
 * unbundled sources': what a cold instance imports and runs before it can answer. The entry's own
 * load is printed beside them, without a target: on both sides it is @azure/functions and the
 * settings checks (every trigger loads its code when first invoked), so it is the same work. The size lines compare the bundle's JavaScript (entry and chunks) with the JavaScript
 * and JSON the unbundled first request reads (every file in require.cache: the compiled sources
 * and the node_modules files actually loaded), and with the 8 MiB limit (scripts/build.ts); the
 * entry's own size is a line too. Printed, not asserted: the machine's load moves them.
 *
 *   npx tsx bench/coldStart.ts      # one JSON line per figure on stdout, notes on stderr
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { buildFunctions, entryPoint, MAX_BUNDLE_BYTES, projectRoot } from '../scripts/build';
import { benchLine, note, type BenchLine } from './lib/report';

export const NAME = 'cold-start';
/** Measured runs of each variant (after one warm-up each); the median is reported. */
export const RUNS = 7;

const fakeCore = path.join(projectRoot, 'scripts', 'fakeFunctionsCore.cjs');

/**
 * The first request builds the whole runtime, bot included, before it reads the body. A Cosmos DB
 * account reached keylessly is only checked in the background (nothing listens on port 9), so the
 * figure is what the code costs, not a network. The credential chain is the one the Function App
 * runs (infra/modules/functionApp.bicep sets AZURE_TOKEN_CREDENTIALS): the managed identity only,
 * never a developer's tools (azd, az, PowerShell), which would each start a process here.
 */
const FIRST_REQUEST_ENV = {
  COSMOS_ENDPOINT: 'https://127.0.0.1:9/',
  MOMENTS_LOCAL: '1',
  AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential',
};

/**
 * The timer of the first-timer figures: the people sync builds the jobs runtime and, with
 * GRAPH_SYNC off, reads nothing, so the figure is what loading and building cost, not a network.
 */
export const FIRST_TIMER = 'peopleSync';

/** The most a targeted bundle figure may be of the unbundled sources' one. */
export const TARGET_RATIO = 1 / 3;
/** The figures the target applies to: the load and the first invocation it serves. */
const TARGETED = ['first-timer-cpu-ms-median', 'first-request-cpu-ms-median'];

interface LoadReport {
  requireMs: number;
  cpuMs: number;
  /** The load and the first invocation, answered (the bot endpoint: 400 for an empty POST). */
  readyMs: number;
  readyCpuMs: number;
  invokeStatus: number | string;
  functions: Array<{ name: string }>;
  files?: Array<{ path: string; bytes: number }>;
}

/** What a run invokes after loading: the bot endpoint, answering 400 to an empty POST, or a timer. */
const EXPECTED: Record<string, number | string> = { messages: 400, [FIRST_TIMER]: 'done' };

/**
 * Loads `entry` in a fresh node with the fake functions-core, invokes `invoke` once and returns
 * what it measured.
 */
function load(entry: string, workDir: string, invoke: string, withFiles = false): LoadReport {
  const reportPath = path.join(workDir, 'load-report.json');
  rmSync(reportPath, { force: true });
  const args = [fakeCore, entry, reportPath, '--invoke', invoke, ...(withFiles ? ['--files'] : [])];
  const run = spawnSync(process.execPath, args, {
    cwd: workDir,
    env: FIRST_REQUEST_ENV,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) {
    throw new Error(`loading ${entry} failed (${run.status ?? run.signal}): ${run.stderr || run.error}`);
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as LoadReport;
  if (report.invokeStatus !== EXPECTED[invoke]) {
    throw new Error(
      `the first ${invoke} of ${entry} answered ${report.invokeStatus}, not ${EXPECTED[invoke]}`,
    );
  }
  if (report.files) report.files = report.files.filter((file) => file.path !== fakeCore);
  return report;
}

/** Compiles what functions/index.ts reaches with tsc (the project's options) into `outDir`. */
function compileUnbundled(outDir: string): string {
  const configPath = path.join(projectRoot, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, projectRoot);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    rootDir: projectRoot,
    outDir,
    noEmit: false,
    sourceMap: false,
    declaration: false,
    incremental: false,
    // A type error elsewhere in a work in progress must not stop the baseline from being emitted.
    noEmitOnError: false,
  };
  const program = ts.createProgram([path.join(projectRoot, entryPoint)], options);
  const emitted = program.emit();
  if (emitted.emitSkipped) throw new Error('tsc emitted nothing for the unbundled baseline');
  return path.join(outDir, entryPoint.replace(/\.ts$/, '.js'));
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function line(metric: string, value: number, unit: string, baseline: number, bench = NAME): BenchLine {
  return benchLine(bench, metric, value, unit, baseline);
}

const kib = (bytes: number) => bytes / 1024;
const names = (report: LoadReport) =>
  report.functions
    .map((f) => f.name)
    .sort()
    .join(',');

export async function measureColdStart(options: { runs?: number } = {}): Promise<BenchLine[]> {
  const runs = options.runs ?? RUNS;
  const workDir = mkdtempSync(path.join(tmpdir(), 'moments-cold-start-'));
  try {
    note(`${NAME}: bundling (scripts/build.ts) and compiling the unbundled baseline (tsc)`);
    const { outDir, bundleBytes, entryBytes } = await buildFunctions({
      outDir: path.join(workDir, 'bundled'),
      tab: false,
    });
    const bundled = path.join(outDir, 'main.js');
    const unbundledDir = path.join(workDir, 'unbundled');
    mkdirSync(unbundledDir);
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(unbundledDir, 'node_modules'), 'dir');
    const unbundled = compileUnbundled(unbundledDir);

    // Warm-up (file cache, the disk) and the checks: same functions, and what each load reads.
    const bundleFiles = load(bundled, workDir, 'messages', true);
    const baselineFiles = load(unbundled, workDir, 'messages', true);
    load(bundled, workDir, FIRST_TIMER);
    load(unbundled, workDir, FIRST_TIMER);
    if (names(bundleFiles) !== names(baselineFiles) || bundleFiles.functions.length === 0) {
      throw new Error(
        `bundle registers [${names(bundleFiles)}], the unbundled sources [${names(baselineFiles)}]`,
      );
    }

    const samples = {
      bundle: { request: [] as LoadReport[], timer: [] as LoadReport[] },
      baseline: { request: [] as LoadReport[], timer: [] as LoadReport[] },
    };
    const runBundle = () => {
      samples.bundle.request.push(load(bundled, workDir, 'messages'));
      samples.bundle.timer.push(load(bundled, workDir, FIRST_TIMER));
    };
    const runBaseline = () => {
      samples.baseline.request.push(load(unbundled, workDir, 'messages'));
      samples.baseline.timer.push(load(unbundled, workDir, FIRST_TIMER));
    };
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so a burst of load elsewhere does not always hit the same one.
      if (i % 2 === 0) {
        runBundle();
        runBaseline();
      } else {
        runBaseline();
        runBundle();
      }
    }
    const loads = (side: typeof samples.bundle) => [...side.request, ...side.timer];
    const of = (reports: LoadReport[], figure: (r: LoadReport) => number) => median(reports.map(figure));
    const sum = (files: LoadReport['files']) => (files ?? []).reduce((n, f) => n + f.bytes, 0);
    const fmt = (reports: LoadReport[]) => reports.map((r) => r.requireMs.toFixed(0)).join(' ');
    note(`  ${bundleFiles.functions.length} functions registered: ${names(bundleFiles)}`);
    note(`  bundle   load ms: ${fmt(loads(samples.bundle))}`);
    note(
      `  baseline load ms: ${fmt(loads(samples.baseline))}  (${baselineFiles.files?.length ?? 0} files loaded)`,
    );
    note(`  load average: ${loadavg().map((l) => l.toFixed(2))}`);

    const figures: Array<[metric: string, value: number, baseline: number]> = [
      [
        'require-ms-median',
        of(loads(samples.bundle), (r) => r.requireMs),
        of(loads(samples.baseline), (r) => r.requireMs),
      ],
      [
        'require-cpu-ms-median',
        of(loads(samples.bundle), (r) => r.cpuMs),
        of(loads(samples.baseline), (r) => r.cpuMs),
      ],
      [
        'first-timer-ms-median',
        of(samples.bundle.timer, (r) => r.readyMs),
        of(samples.baseline.timer, (r) => r.readyMs),
      ],
      [
        'first-timer-cpu-ms-median',
        of(samples.bundle.timer, (r) => r.readyCpuMs),
        of(samples.baseline.timer, (r) => r.readyCpuMs),
      ],
      [
        'first-request-ms-median',
        of(samples.bundle.request, (r) => r.readyMs),
        of(samples.baseline.request, (r) => r.readyMs),
      ],
      [
        'first-request-cpu-ms-median',
        of(samples.bundle.request, (r) => r.readyCpuMs),
        of(samples.baseline.request, (r) => r.readyCpuMs),
      ],
    ];
    for (const [metric, value, baseline] of figures.filter(([metric]) => metric.includes('-cpu-'))) {
      const ratio = value / baseline;
      const verdict = TARGETED.includes(metric)
        ? `${ratio <= TARGET_RATIO ? 'within' : 'OVER'} the 1/3 target`
        : 'the same entry on both sides, no target';
      note(
        `  ${metric}: ${value.toFixed(0)} ms against ${baseline.toFixed(0)}, ${ratio.toFixed(3)}: ${verdict}`,
      );
    }
    note(
      `  entry main.js: ${kib(entryBytes).toFixed(0)} KiB; entry and chunks: ${kib(bundleBytes).toFixed(0)} KiB`,
    );

    return [
      ...figures.map(([metric, value, baseline]) => line(metric, value, 'ms', baseline)),
      line('size', kib(bundleBytes), 'KiB', kib(sum(baselineFiles.files)), 'bundle'),
      line('size-vs-limit', kib(bundleBytes), 'KiB', kib(MAX_BUNDLE_BYTES), 'bundle'),
      line('entry-size', kib(entryBytes), 'KiB', kib(bundleBytes), 'bundle'),
    ];
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureColdStart().then(
    (lines) => {
      for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
    },
    (error: unknown) => {
      note(`${NAME} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
