/**
 * The bot endpoint's authentication, through the real Functions handler (`messagesHandler`) on a runtime
 * built by the composition root: with BOT_ID the adapter wants a Bot Framework JWT; without it
 * (local development only) any activity is processed.
 */
import { randomUUID } from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { createRuntime, type Runtime } from '../../functions/composition';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createJsonLogger } from '../../functions/logging';
import { MAX_ACTIVITY_BYTES, messagesHandler } from '../../functions/messages';
import { startBotServer } from '../../functions/dev/local/botServer';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import {
  ALEX_AAD_ID,
  personalMessage,
  startFakeConnector,
  TENANT_ID,
  type FakeConnector,
} from '../support/localApp';

jest.setTimeout(60_000);

const BOT_ENV = {
  BOT_ID: '11111111-2222-4333-8444-555555555555',
  BOT_PASSWORD: 'fake-password-for-tests',
  BOT_TENANT_ID: TENANT_ID,
};

let cosmos: TestCosmos;
let connector: FakeConnector;
const runtimes: Runtime[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  cosmos = await startTestCosmos();
  connector = await startFakeConnector();
});

afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await connector?.close();
  await cosmos?.close();
});

async function runtimeFor(env: Record<string, string>): Promise<Runtime> {
  const runtime = await createRuntime(loadConfig(localToolingEnv(env)), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: createJsonLogger({
      level: 'debug',
      sink: (_level, entry) => logLines.push(JSON.stringify(entry)),
    }),
  });
  runtimes.push(runtime);
  return runtime;
}

/** POST /api/messages through the Functions handler, as the Functions host would call it. */
function post(runtime: Runtime, activity: unknown, headers: Record<string, string> = {}) {
  const request = new HttpRequest({
    method: 'POST',
    url: 'http://127.0.0.1:7071/api/messages',
    headers: { 'content-type': 'application/json', ...headers },
    body: { string: JSON.stringify(activity) },
  });
  return messagesHandler(runtime)(
    request,
    new InvocationContext({ invocationId: randomUUID(), functionName: 'messages' }),
  );
}

async function storedConversations(): Promise<unknown[]> {
  const { resources } = await cosmos.database.container('conversations').items.readAll().fetchAll();
  return resources;
}

describe('with BOT_ID (authenticated bot)', () => {
  let runtime: Runtime;
  let consoleErrors: unknown[][];

  beforeAll(async () => {
    runtime = await runtimeFor(BOT_ENV);
  });
  beforeEach(() => {
    consoleErrors = [];
    // botbuilder's CloudAdapter console.error()s every rejected request; keep it out of the output.
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
  });
  afterEach(() => jest.restoreAllMocks());

  test.each([
    ['no Authorization header', {}, 'Unauthorized Access. Request is not authorized'],
    ['a garbage bearer token', { authorization: 'Bearer not-a-jwt' }, 'Unauthorized. No valid identity.'],
  ])('%s → 401, and the activity is not processed', async (_what, headers, message) => {
    const answer: HttpResponseInit = await post(
      runtime,
      personalMessage(connector.serviceUrl, 'help', `auth-${randomUUID()}`),
      headers,
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toBe(message);
    expect(consoleErrors.map(([error]) => (error as { statusCode?: number }).statusCode)).toEqual([401]);
    expect(await storedConversations()).toEqual([]);
    expect(connector.calls).toEqual([]);
  });
});

describe('without BOT_ID (anonymous, local development)', () => {
  test('a valid activity → 200, the reply reaches the connector and the reference is stored', async () => {
    const runtime = await runtimeFor({});
    expect(runtime.config.bot.appId).toBeUndefined();
    const id = `anon-${randomUUID()}`;
    const answer = await post(runtime, personalMessage(connector.serviceUrl, 'hello', id));
    expect(answer.status).toBe(200);

    const reply = await connector.waitFor((c) => c.activity.replyToId === id);
    expect(reply.path).toBe(`/v3/conversations/a:moments-personal-alexw/activities/${id}`);
    expect(reply.activity.text).toBe('I didn’t catch that. Type “help” to see what I can do.');
    expect(await storedConversations()).toHaveLength(1);
    expect(await runtime.stores.conversations.get(TENANT_ID, `personal:${ALEX_AAD_ID}`)).toMatchObject({
      kind: 'personal',
      reference: { serviceUrl: connector.serviceUrl },
    });
    expect(logLines.some((line) => line.includes('"botAuth":"anonymous"'))).toBe(true);
  });
});

describe('an oversized body', () => {
  test('is refused with 413 before it is read, through the Functions handler and the local server', async () => {
    const runtime = await runtimeFor({});
    const id = `huge-${randomUUID()}`;
    const huge = personalMessage(connector.serviceUrl, 'x'.repeat(MAX_ACTIVITY_BYTES), id);
    const answer = await post(runtime, huge);
    expect(answer.status).toBe(413);
    expect(answer.jsonBody).toEqual({ error: expect.stringMatching(/over 512 KB/) });

    const server = await startBotServer({
      handler: messagesHandler(runtime),
      logger: runtime.logger,
      host: '127.0.0.1',
      port: 0,
      anonymous: true,
    });
    try {
      const local = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(huge),
      });
      expect(local.status).toBe(413);
      // A body just under the bound is processed as usual.
      const smallId = `small-${randomUUID()}`;
      const small = personalMessage(connector.serviceUrl, 'hello', smallId);
      expect((await fetch(server.url, { method: 'POST', body: JSON.stringify(small) })).status).toBe(200);
      // The small one's reply marks the point by which a reply to the huge one would have come.
      await connector.waitFor((c) => c.activity.replyToId === smallId);
    } finally {
      await server.close();
    }
    // Nothing of the refused activities was processed: no reply to them.
    expect(connector.calls.some((c) => c.activity.replyToId === id)).toBe(false);
  });
});
