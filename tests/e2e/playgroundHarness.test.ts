/**
 * Proves the Playground harness (tests/support/playground.ts) against the bare echo bot, on free ports.
 */
import type { Activity } from 'botbuilder';
import { startEchoBot, type EchoBot } from '../../bench/lib/echoBot';
import {
  arrivedBeforeMarker,
  PlaygroundApiError,
  startPlayground,
  type Playground,
} from '../support/playground';
import { freePort } from '../support/ports';

jest.setTimeout(60_000);

let bot: EchoBot;
let playground: Playground;
const received: Activity[] = [];

/** Polls what the echo bot received until one matches. */
async function waitForActivity(
  predicate: (a: Activity) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<Activity> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = received.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = received.map(
        (a) => `${a.type} ${a.conversation?.conversationType} ${a.conversation?.id} ${a.text ?? ''}`,
      );
      throw new Error(
        `bot never received ${what} within ${timeoutMs} ms; it received:\n  ${seen.join('\n  ') || '(nothing)'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  bot = await startEchoBot({ port: await freePort(), onActivity: (a) => received.push(a) });
  playground = await startPlayground({ botEndpoint: bot.url });
});

afterAll(async () => {
  await playground?.stop();
  await bot?.close();
});

test('config() reports the demo organisation from .m365agentsplayground.yml', async () => {
  const config = await playground.config();
  expect(config.tenantId).toBe('5f3e2a1b-0c4d-4e6f-8a9b-1c2d3e4f5a6b');
  expect(config.currentUser).toMatchObject({
    name: 'Alex Wilber',
    aadObjectId: '00000000-0000-4000-8000-000000000001',
  });
  expect(playground.users().map((u) => u.email)).toEqual([
    'alexw@contoso.com',
    'meganb@contoso.com',
    'adelev@contoso.com',
    'leeg@contoso.com',
    'diegos@contoso.com',
    'isaiahl@contoso.com',
  ]);
  expect(playground.groupChatId('Launch crew')).toBe(config.groupChats[0]?.id);
  expect(playground.channelId('General')).toBe(playground.teamId());
  expect(playground.conversationKind(playground.channelId('Kudos'))).toBe('channel');
  expect(() => playground.personalChatId('meganb@contoso.com')).toThrow(/one personal chat/);
});

test('(a) a personal-chat message comes back as "echo: …" on the websocket', async () => {
  const chat = playground.personalChatId();
  const sent = await playground.send(chat, 'hello harness');
  expect(sent).toMatchObject({ via: 'messagesApi', deliveredToBot: true });

  const reply = await playground.waitForMessage((m) => m.text === 'echo: hello harness');
  expect(reply).toMatchObject({
    action: 'createMessage',
    conversationId: chat,
    from: { id: (await playground.config()).bot.id },
  });

  const activity = await waitForActivity(
    (a) => a.type === 'message' && a.text === 'hello harness',
    'the message',
  );
  expect(activity.conversation.conversationType).toBe('personal');
  expect(activity.from.aadObjectId).toBe('00000000-0000-4000-8000-000000000001');
});

test('(b) installation and bot-added events reach the bot in personal chat, group chat and a channel', async () => {
  const config = await playground.config();
  const targets = [
    { id: playground.personalChatId(), kind: 'personal' },
    { id: playground.groupChatId('Launch crew'), kind: 'groupChat' },
    { id: playground.channelId('Kudos'), kind: 'channel' },
  ];
  for (const { id, kind } of targets) {
    await playground.installApp(id);
    await playground.botAdded(id);
    const install = await waitForActivity(
      (a) => a.type === 'installationUpdate' && a.conversation?.id === id,
      `installationUpdate in ${kind}`,
    );
    expect(install.action).toBe('add');
    expect(install.conversation.conversationType).toBe(kind);
    expect(install.from.aadObjectId).toBe(config.currentUser.aadObjectId);
    const added = await waitForActivity(
      (a) =>
        a.type === 'conversationUpdate' &&
        a.conversation?.id === id &&
        !!a.membersAdded?.some((m) => m.id === config.bot.id),
      `conversationUpdate(bot added) in ${kind}`,
    );
    expect(added.conversation.conversationType).toBe(kind);
    if (kind === 'channel') {
      expect(install.channelData).toMatchObject({
        team: { id: playground.teamId() },
        channel: { id },
        tenant: { id: config.tenantId },
      });
      expect(added.channelData).toMatchObject({
        eventType: 'teamMemberAdded',
        team: { id: playground.teamId() },
      });
    }
  }

  // Members added with chosen users.
  const group = playground.groupChatId();
  await playground.membersAdded(group, ['meganb@contoso.com', '00000000-0000-4000-8000-000000000003']);
  const members = await waitForActivity(
    (a) =>
      a.type === 'conversationUpdate' &&
      a.conversation?.id === group &&
      !!a.membersAdded?.some((m) => m.id === '29:meganb'),
    'conversationUpdate(members added) in the group chat',
  );
  expect(members.membersAdded?.map((m) => m.aadObjectId)).toEqual([
    '00000000-0000-4000-8000-000000000002',
    '00000000-0000-4000-8000-000000000003',
  ]);

  // What the UI does when it opens a conversation.
  const before = received.length;
  await playground.openConversationInstall(playground.personalChatId());
  await waitForActivity(
    (a) => received.indexOf(a) >= before && a.type === 'installationUpdate',
    'the UI-style installationUpdate',
  );
  const uiAdded = await waitForActivity(
    (a) => received.indexOf(a) >= before && a.type === 'conversationUpdate',
    'the UI-style conversationUpdate',
  );
  expect(uiAdded.membersAdded?.map((m) => m.id)).toEqual([config.currentUser.id, config.bot.id]);
});

test('(c) in a channel, only a message that @mentions the bot reaches it', async () => {
  const kudos = playground.channelId('Kudos');
  const quiet = await playground.send(kudos, 'not for the bot');
  expect(quiet.deliveredToBot).toBe(false);
  const sent = await playground.send(kudos, 'great launch', { mentionBot: true });
  expect(sent.postConversationId).toBe(`${kudos};messageid=${sent.messageId}`);

  const reply = await playground.waitForMessage((m) => m.text === 'echo: <at>Moments</at> great launch');
  expect(reply.rootConversationId).toBe(kudos);
  const activity = await waitForActivity(
    (a) => a.type === 'message' && a.text === '<at>Moments</at> great launch',
    'the mention',
  );
  expect(activity.conversation.conversationType).toBe('channel');
  expect(activity.entities?.some((e) => e.type === 'mention')).toBe(true);
  expect(activity.channelData).toMatchObject({ team: { id: playground.teamId() }, channel: { id: kudos } });
  expect(received.some((a) => a.text === 'not for the bot')).toBe(false);
});

test('a group-chat message from another user (custom activity) reaches the bot as that user', async () => {
  const group = playground.groupChatId();
  const sent = await playground.send(group, 'from Megan', { from: 'meganb@contoso.com', mentionBot: true });
  expect(sent.via).toBe('customActivity');
  const activity = await waitForActivity(
    (a) => a.type === 'message' && a.text === '<at>Moments</at> from Megan',
    'Megan',
  );
  expect(activity.from).toMatchObject({
    id: '29:meganb',
    aadObjectId: '00000000-0000-4000-8000-000000000002',
  });
  expect(activity.conversation.conversationType).toBe('groupChat');
  await playground.waitForMessage(
    (m) => m.text === 'echo: <at>Moments</at> from Megan' && m.conversationId === group,
  );
  await expect(playground.send(group, 'no mention', { from: 'meganb@contoso.com' })).rejects.toThrow(
    /mentionBot/,
  );
});

test('submit and invoke reach the bot; a bot without invoke handlers gives a 502 PlaygroundApiError', async () => {
  const chat = playground.personalChatId();
  await playground.send(chat, 'card host');
  const host = await playground.waitForMessage((m) => m.text === 'echo: card host');

  await playground.submit({ conversationId: chat, replyToId: host.messageId, value: { verb: 'like', n: 1 } });
  const submitted = await waitForActivity(
    (a) => a.type === 'message' && a.replyToId === host.messageId,
    'the submit',
  );
  expect(submitted.value).toEqual({ verb: 'like', n: 1 });

  const err = await playground
    .invoke({
      name: 'composeExtension/fetchTask',
      conversationId: chat,
      value: { commandId: 'giveKudos', commandContext: 'compose' },
    })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PlaygroundApiError);
  expect((err as PlaygroundApiError).status).toBe(502);
  const invoke = await waitForActivity(
    (a) => a.type === 'invoke' && a.name === 'composeExtension/fetchTask',
    'the invoke',
  );
  expect(invoke.value).toEqual({ commandId: 'giveKudos', commandContext: 'compose' });
});

test('a proactive message (bot → mock connector) is recorded', async () => {
  const kudos = playground.channelId('Kudos');
  const config = await playground.config();
  const res = await fetch(
    `${playground.url}/_connector/v3/conversations/${encodeURIComponent(kudos)}/activities`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'proactive kudos', from: { id: config.bot.id } }),
    },
  );
  expect(res.status).toBe(201);
  const m = await playground.waitForMessage((msg) => msg.text === 'proactive kudos');
  expect(m.rootConversationId).toBe(kudos);
});

test('waitForMessage rejects listing what arrived', async () => {
  await expect(playground.waitForMessage((m) => m.text === 'never sent', 300)).rejects.toThrow(
    /arrived:[\s\S]*echo: hello harness/,
  );
});

test('arrivedBeforeMarker returns what the bot sent before it answered the marker', async () => {
  const chat = playground.personalChatId();
  const config = await playground.config();
  const since = playground.messages().length;
  const res = await fetch(
    `${playground.url}/_connector/v3/conversations/${encodeURIComponent(chat)}/activities`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'sent before the marker', from: { id: config.bot.id } }),
    },
  );
  expect(res.status).toBe(201);
  const arrived = await arrivedBeforeMarker(playground, chat, since, {
    text: 'marker',
    isAnswer: (m) => m.text === 'echo: marker',
  });
  expect(arrived.map((m) => m.text)).toEqual(['sent before the marker']);
  expect(playground.messages().at(-1)?.text).toBe('echo: marker');
});
