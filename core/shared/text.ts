const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * How many times its limit a raw text may be long before it is refused unread: every per-character
 * step (segmenting, tidying) runs only on text under this bound, so a huge message costs nothing.
 */
export const RAW_LENGTH_FACTOR = 4;

/** Length as people count it: an emoji or an accented letter is one character. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Trims and collapses runs of blank lines, keeping single line breaks people typed; linear in the text. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Without control characters (but the line break) and invisible format characters (bidi controls,
 * zero-width spaces, the byte-order mark). The zero-width joiner stays: emoji sequences need it.
 */
export function withoutInvisibles(text: string): string {
  return text.replace(/\t/g, ' ').replace(/(?!\n|\u200D)[\p{Cc}\p{Cf}]/gu, '');
}

/** What {@link readUserText} makes of a text someone typed. */
export type UserText =
  | { ok: true; text: string; length: number }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'too-long'; length: number };

/**
 * A text someone typed, made safe to keep: refused unread when its raw length is over
 * {@link RAW_LENGTH_FACTOR} times `max`, then stripped of invisible characters, tidied, and refused
 * when nothing visible is left or when it is over `max` visible characters.
 */
export function readUserText(raw: string, max: number): UserText {
  if (raw.length > max * RAW_LENGTH_FACTOR) return { ok: false, problem: 'too-long', length: raw.length };
  const text = tidyText(withoutInvisibles(raw));
  if (!/[^\s\u200D]/u.test(text)) return { ok: false, problem: 'empty' };
  const length = visibleLength(text);
  return length > max ? { ok: false, problem: 'too-long', length } : { ok: true, text, length };
}

/** The first `max` visible characters, with an ellipsis when cut; reads no further than it needs. */
export function shorten(text: string, max: number): string {
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (parts.length === max)
      return `${parts
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
    parts.push(segment);
  }
  return text;
}
