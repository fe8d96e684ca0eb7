import type { Recognition } from '../../core/kudos';
import { translatorFor } from '../../bot/i18n/translator';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type BotMessage, type PlaygroundClient } from '../support/playground';

const UNREADABLE_FORM = translatorFor('en').text('kudos.form.unreadable');

// Kudos end to end: the Agents Playground as the Teams client, the bot on its real HTTP endpoint,
// the local Cosmos DB server through the SDK, all started as `npm start` starts them.
let app: TestApp;
let playground: PlaygroundClient;
beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
}, 120_000);
afterAll(async () => app?.stop());

const GENERAL = '19:product-team-general@thread.tacv2';
const GROUP = '19:launch-crew@thread.v2';
const PERSONAL = 'a:moments-personal-alexw';

type Card = {
  body?: unknown[];
  actions?: Array<{ type: string; data?: Record<string, unknown>; verb?: string }>;
};
const textOf = (card: unknown) => JSON.stringify(card);

async function storedKudos(): Promise<Recognition[]> {
  return app.app.runtime.stores.recognitions.createdBetween(
    DEMO_TENANT_ID,
    new Date(0),
    new Date('2100-01-01'),
  );
}

async function openForm(conversationId: string, value: Record<string, unknown> = {}) {
  const response = await playground.invoke({
    name: 'composeExtension/fetchTask',
    conversationId,
    value: { commandId: 'sendKudos', commandContext: 'compose', context: { theme: 'default' }, ...value },
  });
  const task = response.task as { type: string; value: { title: string; card: { content: Card } } };
  expect(task.type).toBe('continue');
  const card = task.value.card.content;
  const submissionId = card.actions?.[0]?.data?.submissionId as string;
  return { card, submissionId };
}

function submit(conversationId: string, data: Record<string, unknown>) {
  return playground.invoke({
    name: 'composeExtension/submitAction',
    conversationId,
    value: { commandId: 'sendKudos', commandContext: 'compose', data: { verb: 'sendKudos', ...data } },
  });
}

