/**
 * Every kind of activity answers an unexpected failure with what to do and a reference, and the
 * reference is the correlation id of the logged failure. Driven through the real bot's HTTP entry
 * with a store that throws and a fake Bot Connector that receives what the bot says.
 */
import { conversationRecordId, type Messenger, type OutboundMessage } from '../../../core/delivery';
import {
  ALEX,
  HARNESS_CHANNEL,
  HARNESS_TEAM,
  HARNESS_TENANT,
  MEGAN,
  startBotHarness,
} from '../../support/botHarness';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';

let connector: FakeConnector;
beforeEach(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterEach(async () => connector.close());

/** Makes every method of `store` fail as an unreachable database would. */
function breakStore(store: object): void {
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((m) => m !== 'constructor');
  for (const method of methods) {
    Object.defineProperty(store, method, {
      value: async () => {
        throw new Error('Cosmos DB: service unavailable (internal detail)');
      },
    });
  }
}

/** The correlation id of the one logged turn failure. */
function loggedFailure(h: ReturnType<typeof startBotHarness>): string {
  const failures = h.logger.lines.filter((line) => line.message === 'turn failed');
  expect(failures).toHaveLength(1);
  expect(failures[0]?.level).toBe('error');
  const id = failures[0]?.fields.correlationId;
  expect(typeof id).toBe('string');
  return id as string;
}

const apology = (reference: string) =>
  `Sorry, something went wrong on our side and nothing was changed. Please try again. (Reference: ${reference})`;

const submission = {
  submissionId: '6f1d2c3b-0000-4000-8000-00000000000a',
  recipients: MEGAN.id,
  value: 'teamwork',
  message: 'Thanks for the launch plan',
  postToChannel: 'true',
};

describe('an unexpected failure reaches the person, with the logged reference', () => {
  test('a card action (Action.Execute) gets a card saying what to do and the reference', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.recognitions);
    const answer = await h.execute('celebrate', { recognitionId: 'kudos-1' });
    const reference = loggedFailure(h);
    expect(answer.status).toBe(200);
    const body = answer.body as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = JSON.stringify(body.value);
    expect(text).toContain('Sorry, something went wrong on our side');
    expect(text).toContain('Nothing was changed. Please try again.');
    expect(text).toContain(`Reference: ${reference}`);
    expect(text).not.toContain('internal detail');
  });

  test('a message-extension submit gets a message with the reference', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.recognitions);
    const answer = await h.invoke('composeExtension/submitAction', {
      commandId: 'sendKudos',
      data: submission,
    });
    const reference = loggedFailure(h);
    expect(answer).toEqual({
      status: 200,
      body: { composeExtension: { type: 'message', text: apology(reference) } },
    });
  });

  test('a message-extension fetch (a dialog) gets a message with the reference', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.settings);
    const answer = await h.invoke('composeExtension/fetchTask', { commandId: 'sendKudos' });
    const reference = loggedFailure(h);
    expect(answer).toEqual({ status: 200, body: { task: { type: 'message', value: apology(reference) } } });
  });

  test('a message turn gets the apology in the chat, as plain text', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.settings);
    const answer = await h.post({ type: 'message', text: 'kudos' });
    const reference = loggedFailure(h);
    expect(answer.status).toBe(200);
    const said = connector.received().map((a) => ({ text: a.text, textFormat: a.activity.textFormat }));
    expect(said).toEqual([{ text: apology(reference), textFormat: 'plain' }]);
  });

  test('Moments being added (conversationUpdate) gets the apology in the chat', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.settings);
    const answer = await h.post({ type: 'conversationUpdate', membersAdded: [{ id: '28:moments' }] });
    const reference = loggedFailure(h);
    expect(answer.status).toBe(200);
    expect(connector.received().map((a) => a.text)).toEqual([apology(reference)]);
  });

  test('an activity without an id still gets a reference that is in the log', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.settings);
    await h.post({ type: 'message', text: 'kudos', id: undefined });
    const reference = loggedFailure(h);
    expect(reference).toMatch(/^no-activity-id-[0-9a-f-]{36}$/);
    expect(connector.received().map((a) => a.text)).toEqual([apology(reference)]);
  });
});

