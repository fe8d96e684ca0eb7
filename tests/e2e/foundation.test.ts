/**
 * The foundation end to end, started the way `npm start` starts it (`startLocalApp` with the Agents
 * Playground), driven through the Playground's API: welcome on install, help, the fallback reply,
 * stored conversation references and the refusal of malformed activities at the endpoint. (The
 * apology a failed turn answers with is tested per kind of activity in tests/bot/teams.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { BotMessage, PlaygroundClient, SentMessage } from '../support/playground';
import { personalMessage, postActivity, startTestApp, TENANT_ID, type TestApp } from '../support/localApp';

jest.setTimeout(90_000);

const PERSONAL = 'a:moments-personal-alexw';
const GROUP = '19:launch-crew@thread.v2';
const GENERAL = '19:product-team-general@thread.tacv2';
const BOT_ID = '28:00000000-0000-4000-8000-0000000000b0';

let t: TestApp;
let pg: PlaygroundClient;
const timings: string[] = [];

beforeAll(async () => {
  const started = Date.now();
  t = await startTestApp({ playground: true });
  pg = t.playground!;
  timings.push(`startLocalApp with Playground + client: ${Date.now() - started} ms`);
});

afterAll(async () => {
  const started = Date.now();
  await t?.stop();
  timings.push(`stop: ${Date.now() - started} ms`);
  console.log(`foundation timings:\n  ${timings.join('\n  ')}`);
});

/** Runs `action`, then waits for the first bot message after it that matches. */
async function after(
  what: string,
  action: () => Promise<unknown>,
  predicate: (m: BotMessage) => boolean,
): Promise<BotMessage> {
  const from = pg.messages().length;
  const started = Date.now();
  await action();
  const message = await pg.waitForMessage((m, i) => i >= from && predicate(m));
  timings.push(`${what}: ${Date.now() - started} ms`);
  return message;
}

const cardText = (m: BotMessage) => JSON.stringify(m.attachments.map((a) => a.content));
const isHelpCard = (m: BotMessage) =>
  m.attachments.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive') &&
  cardText(m).includes('What Moments can do');

test('the Playground uses the demo organisation and is bound to loopback only', async () => {
  const config = await pg.config();
  expect(config.tenantId).toBe(TENANT_ID);
  expect([pg.personalChatId(), pg.groupChatId(), pg.channelId('General')]).toEqual([
    PERSONAL,
    GROUP,
    GENERAL,
  ]);
  expect(t.app.playgroundUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(t.app.botUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);

  // Linux: every socket listening on the Playground's port is on 127.0.0.1 (the CLI itself would
  // bind every interface; the launcher's preload prevents that).
  if (existsSync('/proc/net/tcp')) {
    const hexPort = pg.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .filter((file) => existsSync(file))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
      .map((cols) => cols[1]!.split(':')[0]);
    expect(listening).toEqual(['0100007F']);
  }
});

test('installing in the personal chat sends the personal welcome', async () => {
  const welcome = await after(
    'personal install → welcome',
    () => pg.openConversationInstall(PERSONAL),
    (m) => m.conversationId === PERSONAL && !!m.text?.includes('I’m Moments'),
  );
  expect(welcome.from.id).toBe(BOT_ID);
  expect(welcome.text).toMatch(
    /^Hi\b.*I’m Moments\. I help you notice and celebrate the people you work with/,
  );
  expect(welcome.text).toContain('Type **help** to see what you can do here.');
  expect(welcome.text).not.toContain('@Moments help');
});

test.each([
  ['group chat', GROUP],
  ['channel', GENERAL],
])('installing in the %s sends the group welcome', async (_kind, conversationId) => {
  const welcome = await after(
    `${_kind} install → welcome`,
    () => pg.openConversationInstall(conversationId),
    (m) => m.rootConversationId === conversationId && !!m.text?.includes('I’m Moments'),
  );
  expect(welcome.text).toMatch(/^Hi everyone, I’m Moments\./);
  expect(welcome.text).toContain('Mention me with **@Moments help** to get started.');
  expect(welcome.text).not.toContain('Type **help**');
});

test('help in the personal chat answers with the help card', async () => {
  const reply = await after(
    'personal help → card',
    () => pg.send(PERSONAL, 'help'),
    (m) => m.conversationId === PERSONAL && m.attachments.length > 0,
  );
  expect(isHelpCard(reply)).toBe(true);
  const card = reply.attachments[0]!.content as { type: string; body: unknown[] };
  expect(card.type).toBe('AdaptiveCard');
  expect(card.body[0]).toMatchObject({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: 'What Moments can do' }],
  });
  expect(cardText(reply)).toMatch(
    /"text":"help"[^}]*\}\]\},\{"type":"RichTextBlock","spacing":"None","inlines":\[\{"type":"TextRun","text":"Show this card\."/,
  );
  expect(cardText(reply)).not.toContain('${'); // every template binding expanded
});

