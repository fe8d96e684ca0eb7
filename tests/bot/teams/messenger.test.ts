// TeamsMessenger through a real anonymous TeamsAdapter, over real HTTP, against the fake Bot
// Connector. Every assertion is on what the connector received (or refused), not on mocks.
import { Application } from '@microsoft/teams-ai';
import { createTeamsAdapter } from '../../../bot/teams/adapter';
import { TeamsMessenger, type TeamsMessengerOptions } from '../../../bot/teams/messenger';
import { RateLimiter } from '../../../bot/teams/rateLimiter';
import type { ConversationKind, ConversationRecord } from '../../../core/delivery';
import { FakeClock, runOnClock, settle } from '../../support/fakeClock';
import {
  startFakeConnector,
  type FakeConnector,
  type FakeConnectorOptions,
  type ReceivedActivity,
} from '../../support/fakeConnector';
import { RecordingLogger } from '../../support/fakes';

const TENANT = '7f3c2a10-0000-4000-8000-000000000001';

let connector: FakeConnector | undefined;
let logger: RecordingLogger;

async function fake(options?: FakeConnectorOptions): Promise<FakeConnector> {
  connector = await startFakeConnector(options);
  return connector;
}

beforeEach(() => {
  logger = new RecordingLogger();
});

afterEach(async () => {
  await connector?.close();
  connector = undefined;
});

/** A stored conversation as the bot would have remembered it from Teams. */
function record(
  serviceUrl: string,
  conversationId: string,
  kind: ConversationKind = 'personal',
  tenantId = TENANT,
): ConversationRecord {
  return {
    tenantId,
    id: kind === 'channel' ? `channel:${conversationId}` : `${kind}:${conversationId}`,
    kind,
    conversationId,
    ...(kind === 'channel' ? { channelId: conversationId, teamId: '19:team@thread.tacv2' } : {}),
    reference: {
      channelId: 'msteams',
      serviceUrl,
      locale: 'en-US',
      bot: { id: '28:moments-bot', name: 'Moments' },
      user: { id: '29:user-1', aadObjectId: 'aad-user-1' },
      conversation: {
        id: conversationId,
        tenantId,
        conversationType: kind,
        ...(kind === 'personal' ? {} : { isGroup: true }),
      },
    },
    updatedAt: '2027-03-01T09:00:00.000Z',
  };
}

function messenger(options: Partial<TeamsMessengerOptions> = {}): TeamsMessenger {
  return new TeamsMessenger(createTeamsAdapter({ type: 'SingleTenant' }), {
    logger,
    limiter: new RateLimiter(),
    baseDelayMs: 20,
    ...options,
  });
}

function retryLines() {
  return logger.lines.filter((l) => l.level === 'warn' && l.message === 'proactive send will be retried');
}

/** The most arrivals in any window of `windowMs` (what the service would count). */
function busiestWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function texts(received: readonly ReceivedActivity[]): string[] {
  return received.map((r) => r.text ?? '').sort();
}

describe('delivery', () => {
  test('a text message arrives in the conversation, anonymously, with its id returned', async () => {
    const c = await fake();
    const result = await messenger().send(record(c.url, 'a:personal-1'), { text: 'Happy birthday, Ada!' });

    const [got, ...rest] = c.received();
    expect(rest).toEqual([]);
    expect(result).toEqual({ ok: true, activityId: got?.id });
    expect(got).toMatchObject({
      kind: 'send',
      conversationId: 'a:personal-1',
      tenantId: TENANT,
      type: 'message',
      text: 'Happy birthday, Ada!',
      authorized: false,
    });
    expect(got?.attachments).toBeUndefined();
    expect(got?.activity).toMatchObject({
      from: { id: '28:moments-bot' },
      recipient: { id: '29:user-1' },
      conversation: { id: 'a:personal-1', tenantId: TENANT },
    });
    // botbuilder posts a proactive activity as a reply to the synthetic continuation id.
    expect(got?.replyToId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.stats()).toEqual({ requests: 1, accepted: 1, throttled: 0, faults: 0 });
  });

  test('a text with a link or markdown someone typed is sent as plain text, shown literally', async () => {
    const c = await fake();
    const text = '**Megan** recognised you for Ownership: “[verify here](https://evil.example)”';
    await messenger().send(record(c.url, 'a:personal-1'), { text });
    const [got] = c.received();
    expect(got?.text).toBe(text);
    expect(got?.activity.textFormat).toBe('plain');
  });

  test('a card arrives as an Adaptive Card attachment with its summary', async () => {
    const c = await fake();
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Ada joined 5 years ago today', wrap: true }],
    };
    const result = await messenger().send(record(c.url, '19:group-1@thread.v2', 'groupChat'), {
      card,
      summary: 'A work anniversary',
    });

    expect(result.ok).toBe(true);
    const [got] = c.received();
    expect(got?.attachments).toEqual([
      { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
    ]);
    expect(got?.summary).toBe('A work anniversary');
    expect(got?.text).toBeUndefined();
  });

  test('a channel record posts a new top-level message to the channel', async () => {
    const c = await fake();
    const channel = '19:kudos-channel@thread.tacv2';
    const result = await messenger().send(record(c.url, channel, 'channel'), { text: 'Kudos digest' });

    expect(result.ok).toBe(true);
    const [got] = c.received();
    // The URL's conversation is the channel itself (no `;messageid=`): a new post, not a thread reply.
    expect(got?.conversationId).toBe(channel);
    expect(got?.activity).toMatchObject({ conversation: { id: channel, conversationType: 'channel' } });
  });

  test('a record without a usable reference is a permanent failure and sends nothing', async () => {
    const c = await fake();
    const broken = { ...record(c.url, 'a:personal-1'), reference: { channelId: 'msteams' } };
    expect(await messenger().send(broken, { text: 'x' })).toEqual({
      ok: false,
      permanent: true,
      reason: expect.stringContaining('invalid reference') as string,
    });
    expect(c.stats().requests).toBe(0);
  });
});

