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
