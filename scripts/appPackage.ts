/**
 * Builds the Teams app package (manifest.json, its language files, color.png and outline.png at
 * the zip root) for one environment, the way the Teams Toolkit's `teamsApp/zipAppPackage` does, but offline:
 *
 *   1. read env/.env.<env> (KEY=VALUE lines, `#` comments), then let process.env override it;
 *   2. fill every `${{NAME}}` placeholder in appPackage/manifest.json;
 *   3. validate the filled manifest against the JSON schema bundled in @microsoft/app-manifest
 *      (never fetched: a `$schema` the package does not bundle is an error, not a download);
 *   4. check the icons (sizes, outline transparency) and zip everything up.
 *
 * The CLI wrapper is scripts/packageApp.ts; tests call these functions directly.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { JSONSchemaType } from 'ajv';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { localizationFiles } from './manifestLanguages';

export const REPO_ROOT = join(__dirname, '..');
export const APP_PACKAGE_DIR = join(REPO_ROOT, 'appPackage');

/** `${{NAME}}`, with the optional inner spaces the Teams Toolkit also accepts. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may legitimately be set to an empty string (e.g. no suffix in production). */
export const DEFAULT_ALLOW_EMPTY: readonly string[] = ['APP_NAME_SUFFIX'];

export type EnvVars = Readonly<Record<string, string | undefined>>;

// ------------------------------------------------------------------------------------ errors

export class EnvFileNotFoundError extends Error {
  constructor(readonly envFile: string) {
    super(`Environment file not found: ${envFile}`);
    this.name = 'EnvFileNotFoundError';
  }
}

export class MissingVariablesError extends Error {
  constructor(
    readonly variables: readonly string[],
    readonly source: string,
  ) {
    super(
      `No value for ${variables.map((v) => `\${{${v}}}`).join(', ')} used in appPackage/manifest.json: ` +
        `set ${variables.length === 1 ? 'it' : 'them'} in ${source} (or in the process environment).`,
    );
    this.name = 'MissingVariablesError';
  }
}

export class ManifestValidationError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`The app manifest is not valid:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ManifestValidationError';
  }
}

// ------------------------------------------------------------------------------- env files

/** Parses KEY=VALUE lines; blank lines and `#` comments are skipped, surrounding quotes removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line
      .slice(0, eq)
      .trim()
      .replace(/^export\s+/, '');
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && /^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    vars[key] = value;
  }
  return vars;
}

export function envFilePath(env: string, rootDir: string = REPO_ROOT): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(env)) {
    throw new Error(`Invalid environment name "${env}": use letters, digits, "-" and "_" only.`);
  }
  return join(rootDir, 'env', `.env.${env}`);
}

/** env/.env.<env> merged with `processEnv` (which wins). */
export function loadEnvVars(
  env: string,
  options: { rootDir?: string; processEnv?: EnvVars } = {},
): Record<string, string> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const file = envFilePath(env, rootDir);
  if (!existsSync(file)) throw new EnvFileNotFoundError(relative(process.cwd(), file) || file);
  const vars = parseEnvFile(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(options.processEnv ?? process.env)) {
    if (value !== undefined) vars[key] = value;
  }
  return vars;
}

// ---------------------------------------------------------------------------- placeholders

/** Names of the `${{NAME}}` placeholders in every string inside `value`, in order of appearance. */
export function findPlaceholders(value: unknown): string[] {
  const names = new Set<string>();
  walkStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) names.add(m[1]!);
  });
  return [...names];
}

/**
 * Replaces every `${{NAME}}` in every string inside `value` (a parsed manifest, or a string).
 * Works on parsed JSON so values never need escaping. Throws {@link MissingVariablesError} naming
 * every variable that has no value (undefined, or empty unless listed in `allowEmpty`).
 */
export function fillPlaceholders<T>(
  value: T,
  vars: EnvVars,
  options: { source?: string; allowEmpty?: readonly string[] } = {},
): T {
  const allowEmpty = new Set(options.allowEmpty ?? DEFAULT_ALLOW_EMPTY);
  const missing = findPlaceholders(value).filter((name) => {
    const v = vars[name];
    return v === undefined || (v === '' && !allowEmpty.has(name));
  });
  if (missing.length > 0) throw new MissingVariablesError(missing, options.source ?? 'the environment');
  return mapStrings(value, (s) => s.replace(PLACEHOLDER, (_m, name: string) => vars[name] ?? '')) as T;
}

function walkStrings(value: unknown, visit: (s: string, path: string) => void, path = ''): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, visit, `${path}/${i}`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkStrings(v, visit, `${path}/${k}`);
  }
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  }
  return value;
}

// ------------------------------------------------------------------------------ validation

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

/** Directory of the JSON schemas shipped inside @microsoft/app-manifest. */
function bundledSchemaDir(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

/** Teams manifest schema versions bundled with @microsoft/app-manifest, e.g. ["v1.0", …, "v1.30"]. */
export function bundledSchemaVersions(): string[] {
  return readdirVersions(bundledSchemaDir());
}

function readdirVersions(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'MicrosoftTeams.schema.json')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The bundled schema a `$schema` URL points at, or an error message (never a network fetch). */
function loadBundledSchema(schemaUrl: unknown): { schema: JSONSchemaType<AppManifest> } | { error: string } {
  if (typeof schemaUrl !== 'string' || schemaUrl === '') {
    return {
      error: '/$schema is missing: it must point at a Teams manifest schema on developer.microsoft.com',
    };
  }
  const m = SCHEMA_URL.exec(schemaUrl);
  if (!m) {
    return {
      error: `/$schema "${schemaUrl}" is not a https://developer.microsoft.com/json-schemas/teams/v1.x/MicrosoftTeams.schema.json URL`,
    };
  }
  const dir = bundledSchemaDir();
  const version = readdirVersions(dir).find((v) => v.toLowerCase() === m[1]!.toLowerCase());
  if (!version) {
    return {
      error: `/$schema ${m[1]} is not bundled with @microsoft/app-manifest (it has ${readdirVersions(dir).join(', ')})`,
    };
  }
  const raw = readFileSync(join(dir, version, 'MicrosoftTeams.schema.json'), 'utf8');
  // Same clean-up AppManifestUtils.fetchSchema applies: some schemas contain \a and \v escapes.
  return { schema: JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) };
}

