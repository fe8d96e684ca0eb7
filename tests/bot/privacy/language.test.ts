import { ALEX, HARNESS_TENANT, startBotHarness, type BotHarness } from '../../support/botHarness';

// The language a person chooses in `my settings`, through the real bot: the confirmation and what
// follows come in it; back to automatic, Moments follows their Teams client again. The catalogues
// other than English are still empty, so the words fall back to English, but dates already follow.
let harness: BotHarness;
beforeEach(() => {
  harness = startBotHarness();
});

/** Alex, whose Teams client is in Japanese. */
const alexInJapanese = { ...ALEX, locale: 'ja-JP' };

const settings = (language: string) => ({
  birthdayMonth: '03',
  birthdayDay: '14',
  celebrateBirthday: 'public',
  celebrateAnniversary: 'manager',
  timeZone: 'Europe/London',
  digestEnabled: 'true',
  digestDay: '1',
  digestHour: '8',
  language,
});

/** Saves `my settings` from Alex's Japanese Teams client; the card it answers with, as JSON text. */
const save = async (language: string) =>
  JSON.stringify(
    (await harness.execute('saveMySettings', settings(language), 'personal', alexInJapanese)).body,
  );

/** Alex's `my data`, as JSON text. */
const myData = async () => {
  const { body } = await harness.post(
    { type: 'message', text: 'my data', deliveryMode: 'expectReplies' },
    'personal',
    alexInJapanese,
  );
  return JSON.stringify(body);
};

describe('the language in my settings', () => {
  it('Deutsch: the confirmation and the next reply write dates in German; automatic follows Teams again', async () => {
    const german = await save('de');
    expect((await harness.stores.people.get(HARNESS_TENANT, ALEX.id))?.language).toBe('de');
    expect(german).toContain('Gespeichert: Moments verwendet diese Einstellungen ab sofort.');
    expect(german).toContain('"title":"März","value":"03"');
    expect(german).toContain('"title":"Montag","value":"1"');
    const dataInGerman = await myData();
    expect(dataInGerman).toContain('03-14 (14. März; kein Jahr gespeichert)');
    expect(dataInGerman).toContain('Deutsch (Ihre Wahl)');
    expect(dataInGerman).toContain('An: jeden Montag um 08:00 Uhr, Ihre Ortszeit');

    const automatic = await save('auto');
    expect(await harness.stores.people.get(HARNESS_TENANT, ALEX.id)).not.toHaveProperty('language');
    expect(automatic).toContain('"title":"3月","value":"03"');
    const dataInJapanese = await myData();
    expect(dataInJapanese).toContain('03-14（3月14日、年は保存していません）');
    expect(dataInJapanese).toContain('自動（Teams の言語）：日本語');
    expect(dataInJapanese).toContain('日本語 (日本)（ja-JP）');
  });

  it('offers automatic and every language, named in itself, with the stored choice selected', async () => {
    const card = JSON.parse(await save('fr')) as { value: unknown };
    const language = JSON.stringify(card.value).match(/"id":"language"[^\]]*\]/)?.[0] ?? '';
    expect(language).toContain('"value":"fr"');
    expect(language).toContain('"title":"Automatique (votre langue dans Teams)","value":"auto"');
    for (const name of ['English', 'Deutsch', 'Français', 'Español', 'Italiano', 'Nederlands', '日本語'])
      expect(language).toContain(`"title":"${name}"`);
  });

  it('refuses a language Moments does not speak and keeps the one chosen before', async () => {
    await save('de');
    const refused = await save('tlh');
    expect(refused).toContain('Wählen Sie eine Sprache aus der Liste aus. Es wurde nichts gespeichert.');
    expect((await harness.stores.people.get(HARNESS_TENANT, ALEX.id))?.language).toBe('de');
  });
});
