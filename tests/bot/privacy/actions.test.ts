import { translatorFor } from '../../../bot/i18n/translator';
import { ALEX, HARNESS_TENANT, startBotHarness, type BotHarness } from '../../support/botHarness';

// A forged or malformed `my settings` submission, through the real bot: refused in the card, and
// the person's record stays as it was.
let harness: BotHarness;
beforeEach(() => {
  harness = startBotHarness();
});

const good = {
  birthdayMonth: '03',
  birthdayDay: '14',
  celebrateBirthday: 'public',
  celebrateAnniversary: 'manager',
  timeZone: 'Europe/Paris',
  digestEnabled: 'true',
  digestDay: '1',
  digestHour: '8',
};

describe('saveMySettings', () => {
  it.each([
    ['a month that is a number', { ...good, birthdayMonth: 3 }],
    ['a time zone that is an object', { ...good, timeZone: { name: 'Europe/Paris' } }],
    ['a huge time zone', { ...good, timeZone: 'Z'.repeat(5000) }],
    ['a toggle that is a boolean', { ...good, digestEnabled: true }],
  ])('refuses %s in the card and saves nothing', async (_, data) => {
    const { body } = await harness.execute('saveMySettings', data);
    expect(JSON.stringify(body)).toContain(translatorFor('en').text('privacy.settings.unreadable'));
    expect(await harness.stores.people.get(HARNESS_TENANT, ALEX.id)).toEqual(ALEX);
  });

  it('saves well-formed settings', async () => {
    const { body } = await harness.execute('saveMySettings', good);
    expect(JSON.stringify(body)).toContain('Saved');
    expect(await harness.stores.people.get(HARNESS_TENANT, ALEX.id)).toMatchObject({
      birthday: '03-14',
      timeZone: 'Europe/Paris',
    });
  });
});
