import { chunks } from '../../core/shared';

/**
 * Ids per query when one read names many people: Cosmos DB bounds a query's text and parameters,
 * and short `IN` / `ARRAY_CONTAINS` lists keep each query cheap to plan and serve from the index.
 */
export const IDS_PER_QUERY = 100;

/**
 * Runs `read` for each run of at most {@link IDS_PER_QUERY} of `items`, one after another, and
 * returns all the answers in order. Nothing is read for no items.
 */
export async function readEachChunk<T, R>(
  items: readonly T[],
  read: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const found: R[] = [];
  for (const chunk of chunks(items, IDS_PER_QUERY)) found.push(...(await read(chunk)));
  return found;
}

/**
 * {@link readEachChunk}, with the answers merged newest first, each document once (by `keyOf`):
 * for documents that more than one chunk can match.
 */
export async function readInChunks<T, R extends { createdAt: string }>(
  items: readonly T[],
  read: (chunk: T[]) => Promise<R[]>,
  keyOf: (document: R) => string,
): Promise<R[]> {
  const found = new Map<string, R>();
  for (const document of await readEachChunk(items, read)) {
    if (!found.has(keyOf(document))) found.set(keyOf(document), document);
  }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
