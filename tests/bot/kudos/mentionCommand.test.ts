import { TurnContext, type Activity } from 'botbuilder';
import { askForRecipients, parseMentionKudos, tagHelp, valueForTag } from '../../../bot/kudos/mentionCommand';
import { translatorFor } from '../../../bot/i18n/translator';
import { defaultTenantSettings, retireValue, type TenantSettings } from '../../../core/settings';

const BOT = { id: '28:moments-bot', name: 'Moments' };
const MEGAN = { id: '29:megan', name: 'Megan Bowen' };
const ADELE = { id: '29:adele', name: 'Adele Vance' };
const settings = defaultTenantSettings('tenant-a', 'UTC');

/**
 * A channel message as Teams delivers it: `<at>…</at>` in the text and a mention entity for each
 * (Ghost, nobody Teams knows, gets none); the bot's own mention taken out of the text first, as the
 * app does for every message.
 */
function command(text: string) {
  const mentioned = [...text.matchAll(/<at>([^<]*)<\/at>/g)].flatMap(([, name]) =>
    [BOT, MEGAN, ADELE].filter((who) => who.name === name),
  );
  const activity = {
    type: 'message',
    text,
    recipient: BOT,
    entities: [
      ...mentioned.map((who) => ({ type: 'mention', mentioned: who, text: `<at>${who.name}</at>` })),
      { type: 'clientInfo', locale: 'en-US' },
    ],
  } as unknown as Activity;
  return parseMentionKudos(activity, TurnContext.removeRecipientMention(activity));
}

describe('the one-line kudos command', () => {
  test('takes the person, the value tag and the message apart', () => {
    const parsed = command(
      '<at>Moments</at> kudos <at>Megan Bowen</at> #teamwork thanks for covering the launch',
    );
    expect(parsed).toEqual({
      memberIds: [MEGAN.id],
      tag: 'teamwork',
      typedNames: [],
      message: 'thanks for covering the launch',
    });
    expect(valueForTag(settings, parsed.tag)).toBe('teamwork');
  });

  test('several people, in the order mentioned, each once; the tag may come anywhere', () => {
    const parsed = command(
      '<at>Moments</at> KUDOS <at>Adele Vance</at> and <at>Megan Bowen</at> for the demo #customer-first, <at>Adele Vance</at> again',
    );
    expect(parsed.memberIds).toEqual([ADELE.id, MEGAN.id]);
    expect(parsed.tag).toBe('customer-first');
    expect(parsed.message).toBe('and for the demo, again');
  });

  test('without anyone mentioned there is no recipient, and the rest is still read', () => {
    expect(command('<at>Moments</at> kudos #ownership well done')).toEqual({
      memberIds: [],
      tag: 'ownership',
      typedNames: [],
      message: 'well done',
    });
  });

  test('without a tag the tag is empty and no value is matched', () => {
    const parsed = command('<at>Moments</at> kudos <at>Megan Bowen</at> thanks!');
    expect(parsed).toEqual({ memberIds: [MEGAN.id], tag: '', typedNames: [], message: 'thanks!' });
    expect(valueForTag(settings, parsed.tag)).toBeUndefined();
  });

  test('a tag inside a word is part of the message, not a tag', () => {
    expect(command('<at>Moments</at> kudos <at>Megan Bowen</at> fixed issue#42')).toEqual({
      memberIds: [MEGAN.id],
      tag: '',
      typedNames: [],
      message: 'fixed issue#42',
    });
  });

  test('an <at> of someone without a mention entity is dropped from the message', () => {
    expect(command('<at>Moments</at> kudos <at>Megan Bowen</at> <at>Ghost</at> #teamwork ok')).toEqual({
      memberIds: [MEGAN.id],
      tag: 'teamwork',
      typedNames: [],
      message: 'ok',
    });
  });
});

describe('value tags', () => {
  test.each([
    ['#teamwork', 'teamwork'],
    ['#TeamWork', 'teamwork'],
    ['#customer-first', 'customer-first'],
    ['#customerfirst', 'customer-first'],
    ['#Customer_First', 'customer-first'],
    ['#growth', 'growth'],
    ['#learninggrowth', 'growth'], // by the value's name, Learning & growth
  ])('%s names %s', (typed, id) => {
    expect(
      valueForTag(settings, command(`<at>Moments</at> kudos <at>Megan Bowen</at> ${typed} hi`).tag),
    ).toBe(id);
  });

  test('an unknown value names nothing; the reply lists the tags that do', () => {
    const parsed = command('<at>Moments</at> kudos <at>Megan Bowen</at> #bravery hi');
    expect(parsed.tag).toBe('bravery');
    expect(valueForTag(settings, parsed.tag)).toBeUndefined();
    expect(tagHelp(settings)).toBe(
      '#teamwork, #customer-first, #ownership, #innovation, #growth, #above-and-beyond',
    );
  });

  test('a retired value is neither matched nor offered', () => {
    const change = retireValue(settings, 'innovation');
    if (!change.ok) throw new Error(change.code);
    const retired: TenantSettings = change.settings;
    expect(valueForTag(retired, 'innovation')).toBeUndefined();
    expect(tagHelp(retired)).toBe('#teamwork, #customer-first, #ownership, #growth, #above-and-beyond');
  });

  test('a name typed as plain @text is kept apart from the message, an email address is not', () => {
    expect(command('<at>Moments</at> kudos @Megan great work #teamwork, mail me at a@b.com')).toEqual({
      memberIds: [],
      tag: 'teamwork',
      typedNames: ['Megan'],
      message: 'great work, mail me at a@b.com',
    });
    expect(command('kudos <at>Megan Bowen</at> and @Adele @Adele for the demo').typedNames).toEqual([
      'Adele',
    ]);
  });
});

describe('what the form asks when a command did not say whom for', () => {
  const ask = (text: string, someoneMentioned: boolean, valueKnown: boolean, language: 'en' | 'ja' = 'en') =>
    askForRecipients(command(text), someoneMentioned, valueKnown, translatorFor(language));

  test('names typed as text, one or several, in the giver’s language', () => {
    expect(ask('kudos @Megan thanks #teamwork', false, true)).toBe(
      '“@Megan” is typed text, not a mention: choose who the kudos are for in the list.',
    );
    expect(ask('kudos @Megan @Adele @Lee thanks #bravery', false, false)).toBe(
      '“@Megan”, “@Adele” and “@Lee” are typed text, not mentions: choose who the kudos are for in the list. ' +
        '#bravery is not one of your company values: pick one.',
    );
    expect(ask('kudos @Megan @Adele thanks', false, true, 'ja')).toContain('「@Megan」、「@Adele」');
  });

  test('nobody at all, or nothing typed', () => {
    expect(ask('kudos #teamwork thanks', false, true)).toBe(
      'Who are these kudos for? Choose them in the list.',
    );
    expect(ask('kudos', false, false)).toBeUndefined();
  });
});
