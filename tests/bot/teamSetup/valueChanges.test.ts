// `values add|rename|retire|restore` through the real bot, as the admin reads the answer: in
// English as it always read, and in the admin's own language, where the `values` word is theirs and
// what it does stays English. The German catalogue is not translated yet, so these stand in for
// what it will hold.
import type { Person } from '../../../core/people';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness } from '../../support/botHarness';

jest.mock('../../../bot/i18n/catalogues/de.json', () => ({
  'command.values': 'werte',
  'command.settings': 'einstellungen',
  'team.values.added': '„{name}“ (#{id}) hinzugefügt.',
  'team.values.unknown':
    'Es gibt keinen Wert „{reference}“. {hasActive, select, yes {Die Werte sind {active}} other {Es gibt keine aktiven Werte}}{hasRetired, select, yes {; zurückgezogen: {retired}.} other {.}} Mit „{settings}“ siehst du sie. Nichts wurde geändert.',
  'team.values.quoted': '„{name}“',
  'team.values.renameForm':
    'Schreib es als „{values} rename teamwork to Gemeinsam besser“. Nichts wurde geändert.',
  'team.notAdmin': 'Nur Moments-Admins können das ändern. Frag {admins}.',
}));

const GERMAN: Person = { ...ALEX, locale: 'de-DE' };

async function world() {
  const harness = startBotHarness();
  const settings = (await harness.stores.settings.tenant(HARNESS_TENANT))!;
  await harness.stores.settings.saveTenant({ ...settings, adminIds: [ALEX.id] });
  /** What the bot answers `text` with in the team channel, as the one text it sends. */
  const say = async (text: string, from: Person = ALEX) => {
    const replies = (await harness.sayInChannel(text, from)) as Array<{ text?: string }>;
    expect(replies).toHaveLength(1);
    return replies[0]?.text;
  };
  const values = async () =>
    (await harness.stores.settings.tenant(HARNESS_TENANT))!.values.map(
      (v) => `${v.id}:${v.name}${v.retired ? ':retired' : ''}`,
    );
  return { say, values };
}

describe('company values, in English', () => {
  it('says what each change did', async () => {
    const { say, values } = await world();
    expect(await say('values add Courage under fire')).toBe(
      'Added “Courage under fire” (#courage-under-fire).',
    );
    expect(await say('values rename teamwork to Working together')).toBe(
      'Renamed “Teamwork” to “Working together”. Past kudos keep the name they were given with.',
    );
    expect(await say('values retire Customer first')).toBe(
      'Retired “Customer first”. It is no longer offered; past kudos keep it.',
    );
    expect(await say('values restore #customer-first')).toBe('“Customer first” is offered again.');
    expect(await values()).toEqual(
      expect.arrayContaining(['teamwork:Working together', 'customer-first:Customer first']),
    );
  });

  it('says why a change was refused, and that nothing was changed', async () => {
    const { say, values } = await world();
    const before = await values();
    expect(await say('values add !!!')).toBe(
      'Give the value a name, e.g. “values add Courage”. Nothing was changed.',
    );
    expect(await say(`values add ${'x'.repeat(41)}`)).toBe(
      'Keep value names to 40 characters. Nothing was changed.',
    );
    expect(await say('values add TEAMWORK')).toBe('“Teamwork” is already a value. Nothing was changed.');
    expect(await say('values rename teamwork')).toBe(
      'Write it as “values rename teamwork to Better together”. Nothing was changed.',
    );
    expect(await say('values rename bravery to Courage')).toBe(
      'There is no value called “bravery”. The values are “Teamwork”, “Customer first”, “Ownership”, ' +
        '“Innovation”, “Learning & growth”, “Above and beyond”. Type “settings” to see them with the ' +
        'team’s other settings. Nothing was changed.',
    );
    expect(await values()).toEqual(before);
  });

  it('names retired values, says how to restore one, and keeps the last active one', async () => {
    const { say } = await world();
    for (const id of ['teamwork', 'customer-first', 'ownership', 'innovation', 'growth']) {
      await say(`values retire ${id}`);
    }
    expect(await say('values add Ownership')).toBe(
      '“Ownership” exists but is retired; restore it with “values restore ownership”. Nothing was changed.',
    );
    expect(await say('values restore inovation')).toBe(
      'There is no value called “inovation”. The values are “Above and beyond”; retired: “Teamwork”, ' +
        '“Customer first”, “Ownership”, “Innovation”, “Learning & growth”. Type “settings” to see them ' +
        'with the team’s other settings. Nothing was changed.',
    );
    expect(await say('values retire above-and-beyond')).toBe(
      'Keep at least one active value: add another before retiring this one. Nothing was changed.',
    );
  });

  it('refuses someone who is not an admin, naming who to ask', async () => {
    const { say, values } = await world();
    const before = await values();
    expect(await say('values add Sneaky', MEGAN)).toBe(
      'Only Moments admins can change this. Ask Alex Wilber.',
    );
    expect(await values()).toEqual(before);
  });
});

describe('company values, in the admin’s language', () => {
  it('takes the `values` word of their language, with `add` as typed, and answers in it', async () => {
    const { say, values } = await world();
    expect(await say('werte add Mut', GERMAN)).toBe('„Mut“ (#mut) hinzugefügt.');
    expect(await say('values add Neugier', GERMAN)).toBe('„Neugier“ (#neugier) hinzugefügt.');
    expect(await values()).toEqual(expect.arrayContaining(['mut:Mut', 'neugier:Neugier']));
  });

  it('words a refusal in it, the values quoted its way and the commands in its words', async () => {
    const { say } = await world();
    await say('werte retire innovation', GERMAN);
    expect(await say('werte restore kühnheit', GERMAN)).toBe(
      'Es gibt keinen Wert „kühnheit“. Die Werte sind „Teamwork“, „Customer first“, „Ownership“, ' +
        '„Learning & growth“, „Above and beyond“; zurückgezogen: „Innovation“. Mit „einstellungen“ ' +
        'siehst du sie. Nichts wurde geändert.',
    );
    expect(await say('werte rename teamwork', GERMAN)).toBe(
      'Schreib es als „werte rename teamwork to Gemeinsam besser“. Nichts wurde geändert.',
    );
    expect(await say('werte add Heimlich', { ...MEGAN, locale: 'de-DE' })).toBe(
      'Nur Moments-Admins können das ändern. Frag Alex Wilber.',
    );
  });
});
