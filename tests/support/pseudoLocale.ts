import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { LANGUAGES, type Language } from '../../core/shared';
import { SOURCE, type Catalogue } from '../../bot/i18n/catalogues';
import { translatorFor, translatorWith, type Translator } from '../../bot/i18n/translator';

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
  Y: 'Ý',
};

/** Text accented and padded to 40 % longer: what a long language does to a layout. */
function pseudo(text: string): string {
  if (!/[A-Za-z]/.test(text)) return text;
  const accented = text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
  return `${accented}${'~'.repeat(Math.ceil(text.length * 0.4))}`;
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: pseudo(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [
          key,
          { ...option, value: pseudoElements(option.value) },
        ]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) return { ...element, children: pseudoElements(element.children) };
    return element;
  });
}

/**
 * The pseudo-locale: every source message accented and 40 % longer, its placeholders, tags and
 * plurals kept; command words and manifest texts stay as they are (they are typed and limited).
 */
export const PSEUDO_CATALOGUE: Catalogue = Object.fromEntries(
  Object.entries(SOURCE).map(([key, message]) => [
    key,
    key.startsWith('command.') || key.startsWith('manifest.')
      ? message
      : printAST(pseudoElements(parse(message))),
  ]),
);

/** Every language Moments speaks, and the pseudo-locale last: what every card is tried in. */
export const EVERY_LANGUAGE: ReadonlyArray<Language | 'pseudo'> = [...LANGUAGES, 'pseudo'];

/** The translator for one of {@link EVERY_LANGUAGE}. */
export function translatorIn(language: Language | 'pseudo', timeZone = 'UTC'): Translator {
  return language === 'pseudo'
    ? translatorWith(PSEUDO_CATALOGUE, 'en', timeZone)
    : translatorFor(language, timeZone);
}
