/**
 * Text that is to read as typed inside a message Teams renders as markdown (a name in the
 * welcome, whose own wording is bold). Every character that can open markup within a line is
 * escaped with a backslash, which markdown shows as the character itself, and line breaks become
 * spaces so that nothing typed can start a heading, a list or a quote. Text that needs no markdown
 * around it is better sent with `textFormat: 'plain'` or in a card's TextRun.
 */
export function markdownLiteral(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_~[\]<>&]/g, (c) => `\\${c}`);
}
