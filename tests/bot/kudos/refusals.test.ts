import type { KudosProblem } from '../../../core/kudos';
import { translatorFor } from '../../../bot/i18n/translator';
import { refusalText } from '../../../bot/kudos/refusals';

// Core says why it refused kudos as a code with values; the giver reads it in their language.
describe('a refusal, as the giver reads it', () => {
  const en = translatorFor('en');

  it.each<[KudosProblem, string]>([
    [{ code: 'KUDOS.NO_RECIPIENTS' }, 'Choose at least one person to recognise.'],
    [
      { code: 'KUDOS.TOO_MANY_RECIPIENTS', occasion: 'kudos', most: 10, chosen: 11 },
      'You can recognise up to 10 people at once; you chose 11.',
    ],
    [
      { code: 'KUDOS.TOO_MANY_RECIPIENTS', occasion: 'wishes', most: 1, chosen: 2 },
      'Wishes are for one person at a time.',
    ],
    [{ code: 'KUDOS.SELF' }, 'Kudos are for someone else: remove yourself from the recipients.'],
    [{ code: 'KUDOS.EMPTY_MESSAGE' }, 'Add a message: say what they did and why it mattered.'],
    [
      { code: 'KUDOS.MESSAGE_TOO_LONG', most: 500, length: 501 },
      'Keep the message to 500 characters; it has 501.',
    ],
    [{ code: 'KUDOS.UNKNOWN_VALUE' }, 'Pick one of your company values.'],
    [
      { code: 'KUDOS.UNKNOWN_VALUE', retired: 'Customer {first}' },
      '“Customer {first}” is no longer one of your company values; pick another.',
    ],
    [
      { code: 'KUDOS.UNKNOWN_RECIPIENT', missing: 1 },
      'One of the people you chose is not in your organisation in Moments, so they cannot receive kudos.',
    ],
    [
      { code: 'KUDOS.UNKNOWN_RECIPIENT', missing: 2 },
      '2 of the people you chose are not in your organisation in Moments, so they cannot receive kudos.',
    ],
    [
      { code: 'KUDOS.DAILY_LIMIT', given: 20 },
      'You have given 20 kudos today, the daily limit. Your message is kept here: send it tomorrow.',
    ],
  ])('%j in English', (problem, text) => {
    expect(refusalText(en, problem)).toBe(text);
  });

  it('writes its numbers the way the giver’s language does', () => {
    const problem: KudosProblem = { code: 'KUDOS.DAILY_LIMIT', given: 1500 };
    expect(refusalText(translatorFor('de'), problem)).toContain('1.500-mal gelobt');
    expect(refusalText(en, problem)).toContain('1,500 kudos');
  });
});