describe('kudos from the message extension', () => {
  it('fetchTask opens the form listing the channel’s members and the company values', async () => {
    const { card, submissionId } = await openForm(GENERAL);
    const text = textOf(card);
    expect(text).toContain('Who are you recognising?');
    expect(text).toContain('"title":"Megan Bowen","value":"00000000-0000-4000-8000-000000000002"');
    expect(text).not.toContain('"title":"Alex Wilber"'); // not yourself
    expect(text).toContain('"title":"Customer first","value":"customer-first"');
    expect(submissionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('submitAction puts the recognition card in the compose box and stores it once, even when retried', async () => {
    const before = (await storedKudos()).length;
    const { submissionId } = await openForm(GENERAL);
    const data = {
      submissionId,
      recipients: DEMO_IDS.megan,
      value: 'customer-first',
      message: 'You turned that client call around.',
    };
    const first = await submit(GENERAL, data);
    const again = await submit(GENERAL, data);
    for (const response of [first, again]) {
      const result = response.composeExtension as { type: string; attachments: Array<{ content: Card }> };
      expect(result.type).toBe('result');
      const card = textOf(result.attachments[0]?.content);
      expect(card).toContain('Megan Bowen');
      expect(card).toContain('"text":"Alex Wilber"');
      expect(card).toContain('Customer first');
      expect(card).toContain('You turned that client call around.');
    }
    const stored = await storedKudos();
    expect(stored).toHaveLength(before + 1);
    expect(stored[0]).toMatchObject({
      giver: { id: DEMO_IDS.alex },
      recipientIds: [DEMO_IDS.megan],
      value: { id: 'customer-first' },
    });
    expect((await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.megan))?.lastRecognisedOn).toBe(
      stored[0]?.givenOn,
    );
  });

  it.each([
    ['an empty message', { recipients: DEMO_IDS.megan, value: 'teamwork', message: '  ' }, 'Add a message'],
    [
      'self-kudos',
      { recipients: DEMO_IDS.alex, value: 'teamwork', message: 'Me!' },
      'Kudos are for someone else',
    ],
    [
      'a message over 500 characters',
      { recipients: DEMO_IDS.megan, value: 'teamwork', message: 'x'.repeat(501) },
      'it has 501',
    ],
    [
      'an unknown value',
      { recipients: DEMO_IDS.megan, value: 'speed', message: 'Fast!' },
      'Pick one of your company values',
    ],
    [
      'more than 10 recipients',
      {
        recipients: Array.from(
          { length: 11 },
          (_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
        ).join(','),
        value: 'teamwork',
        message: 'All of you',
      },
      'up to 10 people',
    ],
    [
      'a recipient outside the tenant',
      { recipients: 'ffffffff-0000-4000-8000-000000000999', value: 'teamwork', message: 'Hi' },
      'not in your organisation',
    ],
  ])('refuses %s in the form itself, keeping the input, and stores nothing', async (_name, data, message) => {
    const before = (await storedKudos()).length;
    const { submissionId } = await openForm(GENERAL);
    const response = await submit(GENERAL, { submissionId, ...data });
    const task = response.task as { type: string; value: { card: { content: Card } } };
    expect(task.type).toBe('continue');
    const card = textOf(task.value.card.content);
    expect(card).toContain(message);
    expect(card).toContain(`"value":${JSON.stringify(data.message)}`);
    expect((await storedKudos()).length).toBe(before);
  });

  it('refuses kudos beyond the daily giving limit', async () => {
    const { settings } = app.app.runtime.stores;
    const tenant = await settings.tenant(DEMO_TENANT_ID);
    await settings.saveTenant({ ...tenant!, dailyKudosLimit: 1 });
    try {
      const before = (await storedKudos()).length;
      const { submissionId } = await openForm(GENERAL);
      const response = await submit(GENERAL, {
        submissionId,
        recipients: DEMO_IDS.adele,
        value: 'teamwork',
        message: 'One more',
      });
      expect(textOf(response.task)).toContain('the daily limit');
      expect((await storedKudos()).length).toBe(before);
    } finally {
      await settings.saveTenant(tenant!);
    }
  });

  it('a forged or oversized submission is refused in the form and stores nothing', async () => {
    const before = (await storedKudos()).length;
    const { submissionId } = await openForm(GENERAL);
    const good = { submissionId, recipients: DEMO_IDS.megan, value: 'teamwork', message: 'Thanks' };
    for (const data of [
      { ...good, recipients: [DEMO_IDS.megan] },
      { ...good, message: { text: 'not text' } },
      { ...good, message: 'x'.repeat(20_000) },
    ]) {
      const response = await submit(GENERAL, data);
      expect(textOf(response.task)).toContain(UNREADABLE_FORM);
      expect(textOf(response.task)).not.toContain('xxxxxxxxxx');
    }
    expect((await storedKudos()).length).toBe(before);
  });

  it('“Send kudos for this” on a message prefills its author and quotes it', async () => {
    const { card } = await openForm(GROUP, {
      commandContext: 'message',
      messagePayload: {
        id: '1',
        from: { user: { id: DEMO_IDS.adele, displayName: 'Adele Vance' } },
        body: { contentType: 'html', content: '<p>The <b>release</b> is out &amp; green</p>' },
      },
    });
    const text = textOf(card);
    expect(text).toContain(`"id":"recipients"`);
    expect(text).toContain(`"value":"${DEMO_IDS.adele}"`);
    expect(text).toContain('"text":"The release is out & green"');
  });
});

describe('kudos in chat', () => {
  it('`kudos` in the personal chat opens the form; submitting posts the card and replaces the form', async () => {
    const sent = await playground.send(PERSONAL, 'kudos');
    const formMessage = await playground.waitForMessage(
      (m) =>
        m.conversationId === PERSONAL &&
        Number(m.messageId) > Number(sent.messageId) &&
        textOf(m.attachments).includes('Send kudos'),
    );
    const form = formMessage.attachments[0]?.content as Card;
    const execute = form.actions?.find((a) => a.type === 'Action.Execute');
    expect(execute?.verb).toBe('sendKudos');
    const response = await playground.invoke({
      name: 'adaptiveCard/action',
      conversationId: PERSONAL,
      replyToId: formMessage.messageId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'sendKudos',
          data: {
            ...execute?.data,
            recipients: `${DEMO_IDS.lee},${DEMO_IDS.diego}`,
            value: 'growth',
            message: 'Thanks for onboarding so fast',
          },
        },
      },
    });
    expect(textOf(response.value)).toContain('Kudos sent');
    expect(textOf(response.value)).toContain('Lee Gu and Diego Siciliani');
    const card = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Thanks for onboarding so fast'),
    );
    expect(textOf(card.attachments)).toContain('Learning & growth');
  });

  it('a mention command in the group chat gives kudos directly from the mentions, the value tag and the text', async () => {
    const before = (await storedKudos()).length;
    await postWithMentions(
      GROUP,
      'kudos <at>Megan Bowen</at> <at>Adele Vance</at> #teamwork thanks for covering the launch',
      [
        { id: '29:meganb', name: 'Megan Bowen' },
        { id: '29:adelev', name: 'Adele Vance' },
      ],
    );
    const card = await playground.waitForMessage(
      (m) => m.conversationId === GROUP && textOf(m.attachments).includes('thanks for covering the launch'),
    );
    expect(textOf(card.attachments)).toContain('Megan Bowen and Adele Vance');
    const stored = await storedKudos();
    expect(stored).toHaveLength(before + 1);
    expect(stored[0]).toMatchObject({
      recipientIds: [DEMO_IDS.megan, DEMO_IDS.adele],
      value: { id: 'teamwork' },
      message: 'thanks for covering the launch',
      // The one-line grammar cannot untick "Let their manager see this": the form's default.
      managerMaySee: true,
    });
  });

  it('a mention command with an unknown value tag says which tags exist and stores nothing', async () => {
    const before = (await storedKudos()).length;
    await postWithMentions(GROUP, 'kudos <at>Megan Bowen</at> #speed wow', [
      { id: '29:meganb', name: 'Megan Bowen' },
    ]);
    const reply = await playground.waitForMessage(
      (m) => m.conversationId === GROUP && (m.text ?? '').includes('#speed is not one of'),
    );
    expect(reply.text).toContain('#teamwork');
    expect((await storedKudos()).length).toBe(before);
  });

  it('Celebrate counts each person once, a second press takes it back, and the card shows who', async () => {
    await postWithMentions(GROUP, 'kudos <at>Lee Gu</at> #ownership for the demo', [
      { id: '29:leeg', name: 'Lee Gu' },
    ]);
    const posted = await playground.waitForMessage(
      (m) => m.conversationId === GROUP && textOf(m.attachments).includes('for the demo'),
    );
    const recognitionId = (posted.attachments[0]?.content as Card).actions?.[0]?.data
      ?.recognitionId as string;
    const celebrate = (from?: string) =>
      playground.invoke({
        name: 'adaptiveCard/action',
        conversationId: GROUP,
        replyToId: posted.messageId,
        ...(from ? { from } : {}),
        value: { action: { type: 'Action.Execute', verb: 'celebrate', data: { recognitionId } } },
      });
    await celebrate();
    const second = await celebrate('29:meganb');
    expect(textOf(second.value)).toContain('🎉 2 · celebrated by Alex Wilber and Megan Bowen');
    expect(textOf(second.value)).toContain('🎉 Celebrate (2)');
    const undone = await celebrate();
    expect(textOf(undone.value)).toContain('🎉 1 · celebrated by Megan Bowen');
    const stored = await app.app.runtime.stores.recognitions.get(DEMO_TENANT_ID, recognitionId);
    expect(stored?.celebrations.map((c) => c.name)).toEqual(['Megan Bowen']);
    // Everyone else sees the new count: the posted card was updated in place.
    await playground.waitForMessage(
      (m) =>
        m.action === 'updateMessage' &&
        m.messageId === posted.messageId &&
        textOf(m.attachments).includes('🎉 1 · celebrated by Megan Bowen'),
    );
  });
});

