/**
 * The Damerau-Levenshtein distance (optimal string alignment) between two short strings: the
 * fewest insertions, deletions, substitutions and swaps of neighbouring characters that turn one
 * into the other, so `hlep` → `help` is 1, not 2. Written here because it is a few lines over short
 * command words and no maintained package for it is among the dependencies; callers bound the
 * length of what they compare (the work grows with the product of both lengths).
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  // One flat table: cell (i, j) is the distance between the first i of `a` and the first j of `b`.
  const table = Array.from({ length: (a.length + 1) * width }, (_, cell) => {
    const i = Math.floor(cell / width);
    const j = cell % width;
    return i === 0 ? j : j === 0 ? i : 0;
  });
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      table[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}
