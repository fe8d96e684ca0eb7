/**
 * Runs the Bicep CLI (through scripts/bicep.sh) over infra/ once per test run and caches what it
 * produced under the OS temp folder, keyed by the content of infra/, containers.json and the
 * Bicep version, so later runs and other test files reuse it.
 *
 * What it produces:
 * - the compiled ARM JSON of every .bicep file under infra/ (main.bicep and each module);
 * - the diagnostics of `bicep build` and `bicep lint` over all of them;
 * - `bicep snapshot` of main.bicep for two parameter sets (serverless Cosmos DB, the default, and
 *   autoscale, with the production environment's settings and a tab client id): every resource the deployment would
 *   create, nested modules expanded and every expression that can be known before deployment
 *   evaluated;
 * - the same snapshot in a region without Flex Consumption, which must fail.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const infraDir = path.join(repoRoot, 'infra');
export const bicepScript = path.join(repoRoot, 'scripts', 'bicep.sh');
export const containersJsonPath = path.join(repoRoot, 'functions', 'cosmos', 'containers.json');

/** scripts/bicep.sh exits with this when no Bicep CLI can be had. */
export const EXIT_NO_BICEP = 3;

/** Fixed deployment scope for snapshots (fake ids: nothing is deployed). */
export const snapshotScope = {
  subscriptionId: '00000000-0000-0000-0000-00000000c0de',
  resourceGroup: 'rg-moments-test',
  location: 'westeurope',
  tenantId: '00000000-0000-0000-0000-0000000071d0',
  resourceBaseName: 'momentstest01',
} as const;

/** The tab's Entra client id the autoscale snapshot deploys with (a made-up id). */
export const snapshotTabClientId = '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ArmResource {
  type: string;
  name: string;
  apiVersion?: string;
  location?: string;
  kind?: string;
  sku?: JsonObject;
  identity?: JsonObject;
  scope?: string;
  properties?: JsonObject;
  [key: string]: JsonValue | undefined;
}

export interface ArmTemplate {
  $schema: string;
  languageVersion?: string;
  parameters?: Record<string, JsonObject>;
  outputs?: Record<string, JsonObject>;
  variables?: Record<string, JsonValue>;
  definitions?: Record<string, JsonObject>;
  /** An array, or an object keyed by symbolic name when languageVersion is 2.0. */
  resources: ArmResource[] | Record<string, ArmResource>;
}

export interface Snapshot {
  predictedResources: ArmResource[];
  diagnostics: JsonValue[];
  outputs: Record<string, JsonValue>;
}

export interface CommandResult {
  command: string;
  status: number;
  stdout: string;
  stderr: string;
}

export interface BicepResults {
  version: string;
  source: string;
  /** Compiled templates by path relative to infra/, e.g. "main.bicep", "modules/cosmos.bicep". */
  templates: Record<string, ArmTemplate>;
  build: CommandResult;
  lint: CommandResult;
  /** Null when the snapshot failed; see errors. */
  snapshots: { serverless: Snapshot | null; autoscale: Snapshot | null };
  /** The snapshot in a region without Flex Consumption (expected to fail, with its message). */
  unsupportedRegion: CommandResult;
  /** Commands that failed (build, snapshot), with their output. */
  errors: string[];
  /** Diagnostics (warnings and errors) that build, lint and snapshot printed. */
  diagnostics: string[];
}

export type BicepAvailability =
  { available: true; version: string; source: string } | { available: false; reason: string };

function runBicep(args: string[], cwd: string = repoRoot, timeoutMs = 15 * 60_000): CommandResult {
  const result = spawnSync('bash', [bicepScript, ...args], {
    cwd,
    encoding: 'utf8',
    env: process.env,
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    command: `scripts/bicep.sh ${args.join(' ')}`,
    status: result.status ?? -1,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}

/** The lines of stderr that bicep.sh itself printed (where it got bicep from). */
function scriptLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('bicep.sh:'));
}

/** Bicep diagnostics: lines like "file(1,2) : Warning rule: text" or "... : Error BCP...". */
export function diagnosticLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\) : (Warning|Error|Info)\b/.test(line) || /^(Warning|Error)\b/.test(line));
}

let availability: BicepAvailability | undefined;

/**
 * Whether a Bicep CLI can be had: runs `scripts/bicep.sh --version` (which may restore it from
 * NuGet the first time). Synchronous so that test files can choose describe or describe.skip
 * while Jest collects tests.
 */
