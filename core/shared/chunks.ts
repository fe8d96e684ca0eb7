/** `items` cut into runs of at most `size` (at least 1), in order; no runs for no items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += step) runs.push(items.slice(start, start + step));
  return runs;
}
