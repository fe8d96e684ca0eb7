const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length as people count it: an emoji or an accented letter is one character. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Trims and collapses runs of blank lines, keeping single line breaks people typed. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first `max` visible characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const parts = [...segmenter.segment(text)].map((s) => s.segment);
  return parts.length <= max
    ? text
    : `${parts
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