describe('retries', () => {
  test('a 429 with Retry-After: 1 is retried no sooner than 1 s later and arrives once', async () => {
    const c = await fake();
    let throttledAt = 0;
    c.plan({
      fault: { status: 429, retryAfter: 1 },
      when: () => {
        throttledAt = Date.now();
        return true;
      },
    });
    const text = 'secret birthday text';
    const result = await messenger({ baseDelayMs: 100 }).send(record(c.url, 'a:personal-1'), { text });

    expect(result.ok).toBe(true);
    const received = c.received();
    expect(texts(received)).toEqual([text]);
    expect((received[0]?.at ?? 0) - throttledAt).toBeGreaterThanOrEqual(1000);
    expect(c.stats()).toMatchObject({ requests: 2, accepted: 1, faults: 1, throttled: 0 });
    expect(retryLines()).toEqual([
      {
        level: 'warn',
        message: 'proactive send will be retried',
        fields: expect.objectContaining({
          tenantId: TENANT,
          conversation: 'personal:a:personal-1',
          conversationId: 'a:personal-1',
          status: 429,
          attempt: 1,
          delayMs: 1000,
          retryAfterMs: 1000,
        }) as object,
      },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain(text);
  });

  test('a Retry-After given as an HTTP date is honoured', async () => {
    const c = await fake();
    let throttledAt = 0;
    const fault = { status: 503, retryAfter: '' };
    c.plan({
      fault,
      when: () => {
        throttledAt = Date.now();
        // Dated when the request arrives, as a service would, however long the request took.
        fault.retryAfter = new Date(throttledAt + 2500).toUTCString();
        return true;
      },
    });
    const result = await messenger().send(record(c.url, 'a:personal-1'), { text: 'dated' });

    expect(result.ok).toBe(true);
    // The date has whole seconds, so it lies between 1.5 s and 2.5 s ahead.
    expect((c.received()[0]?.at ?? 0) - throttledAt).toBeGreaterThanOrEqual(1500);
    expect(retryLines()[0]?.fields).toMatchObject({ status: 503 });
  });

  test('a Retry-After longer than maxRetryAfterMs ends the send, to be retried later', async () => {
    const c = await fake();
    c.plan({ status: 429, retryAfter: 120 });
    const result = await messenger({ maxRetryAfterMs: 10_000 }).send(record(c.url, 'a:p'), { text: 'x' });

    expect(result).toEqual({
      ok: false,
      permanent: false,
      reason: expect.stringMatching(/^429: /) as string,
    });
    expect(c.stats()).toMatchObject({ requests: 1, accepted: 0 });
  });

  test('a 502 then success arrives exactly once', async () => {
    const c = await fake();
    c.plan({ status: 502 });
    const result = await messenger().send(record(c.url, 'a:personal-1'), { text: 'after a 502' });

    expect(result.ok).toBe(true);
    expect(texts(c.received())).toEqual(['after a 502']);
    expect(c.stats()).toMatchObject({ requests: 2, accepted: 1, faults: 1 });
    // Our retry, not the SDK's hidden one: the SDK's policy is taken out of the pipeline.
    expect(retryLines().map((l) => l.fields.status)).toEqual([502]);
  });

  test('an attempt that hangs beyond timeoutMs is abandoned and retried', async () => {
    const c = await fake();
    c.plan({ hang: true });
    const started = Date.now();
    const result = await messenger({ timeoutMs: 400 }).send(record(c.url, 'a:personal-1'), { text: 'slow' });

    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(texts(c.received())).toEqual(['slow']);
    expect(c.stats()).toMatchObject({ requests: 2, accepted: 1, faults: 1 });
    expect(retryLines()[0]?.fields).toMatchObject({
      attempt: 1,
      reason: 'timeout: no answer within 400 ms',
    });
  });

  test('a dropped connection is retried', async () => {
    const c = await fake();
    c.plan({ drop: true });
    const result = await messenger().send(record(c.url, 'a:personal-1'), { text: 'dropped once' });

    expect(result.ok).toBe(true);
    expect(texts(c.received())).toEqual(['dropped once']);
    expect(retryLines()[0]?.fields.reason).toMatch(/^network: /);
  });

  test.each([
    [403, 'BotNotInConversationRoster'],
    [404, 'ConversationNotFound'],
    [400, 'BadArgument'],
  ])('a %i is a permanent failure with the status in the reason, not retried', async (status, code) => {
    const c = await fake();
    c.plan({ fault: { status }, times: Infinity });
    const result = await messenger().send(record(c.url, 'a:personal-1'), { text: 'gone' });

    expect(result).toEqual({
      ok: false,
      permanent: true,
      reason: `${status}: ${code}: Injected ${status}.`,
    });
    expect(c.stats()).toMatchObject({ requests: 1, accepted: 0, faults: 1 });
    expect(retryLines()).toEqual([]);
  });

  test('a failure is reported even when the adapter has a turn error handler that would hide it', async () => {
    const c = await fake();
    c.plan({ fault: { status: 404 }, times: Infinity });
    // As in bot/app.ts: teams-ai's `app.error(...)` installs the handler as the adapter's onTurnError.
    const adapter = createTeamsAdapter({ type: 'SingleTenant' });
    const handled: unknown[] = [];
    new Application({ adapter, startTypingTimer: false }).error(async (_context, error) => {
      handled.push(error);
    });
    const result = await new TeamsMessenger(adapter, { logger, limiter: new RateLimiter() }).send(
      record(c.url, 'a:personal-1'),
      { text: 'to nobody' },
    );

    expect(result).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringMatching(/^404: /) as string,
    });
    expect(handled).toEqual([]);
    expect(c.stats()).toMatchObject({ requests: 1, accepted: 0 });
  });

  test('exhausted retries give a non-permanent failure after exactly maxAttempts requests', async () => {
    const c = await fake();
    c.plan({ fault: { status: 503 }, times: Infinity });
    const result = await messenger({ maxAttempts: 3 }).send(record(c.url, 'a:personal-1'), { text: 'never' });

    expect(result).toEqual({ ok: false, permanent: false, reason: '503: ServiceError: Injected 503.' });
    expect(c.stats()).toMatchObject({ requests: 3, accepted: 0, faults: 3 });
    expect(retryLines().map((l) => l.fields.attempt)).toEqual([1, 2]);
  });
});

