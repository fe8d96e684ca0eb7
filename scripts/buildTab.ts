/**
 * Bundles the Teams tab (tab/) into hashed static files:
 *
 *   npx tsx scripts/buildTab.ts <outDir>
 *
 * writes <outDir>/index.html and <outDir>/assets/*-[hash].js|css: an ES module entry, the chunks it
 * loads on demand (the charts, MSAL, each language's texts) and the chunks they share. index.html
 * names the hashed entry with `<script type="module" src="/tab/assets/…">` and carries the
 * `csp-nonce` meta the server fills in per response; it holds no inline script or style.
 *
 * It does not type-check (`npm run typecheck` does).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const projectRoot = path.resolve(__dirname, '..');
const tabRoot = path.join(projectRoot, 'tab');
const entryPoint = path.join(tabRoot, 'src', 'main.tsx');

/** Where the served tab lives; the hashed files are under `<base>assets/`. */
export const TAB_BASE = '/tab/';

/** The most the JavaScript a first visit loads before anything lazy may weigh, gzipped. */
export const MAX_INITIAL_JS_GZIP_BYTES = 300 * 1024;

/** The placeholder index.html holds for the entry script; the build replaces it. */
const ENTRY_PLACEHOLDER = '<!-- entry -->';

export interface BuildTabOptions {
  outDir: string;
  minify?: boolean;
}

export interface BuiltTab {
  /** Every written file, relative to outDir, with `/` separators. */
  files: string[];
  /** The entry and the chunks it imports statically, gzipped: what a first visit loads. */
  initialJsGzipBytes: number;
  /** The entry's path relative to outDir (`assets/main-XXXX.js`). */
  entry: string;
}

/** Builds the tab into `outDir` (emptied first). */
export async function buildTab(options: BuildTabOptions): Promise<BuiltTab> {
  const outDir = path.resolve(options.outDir);
  const assetsDir = path.join(outDir, 'assets');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assetsDir, { recursive: true });

  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: { main: entryPoint },
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    jsx: 'automatic',
    minify: options.minify ?? true,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(tabRoot, 'tsconfig.json'),
    logLevel: 'warning',
  });

  const metafile = result.metafile;
  const entryOut = entryOutput(metafile, path.relative(projectRoot, entryPoint).split(path.sep).join('/'));
  const entry = relativeTo(outDir, entryOut);
  const css = Object.keys(metafile.outputs).filter((file) => file.endsWith('.css'));

  const template = readFileSync(path.join(tabRoot, 'index.html'), 'utf8');
  if (!template.includes(ENTRY_PLACEHOLDER)) throw new Error(`tab/index.html lacks ${ENTRY_PLACEHOLDER}`);
  const tags = [
    ...css.map((file) => `<link rel="stylesheet" href="${TAB_BASE}${relativeTo(outDir, file)}" />`),
    `<script type="module" src="${TAB_BASE}${entry}"></script>`,
  ];
  writeFileSync(path.join(outDir, 'index.html'), template.replace(ENTRY_PLACEHOLDER, tags.join('\n    ')));

  const files = [
    'index.html',
    ...Object.keys(metafile.outputs).map((file) => relativeTo(outDir, file)),
  ].sort();
  return { files, entry, initialJsGzipBytes: initialJsGzip(metafile, entryOut) };
}

/**
 * The output file of the page's entry, as the metafile names it (relative to the project); chunks
 * loaded with `import()` are entry points too, so it is found by its source.
 */
function entryOutput(metafile: Metafile, source: string): string {
  const entries = Object.entries(metafile.outputs).filter(([, output]) => output.entryPoint === source);
  if (entries.length !== 1) throw new Error(`expected one output for ${source}, found ${entries.length}`);
  return entries[0]![0];
}

/** The entry and every chunk reachable from it through static imports, gzipped together, per file. */
function initialJsGzip(metafile: Metafile, entryOut: string): number {
  const seen = new Set<string>();
  const queue = [entryOut];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
    }
  }
  let total = 0;
  for (const file of seen) total += gzipSync(readFileSync(path.join(projectRoot, file))).length;
  return total;
}

function relativeTo(outDir: string, file: string): string {
  return path.relative(outDir, path.resolve(projectRoot, file)).split(path.sep).join('/');
}

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: npx tsx scripts/buildTab.ts <outDir>');
    process.exit(2);
  }
  const built = await buildTab({ outDir, minify: true });
  const kb = (built.initialJsGzipBytes / 1024).toFixed(1);
  console.log(`tab: ${built.files.length} files in ${outDir}; initial JavaScript ${kb} KB gzipped`);
  if (built.initialJsGzipBytes > MAX_INITIAL_JS_GZIP_BYTES) {
    console.error(`the initial JavaScript is over ${MAX_INITIAL_JS_GZIP_BYTES / 1024} KB gzipped`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
