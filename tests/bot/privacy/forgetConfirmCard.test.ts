import { forgetConfirmCard } from '../../../bot/privacy/privacyCards';
import { forgetConfirmCardData } from '../../../bot/privacy/forgetConfirmCard';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import { data, expectValid, type Element } from '../../support/privacyCardFixtures';

describe('forget me confirmation card', () => {
  it('the confirmation lists what goes and what stays, with Erase my data and Cancel', () => {
    const card = expandCard(
      forgetConfirmCard,
      forgetConfirmCardData(translatorFor('en'), data(), { notesErasable: true }),
    );
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Your directory record');
    expect(text).toContain('Your 5 celebrations on kudos.');
    expect(text).toContain('15 kudos');
    expect(text).toContain('“A former colleague”');
    expect(text).toContain('Moments admins list');
    const actions = card.actions as Element[];
    expect(actions.map((a) => [a.type, a.verb])).toEqual([
      ['Action.Execute', 'forgetMe'],
      ['Action.Execute', 'cancelForgetMe'],
    ]);
  });
});