describe('kudos from the personal chat', () => {
  /** Sends `text` in the personal chat and returns the kudos form that answers it. */
  async function formFor(text: string) {
    const sent = await playground.send(PERSONAL, text);
    const message = await playground.waitForMessage(
      (m) =>
        m.conversationId === PERSONAL &&
        Number(m.messageId) > Number(sent.messageId) &&
        textOf(m.attachments).includes('Send kudos'),
    );
    return { message, card: message.attachments[0]?.content as Card };
  }
  const input = (card: Card, id: string) =>
    (card.body as Array<{ id?: string; value?: string }>).find((element) => element.id === id);

  it('a typed @Megan keeps the text and the value in the form and asks who the kudos are for', async () => {
    const before = (await storedKudos()).length;
    const { card } = await formFor('kudos @Megan great work #teamwork');
    expect(textOf(card)).toContain(
      '“@Megan” is typed text, not a mention: choose who the kudos are for in the list.',
    );
    expect(input(card, 'message')?.value).toBe('great work');
    expect(input(card, 'value')?.value).toBe('teamwork');
    expect(input(card, 'recipients')?.value).toBe('');
    expect(await storedKudos()).toHaveLength(before);
  });

  it('a person picked in the form (the picker gives their Teams id) is found in the directory: stored and sent', async () => {
    const before = (await storedKudos()).length;
    const { message, card } = await formFor('kudos');
    const execute = card.actions?.find((a) => a.type === 'Action.Execute');
    const response = await playground.invoke({
      name: 'adaptiveCard/action',
      conversationId: PERSONAL,
      replyToId: message.messageId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'sendKudos',
          data: {
            ...execute?.data,
            // What the Playground's people picker submits: the person's Teams member id.
            recipients: '29:meganb',
            value: 'teamwork',
            message: 'Thanks for the onboarding guide',
          },
        },
      },
    });
    expect(textOf(response.value)).toContain('Kudos sent');
    expect(textOf(response.value)).toContain('Megan Bowen');
    const stored = await storedKudos();
    expect(stored).toHaveLength(before + 1);
    expect(stored.find((r) => r.message === 'Thanks for the onboarding guide')).toMatchObject({
      recipientIds: [DEMO_IDS.megan],
      recipients: [{ id: DEMO_IDS.megan, name: 'Megan Bowen' }],
      value: { id: 'teamwork' },
    });
    const posted = await playground.waitForMessage(
      (m) =>
        m.conversationId === PERSONAL && textOf(m.attachments).includes('Thanks for the onboarding guide'),
    );
    expect(textOf(posted.attachments)).toContain('Megan Bowen');
  });
});

