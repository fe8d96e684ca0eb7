/**
 * Bundles the Functions app into one deployable folder (`npm run build`):
 *
 *   npx tsx scripts/build.ts [--out <dir>] [--metafile <file>]
 *
 * writes, into <dir> (default build/functions/):
 *   main.js        the entry (package.json "main"): functions/index.ts, the trigger registrations
 *                  and what they import statically, as an ES module
 *   chunks/        everything else functions/index.ts reaches, node_modules included (esbuild),
 *                  each package once (scripts/bundleResolve.ts), less what Moments never runs
 *                  (scripts/bundleStubs.ts), split where the sources import lazily: the jobs
 *                  runtime (functions/composition.ts) loads on the first invocation, the bot
 *                  (bot/app.ts) on the first activity, and modules two of them share sit in chunks
 *                  of their own, so each module, and its state (the log scope of
 *                  functions/logging.ts, the host's runtime), exists once
 *   host.json      functions/host.json
 *   package.json   "main": "main.js", "type": "module", no dependencies (nothing is left external)
 *   .funcignore    keeps source maps and local settings out of `func azure functionapp publish`
 * and nothing else, every script ASCII (scripts/asciiScripts.ts); beside <dir>, `<dir>.maps/`
 * holds the source maps (no sources embedded: file, line and column only), kept out of the
 * deployed zip and for symbolicating stack traces.
 * `--metafile` also writes esbuild's metafile elsewhere (the tests read it).
 *
 * It does not type-check (`npm run typecheck` does). It fails when a dev-only input (the local
 * host, tests, the Cosmos DB emulator, the Playground) ends up in the bundle.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { escapeNonAscii } from './asciiScripts';
import { stubPlugin } from './bundleStubs';
import { packageResolution } from './bundleResolve';
import { moveSourceMaps, sourceMapDir } from './sourceMaps';
import { jsonAsParse } from './bundleJson';
import { buildTab } from './buildTab';

export { sourceMapDir };

export const projectRoot = path.resolve(__dirname, '..');
export const defaultOutDir = path.join(projectRoot, 'build', 'functions');
export const entryPoint = 'functions/index.ts';

/** The Node.js major version the Function App runs (infra/modules/functionApp.bicep) and main.js targets. */
export const deployedNodeMajor = 22;

/**
 * Packages left out of main.js. `@azure/functions-core` is not an npm package: the Functions Node.js
 * worker provides it at run time by intercepting require, and `@azure/functions` requires it lazily.
 */
export const hostProvided = ['@azure/functions-core'];

/**
 * npm packages left out of main.js and copied into <out>/node_modules as production dependencies.
 * None: every dependency bundles (optional native add-ons such as bufferutil stay try/catch requires).
 */
export const externalized: string[] = [];

/** The most the bundle's JavaScript, entry and chunks together, may weigh. */
export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

/** The folder of <dir> holding the chunks the entry loads. */
export const chunksDir = 'chunks';

/** The files (and the chunks folder) a build writes, and only these. */
/** The tab's single-page app, beside main.js (functions/tabSite.ts serves it from there). */
export const tabDir = 'tab';
export const outputFiles = ['main.js', chunksDir, 'host.json', 'package.json', '.funcignore', tabDir];

/**
 * The first lines of every output file. The CommonJS packages bundled into an ES module still call
 * `require` (Node's built-ins, `@azure/functions-core`, which the Functions worker provides by
 * intercepting require) and read `__dirname`; an ES module has neither, so each file makes its own.
 */
