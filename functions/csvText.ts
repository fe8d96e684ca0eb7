/** The largest CSV file an import accepts, by HTTP or the jobs CLI: 5 MB holds tens of thousands of people. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What an import says of a file over the cap: the cap, and what to do. */
export const tooLargeMessage = (maxBytes: number): string =>
  `The CSV is larger than ${maxBytes / (1024 * 1024)} MB: split it into several imports.`;

/**
 * The bytes of a stream (a request body, a file), or 'too large' as soon as they pass `maxBytes`:
 * the rest is never read, so an endless source (`/dev/zero`) is refused as fast as a large one.
 * Leaving the loop early cancels the stream.
 */
export async function readAtMost(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | 'too large'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) return 'too large';
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The text of an uploaded or read CSV file, which must be UTF-8 (a leading BOM is fine: the
 * parser drops it). Anything else is refused rather than guessed: Excel's plain "CSV" is
 * Windows-1252, and decoding it as UTF-8 would quietly garble every accented name.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string } | { problem: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      problem:
        'the file is not UTF-8 text: save it as "CSV UTF-8 (comma delimited)" (Excel) or export it as UTF-8',
    };
  }
}
