import { privacyNoticeCard } from '../../../bot/privacy/privacyCards';
import { erasedNoticeData } from '../../../bot/privacy/privacyNoticeCard';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import type { ErasureReport } from '../../../core/privacy';
import { expectValid } from '../../support/privacyCardFixtures';

describe('privacy notice card after forget me', () => {
  it('the result says what was erased, or that nothing was left', () => {
    const report: ErasureReport = {
      personRecord: true,
      personalChat: true,
      kudosGiven: 12,
      kudosReceived: 3,
      celebrations: 5,
      reportsUnlinked: 4,
      mutesCleared: 1,
      notes: { written: 2, aboutThem: 1 },
    };
    const card = expandCard(privacyNoticeCard, erasedNoticeData(translatorFor('en'), report));
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Your data was erased from Moments');
    expect(text).toContain('To use it again, type “my settings” here.');
    expect(text).toContain('Your name on 12 kudos you gave and 3 you received');
    expect(text).toContain('You as manager on 4 people’s records.');
    expect(text).toContain('2 notes you wrote and 1 note about you.');
    const none = expandCard(
      privacyNoticeCard,
      erasedNoticeData(translatorFor('en'), {
        personRecord: false,
        personalChat: false,
        kudosGiven: 0,
        kudosReceived: 0,
        celebrations: 0,
        reportsUnlinked: 0,
        mutesCleared: 0,
      }),
    );
    expectValid(none);
    expect(JSON.stringify(none)).toContain('There was nothing left to erase');
  });
});
