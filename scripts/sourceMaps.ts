/**
 * Where the Functions bundle's source maps go (scripts/build.ts): beside the build folder, so that
 * the deployed zip holds none and they stay at hand for symbolicating stack traces.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the source maps of the bundle in `outDir` go: beside the folder, so never in its zip. */
export const sourceMapDir = (outDir: string) => `${path.resolve(outDir)}.maps`;

/**
 * Moves each `<file>.js.map` of `outDir` to the same place under {@link sourceMapDir}, its sources
 * still resolving from there and `file` naming the output it maps. Returns the folder.
 */
export function moveSourceMaps(outDir: string, maps: readonly string[]): string {
  const mapDir = sourceMapDir(outDir);
  rmSync(mapDir, { recursive: true, force: true });
  for (const from of maps) {
    const to = path.join(mapDir, path.relative(outDir, from));
    const map = JSON.parse(readFileSync(from, 'utf8')) as { sources: string[]; file?: string };
    // Paths move with the map; sources named by URL (`webpack:/…`, inside packages' own maps) do not.
    const relocate = (source: string) =>
      /^[a-z][a-z0-9+.-]*:/i.test(source)
        ? source
        : path
            .relative(path.dirname(to), path.resolve(path.dirname(from), source))
            .split(path.sep)
            .join('/');
    map.sources = map.sources.map(relocate);
    map.file = relocate(path.basename(from, '.map'));
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, JSON.stringify(map));
    rmSync(from);
  }
  return mapDir;
}