const esmBanner = [
  "import { createRequire as __momentsCreateRequire } from 'node:module';",
  "import { fileURLToPath as __momentsFileURLToPath } from 'node:url';",
  'const require = __momentsCreateRequire(import.meta.url);',
  'const __filename = __momentsFileURLToPath(import.meta.url);',
  "const __dirname = __momentsFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

/** Inputs that must never reach the bundle; paths are relative to the project root, as in the metafile. */
export const devOnlyInputs: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  {
    pattern: /^functions\/dev\//,
    what: 'the developer tools (functions/dev/: local host, jobs CLI, demo data)',
  },
  { pattern: /^tests\//, what: 'test code (tests/)' },
  { pattern: /(^|\/)node_modules\/@vercel\/cosmosdb-server\//, what: 'the Cosmos DB emulator' },
  { pattern: /(^|\/)node_modules\/@microsoft\/m365agentsplayground\//, what: 'the Playground' },
];

/** The metafile inputs that are dev-only, with what each is. */
export function findDevOnlyInputs(metafile: Metafile): Array<{ input: string; what: string }> {
  const found: Array<{ input: string; what: string }> = [];
  for (const input of Object.keys(metafile.inputs)) {
    const rule = devOnlyInputs.find(({ pattern }) => pattern.test(input));
    if (rule) found.push({ input, what: rule.what });
  }
  return found;
}

export interface BuildResult {
  outDir: string;
  /** The entry's bytes: what registering the triggers loads. */
  entryBytes: number;
  /** The bytes of all the JavaScript written, the entry and every chunk. */
  bundleBytes: number;
  /** The folder of the source maps, beside `outDir`. */
  sourceMaps: string;
  metafile: Metafile;
}

/** Empties `outDir` if it is missing, empty or a previous build; refuses any other folder. */
function prepareOutDir(outDir: string): void {
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir);
    const foreign = entries.filter((name) => !outputFiles.includes(name) && name !== 'node_modules');
    if (foreign.length > 0 && !entries.includes('host.json')) {
      throw new Error(`${outDir} holds files that are not a build (${foreign.join(', ')}); not clearing it.`);
    }
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
}

export async function buildFunctions(
  options: {
    outDir?: string;
    /** More esbuild plugins, after the project's own (tests mark modules with them). */
    plugins?: Plugin[];
    /** Build the tab into `tab/` too (default); the cold-start bench measures the functions alone. */
    tab?: boolean;
  } = {},
): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? defaultOutDir);
  prepareOutDir(outDir);

  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: { main: entryPoint },
    outdir: outDir,
    chunkNames: `${chunksDir}/[name]-[hash]`,
    bundle: true,
    platform: 'node',
    target: `node${deployedNodeMajor}`,
    // ES modules, so that esbuild can split: `import()` in the sources becomes a chunk loaded
    // then, rather than code inlined into one file that a cold instance parses whole.
    format: 'esm',
    splitting: true,
    banner: { js: esmBanner },
    // Not minified: stack traces in Application Insights stay readable without --enable-source-maps,
    // and minifying measured no faster to load (V8 pre-parses lazily; see bench/coldStart.ts).
    minify: false,
    sourcemap: 'external',
    sourcesContent: false,
    external: [...hostProvided, ...externalized],
    plugins: [
      stubPlugin(projectRoot),
      packageResolution(projectRoot),
      jsonAsParse(projectRoot),
      ...(options.plugins ?? []),
    ],
    metafile: true,
    logLevel: 'warning',
  });

  const devOnly = findDevOnlyInputs(result.metafile);
  if (devOnly.length > 0) {
    rmSync(outDir, { recursive: true, force: true });
    const list = devOnly.map(({ input, what }) => `  - ${input} (${what})`).join('\n');
    throw new Error(`Dev-only code reached the bundle; nothing written:\n${list}`);
  }
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.resolve(projectRoot, file));
  const sourceMaps = moveSourceMaps(
    outDir,
    outputs.filter((file) => file.endsWith('.map')),
  );
  const scripts = outputs.filter((file) => file.endsWith('.js'));
  escapeNonAscii(scripts);

  const host: unknown = JSON.parse(readFileSync(path.join(projectRoot, 'functions', 'host.json'), 'utf8'));
  writeFileSync(path.join(outDir, 'host.json'), `${JSON.stringify(host, null, 2)}\n`);

  const root = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    engines?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  const dependencies = Object.fromEntries(externalized.map((name) => [name, root.dependencies?.[name]]));
  const pkg = {
    name: root.name,
    version: root.version,
    private: true,
    main: 'main.js',
    type: 'module',
    // The deployed runtime, whatever range the development machines run (root package.json).
    engines: { node: `>=${deployedNodeMajor}` },
    dependencies,
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  writeFileSync(
    path.join(outDir, '.funcignore'),
    [
      '# Read by `func azure functionapp publish`; the zip step in teamsapp.yml packs the whole folder.',
      '# Source maps are written beside this folder; should one land here, it stays out too.',
      '*.map',
      'local.settings.json',
      '',
    ].join('\n'),
  );

  if (options.tab !== false) await buildTab({ outDir: path.join(outDir, tabDir), minify: true });

  return {
    outDir,
    entryBytes: statSync(path.join(outDir, 'main.js')).size,
    bundleBytes: scripts.reduce((sum, file) => sum + statSync(file).size, 0),
    sourceMaps,
    metafile: result.metafile,
  };
}

/** Bytes per top-level package (or project folder) in the bundle, largest first. */
export function bundleComposition(metafile: Metafile): Array<{ name: string; bytes: number }> {
  const bytes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs).flatMap(([, output]) =>
    Object.entries(output.inputs),
  )) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    const name = match ? match[1]! : `${input.split('/')[0]}/`;
    bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
  }
  return [...bytes].map(([name, b]) => ({ name, bytes: b })).sort((a, b) => b.bytes - a.bytes);
}

function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} KiB`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const metafilePath = option(argv, '--metafile');
  try {
    const started = Date.now();
    const { outDir, entryBytes, bundleBytes, metafile } = await buildFunctions({
      outDir: option(argv, '--out'),
    });
    if (metafilePath) writeFileSync(path.resolve(metafilePath), JSON.stringify(metafile));
    const inputs = Object.keys(metafile.inputs);
    const own = inputs.filter((input) => !input.includes('node_modules/')).length;
    const top = bundleComposition(metafile)
      .slice(0, 5)
      .map(({ name, bytes }) => `${name} ${kib(bytes)}`)
      .join(', ');
    const where = path.relative(process.cwd(), outDir) || '.';
    const chunks = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js')).length - 1;
    console.log(`${where}/main.js: ${kib(entryBytes)}, and ${chunks} chunks it loads when needed`);
    console.log(`  in all: ${kib(bundleBytes)} (${(bundleBytes / 1024 / 1024).toFixed(1)} MiB)`);
    console.log(
      `  ${inputs.length} inputs: ${own} from the project, ${inputs.length - own} from node_modules`,
    );
    console.log(`  largest: ${top}`);
    console.log(`  wrote ${outputFiles.join(', ')} in ${Date.now() - started} ms`);
    return 0;
  } catch (error) {
    console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}
