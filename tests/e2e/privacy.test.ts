import type { Recognition } from '../../core/kudos';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import type { PlaygroundClient } from '../support/playground';

// Each person's own data, end to end through the Agents Playground's personal chat (Alex Wilber):
// `my settings`, `my data` and `forget me`, and the pointer they get in a channel instead.
let app: TestApp;
let playground: PlaygroundClient;
beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
}, 120_000);
afterAll(async () => app?.stop());

const GENERAL = '19:product-team-general@thread.tacv2';
const PERSONAL = 'a:moments-personal-alexw';
const textOf = (value: unknown) => JSON.stringify(value);

type Element = { type?: string; id?: string; value?: string; verb?: string; [key: string]: unknown };
function findAll(node: unknown, match: (e: Element) => boolean, found: Element[] = []): Element[] {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, match, found));
  else if (node && typeof node === 'object') {
    if (match(node as Element)) found.push(node as Element);
    Object.values(node).forEach((v) => findAll(v, match, found));
  }
  return found;
}
const inputValue = (card: unknown, id: string) => findAll(card, (e) => e.id === id)[0]?.value;

/** Sends `text` in the personal chat and waits for the bot's card reply containing `includes`. */
async function askInPersonalChat(text: string, includes: string) {
  const sent = await playground.send(PERSONAL, text);
  const reply = await playground.waitForMessage(
    (m) =>
      m.conversationId === PERSONAL &&
      Number(m.messageId) > Number(sent.messageId) &&
      textOf(m.attachments).includes(includes),
  );
  return { messageId: reply.messageId, card: reply.attachments[0]?.content };
}

const execute = (replyToId: string, verb: string, data: Record<string, unknown> = {}) =>
  playground.invoke({
    name: 'adaptiveCard/action',
    conversationId: PERSONAL,
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data } },
  });

const alex = () => app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.alex);
const kudosById = (id: string): Promise<Recognition | undefined> =>
  app.app.runtime.stores.recognitions.get(DEMO_TENANT_ID, id);

const settingsInput = (overrides: Record<string, string> = {}) => ({
  birthdayMonth: '03',
  birthdayDay: '14',
  celebrateBirthday: 'manager',
  celebrateAnniversary: 'manager',
  timeZone: 'Europe/London',
  digestEnabled: 'false',
  digestDay: '5',
  digestHour: '16',
  ...overrides,
});

