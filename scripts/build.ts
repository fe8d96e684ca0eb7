/**
 * Bundles the Functions app into one deployable folder (`npm run build`):
 *
 *   npx tsx scripts/build.ts [--out <dir>] [--metafile <file>]
 *
 * writes, into <dir> (default build/functions/):
 *   main.js        functions/index.ts and everything it imports, node_modules included (esbuild),
 *                  less what Moments never runs (scripts/bundleStubs.ts)
 *   host.json      functions/host.json
 *   package.json   "main": "main.js", no dependencies (nothing is left external)
 *   .funcignore    keeps the source map and local settings out of `func azure functionapp publish`
 * and nothing else; beside <dir>, `<dir>.main.js.map` is main.js' source map (no sources embedded:
 * file, line and column only), kept out of the deployed zip and for symbolicating stack traces.
 * `--metafile` also writes esbuild's metafile elsewhere (the tests read it).
 *
 * It does not type-check (`npm run typecheck` does). It fails when a dev-only input (the local
 * host, tests, the Cosmos DB emulator, the Playground) ends up in the bundle.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { stubPlugin } from './bundleStubs';

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

/** The most main.js may weigh: a cold instance parses all of it before it answers anything. */
export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

/** The files a build writes, and only these. */
export const outputFiles = ['main.js', 'host.json', 'package.json', '.funcignore'];

/** Where the source map of the bundle in `outDir` goes: beside the folder, so never in its zip. */
export const sourceMapPath = (outDir: string) => `${path.resolve(outDir)}.main.js.map`;

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

/**
 * Resolves package imports the way `require` would. The app runs as CommonJS, and Node (like the
 * tsc output and ts-jest) loads the CommonJS build of dual packages; esbuild would otherwise pick
 * the ESM build for `import` statements and the CJS build for `require` calls inside node_modules,
 * bundling two copies of @azure/identity, @azure/core-* and @azure/logger (two loggers, two
 * tracing states). Packages with no `require` entry fall back to normal resolution.
 */
const resolveLikeRequire: Plugin = {
  name: 'resolve-like-require',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      const result = await b.resolve(args.path, {
        kind: 'require-call',
        importer: args.importer,
        resolveDir: args.resolveDir,
      });
      return result.errors.length > 0 ? undefined : result;
    });
  },
};

/**
 * Moves main.js.map beside `outDir` (see {@link sourceMapPath}), its sources still resolving from
 * there and `file` naming the bundle it maps.
 */
function moveSourceMap(outDir: string): string {
  const from = path.join(outDir, 'main.js.map');
  const to = sourceMapPath(outDir);
  const map = JSON.parse(readFileSync(from, 'utf8')) as { sources: string[]; file?: string };
  // Paths move with the map; sources named by URL (`webpack:/…`, inside packages' own maps) do not.
  const relocate = (source: string) =>
    /^[a-z][a-z0-9+.-]*:/i.test(source)
      ? source
      : path.relative(path.dirname(to), path.resolve(outDir, source)).split(path.sep).join('/');
  map.sources = map.sources.map(relocate);
  map.file = relocate('main.js');
  writeFileSync(to, JSON.stringify(map));
  rmSync(from);
  return to;
}

export interface BuildResult {
  outDir: string;
  bundleBytes: number;
  sourceMap: string;
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
  } = {},
): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? defaultOutDir);
  prepareOutDir(outDir);
  const mainJs = path.join(outDir, 'main.js');

  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: [entryPoint],
    outfile: mainJs,
    bundle: true,
    platform: 'node',
    target: `node${deployedNodeMajor}`,
    format: 'cjs',
    // Not minified: stack traces in Application Insights stay readable without --enable-source-maps,
    // and minifying measured no faster to load (V8 pre-parses lazily; see bench/coldStart.ts).
    minify: false,
    sourcemap: 'external',
    sourcesContent: false,
    external: [...hostProvided, ...externalized],
    plugins: [stubPlugin(projectRoot), resolveLikeRequire, ...(options.plugins ?? [])],
    metafile: true,
    logLevel: 'warning',
  });

  const devOnly = findDevOnlyInputs(result.metafile);
  if (devOnly.length > 0) {
    rmSync(outDir, { recursive: true, force: true });
    const list = devOnly.map(({ input, what }) => `  - ${input} (${what})`).join('\n');
    throw new Error(`Dev-only code reached the bundle; nothing written:\n${list}`);
  }
  const sourceMap = moveSourceMap(outDir);

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
    type: 'commonjs',
    // The deployed runtime, whatever range the development machines run (root package.json).
    engines: { node: `>=${deployedNodeMajor}` },
    dependencies,
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  writeFileSync(
    path.join(outDir, '.funcignore'),
    [
      '# Read by `func azure functionapp publish`; the zip step in teamsapp.yml packs the whole folder.',
      '# The source map is written beside this folder; should one land here, it stays out too.',
      '*.map',
      'local.settings.json',
      '',
    ].join('\n'),
  );

  return { outDir, bundleBytes: statSync(mainJs).size, sourceMap, metafile: result.metafile };
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
    const { outDir, bundleBytes, metafile } = await buildFunctions({ outDir: option(argv, '--out') });
    if (metafilePath) writeFileSync(path.resolve(metafilePath), JSON.stringify(metafile));
    const inputs = Object.keys(metafile.inputs);
    const own = inputs.filter((input) => !input.includes('node_modules/')).length;
    const top = bundleComposition(metafile)
      .slice(0, 5)
      .map(({ name, bytes }) => `${name} ${kib(bytes)}`)
      .join(', ');
    const where = path.relative(process.cwd(), outDir) || '.';
    console.log(`${where}/main.js: ${kib(bundleBytes)} (${(bundleBytes / 1024 / 1024).toFixed(1)} MiB)`);
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