describe('failures are told as they are', () => {
  const mentionKudos = {
    type: 'message',
    text: '<at>Moments</at> kudos <at>Megan Bowen</at> #teamwork thanks for the launch plan',
    entities: [
      { type: 'mention', text: '<at>Moments</at>', mentioned: { id: '28:moments', name: 'Moments' } },
      { type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: '29:meganb', name: 'Megan Bowen' } },
    ],
  };

  test.each([
    ['throttled (429)', { status: 429, retryAfter: 1 }],
    ['refused (403)', { status: 403 }],
    ['unreachable', { drop: true as const }],
  ])(
    'a roster lookup Teams did not answer, %s, says so, not "not in your organisation"',
    async (_, fault) => {
      const h = startBotHarness({ serviceUrl: connector.url });
      connector.plan({ fault, when: (r) => r.method === 'GET', times: Infinity });
      await h.post(mentionKudos, 'groupChat');
      const said = connector
        .received()
        .filter((a) => a.type === 'message')
        .map((a) => a.text);
      expect(said).toEqual([
        'Teams did not answer when Moments looked up the people you chose. Please try again in a moment. Nothing was sent.',
      ]);
      expect(h.stores.recognitions.recognitions.size).toBe(0);
    },
  );

  test('a member Teams does not know is still refused as not in the organisation', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    await h.post(mentionKudos, 'groupChat');
    expect(
      connector
        .received()
        .filter((a) => a.type === 'message')
        .map((a) => a.text),
    ).toEqual([
      'One of the people you chose is not in your organisation in Moments, so they cannot receive kudos. Nothing was sent.',
    ]);
  });

  test('a recognition channel post that failed is not reported as posted: the giver is told', async () => {
    const kudosChannel = '19:harness-kudos@thread.tacv2';
    // Teams refuses the channel post; every other send arrives.
    const sends: Array<{ conversationId: string; message: OutboundMessage }> = [];
    const messenger: Messenger = {
      send: async (conversation, message) => {
        sends.push({ conversationId: conversation.conversationId, message });
        return conversation.conversationId === kudosChannel
          ? { ok: false, permanent: true, reason: 'Teams answered 403' }
          : { ok: true };
      },
    };
    const h = startBotHarness({ serviceUrl: connector.url, messenger });
    await h.stores.settings.saveTeam({
      tenantId: HARNESS_TENANT,
      teamId: HARNESS_TEAM.id,
      recognitionChannelId: kudosChannel,
    });
    const reference = (id: string) => ({ serviceUrl: connector.url, conversation: { id } });
    await h.stores.conversations.save({
      tenantId: HARNESS_TENANT,
      id: conversationRecordId('channel', { channelId: kudosChannel, conversationId: kudosChannel }),
      kind: 'channel',
      conversationId: kudosChannel,
      channelId: kudosChannel,
      teamId: HARNESS_TEAM.id,
      reference: { ...reference(kudosChannel), conversation: { id: kudosChannel, isGroup: true } },
      updatedAt: '2027-03-10T09:00:00.000Z',
    });
    await h.stores.conversations.save({
      tenantId: HARNESS_TENANT,
      id: conversationRecordId('personal', { userId: ALEX.id, conversationId: 'a:personal-alexw' }),
      kind: 'personal',
      conversationId: 'a:personal-alexw',
      userId: ALEX.id,
      reference: reference('a:personal-alexw'),
      updatedAt: '2027-03-10T09:00:00.000Z',
    });
    const answer = await h.execute('sendKudos', submission, 'channel');
    // The turn answers before the post is tried: it says where the kudos are going, not that they are there.
    const text = JSON.stringify(answer.body);
    expect(text).toContain('Kudos sent');
    expect(text).toContain('It is on its way to the team’s recognition channel too.');
    await h.background.drain();
    expect(sends.map((s) => s.conversationId)).toContain(kudosChannel);
    expect(sends.filter((s) => s.conversationId === 'a:personal-alexw').map((s) => s.message.text)).toContain(
      'Your kudos are saved, but Moments could not post them in the team’s recognition channel.',
    );
    expect(HARNESS_CHANNEL).not.toBe(kudosChannel);
  });
});