describe('recipients hear about it', () => {
  it('a recipient who has a chat with Moments gets a personal message saying who recognised them for what', async () => {
    await playground.openConversationInstall(PERSONAL);
    const config = await playground.config();
    const base = await playground.mockTemplate(GROUP);
    await playground.sendCustomActivity({
      ...base,
      type: 'message',
      text: `<at>${config.bot.name}</at> kudos <at>Alex Wilber</at> #ownership for the roadmap review`,
      from: { id: '29:meganb', name: 'Megan Bowen', aadObjectId: DEMO_IDS.megan },
      entities: [
        {
          type: 'mention',
          mentioned: { id: config.bot.id, name: config.bot.name },
          text: `<at>${config.bot.name}</at>`,
        },
        { type: 'mention', mentioned: { id: '29:alexw', name: 'Alex Wilber' }, text: '<at>Alex Wilber</at>' },
      ],
      channelData: { tenant: { id: config.tenantId } },
    });
    const notice = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && (m.text ?? '').includes('recognised you'),
    );
    expect(notice.text).toBe('Megan Bowen recognised you for Ownership: “for the roadmap review”');
  });

  it('a link in the message reaches the recipient as literal text, not a link', async () => {
    await playground.openConversationInstall(PERSONAL);
    const config = await playground.config();
    const base = await playground.mockTemplate(GROUP);
    await playground.sendCustomActivity({
      ...base,
      type: 'message',
      text: `<at>${config.bot.name}</at> kudos <at>Alex Wilber</at> #ownership [verify here](https://evil.example)`,
      from: { id: '29:meganb', name: 'Megan Bowen', aadObjectId: DEMO_IDS.megan },
      entities: [
        {
          type: 'mention',
          mentioned: { id: config.bot.id, name: config.bot.name },
          text: `<at>${config.bot.name}</at>`,
        },
        { type: 'mention', mentioned: { id: '29:alexw', name: 'Alex Wilber' }, text: '<at>Alex Wilber</at>' },
      ],
      channelData: { tenant: { id: config.tenantId } },
    });
    const notice = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && (m.text ?? '').includes('verify here'),
    );
    expect(notice.text).toBe(
      'Megan Bowen recognised you for Ownership: “[verify here](https://evil.example)”',
    );
    expect(notice.textFormat).toBe('plain');
  });
});

