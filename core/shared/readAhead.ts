/** Options of {@link readAhead}. */
export interface ReadAheadOptions {
  /** Items loaded by one call of the loader. */
  batchSize: number;
  /** Batches loaded beyond the one asked for, so that they are ready when their turn comes. */
  ahead: number;
}

/**
 * Loads `items` in batches, one call of `load` per batch, started when an item of that batch or of
 * one of the `ahead` batches before it is asked for: a caller that takes the items in order finds
 * the next ones loaded while it works on the current ones. A batch is loaded once; it is forgotten
 * once each of its items was asked for.
 * @param load returns one result per item of the batch, in the batch's order.
 * @returns the result for the item at `index`; rejects when its batch's load failed. A batch loaded
 *   ahead that fails is reported only to whoever asks for one of its items.
 */
export function readAhead<T, R>(
  items: readonly T[],
  options: ReadAheadOptions,
  load: (batch: T[]) => Promise<R[]>,
): (index: number) => Promise<R> {
  const size = Math.max(1, Math.floor(options.batchSize));
  const ahead = Math.max(0, Math.floor(options.ahead));
  const batches = Math.ceil(items.length / size);
  const loading = new Map<number, { results: Promise<R[]>; asked: number }>();
  const started = new Set<number>();
  const start = (batch: number) => {
    if (batch >= batches || started.has(batch)) return;
    started.add(batch);
    const results = load(items.slice(batch * size, (batch + 1) * size));
    // Loaded ahead, perhaps never asked for (the caller stopped): no unhandled rejection.
    results.catch(() => undefined);
    loading.set(batch, { results, asked: 0 });
  };
  return async (index) => {
    if (!Number.isInteger(index) || index < 0 || index >= items.length) {
      throw new RangeError(`readAhead: no item at ${index} of ${items.length}`);
    }
    const batch = Math.floor(index / size);
    for (let next = batch; next <= batch + ahead; next++) start(next);
    const entry = loading.get(batch);
    if (!entry) throw new Error(`readAhead: the batch of item ${index} was asked for after it was forgotten`);
    entry.asked++;
    if (entry.asked >= Math.min(size, items.length - batch * size)) loading.delete(batch);
    const results = await entry.results;
    const result = results[index - batch * size];
    if (result === undefined && results.length <= index - batch * size) {
      throw new Error(`readAhead: the loader gave ${results.length} results for a batch of ${size}`);
    }
    return result as R;
  };
}
