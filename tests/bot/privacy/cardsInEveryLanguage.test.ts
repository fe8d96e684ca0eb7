import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
import { translatorFor } from '../../../bot/i18n/translator';
import { expandCard } from '../../../bot/teams/cardRender';
import {
  forgetConfirmCard,
  myDataCard,
  mySettingsCard,
  privacyNoticeCard,
} from '../../../bot/privacy/privacyCards';
import { mySettingsCardData, settingsValuesOf } from '../../../bot/privacy/mySettingsCard';
import { myDataCardData } from '../../../bot/privacy/myDataCard';
import { forgetConfirmCardData } from '../../../bot/privacy/forgetConfirmCard';
import { cancelledNoticeData, erasedNoticeData } from '../../../bot/privacy/privacyNoticeCard';
import { alex, data, expectValid, now, settings } from '../../support/privacyCardFixtures';

const report = {
  personRecord: true,
  personalChat: true,
  kudosGiven: 12,
  kudosReceived: 3,
  celebrations: 5,
  reportsUnlinked: 4,
  mutesCleared: 1,
  notes: { written: 2, aboutThem: 1 },
};

describe.each(EVERY_LANGUAGE)('the privacy cards in %s', (language) => {
  const t = translatorIn(language, 'Europe/London');

  it('render cleanly within a bot message’s size', () => {
    const person = { ...alex, language: language === 'pseudo' ? undefined : language, locale: 'de-AT' };
    expectValid(
      expandCard(
        mySettingsCard,
        mySettingsCardData({
          t,
          person,
          values: settingsValuesOf(person, settings),
          isManager: true,
          calendarBriefs: true,
          now,
        }),
      ),
    );
    expectValid(expandCard(myDataCard, myDataCardData(t, data({ person }), settings)));
    expectValid(expandCard(forgetConfirmCard, forgetConfirmCardData(t, data(), { notesErasable: true })));
    expectValid(expandCard(privacyNoticeCard, erasedNoticeData(t, report)));
    expectValid(expandCard(privacyNoticeCard, cancelledNoticeData(t)));
  });
});

test('German and Japanese readers get their own months, weekdays and dates', () => {
  const settingsCard = (language: 'de' | 'ja') =>
    JSON.stringify(
      expandCard(
        mySettingsCard,
        mySettingsCardData({
          t: translatorIn(language),
          person: alex,
          values: settingsValuesOf(alex, settings),
          isManager: true,
          calendarBriefs: true,
          now,
        }),
      ),
    );
  expect(settingsCard('de')).toContain('"title":"Mai","value":"05"');
  expect(settingsCard('de')).toContain('"title":"Montag","value":"1"');
  expect(settingsCard('ja')).toContain('"title":"5月","value":"05"');
  expect(settingsCard('ja')).toContain('"title":"月曜日","value":"1"');
  const de = JSON.stringify(myDataCardData(translatorFor('de'), data(), settings));
  expect(de).toContain('05-14 (14. Mai; kein Jahr gespeichert)');
  expect(de).toContain('An: jeden Montag um 08:00 Uhr');
  const ja = JSON.stringify(myDataCardData(translatorFor('ja'), data(), settings));
  expect(ja).toContain(
    translatorFor('ja').text('privacy.data.birthdayValue', { monthDay: '05-14', date: '5月14日' }),
  );
});