describe('your data, in the personal chat', () => {
  let kudosFromAlex: string;

  it('Alex gives kudos first (they stay after forget me)', async () => {
    const fetched = await playground.invoke({
      name: 'composeExtension/fetchTask',
      conversationId: GENERAL,
      value: { commandId: 'sendKudos', commandContext: 'compose', context: { theme: 'default' } },
    });
    const form = (
      fetched.task as { value: { card: { content: { actions: Array<{ data: { submissionId: string } }> } } } }
    ).value.card.content;
    const submitted = await playground.invoke({
      name: 'composeExtension/submitAction',
      conversationId: GENERAL,
      value: {
        commandId: 'sendKudos',
        commandContext: 'compose',
        data: {
          verb: 'sendKudos',
          submissionId: form.actions[0]!.data.submissionId,
          recipients: DEMO_IDS.megan,
          value: 'teamwork',
          message: 'Thanks for the launch checklist',
        },
      },
    });
    expect(textOf(submitted.composeExtension)).toContain('Thanks for the launch checklist');
    const given = await app.app.runtime.stores.recognitions.involving(DEMO_TENANT_ID, DEMO_IDS.alex);
    kudosFromAlex = given.find((r) => r.message === 'Thanks for the launch checklist')!.id;
    expect(await kudosById(kudosFromAlex)).toMatchObject({
      giver: { id: DEMO_IDS.alex, name: 'Alex Wilber' },
    });
  });

  it('`my settings` shows Alex’s settings, the digest (Alex has reports) and no year', async () => {
    const { card } = await askInPersonalChat('my settings', 'My settings');
    expect(inputValue(card, 'birthdayMonth')).toBe('05');
    expect(inputValue(card, 'birthdayDay')).toBe('14');
    expect(inputValue(card, 'celebrateBirthday')).toBe('public');
    expect(inputValue(card, 'timeZone')).toBe('Europe/London');
    expect(inputValue(card, 'digestEnabled')).toBe('true');
    expect(findAll(card, (e) => e.type === 'Action.Execute').map((a) => a.verb)).toEqual(['saveMySettings']);
    expect(textOf(card)).not.toMatch(/"id":"[^"]*year/i);
  });

  it('saving 03-14 with manager-only celebrations stores them and the card says Saved', async () => {
    const { messageId } = await askInPersonalChat('my settings', 'My settings');
    const response = await execute(messageId, 'saveMySettings', settingsInput());
    expect(textOf(response.value)).toContain('Saved');
    expect(inputValue(response.value, 'birthdayMonth')).toBe('03');
    const stored = await alex();
    expect(stored).toMatchObject({
      displayName: 'Alex Wilber',
      email: 'alexw@contoso.com',
      hireDate: '2018-04-09',
      birthday: '03-14',
      celebrate: { birthday: 'manager', anniversary: 'manager' },
      celebrateSource: 'self',
      timeZone: 'Europe/London',
      digest: { enabled: false, day: 5, hour: 16 },
    });
  });

  it('02-30 comes back in the card with a message and the input kept; nothing is stored', async () => {
    const { messageId } = await askInPersonalChat('my settings', 'My settings');
    const before = await alex();
    const response = await execute(
      messageId,
      'saveMySettings',
      settingsInput({ birthdayMonth: '02', birthdayDay: '30', celebrateBirthday: 'off' }),
    );
    const card = response.value;
    expect(textOf(card)).toContain('There is no 30 February');
    expect(textOf(card)).toContain('Nothing was saved.');
    expect(textOf(card)).not.toContain('Saved:');
    expect(inputValue(card, 'birthdayMonth')).toBe('02');
    expect(inputValue(card, 'birthdayDay')).toBe('30');
    expect(inputValue(card, 'celebrateBirthday')).toBe('off');
    expect(await alex()).toEqual(before);
  });

  it('an unknown time zone is refused the same way', async () => {
    const { messageId } = await askInPersonalChat('my settings', 'My settings');
    const before = await alex();
    const response = await execute(messageId, 'saveMySettings', settingsInput({ timeZone: 'Mars/Olympus' }));
    expect(textOf(response.value)).toContain('“Mars/Olympus” is not a time zone');
    expect(inputValue(response.value, 'timeZone')).toBe('Mars/Olympus');
    expect(await alex()).toEqual(before);
  });

  it('Europe/Prague can be found in the zone list, chosen and is stored', async () => {
    const { card, messageId } = await askInPersonalChat('my settings', 'My settings');
    const [zoneInput] = findAll(card, (e) => e.id === 'timeZone');
    expect(zoneInput?.style).toBe('filtered');
    const offered = (zoneInput?.choices as Array<{ title: string; value: string }>).map((c) => c.value);
    expect(offered).toEqual(
      expect.arrayContaining(['Europe/Prague', 'Asia/Kathmandu', 'America/Argentina/Salta']),
    );
    const response = await execute(messageId, 'saveMySettings', settingsInput({ timeZone: 'Europe/Prague' }));
    expect(textOf(response.value)).toContain('Saved');
    expect(inputValue(response.value, 'timeZone')).toBe('Europe/Prague');
    expect((await alex())?.timeZone).toBe('Europe/Prague');
    // Back to London for the tests after this one.
    await execute(messageId, 'saveMySettings', settingsInput());
    expect((await alex())?.timeZone).toBe('Europe/London');
  });

  it('`my data` shows the record, the kudos, the chat and the notes count', async () => {
    const { card } = await askInPersonalChat('my data', 'Your data in Moments');
    const text = textOf(card);
    for (const expected of [
      '"text":"Alex Wilber"',
      'alexw@contoso.com',
      '03-14 (14 March; no year is kept)',
      '2018-04-09',
      'Manager only: a reminder to my manager, no post',
      '4 people have you as their manager in Moments.',
      'Thanks for the launch checklist',
      'Moments keeps 1 conversation reference for you',
      'private notes that other people wrote about you; their text is private to their authors.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('in a channel, `@Moments my data` answers with a pointer to the personal chat and no data', async () => {
    for (const command of ['my data', 'my settings', 'forget me']) {
      const sent = await playground.send(GENERAL, command, { mentionBot: true });
      const reply = await playground.waitForMessage(
        (m) =>
          m.rootConversationId === GENERAL &&
          Number(m.messageId) > Number(sent.messageId) &&
          (m.text ?? '').includes('only show or change it in our personal chat'),
      );
      expect(reply.text).toContain(`type “${command}” there`);
      expect(reply.attachments).toEqual([]);
      expect(textOf(reply)).not.toMatch(/03-14|alexw@contoso\.com|2018-04-09/);
    }
    expect(await alex()).toBeDefined();
  });

  it('`forget me` asks first; Cancel erases nothing', async () => {
    const { messageId, card } = await askInPersonalChat('forget me', 'Erase your data from Moments?');
    expect(findAll(card, (e) => e.type === 'Action.Execute').map((a) => [a.title, a.verb])).toEqual([
      ['Erase my data', 'forgetMe'],
      ['Cancel', 'cancelForgetMe'],
    ]);
    const response = await execute(messageId, 'cancelForgetMe');
    expect(textOf(response.value)).toContain('Nothing was erased');
    expect(await alex()).toBeDefined();
  });

  it('confirmed, it erases Alex’s record and personal chat and keeps Alex’s kudos without the name', async () => {
    const { messageId } = await askInPersonalChat('forget me', 'Erase your data from Moments?');
    const response = await execute(messageId, 'forgetMe');
    const text = textOf(response.value);
    expect(text).toContain('Your data was erased from Moments');
    expect(text).toContain('Your directory record.');
    expect(text).toContain('now show “A former colleague”');
    expect(text).toContain('Moments will not add you back from HR files');

    const { people, recognitions } = app.app.runtime.stores;
    expect(await alex()).toBeUndefined();
    expect(await app.app.runtime.conversations.personalChat(DEMO_TENANT_ID, DEMO_IDS.alex)).toBeUndefined();
    const kept = await kudosById(kudosFromAlex);
    expect(kept).toMatchObject({
      giver: { name: 'A former colleague' },
      recipients: [{ id: DEMO_IDS.megan, name: 'Megan Bowen' }],
      recipientIds: [DEMO_IDS.megan],
      message: 'Thanks for the launch checklist',
    });
    expect(kept?.giver.id).toMatch(/^erased:[0-9a-f]{16}$/);
    expect(await recognitions.involving(DEMO_TENANT_ID, DEMO_IDS.alex)).toEqual([]);
    // Alex's reports keep their own records, without Alex as manager.
    const megan = await people.get(DEMO_TENANT_ID, DEMO_IDS.megan);
    expect(megan).toMatchObject({ displayName: 'Megan Bowen', email: 'meganb@contoso.com' });
    expect(megan?.managerId).toBeUndefined();
    expect((await people.get(DEMO_TENANT_ID, DEMO_IDS.isaiah))?.managerId).toBe(DEMO_IDS.diego);
    // Remembered as forgotten, so an HR file or a roster does not bring Alex back.
    expect(await app.app.runtime.stores.erasures.erasedAmong(DEMO_TENANT_ID, [DEMO_IDS.alex])).toEqual(
      new Set([DEMO_IDS.alex]),
    );
  });

  it('afterwards `my data` shows nothing is left but the new chat reference', async () => {
    const { card } = await askInPersonalChat('my data', 'Your data in Moments');
    const text = textOf(card);
    expect(text).toContain('Moments has no directory record for you');
    expect(text).toContain('You asked Moments to forget you: it keeps only a one-way hash of your id');
    expect(text).not.toContain('alexw@contoso.com');
    expect(text).not.toContain('Thanks for the launch checklist');
  });
});
