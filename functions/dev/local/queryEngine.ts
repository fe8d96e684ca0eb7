/**
 * The local Cosmos DB server's query engine, `@zeit/cosmosdb-query`, as the server loads it.
 *
 * linearQueries.ts and fastQueries.ts replace functions inside the engine's own modules
 * (`transformer`, `helpers`, `builtin-functions`, `executor`): private internals that any release may
 * rename or reshape. So the engine is pinned to the version they were written and tested against
 * (package.json `overrides`), and {@link loadQueryEngineModule} refuses any other version with a
 * message that says what to review, instead of patching code it does not know.
 */
import { createRequire } from 'node:module';

/** The one version of `@zeit/cosmosdb-query` the local speed-ups patch. */
export const PINNED_QUERY_ENGINE_VERSION = '0.7.2';

/** Throws unless `version` is the pinned one; exported for the test that shows it refusing. */
export function checkQueryEngineVersion(version: string): void {
  if (version === PINNED_QUERY_ENGINE_VERSION) return;
  throw new Error(
    `The local Cosmos DB server's query engine is @zeit/cosmosdb-query ${version}, but the local ` +
      `query speed-ups (functions/dev/local/linearQueries.ts, fastQueries.ts) patch the internals of ` +
      `${PINNED_QUERY_ENGINE_VERSION}. Review those patches against the new version, run ` +
      `tests/functions/dev, then change PINNED_QUERY_ENGINE_VERSION and the package.json override.`,
  );
}

/**
 * A `require` rooted in the engine's package, for loading its internal modules (`./transformer`, …).
 * The engine is a dependency of the server, so it is resolved from there, not from this project.
 */
export function loadQueryEngineModule(): NodeJS.Require {
  const requireFromServer = createRequire(require.resolve('@vercel/cosmosdb-server'));
  const load = createRequire(requireFromServer.resolve('@zeit/cosmosdb-query'));
  checkQueryEngineVersion((load('../package.json') as { version: string }).version);
  return load;
}