describe('rate limits', () => {
  /**
   * A fake connector and a messenger whose rate limiter run on one fake clock. The clock moves
   * only when every unfinished send waits for the limiter, so no clock time passes while a request
   * is on its way: what the connector counts is what the limiter let through, however slow the
   * machine (on the wall clock, a busy machine bunches arrivals up and fails these tests).
   */
  async function onFakeClock() {
    const clock = new FakeClock(Date.parse('2027-03-15T09:00:00Z'));
    // Teams' limits on both sides: the fake connector's own copy, and the limiter's defaults.
    const c = await fake({ now: clock.now });
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const m = messenger({ limiter });
    /** Sends every message at once and waits for all of them, moving the clock as it goes. */
    const sendAll = (messages: ReadonlyArray<{ to: ConversationRecord; text: string }>) => {
      let finished = 0;
      const sends = messages.map(({ to, text }) =>
        m.send(to, { text }).finally(() => {
          finished++;
        }),
      );
      return runOnClock(clock, Promise.all(sends), () => limiter.pending === messages.length - finished);
    };
    return { clock, c, sendAll };
  }

  test('100 concurrent messages to one conversation all arrive once, with no 429, within every window', async () => {
    const { c, sendAll } = await onFakeClock();
    const conversation = record(c.url, 'a:busy');
    const sent = Array.from({ length: 100 }, (_, i) => `message ${String(i).padStart(3, '0')}`);

    const results = await sendAll(sent.map((text) => ({ to: conversation, text })));

    expect(results.every((r) => r.ok)).toBe(true);
    expect(texts(c.received())).toEqual(sent);
    expect(c.stats()).toMatchObject({ accepted: 100, throttled: 0, faults: 0 });
    const at = c.received().map((r) => r.at);
    expect(busiestWindow(at, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(at, 2_000)).toBeLessThanOrEqual(8);
    expect(busiestWindow(at, 30_000)).toBeLessThanOrEqual(60);
  });

  test('a burst to one conversation under the real default limits arrives with no 429', async () => {
    const { clock, c, sendAll } = await onFakeClock();
    const conversation = record(c.url, 'a:burst');
    const sent = Array.from({ length: 16 }, (_, i) => `burst ${String(i).padStart(2, '0')}`);
    const started = clock.now();

    const results = await sendAll(sent.map((text) => ({ to: conversation, text })));

    expect(results.every((r) => r.ok)).toBe(true);
    expect(texts(c.received())).toEqual(sent);
    expect(c.stats()).toMatchObject({ accepted: 16, throttled: 0 });
    const at = c.received().map((r) => r.at);
    expect(busiestWindow(at, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(at, 2_000)).toBeLessThanOrEqual(8);
    // 7 per 2.02 s puts sends i and i + 7 at least 2.02 s apart: the 16th leaves after ≥ 4.04 s.
    expect(clock.now() - started).toBeGreaterThanOrEqual(4040);
  });

  test('300 messages to 300 conversations of one tenant stay under 50 per second', async () => {
    const { clock, c, sendAll } = await onFakeClock();
    const sent = Array.from({ length: 300 }, (_, i) => `hello ${String(i).padStart(3, '0')}`);
    const started = clock.now();

    const results = await sendAll(sent.map((text, i) => ({ to: record(c.url, `a:person-${i}`), text })));

    expect(results.every((r) => r.ok)).toBe(true);
    const received = c.received();
    expect(texts(received)).toEqual(sent);
    expect(new Set(received.map((r) => r.conversationId)).size).toBe(300);
    expect(c.stats()).toMatchObject({ accepted: 300, throttled: 0 });
    expect(
      busiestWindow(
        received.map((r) => r.at),
        1000,
      ),
    ).toBeLessThanOrEqual(50);
    // One send every 1020/48 ms (the tenant's sends are spread out): the 300th leaves after ~6.35 s.
    expect(clock.now() - started).toBeGreaterThanOrEqual(6300);
  });

  test('waiting for the rate limiter does not count towards the timeout of an attempt', async () => {
    const clock = new FakeClock();
    const c = await fake({ limits: false });
    const limiter = new RateLimiter({
      limits: { conversation: [{ limit: 1, windowMs: 1_000 }], tenant: [] },
      headroom: 0,
      windowPaddingMs: 0,
      now: clock.now,
      sleep: clock.sleep,
    });
    const m = messenger({ limiter, timeoutMs: 300 });
    const conversation = record(c.url, 'a:queued');
    const sent = ['first', 'second', 'third'];
    const results = Promise.all(sent.map((text) => m.send(conversation, { text })));
    const untilAccepted = async (count: number) => {
      while (c.received().length < count || limiter.pending !== sent.length - count) await settle();
    };

    for (let accepted = 1; accepted < sent.length; accepted++) {
      await untilAccepted(accepted);
      // The others wait for the limiter longer than an attempt may take (on the wall clock).
      await new Promise((resolve) => setTimeout(resolve, 600));
      await clock.advance(1_000);
    }

    expect((await results).every((r) => r.ok)).toBe(true);
    expect(c.received().map((r) => r.text)).toEqual(sent);
    expect(c.stats()).toMatchObject({ requests: 3, accepted: 3 });
    expect(retryLines()).toEqual([]);
  });
});

describe('the fake connector', () => {
  test('answers 429 with Retry-After itself when a window is exceeded', async () => {
    const c = await fake();
    const url = `${c.url}/v3/conversations/${encodeURIComponent('a:raw')}/activities`;
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'raw',
          conversation: { id: 'a:raw', tenantId: TENANT },
        }),
      });
    const responses = await Promise.all(Array.from({ length: 9 }, post));

    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 201, 201, 429, 429]);
    expect(responses.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    expect(c.stats()).toMatchObject({ accepted: 7, throttled: 2 });
  });

  test('records updates, and reads the tenant from channelData when the conversation has none', async () => {
    const c = await fake();
    const conversation = encodeURIComponent('19:chan@thread.tacv2');
    const put = await fetch(`${c.url}/v3/conversations/${conversation}/activities/fake-9`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'edited',
        conversation: { id: '19:chan@thread.tacv2' },
        channelData: { tenant: { id: TENANT } },
      }),
    });

    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ id: 'fake-9' });
    expect(c.received()).toMatchObject([
      {
        kind: 'update',
        id: 'fake-9',
        conversationId: '19:chan@thread.tacv2',
        tenantId: TENANT,
        text: 'edited',
      },
    ]);
    const other = await fetch(`${c.url}/v3/conversations/${conversation}/members`);
    expect(other.status).toBe(404);
  });
});
