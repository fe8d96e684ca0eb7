import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app } from '@azure/functions';
import type { Metafile } from 'esbuild';
import {
  chunksDir,
  deployedNodeMajor,
  externalized,
  findDevOnlyInputs,
  MAX_BUNDLE_BYTES,
  outputFiles,
  sourceMapDir,
} from '../../scripts/build';
import { esModuleBuilds } from '../../scripts/bundleResolve';

// `npm run build` once, into a temporary folder outside the project (so main.js cannot lean on the
// project's node_modules), then the bundle is loaded the way the Functions worker loads it: in a
// fresh node with `@azure/functions-core` provided (scripts/fakeFunctionsCore.cjs) and no
// environment at all.
const root = path.resolve(__dirname, '..', '..');
const fakeCore = path.join(root, 'scripts', 'fakeFunctionsCore.cjs');
const tsxCli = require.resolve('tsx/cli');

interface Binding {
  type: string;
  direction: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  schedule?: string;
  runOnStartup?: boolean;
}
interface Registered {
  name: string;
  bindings: Record<string, Binding>;
  callbackType: string;
}
interface Report {
  programmingModel?: { name: string; version: string };
  functions: Registered[];
  activeResources: string[];
}

let tmp: string;
let out: string;
let metafile: Metafile;
let buildOutput: string;
let bundle: { status: number | null; stderr: string; report: Report };

/** The metafile's outputs by their path relative to the build folder (`main.js`, `chunks/…`). */
const outputs = () =>
  new Map(
    Object.entries(metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, output]) => [
        path.relative(out, path.resolve(root, file)).split(path.sep).join('/'),
        output,
      ]),
  );
const relative = (file: string) => path.relative(out, path.resolve(root, file)).split(path.sep).join('/');
/** `file` and every output it imports statically, transitively: what loading `file` loads. */
function loadedWith(file: string): string[] {
  const all = outputs();
  const seen = new Set<string>();
  const queue = [file];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const imported of all.get(next)?.imports ?? []) {
      if (!imported.external && imported.kind === 'import-statement') queue.push(relative(imported.path));
    }
  }
  return [...seen];
}
const inputsOf = (files: string[]) => files.flatMap((file) => Object.keys(outputs().get(file)?.inputs ?? {}));
/** The outputs `files` load with `import()`, later. */
const dynamicImports = (files: string[]) =>
  files.flatMap((file) =>
    (outputs().get(file)?.imports ?? [])
      .filter((imported) => imported.kind === 'dynamic-import')
      .map((imported) => relative(imported.path)),
  );
/** The output that holds the source `input`. */
const chunkOf = (input: string): string =>
  [...outputs()].find(([, output]) => input in output.inputs)?.[0] ?? `no output holds ${input}`;

/** The chunks' file names, in chunks/. */
const chunkFiles = () => readdirSync(path.join(out, chunksDir));
/** Every script the build wrote, relative to its folder: main.js and the chunks. */
const scripts = () => ['main.js', ...chunkFiles().map((name) => `${chunksDir}/${name}`)];

