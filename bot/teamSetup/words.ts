import type { Translator } from '../i18n/translator';

/**
 * `items` one after another, as a plain enumeration rather than a sentence ("Teamwork, Ownership"):
 * the separator is the language's own (a Japanese reader expects `、`).
 */
export function enumeration(t: Translator, items: readonly string[]): string {
  return items.join(t.text('team.listSeparator'));
}
