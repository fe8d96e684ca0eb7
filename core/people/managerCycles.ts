/**
 * The manager cycles that `starts` are in: for each start that is its own manager through others
 * (A → B → A), the cycle as a list of ids from it back to it. `managerOf` maps a person's id to
 * their manager's, both lower-case; a chain that ends, or that runs into a cycle the start is not
 * part of, gives nothing for that start.
 */
export function managerCyclesOf(
  starts: Iterable<string>,
  managerOf: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const cycles = new Map<string, string[]>();
  for (const start of starts) {
    const chain = [start];
    const seen = new Set(chain);
    let manager = managerOf.get(start);
    while (manager !== undefined && !seen.has(manager)) {
      chain.push(manager);
      seen.add(manager);
      manager = managerOf.get(manager);
    }
    if (manager === start && chain.length > 1) cycles.set(start, [...chain, start]);
  }
  return cycles;
}