/** Loads `entry` with the fake functions-core in a child node; `nodeArgs` go before the script. */
function loadWithFakeCore(entry: string, reportName: string, options: { nodeArgs?: string[]; cwd: string }) {
  const reportPath = path.join(tmp, reportName);
  const run = spawnSync(process.execPath, [...(options.nodeArgs ?? []), fakeCore, entry, reportPath], {
    cwd: options.cwd,
    // Only what the local tooling sets: the settings are checked as the app loads, and without a
    // bot id nothing but the local tooling may start it.
    env: { MOMENTS_LOCAL: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const report = existsSync(reportPath)
    ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Report)
    : { functions: [], activeResources: [] };
  return { status: run.status, stderr: `${run.stderr}${run.error ? String(run.error) : ''}`, report };
}

/** The trigger registrations `@azure/functions` offers: app.http, app.timer, app.storageQueue, … */
const registrars = Object.keys(app).filter((key) => key !== 'hook' && key !== 'setup');
const httpRegistrars = new Set(['http', 'get', 'put', 'post', 'patch', 'deleteRequest']);

interface DeclaredTrigger {
  name: string;
  registrar: string;
  file: string;
}

/** The triggers a source file registers: `app.<registrar>('<name>', …)` with `app` from @azure/functions. */
function declaredTriggers(file: string): DeclaredTrigger[] {
  const source = readFileSync(file, 'utf8');
  const imports = /import\s*\{([^}]*)\}\s*from\s*['"]@azure\/functions['"]/.exec(source);
  if (!imports || !/(^|[\s,])app([\s,]|$)/.test(imports[1]!)) return [];
  const calls = new RegExp(`\\bapp\\.(${registrars.join('|')})\\(`, 'g');
  const named = new RegExp(`\\bapp\\.(${registrars.join('|')})\\(\\s*(['"\`])([^'"\`]+)\\2`, 'g');
  const found = [...source.matchAll(named)].map((m) => ({ registrar: m[1]!, name: m[3]!, file }));
  const callCount = [...source.matchAll(calls)].length;
  if (found.length !== callCount) {
    throw new Error(`${file}: ${callCount - found.length} trigger(s) not named with a string literal`);
  }
  return found;
}

/** The project's .ts files reachable from `entry` through relative, non-type-only imports. */
function reachableSources(entry: string): string[] {
  const statement =
    /(?:^|[;\n])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|\b(?:require|import)\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(statement)) {
      if (m[1]) continue; // `import type`: erased, never loaded
      const base = path.resolve(path.dirname(file), (m[2] ?? m[3])!);
      const resolved = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
        (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
      );
      if (resolved) queue.push(resolved);
    }
  }
  return [...seen];
}

