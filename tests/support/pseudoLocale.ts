import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';
import { LANGUAGES } from '../../core/shared';
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

/** A translator for every language Moments speaks, and the pseudo-locale last. */
export function everyTranslator(timeZone = 'UTC'): Array<{ name: string; t: Translator }> {
  return [
    ...LANGUAGES.map((language) => ({ name: language, t: translatorFor(language, timeZone) })),
    { name: 'pseudo', t: translatorWith(PSEUDO_CATALOGUE, 'en', timeZone) },
  ];
}
