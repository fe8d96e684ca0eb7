import { LANGUAGES } from '../../../core/shared';
import { CATALOGUES, SOURCE } from '../../../bot/i18n/catalogues';
import { COMMAND_IDS, commandWords } from '../../../bot/i18n/commands';
import { argumentsOf, catalogueProblems } from '../../support/catalogueCheck';

describe('the message catalogues', () => {
  it('the source is valid ICU throughout', () => {
    for (const [key, message] of Object.entries(SOURCE))
      expect([key, () => argumentsOf(message)]).toBeTruthy();
    expect(Object.values(SOURCE).flatMap((message) => argumentsOf(message))).toBeDefined();
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s has exactly the source’s keys, each valid ICU with the source’s placeholders and tags',
    (language) => {
      expect(catalogueProblems(SOURCE, CATALOGUES[language] as Record<string, string>)).toEqual([]);
    },
  );

  it('finds a missing, an extra and a broken message, and a lost placeholder', () => {
    const source = { a: 'Hi {name}', b: 'Hello', c: '{count, plural, one {# kudos} other {# kudos}}' };
    expect(catalogueProblems(source, { a: 'Hallo', b: 'Hallo {', x: 'extra' })).toEqual([
      'c: missing',
      'x: not in the source',
      'a: uses nothing, the source {name}',
      expect.stringMatching(/^b: not valid ICU/),
    ]);
  });

  it('gives no word to two commands, in any language', () => {
    const owners = new Map<string, string>();
    for (const command of COMMAND_IDS) {
      for (const word of commandWords(command)) {
        expect([word, owners.get(word) ?? command]).toEqual([word, command]);
        owners.set(word, command);
      }
    }
  });
});
