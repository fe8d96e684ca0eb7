/**
 * Keeps the bundle's scripts ASCII (scripts/build.ts). esbuild escapes what is not ASCII in strings
 * and identifiers but copies comments and regular expression literals as written, so one `…` in a
 * package's comment made a whole 4 MiB chunk non-ASCII: Node then decodes it into a two-byte
 * string, slower to decode and to parse, on every cold start.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** `text` with each UTF-16 unit beyond ASCII written as its `\u` escape (an escaped one, `\–`, too). */
export function asciiOnly(text: string): string {
  // eslint-disable-next-line no-control-regex -- the range is the point: everything past ASCII
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_match, slashes: string, c: string) => {
    // An odd run of backslashes escapes the character itself (`/[\–]/`): the escape replaces it.
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Rewrites `files` with {@link asciiOnly}: an escape means the same in a regular expression and
 * nothing in a comment. The columns after it on its line move by five in the source map, on the few
 * lines that have one. Returns the files it changed.
 */
export function escapeNonAscii(files: readonly string[]): string[] {
  const changed: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const escaped = asciiOnly(text);
    if (escaped !== text) {
      writeFileSync(file, escaped);
      changed.push(file);
    }
  }
  return changed;
}