describe('the manager copy', () => {
  const isManagerCopy = (m: BotMessage) => textOf(m.attachments).includes('Kudos for your team');

  it('Alex gets one notice in his personal chat when Megan recognises his report Adele in a channel', async () => {
    await playground.openConversationInstall(PERSONAL);
    const since = playground.messages().length;
    const config = await playground.config();
    const base = await playground.mockTemplate(GENERAL);
    await playground.sendCustomActivity({
      ...base,
      type: 'message',
      text: `<at>${config.bot.name}</at> kudos <at>Adele Vance</at> #teamwork for the *onboarding* guide`,
      from: { id: '29:meganb', name: 'Megan Bowen', aadObjectId: DEMO_IDS.megan },
      entities: [
        {
          type: 'mention',
          mentioned: { id: config.bot.id, name: config.bot.name },
          text: `<at>${config.bot.name}</at>`,
        },
        {
          type: 'mention',
          mentioned: { id: '29:adelev', name: 'Adele Vance' },
          text: '<at>Adele Vance</at>',
        },
      ],
      channelData: { ...(base.channelData as object), tenant: { id: config.tenantId } },
    });
    const notice = await playground.waitForMessage(
      (m, i) => i >= since && m.conversationId === PERSONAL && isManagerCopy(m),
    );
    const card = textOf(notice.attachments);
    expect(card).toContain('"type":"TextRun","text":"Megan Bowen"');
    expect(card).toContain('"type":"TextRun","text":"Adele Vance"');
    expect(card).toContain('"type":"TextRun","text":"Teamwork"');
    // The message as typed, in a text run: never read as markdown.
    expect(card).toContain('"type":"TextRun","text":"for the *onboarding* guide"');
    const arrived = await arrivedBeforeMarker(playground, PERSONAL, since);
    expect(arrived.filter(isManagerCopy)).toHaveLength(1);
  });

  it('is not sent to Alex for kudos he gave his own reports', async () => {
    const since = playground.messages().length;
    await postWithMentions(GROUP, 'kudos <at>Megan Bowen</at> #teamwork for the release notes', [
      { id: '29:meganb', name: 'Megan Bowen' },
    ]);
    await playground.waitForMessage(
      (m, i) =>
        i >= since && m.conversationId === GROUP && textOf(m.attachments).includes('for the release notes'),
    );
    expect((await arrivedBeforeMarker(playground, PERSONAL, since)).filter(isManagerCopy)).toEqual([]);
  });
});

/** Posts a message that @mentions the bot and `people`, as Teams sends it. */
async function postWithMentions(
  conversationId: string,
  text: string,
  people: Array<{ id: string; name: string }>,
) {
  const config = await playground.config();
  const response = await fetch(
    `${playground.url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: { id: config.currentUser.id },
        text: `<at>${config.bot.name}</at> ${text}`,
        textFormat: 'plain',
        mentions: [
          { mentioned: { id: config.bot.id, name: config.bot.name }, text: `<at>${config.bot.name}</at>` },
          ...people.map((p) => ({ mentioned: p, text: `<at>${p.name}</at>` })),
        ],
      }),
    },
  );
  expect(response.status).toBe(200);
}