/**
 * Every problem with a (filled) manifest: unfilled `${{…}}` placeholders, anything else still
 * containing `${{`, and JSON-schema errors from @microsoft/app-manifest against the bundled
 * schema that `$schema` names. An empty array means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['The manifest must be a JSON object'];
  }
  const errors: string[] = [];
  walkStrings(manifest, (s, path) => {
    const names = [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    if (names.length > 0) {
      errors.push(`${path} still contains the placeholder ${names.map((n) => `\${{${n}}}`).join(', ')}`);
    } else if (s.includes('${{')) {
      errors.push(`${path} contains a malformed placeholder: ${JSON.stringify(s)}`);
    }
  });
  const loaded = loadBundledSchema((manifest as { $schema?: unknown }).$schema);
  if ('error' in loaded) return [...errors, loaded.error];
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, loaded.schema);
  return [...errors, ...schemaErrors];
}

// ------------------------------------------------------------------------------------ icons

/** Problems with the colour icon (must be a 192×192 PNG). */
export function checkColorIcon(data: Buffer): string[] {
  const png = readPng(data);
  if (typeof png === 'string') return [`color icon: ${png}`];
  return png.width === 192 && png.height === 192
    ? []
    : [`color icon must be 192×192, is ${png.width}×${png.height}`];
}

/** Problems with the outline icon (32×32, only white or fully transparent pixels, not empty). */
export function checkOutlineIcon(data: Buffer): string[] {
  const png = readPng(data);
  if (typeof png === 'string') return [`outline icon: ${png}`];
  if (png.width !== 32 || png.height !== 32) {
    return [`outline icon must be 32×32, is ${png.width}×${png.height}`];
  }
  let coloured = 0;
  let opaque = 0;
  let transparent = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    if (a === 0) transparent++;
    else {
      opaque++;
      if (r !== 255 || g !== 255 || b !== 255) coloured++;
    }
  }
  const errors: string[] = [];
  if (coloured > 0) errors.push(`outline icon has ${coloured} visible pixels that are not white`);
  if (opaque === 0) errors.push('outline icon is empty (fully transparent)');
  if (transparent === 0) errors.push('outline icon has no transparent background');
  return errors;
}

function readPng(data: Buffer): PNG | string {
  try {
    return PNG.sync.read(data);
  } catch (e) {
    return `not a readable PNG (${e instanceof Error ? e.message : String(e)})`;
  }
}

// ---------------------------------------------------------------------------------- package

/** A fixed timestamp so the same inputs always give the same zip bytes. */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Fills, validates and zips the app package for `env` with `vars`. Resolves to the zip bytes;
 * rejects with {@link MissingVariablesError} or {@link ManifestValidationError}.
 */
export async function buildAppPackage(
  env: string,
  vars: EnvVars,
  options: { appPackageDir?: string; allowEmpty?: readonly string[] } = {},
): Promise<Buffer> {
  const dir = options.appPackageDir ?? APP_PACKAGE_DIR;
  const template: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const manifest = fillPlaceholders(template, vars, {
    source: `env/.env.${env}`,
    allowEmpty: options.allowEmpty,
  }) as { icons?: { color?: unknown; outline?: unknown } };

  const errors = await validateManifest(manifest);
  const icons: Array<[string, Buffer]> = [];
  for (const [kind, check] of [
    ['color', checkColorIcon],
    ['outline', checkOutlineIcon],
  ] as const) {
    const file = manifest.icons?.[kind];
    if (typeof file !== 'string') continue; // the schema has already reported it
    const path = join(dir, file);
    if (!existsSync(path)) {
      errors.push(`/icons/${kind}: ${file} does not exist in appPackage/`);
      continue;
    }
    const data = readFileSync(path);
    errors.push(...check(data));
    icons.push([file, data]);
  }
  const languages = localizationFiles(dir, manifest);
  errors.push(...languages.errors);
  if (errors.length > 0) throw new ManifestValidationError(errors);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const [name, data] of [...icons, ...languages.files]) zip.file(name, data, { date: ZIP_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/** Where the package for `env` is written: appPackage/build/appPackage.<env>.zip. */
export function appPackagePath(env: string, rootDir: string = REPO_ROOT): string {
  envFilePath(env, rootDir); // validates the name
  return join(rootDir, 'appPackage', 'build', `appPackage.${env}.zip`);
}

/** Loads env/.env.<env> (+ process.env), builds the package and writes it. Returns the zip path. */
export async function writeAppPackage(
  env: string,
  options: { rootDir?: string; processEnv?: EnvVars } = {},
): Promise<string> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const vars = loadEnvVars(env, options);
  const zip = await buildAppPackage(env, vars, { appPackageDir: join(rootDir, 'appPackage') });
  const out = appPackagePath(env, rootDir);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  return out;
}
