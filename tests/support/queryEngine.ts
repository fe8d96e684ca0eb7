import { createRequire } from 'node:module';

/** @zeit/cosmosdb-query's entry point: a query, compiled, run over documents. */
export type QueryEngine = (query: string) => {
  code: string;
  exec(docs: unknown[], options: Record<string, unknown>): { result: unknown[]; continuation: unknown };
};

/**
 * The local Cosmos server's query engine twice: as the server loads it, which the local speed-ups
 * (functions/dev/local/linearQueries.ts, fastQueries.ts) patch, and a fresh copy of the same files in a
 * module registry of its own, as published: the reference the patched one must agree with.
 */
export function queryEngines(): { patched: QueryEngine; original: QueryEngine } {
  const serverRequire = createRequire(require.resolve('@vercel/cosmosdb-server'));
  const patched = (serverRequire('@zeit/cosmosdb-query') as { default: QueryEngine }).default;
  let original!: QueryEngine;
  jest.isolateModules(() => {
    original = (serverRequire('@zeit/cosmosdb-query') as { default: QueryEngine }).default;
  });
  return { patched, original };
}