test('@Moments help in a channel answers with the help card, in the thread', async () => {
  let sent: SentMessage | undefined;
  const reply = await after(
    'channel @Moments help → card',
    async () => (sent = await pg.send(GENERAL, 'help', { mentionBot: true })),
    (m) => m.rootConversationId === GENERAL && m.attachments.length > 0,
  );
  expect(sent?.deliveredToBot).toBe(true);
  expect(isHelpCard(reply)).toBe(true);
  expect(reply.conversationId).toBe(sent?.postConversationId);
  expect(cardText(reply)).toContain('"text":"@Moments help"');
  expect(cardText(reply)).toContain('Mention me with a command');
});

test('a message it does not understand gets the “Type help” reply', async () => {
  const reply = await after(
    'unknown message → fallback',
    () => pg.send(PERSONAL, 'what is the weather like?'),
    (m) => m.conversationId === PERSONAL && m.text !== undefined,
  );
  expect(reply.text).toBe('I didn’t catch that. Type “help” to see what I can do.');
});

test.each([
  ['kudo', 'kudos'],
  ['note s', 'notes'],
  ['my setting', 'my settings'],
  ['setings', 'settings'],
  ['hlep', 'help'],
])('a near miss “%s” gets “Did you mean “%s”?” with a button that sends it', async (typed, meant) => {
  const reply = await after(
    `near miss ${typed} → suggestion`,
    () => pg.send(PERSONAL, typed),
    (m) => m.conversationId === PERSONAL && cardText(m).includes('Did you mean'),
  );
  expect(cardText(reply)).toContain(`{"type":"TextRun","text":"${meant}","weight":"Bolder"}`);
  const [button] = (reply.attachments[0]?.content as { actions: Array<Record<string, unknown>> }).actions;
  expect(button).toEqual({
    type: 'Action.Submit',
    title: meant,
    data: { msteams: { type: 'imBack', value: meant } },
  });
});

test('pressing “Did you mean” sends the command, which answers', async () => {
  const suggestion = await after(
    'near miss kudo → suggestion',
    () => pg.send(PERSONAL, 'kudo'),
    (m) => m.conversationId === PERSONAL && cardText(m).includes('Did you mean'),
  );
  const [button] = (
    suggestion.attachments[0]?.content as { actions: Array<{ data: { msteams: { value: string } } }> }
  ).actions;
  // imBack: Teams posts the button's value as the person's own message.
  const form = await after(
    'imBack kudos → form',
    () => pg.send(PERSONAL, button!.data.msteams.value),
    (m) => m.conversationId === PERSONAL && cardText(m).includes('Send kudos'),
  );
  expect(cardText(form)).toContain('sendKudos');
});

test('in a channel the suggestion is among the commands that work there', async () => {
  const reply = await after(
    'channel @Moments stat → suggestion',
    () => pg.send(GENERAL, 'stat', { mentionBot: true }),
    (m) => m.rootConversationId === GENERAL && cardText(m).includes('Did you mean'),
  );
  expect(cardText(reply)).toContain('"value":"stats"');
});

test('the conversation references of all three conversations are stored in Cosmos DB', async () => {
  const conversations = t.app.runtime.stores.conversations;
  const connector = `${pg.url}/_connector`;

  const personal = await conversations.get(TENANT_ID, 'personal:00000000-0000-4000-8000-000000000001');
  expect(personal).toMatchObject({
    tenantId: TENANT_ID,
    kind: 'personal',
    conversationId: PERSONAL,
    userId: '00000000-0000-4000-8000-000000000001',
    reference: {
      serviceUrl: connector,
      channelId: 'msteams',
      bot: { id: BOT_ID },
      conversation: { id: PERSONAL, tenantId: TENANT_ID },
    },
  });

  const group = await conversations.get(TENANT_ID, `groupChat:${GROUP}`);
  expect(group).toMatchObject({
    tenantId: TENANT_ID,
    kind: 'groupChat',
    conversationId: GROUP,
    reference: { serviceUrl: connector, conversation: { id: GROUP, conversationType: 'groupChat' } },
  });

  // The help reply went to a thread; the stored reference is the channel itself.
  const channel = await conversations.get(TENANT_ID, `channel:${GENERAL}`);
  expect(channel).toMatchObject({
    tenantId: TENANT_ID,
    kind: 'channel',
    conversationId: GENERAL,
    channelId: GENERAL,
    teamId: GENERAL,
    reference: { serviceUrl: connector, conversation: { id: GENERAL, conversationType: 'channel' } },
  });
  for (const record of [personal, group, channel]) {
    expect(Date.parse(record!.updatedAt)).toBeGreaterThan(Date.now() - 5 * 60_000);
  }
});