export function bicepAvailability(): BicepAvailability {
  if (availability) return availability;
  const result = runBicep(['--version']);
  if (result.status === EXIT_NO_BICEP) {
    availability = { available: false, reason: scriptLines(result.stderr).join(' ') || result.stderr.trim() };
  } else if (result.status !== 0) {
    throw new Error(`${result.command} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  } else {
    const source = scriptLines(result.stderr)
      .join(' ')
      .replace(/^bicep\.sh: using /, '');
    availability = { available: true, version: result.stdout.trim(), source };
  }
  return availability;
}

function listFiles(dir: string, predicate: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, predicate));
    else if (predicate(full)) out.push(full);
  }
  return out.sort();
}

export function bicepFiles(): string[] {
  return listFiles(infraDir, (file) => file.endsWith('.bicep'));
}

function inputsHash(version: string): string {
  const hash = createHash('sha256');
  hash.update(version);
  hash.update(fs.readFileSync(bicepScript));
  hash.update(fs.readFileSync(__filename));
  const inputs = [...listFiles(infraDir, (file) => /\.(bicep|json)$/.test(file)), containersJsonPath];
  for (const file of inputs) {
    hash.update(path.relative(repoRoot, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function writeParams(dir: string, fileName: string, extraLines: string[]): string {
  const file = path.join(dir, fileName);
  // bicepparam files must reference their template by a relative path.
  const using = path.relative(dir, path.join(infraDir, 'main.bicep')).split(path.sep).join('/');
  const lines = [
    `using '${using}'`,
    '',
    `param resourceBaseName = '${snapshotScope.resourceBaseName}'`,
    ...extraLines,
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

function runSnapshot(dir: string, paramsFile: string): CommandResult {
  return runBicep(
    [
      'snapshot',
      paramsFile,
      '--mode',
      'overwrite',
      '--subscription-id',
      snapshotScope.subscriptionId,
      '--resource-group',
      snapshotScope.resourceGroup,
      '--location',
      snapshotScope.location,
      '--tenant-id',
      snapshotScope.tenantId,
    ],
    dir,
  );
}

function snapshot(dir: string, paramsFile: string, diagnostics: string[], errors: string[]): Snapshot | null {
  const result = runSnapshot(dir, paramsFile);
  diagnostics.push(...diagnosticLines(result.stderr + '\n' + result.stdout));
  const out = paramsFile.replace(/\.bicepparam$/, '.snapshot.json');
  if (result.status !== 0 || !fs.existsSync(out)) {
    errors.push(`${result.command} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
    return null;
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Snapshot;
}

let results: BicepResults | undefined;

/** Builds, lints and snapshots infra/ (or returns the cached results). Needs a Bicep CLI. */
export function bicepResults(): BicepResults {
  if (results) return results;
  const bicep = bicepAvailability();
  if (!bicep.available) throw new Error(`no Bicep CLI: ${bicep.reason}`);

  const cacheRoot = path.join(os.tmpdir(), 'moments-bicep-cache');
  const cacheFile = path.join(cacheRoot, `${inputsHash(bicep.version)}.json`);
  if (fs.existsSync(cacheFile)) {
    results = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as BicepResults;
    return results;
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moments-bicep-'));
  const outDir = path.join(work, 'build');
  const pattern = 'infra/**/*.bicep';
  const build = runBicep(['build', '--pattern', pattern, '--outdir', outDir]);
  const lint = runBicep(['lint', '--pattern', pattern]);
  const diagnostics = [
    ...diagnosticLines(build.stderr + '\n' + build.stdout),
    ...diagnosticLines(lint.stderr + '\n' + lint.stdout),
  ];
  const errors: string[] = [];
  if (build.status !== 0) {
    errors.push(`${build.command} failed (exit ${build.status}):\n${build.stderr}${build.stdout}`);
  }

  const templates: Record<string, ArmTemplate> = {};
  for (const file of bicepFiles()) {
    const rel = path.relative(infraDir, file).split(path.sep).join('/');
    const compiled = path.join(outDir, rel.replace(/\.bicep$/, '.json'));
    if (fs.existsSync(compiled))
      templates[rel] = JSON.parse(fs.readFileSync(compiled, 'utf8')) as ArmTemplate;
  }

  const serverless = snapshot(work, writeParams(work, 'serverless.bicepparam', []), diagnostics, errors);
  const autoscale = snapshot(
    work,
    writeParams(work, 'autoscale.bicepparam', [
      "param cosmosThroughput = { mode: 'Autoscale', maxThroughput: 4000 }",
      "param botSku = 'S1'",
      "param defaultTimeZone = 'Europe/Berlin'",
      "param momentsAdmins = 'it.admin@contoso.com,00000000-0000-4000-8000-000000000001'",
      "param environmentName = 'prod'",
      "param alertEmail = 'ops@contoso.com'",
      "param graphSync = 'true'",
      "param teamsAppCatalogId = '1542629c-01b3-4a6d-8f76-1938b779e48d'",
      `param tabClientId = '${snapshotTabClientId}'`,
    ]),
    diagnostics,
    errors,
  );
  const unsupportedRegion = runSnapshot(
    work,
    writeParams(work, 'unsupported-region.bicepparam', ["param location = 'westindia'"]),
  );

  results = {
    version: bicep.version,
    source: bicep.source,
    templates,
    build,
    lint,
    snapshots: { serverless, autoscale },
    unsupportedRegion,
    errors,
    diagnostics,
  };
  // Only a clean run is cached: a failure may be passing (a timeout), and is cheap to repeat.
  if (errors.length === 0 && diagnostics.length === 0) {
    fs.mkdirSync(cacheRoot, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(results));
    fs.renameSync(tmp, cacheFile);
  }
  fs.rmSync(work, { recursive: true, force: true });
  return results;
}

/** The resources of a compiled template as an array, whatever its language version. */
export function templateResources(template: ArmTemplate): ArmResource[] {
  return Array.isArray(template.resources) ? template.resources : Object.values(template.resources);
}

export function resourcesOfType(resources: ArmResource[], type: string): ArmResource[] {
  return resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}

/** The one resource of a type; throws when there is none or more than one. */
export function single(resources: ArmResource[], type: string): ArmResource {
  const found = resourcesOfType(resources, type);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one ${type}, found ${found.length}: ${found.map((r) => r.name).join(', ')}`,
    );
  }
  return found[0] as ArmResource;
}

/** Reads a nested property, e.g. at(resource, 'properties', 'siteConfig', 'minTlsVersion'). */
export function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
