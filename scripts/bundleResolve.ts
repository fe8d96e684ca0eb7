/**
 * How the Functions bundle (scripts/build.ts) resolves packages, so that each exists in it once:
 *
 * - the CommonJS build of dual packages, as `require` would pick it, but for the few bundled from
 *   their ES module build ({@link esModuleBuilds});
 * - one copy of a package that npm installed several times in the same version;
 * - one version of the packages in {@link unifiedPackages}, the app's own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, PluginBuild } from 'esbuild';

/**
 * Dual packages bundled from their ES module build, whoever imports them. Of ES modules esbuild
 * leaves out what is never used and wraps no file in a function of its own: @azure/cosmos weighs
 * 0.7 MiB so, 1.2 MiB from its CommonJS build, and a cold instance loads it before its first
 * request and its first timer run alike.
 */
export const esModuleBuilds: readonly string[] = ['@azure/cosmos'];

/**
 * Packages bundled in the app's own version only, though a dependency asks for an older major one,
 * because what that dependency calls is the same in both. @azure/msal-node: botframework-connector
 * asks for 2, @azure/identity for 5; the bot's client-secret sign-in (MsalAppCredentials) calls
 * `new ConfidentialClientApplication({ auth: { clientId, authority, clientSecret } })` and
 * `acquireTokenByClientCredential({ scopes, skipCache })`, unchanged from 2 to 5 (its certificate
 * and federated sign-ins, which Moments does not offer, are not checked). tests/build/bundleRun.test.ts
 * signs the bundled bot in with a secret.
 */
/*
 * @opentelemetry/core and @opentelemetry/resources: @opentelemetry/sdk-logs 0.221 pins 2.10.0, the
 * Azure Monitor exporter and the app use 2.12.1, a later minor version of the same major, whose
 * API OpenTelemetry keeps stable within a major; both load only in the telemetry chunk.
 */
export const unifiedPackages: readonly string[] = [
  '@azure/msal-node',
  '@opentelemetry/core',
  '@opentelemetry/resources',
];

/** The folder of the package a resolved file belongs to, and the package's name. */
function packageOf(file: string): { root: string; name: string } | undefined {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = file.slice(at + marker.length).split(path.sep);
  const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return { root: file.slice(0, at + marker.length) + name.split('/').join(path.sep), name };
}

interface Manifest {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const manifests = new Map<string, Manifest | undefined>();
function manifestOf(root: string): Manifest | undefined {
  if (!manifests.has(root)) {
    const file = path.join(root, 'package.json');
    manifests.set(root, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined);
  }
  return manifests.get(root);
}

const copiesFound = new Map<string, string[]>();

/**
 * Where npm may have installed `name` under `modules` (a node_modules folder): at its top and one
 * level down, inside another package. Shallowest first, then in path order, so the pick is the same
 * from build to build.
 */
function installedCopies(modules: string, name: string): string[] {
  const key = path.join(modules, name);
  let copies = copiesFound.get(key);
  if (!copies) {
    const owners = readdirSync(modules)
      .sort()
      .flatMap((entry) =>
        entry.startsWith('@')
          ? readdirSync(path.join(modules, entry))
              .sort()
              .map((scoped) => path.join(modules, entry, scoped))
          : [path.join(modules, entry)],
      );
    copies = [key, ...owners.map((owner) => path.join(owner, 'node_modules', name))].filter((copy) =>
      existsSync(path.join(copy, 'package.json')),
    );
    copiesFound.set(key, copies);
  }
  return copies;
}

/**
 * The copy of a package to bundle for `root`: the first of its copies in the same version. Only a
 * package without dependencies is swapped, since another copy could find different versions of them.
 */
function canonicalCopy(root: string, name: string): string {
  const own = manifestOf(root);
  const hasDependencies = [own?.dependencies, own?.optionalDependencies, own?.peerDependencies].some(
    (deps) => deps && Object.keys(deps).length > 0,
  );
  if (!own?.version || hasDependencies) return root;
  const marker = `${path.sep}node_modules${path.sep}`;
  const modules = root.slice(0, root.indexOf(marker) + marker.length - 1);
  const same = installedCopies(modules, name).find((copy) => manifestOf(copy)?.version === own.version);
  return same ?? root;
}

/** Marks a resolution this plugin asked for itself, so that it does not handle it twice. */
const OWN = Symbol('moments-package-resolution');

async function resolveOnce(
  b: PluginBuild,
  specifier: string,
  options: { kind: 'require-call' | 'import-statement'; importer?: string; resolveDir: string },
) {
  const result = await b.resolve(specifier, { ...options, pluginData: OWN });
  return result.errors.length > 0 ? undefined : result;
}

/** The plugin: each bare import resolved as described at the top of this file. */
export function packageResolution(projectRoot: string): Plugin {
  const esm = new Set(esModuleBuilds);
  const unified = new Set(unifiedPackages);
  return {
    name: 'package-resolution',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === OWN) return undefined;
        const name = args.path.startsWith('@')
          ? args.path.split('/').slice(0, 2).join('/')
          : args.path.split('/')[0]!;
        // The app's copy, wherever the import comes from.
        if (unified.has(name)) {
          return resolveOnce(b, args.path, { kind: 'require-call', resolveDir: projectRoot });
        }
        // Otherwise as Node, tsc's output and ts-jest load them: `require`, so the CommonJS build;
        // esbuild would bundle the ESM build for `import` statements beside the CommonJS build for
        // `require` calls inside node_modules (two loggers, two tracing states).
        const result = await resolveOnce(b, args.path, {
          kind: esm.has(name) ? 'import-statement' : 'require-call',
          importer: args.importer,
          resolveDir: args.resolveDir,
        });
        if (!result || result.namespace !== 'file') return result;
        const owner = packageOf(result.path);
        if (!owner) return result;
        const copy = canonicalCopy(owner.root, owner.name);
        return copy === owner.root
          ? result
          : { ...result, path: copy + result.path.slice(owner.root.length) };
      });
    },
  };
}