describe('a malformed activity is refused at the endpoint with a fixed answer, and logged', () => {
  const valid = () => personalMessage(`${pg.url}/_connector`, 'help', `malformed-${Date.now()}`);
  const execute = (verb: unknown, data: unknown) => ({
    ...valid(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
  const MALFORMED = { error: 'The request body is not a Bot Framework activity Moments can read.' };
  const UNREADABLE = {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: {
      code: 'BadRequest',
      message:
        'Moments could not read this action. It may be from an old card: open the latest one and try again.',
    },
  };
  /** Words of the SDK's and the runtime's own errors, which must never reach a caller. */
  const INTERNAL = /Cannot read|undefined|Invalid URL|TypeError|missing context|at [\w.]+ \(|validateAndFix/;

  test.each<[string, () => unknown, unknown]>([
    ['no sender', () => ({ ...valid(), from: { name: 'Nobody' } }), MALFORMED],
    ['no conversation', () => ({ ...valid(), conversation: undefined }), MALFORMED],
    ['no type', () => ({ ...valid(), type: undefined }), MALFORMED],
    ['a service URL that is not a URL', () => ({ ...valid(), serviceUrl: 'not a url' }), MALFORMED],
    ['a service URL that is not http', () => ({ ...valid(), serviceUrl: 'file:///etc/passwd' }), MALFORMED],
    ['a numeric sender id', () => ({ ...valid(), from: { id: 42, name: 'Alex' } }), MALFORMED],
    ['a numeric conversation id', () => ({ ...valid(), conversation: { id: 7 } }), MALFORMED],
    ['text that is not text', () => ({ ...valid(), text: { bold: true } }), MALFORMED],
    ['mentions that are not a list', () => ({ ...valid(), entities: 'everyone' }), MALFORMED],
    ['an array', () => [valid()], MALFORMED],
    ['a card action with no action', () => ({ ...execute('celebrate', {}), value: {} }), UNREADABLE],
    ['a card action with a numeric verb', () => execute(42, {}), UNREADABLE],
    ['a card action with a verb Moments never sent', () => execute('deleteEverything', {}), UNREADABLE],
  ])('%s: 400', async (_, body, expected) => {
    const answer = await postActivity(t.app.botUrl, body());
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual(expected);
    expect(answer.body).not.toMatch(INTERNAL);
  });

  test('a message-extension submit with a numeric command gets the message-extension refusal', async () => {
    const body = {
      ...valid(),
      type: 'invoke',
      name: 'composeExtension/submitAction',
      value: { commandId: 7, data: {} },
    };
    const answer = await postActivity(t.app.botUrl, body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      composeExtension: {
        type: 'message',
        text: 'Moments could not read this action. It may be from an old card: open the latest one and try again.',
      },
    });
  });

  test('card data with numeric ids is refused in words, not with 501', async () => {
    const answer = await postActivity(
      t.app.botUrl,
      execute('snoozeReminder', { personId: 12, kind: 'birthday', date: 3, occursOn: 4, deliveryId: 5 }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('This reminder can no longer be snoozed.');
  });

  test('the refusal is logged with the activity id and what was wrong', async () => {
    const id = `malformed-${Date.now()}-logged`;
    const answer = await postActivity(t.app.botUrl, { ...valid(), id, serviceUrl: 'not a url' });
    expect(answer.status).toBe(400);
    const logged = t
      .logs()
      .find((line) => line.message === 'refused a malformed activity' && line.correlationId === id);
    expect(logged).toMatchObject({ level: 'warn', problems: ['serviceUrl: not an http(s) URL'] });
  });
});

test('when the Playground port is taken, startLocalApp fails saying so (the CLI would silently move)', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const port = (blocker.address() as { port: number }).port;
  try {
    await expect(startTestApp({ playground: true, env: { PLAYGROUND_PORT: String(port) } })).rejects.toThrow(
      new RegExp(`fell back to port \\d+ because port ${port} is taken`),
    );
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});