const entrySource = path.join(root, 'functions', 'index.ts');
const expected = reachableSources(entrySource).flatMap(declaredTriggers);
const registered = () => bundle.report.functions;
const triggerOf = (fn: Registered) => Object.values(fn.bindings).find((b) => b.direction === 'in')!;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'moments-bundle-'));
  out = path.join(tmp, 'functions');
  const metafilePath = path.join(tmp, 'meta.json');
  const build = spawnSync(
    process.execPath,
    [tsxCli, 'scripts/build.ts', '--out', out, '--metafile', metafilePath],
    { cwd: root, encoding: 'utf8', timeout: 170_000 },
  );
  buildOutput = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`npm run build failed:\n${buildOutput}`);
  metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  bundle = loadWithFakeCore(path.join(out, 'main.js'), 'bundle-report.json', { cwd: tmp });
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('is `tsx scripts/build.ts` and prints the bundle size', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.build).toBe('tsx scripts/build.ts');
    expect(buildOutput).toMatch(/main\.js: [\d,]+ KiB, and \d+ chunks/);
    expect(buildOutput).toMatch(/in all: [\d,]+ KiB/);
  });

  it('writes main.js, its chunks, host.json, package.json and .funcignore, and nothing else', () => {
    expect(readdirSync(out).sort()).toEqual([...outputFiles].sort());
    expect(chunkFiles().length).toBeGreaterThan(0);
    expect(chunkFiles().filter((name) => !name.endsWith('.js'))).toEqual([]);
    expect(readFileSync(path.join(out, '.funcignore'), 'utf8')).toMatch(/^\*\.map$/m);
  });

  it('writes scripts that all parse: a chunk loaded late fails no later than the build', () => {
    const broken = scripts()
      .map((script) => ({ script, check: spawnSync(process.execPath, ['--check', path.join(out, script)]) }))
      .filter(({ check }) => check.status !== 0)
      .map(({ script, check }) => `${script}: ${check.stderr.toString().split('\n').slice(0, 5).join(' ')}`);
    expect(broken).toEqual([]);
  });

  it('bundles the message catalogues as JSON.parse of their text, which a cold instance reads faster', () => {
    const texts = scripts().map((script) => readFileSync(path.join(out, script), 'utf8'));
    const parsed = texts.flatMap((text) => text.match(/JSON\.parse\('\{\\n {2}"help\.title"/g) ?? []);
    expect(parsed).toHaveLength(8);
    // Nowhere as an object literal.
    expect(texts.some((text) => /^\s+"help\.title": "/m.test(text))).toBe(false);
  });

  it('writes ASCII only, so that Node reads each script into a one-byte string', () => {
    const beyondAscii = scripts().filter((script) =>
      // eslint-disable-next-line no-control-regex -- the range is the point: everything past ASCII
      /[^\x00-\x7f]/.test(readFileSync(path.join(out, script), 'utf8')),
    );
    expect(beyondAscii).toEqual([]);
  });

  it('writes the source maps beside the folder, so the deployed zip holds none', () => {
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(written.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const script of scripts()) {
      expect(readFileSync(path.join(out, script), 'utf8')).not.toMatch(/sourceMappingURL/);
      const mapPath = path.join(sourceMapDir(out), `${script}.map`);
      const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { file: string; sources: string[] };
      expect(path.resolve(path.dirname(mapPath), map.file)).toBe(path.join(out, script));
    }
    // Sources resolve from where the maps now are: the project's own files are found.
    const sources = scripts().flatMap((script) => {
      const mapPath = path.join(sourceMapDir(out), `${script}.map`);
      const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[] };
      return map.sources.map((source) => path.resolve(path.dirname(mapPath), source));
    });
    expect(sources).toContain(path.join(root, 'functions', 'host.ts'));
    expect(sources).toContain(path.join(root, 'functions', 'composition.ts'));
    expect(sources).toContain(path.join(root, 'bot', 'app.ts'));
  });

  it('is at most 8 MiB in all, and holds none of what Moments never runs', () => {
    const total = scripts().reduce((sum, script) => sum + statSync(path.join(out, script)).size, 0);
    expect(total).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    const leftOut = Object.keys(metafile.inputs).filter((input) =>
      /node_modules\/(openai|gpt-tokenizer|botbuilder-dialogs|@microsoft\/recognizers-text[^/]*|applicationinsights|botframework-streaming|ws|axios|fs-extra|open)\//.test(
        input,
      ),
    );
    expect(leftOut).toEqual([]);
    expect(
      Object.keys(metafile.inputs).filter((input) =>
        /teams-ai\/lib\/(authentication|planners|models|tokenizers)\//.test(input),
      ),
    ).toEqual([]);
    expect(
      Object.keys(metafile.inputs).filter((input) =>
        /botbuilder\/lib\/(botFrameworkAdapter\.js|skills\/|sharepoint\/)|botbuilder-core\/lib\/testAdapter\.js|adaptive-expressions\/lib\/generated\/|antlr4ts\/tree\/(pattern|xpath)\//.test(
          input,
        ),
      ),
    ).toEqual([]);
  });

  it('targets and declares the Node.js the Function App runs (infra/modules/functionApp.bicep)', () => {
    const bicep = readFileSync(path.join(root, 'infra', 'modules', 'functionApp.bicep'), 'utf8');
    expect(/runtime:\s*\{\s*name:\s*'node'\s*version:\s*'(\d+)'/.exec(bicep)?.[1]).toBe(
      String(deployedNodeMajor),
    );
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${deployedNodeMajor}`);
  });

  it('writes a package.json whose main is main.js, an ES module, with no dev dependencies', () => {
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'moments', main: 'main.js', type: 'module' });
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
    expect(Object.keys((pkg.dependencies as Record<string, string> | undefined) ?? {})).toEqual(externalized);
    for (const name of externalized) expect(existsSync(path.join(out, 'node_modules', name))).toBe(true);
  });

  it('writes a v2 host.json on extension bundle v4 with Application Insights sampling', () => {
    const host = JSON.parse(readFileSync(path.join(out, 'host.json'), 'utf8')) as {
      version: string;
      extensionBundle: { id: string; version: string };
      functionTimeout: string;
      logging: { applicationInsights: { samplingSettings: { isEnabled: boolean; excludedTypes: string } } };
    };
    expect(host.version).toBe('2.0');
    expect(host.extensionBundle).toEqual({
      id: 'Microsoft.Azure.Functions.ExtensionBundle',
      version: '[4.*, 5.0.0)',
    });
    expect(host.functionTimeout).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(host.logging.applicationInsights.samplingSettings.isEnabled).toBe(true);
    expect(host.logging.applicationInsights.samplingSettings.excludedTypes.split(';')).toEqual(
      expect.arrayContaining(['Request', 'Exception']),
    );
  });
});

describe('the card templates', () => {
  it('call none of the expression functions the bundle leaves out (scripts/bundleStubs.ts)', () => {
    const templates = readdirSync(path.join(root, 'bot'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json'))
      .map((file) => path.join('bot', file));
    expect(templates.length).toBeGreaterThan(5);
    const calls = templates.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/\$\{[^}]*\}/g)].flatMap((expression) =>
        [...expression[0].matchAll(/([A-Za-z]+)\s*\(/g)].map((call) => `${file}: ${call[1]}()`),
      ),
    );
    expect(calls.filter((call) => /: (isMatch|xml|xPath)\(\)$/.test(call))).toEqual([]);
  });
});

describe('the bundle inputs (esbuild metafile)', () => {
  it('include the entry point and every trigger module', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('functions/index.ts');
    for (const { file } of expected)
      expect(inputs).toContain(path.relative(root, file).split(path.sep).join('/'));
  });

  it('split so that registering the triggers loads neither the jobs runtime nor the bot', () => {
    const registration = loadedWith('main.js');
    const loaded = inputsOf(registration);
    expect(loaded).toContain('functions/index.ts');
    expect(loaded).toContain('functions/messages.ts');
    const heavy =
      /^(functions\/composition\.ts|bot\/app\.ts)$|node_modules\/(@azure\/cosmos|botbuilder|@microsoft\/teams-ai)\//;
    expect(loaded.filter((input) => heavy.test(input))).toEqual([]);
    // Each loads, when first needed, the chunk that holds it.
    expect(dynamicImports(registration)).toContain(chunkOf('functions/composition.ts'));
  });

  it("split so that the jobs runtime loads without the bot's own modules", () => {
    const jobs = loadedWith(chunkOf('functions/composition.ts'));
    const loaded = inputsOf(jobs);
    expect(loaded).toContain('functions/hourlyJobs.ts');
    // teams-ai's Application may sit in a chunk the jobs share (the messenger's TeamsAdapter comes
    // from the same package), wrapped so that it runs only when required: bundleRun.test.ts checks
    // that a timer never runs it. The bot's own modules are in the bot's chunk.
    expect(loaded.filter((input) => /^bot\/(app\.ts|[^/]+\/handlers\.ts)$/.test(input))).toEqual([]);
    expect(dynamicImports(jobs)).toContain(chunkOf('bot/app.ts'));
  });

  it('split so that neither the jobs runtime nor the bot loads the Graph SDK until Graph is on', () => {
    const firstRequest = [
      ...loadedWith(chunkOf('functions/composition.ts')),
      ...loadedWith(chunkOf('bot/app.ts')),
    ];
    const graph = (input: string) => /node_modules\/@microsoft\/microsoft-graph-client\//.test(input);
    expect(inputsOf(firstRequest).filter(graph)).toEqual([]);
    // The team owners' lookup (GRAPH_SYNC) loads it then.
    const teamRoles = loadedWith(chunkOf('functions/graph/graphTeamRoles.ts'));
    expect(inputsOf(teamRoles).some(graph)).toBe(true);
    expect(dynamicImports(firstRequest)).toContain(chunkOf('functions/graph/graphTeamRoles.ts'));
  });

  it('split so that no first request or timer loads the telemetry exporter: it loads after the answer', () => {
    const firstRequest = [
      ...loadedWith('main.js'),
      ...loadedWith(chunkOf('functions/composition.ts')),
      ...loadedWith(chunkOf('bot/app.ts')),
    ];
    const exporter = (input: string) =>
      /node_modules\/(@azure\/monitor-opentelemetry-exporter|@opentelemetry\/sdk-logs)\//.test(input);
    expect(inputsOf(firstRequest).filter(exporter)).toEqual([]);
    const telemetry = loadedWith(chunkOf('functions/telemetry/exporterSink.ts'));
    expect(inputsOf(telemetry).some(exporter)).toBe(true);
    expect(dynamicImports(loadedWith('main.js'))).toContain(chunkOf('functions/telemetry/exporterSink.ts'));
  });

  it('exclude the developer tools, tests, the Cosmos DB emulator and the Playground', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(findDevOnlyInputs(metafile)).toEqual([]);
    expect(inputs.filter((i) => i.startsWith('functions/dev/') || i.startsWith('tests/'))).toEqual([]);
    expect(inputs.filter((i) => /@vercel\/cosmosdb-server|@microsoft\/m365agentsplayground/.test(i))).toEqual(
      [],
    );
  });

  it('hold each dual (CJS + ESM) package from one build: CommonJS, or ESM where only the sources import it', () => {
    const builds = new Map<string, Set<string>>();
    for (const input of Object.keys(metafile.inputs)) {
      const dual = /node_modules\/((?:@[^/]+\/)?[^/]+)\/dist\/(esm|commonjs)\//.exec(input);
      if (dual) builds.set(dual[1]!, (builds.get(dual[1]!) ?? new Set()).add(dual[2]!));
    }
    const found = [...builds].map(([name, kinds]) => `${name}: ${[...kinds].sort().join(' + ')}`);
    const expected = [...builds.keys()].map(
      (name) => `${name}: ${esModuleBuilds.includes(name) ? 'esm' : 'commonjs'}`,
    );
    expect(found).toEqual(expected);
    expect(found).toContain('@azure/cosmos: esm');
  });

  it("hold one copy of each package: npm's copies of one version as one, msal-node in the app's version", () => {
    const copies = new Map<string, Set<string>>();
    for (const input of Object.keys(metafile.inputs)) {
      const at = input.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const [first, second] = input.slice(at + 'node_modules/'.length).split('/');
      const name = first!.startsWith('@') ? `${first}/${second}` : first!;
      copies.set(name, (copies.get(name) ?? new Set()).add(input.slice(0, at)));
    }
    const twice = [...copies].filter(([, where]) => where.size > 1);
    expect(twice.map(([name, where]) => `${name} in ${[...where].join(', ')}`)).toEqual([]);
    const msal = Object.keys(metafile.inputs).filter((input) => input.includes('/@azure/msal-node/'));
    expect(msal.length).toBeGreaterThan(0);
    expect(msal.filter((input) => input.includes('botframework-connector/'))).toEqual([]);
  });

  it('would fail the build on any dev-only input', () => {
    const inputs = Object.fromEntries(
      [
        'functions/dev/local/start.ts',
        'functions/dev/jobs/cli.ts',
        'tests/support/fakes.ts',
        'node_modules/@vercel/cosmosdb-server/lib/index.js',
        'node_modules/@microsoft/m365agentsplayground/cli.js',
        'functions/messages.ts',
        'node_modules/some-lib/tests/fixture.js',
      ].map((input) => [input, { bytes: 1, imports: [] }]),
    );
    expect(findDevOnlyInputs({ inputs, outputs: {} }).map((f) => f.input)).toEqual([
      'functions/dev/local/start.ts',
      'functions/dev/jobs/cli.ts',
      'tests/support/fakes.ts',
      'node_modules/@vercel/cosmosdb-server/lib/index.js',
      'node_modules/@microsoft/m365agentsplayground/cli.js',
    ]);
  });
});

describe('main.js, loaded as the Functions worker loads it', () => {
  it('loads with only the local-tooling setting, starts nothing and leaves test mode off', () => {
    expect(bundle.stderr).not.toMatch(/test mode|Error/);
    expect(bundle.status).toBe(0);
    expect(bundle.report.programmingModel?.name).toBe('@azure/functions');
    // Only the child's stdio pipes: no socket, server, timer or file handle (no Cosmos, no config).
    expect(bundle.report.activeResources.filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap')).toEqual([]);
  });

  it('finds the triggers in the sources (the expectation the next tests use)', () => {
    expect(expected.map((t) => t.name)).toEqual(
      expect.arrayContaining(['messages', 'milestoneReminders', 'weeklyDigest']),
    );
  });

  it('registers exactly the triggers functions/index.ts imports, once each', () => {
    expect(
      registered()
        .map((f) => f.name)
        .sort(),
    ).toEqual(expected.map((t) => t.name).sort());
    for (const fn of registered()) expect(fn.callbackType).toBe('function');
  });

  it('registers each trigger with its kind: HTTP triggers with methods and a route, timers', () => {
    for (const { name, registrar } of expected) {
      const trigger = triggerOf(registered().find((f) => f.name === name)!);
      if (httpRegistrars.has(registrar)) {
        expect(trigger.type).toBe('httpTrigger');
        expect(trigger.methods?.length).toBeGreaterThan(0);
        expect(trigger.authLevel).toMatch(/^(anonymous|function|admin)$/);
      } else if (registrar === 'timer') {
        expect(trigger.type).toBe('timerTrigger');
      } else {
        expect(trigger.type).toMatch(/Trigger$/);
      }
    }
  });

  it('registers messages as POST /api/messages, anonymous (the adapter checks the Bot Framework JWT)', () => {
    const messages = registered().find((f) => f.name === 'messages')!;
    expect(triggerOf(messages)).toMatchObject({
      type: 'httpTrigger',
      route: 'api/messages',
      methods: ['POST'],
      authLevel: 'anonymous',
    });
    expect(Object.values(messages.bindings)).toContainEqual(
      expect.objectContaining({ type: 'http', direction: 'out' }),
    );
  });

  it('registers the timers on six-field NCRONTAB schedules that do not run on start-up', () => {
    const timers = registered().filter((f) => triggerOf(f).type === 'timerTrigger');
    expect(timers.map((f) => f.name)).toEqual(expect.arrayContaining(['milestoneReminders', 'weeklyDigest']));
    for (const timer of timers) {
      const trigger = triggerOf(timer);
      expect(trigger.schedule?.trim().split(/\s+/)).toHaveLength(6);
      expect(trigger.runOnStartup).not.toBe(true);
    }
  });

  // Names, routes, methods, auth levels, schedules, binding names: all as the sources register them.
  it('registers the same metadata as the TypeScript sources do', () => {
    const sources = loadWithFakeCore(entrySource, 'sources-report.json', {
      cwd: root,
      nodeArgs: ['--require', require.resolve('tsx/cjs')],
    });
    expect(sources.status).toBe(0);
    expect(registered()).toEqual(sources.report.functions);
  }, 120_000);
});

describe('trigger modules', () => {
  it('are all imported by functions/index.ts (a trigger file left out would never deploy)', () => {
    const functionsDir = path.join(root, 'functions');
    const triggerFiles = readdirSync(functionsDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.startsWith(`local${path.sep}`))
      .map((file) => path.join(functionsDir, file))
      .filter((file) => declaredTriggers(file).length > 0);
    expect(triggerFiles.length).toBeGreaterThan(0);
    expect(triggerFiles.filter((file) => !expected.some((t) => t.file === file))).toEqual([]);
  });
});
