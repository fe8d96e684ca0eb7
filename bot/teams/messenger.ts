import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ConversationRecord, Messenger, MessengerResult, OutboundMessage } from '../../core/delivery';
import type { Logger } from '../../core/shared';
import { RateLimiter } from './rateLimiter';

/** Options of {@link TeamsMessenger}. */
export interface TeamsMessengerOptions {
  /** The bot's app id; absent for anonymous local development (the Agents Playground). */
  botAppId?: string;
  logger: Logger;
  /** Shared by every messenger of the process. Default: a new {@link RateLimiter} with Teams' limits. */
  limiter?: RateLimiter;
  /** HTTP attempts per send, the first included. Default 5. */
  maxAttempts?: number;
  /** Backoff before the first retry, doubled on each further one (full jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of the exponential backoff. Default 30 s. */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` the messenger waits out in place. A longer one ends the send with a
   * non-permanent failure, so that a later run retries it. Default 60 s.
   */
  maxRetryAfterMs?: number;
  /**
   * Time allowed for each phase of one attempt: preparing the turn up to the request, and the HTTP
   * request itself. Waiting for the rate limiter does not count. Default 15 s.
   */
  timeoutMs?: number;
  /** Waits between attempts. Default: `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Random numbers in [0, 1) for the jitter. Default: `Math.random`. */
  random?: () => number;
  /** Wall clock, for `Retry-After` given as an HTTP date. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Statuses worth another attempt, per Teams' guidance: 429 (throttled), 412 (precondition failed:
 * a concurrent write in the service), 502, 503, 504.
 */
const RETRYABLE_STATUSES = new Set([412, 429, 502, 503, 504]);

/**
 * Statuses no retry can fix: 400 (the activity is malformed), 403 (the bot was removed from the
 * conversation, blocked by the user or disabled by an admin), 404 (the conversation or the user is
 * gone), 413 (the message is too large).
 */
const PERMANENT_STATUSES = new Set([400, 403, 404, 413]);

/** Error codes of a request that never got an HTTP answer. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);

/** The name of `@azure/core-rest-pipeline`'s retry policy in the connector client's pipeline. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';
const ATTEMPT_POLICY = 'momentsAttempt';

/** What one failed attempt tells about the next. */
interface Failure {
  status?: number;
  /** `<status>: <short text>`, or a description of a network error or timeout. */
  reason: string;
  retryable: boolean;
  permanent: boolean;
  retryAfterMs?: number;
}

/**
 * Sends proactive messages to stored Teams conversations through the bot adapter.
 *
 * Each attempt continues the conversation from its stored reference and posts one activity; the
 * {@link RateLimiter} slot (per conversation and per tenant) is taken at the very end of the
 * connector client's pipeline, just before the request goes on the wire. Throttling and transient
 * failures (429, 412, 502, 503, 504, network errors, timeouts) are retried with exponential backoff
 * and full jitter, never sooner than `Retry-After`; 400, 403, 404 and 413 end the send as permanent
 * failures. The connector client's own retry policy is taken out of its pipeline, so that every
 * request on the wire passes the limiter and is counted here.
 *
 * For a channel record the stored reference's `conversation.id` is the channel id, so the message
 * becomes a new post in the channel. botbuilder sends proactive activities as replies to the
 * synthetic id of the continuation activity (`POST …/activities/{uuid}`); the Agents Playground
 * (checked with 0.2.28) and the fake connector treat that as a new message, as Teams does for the
 * TeamsFx notification bots that send the same way.
 *
 * A timed-out attempt may still have been delivered; the retry can then post the message twice.
 * That is the price of not losing it, as with the delivery ledger's lease.
 */
export class TeamsMessenger implements Messenger {
  private readonly botAppId: string;
  private readonly logger: Logger;
  private readonly limiter: RateLimiter;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    private readonly adapter: CloudAdapter,
    options: TeamsMessengerOptions,
  ) {
    this.botAppId = options.botAppId ?? '';
    this.logger = options.logger;
    this.limiter = options.limiter ?? new RateLimiter();
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /**
   * Posts `message` to `conversation`, retrying transient failures.
   * @returns `{ ok: true, activityId }` once the connector accepted it; otherwise why not, and
   *   whether a later retry could ever help. Never throws for a failed send.
   */
  async send(conversation: ConversationRecord, message: OutboundMessage): Promise<MessengerResult> {
    const reference = conversation.reference as Partial<ConversationReference>;
    const conversationId = reference.conversation?.id;
    if (!conversationId || !reference.serviceUrl) {
      return {
        ok: false,
        permanent: true,
        reason: 'invalid reference: no conversation id or service url',
      };
    }
    if (!message.text && !message.card) {
      return { ok: false, permanent: true, reason: 'empty message: no text and no card' };
    }
    const fields = { tenantId: conversation.tenantId, conversation: conversation.id, conversationId };

    let failure: Failure | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        const activityId = await this.attempt(reference, message, () =>
          this.limiter.acquire(conversation.tenantId, conversationId),
        );
        if (attempt > 1) this.logger.info('proactive send succeeded after retries', { ...fields, attempt });
        return { ok: true, ...(activityId ? { activityId } : {}) };
      } catch (err) {
        failure = classify(err, this.now());
      }
      if (failure.permanent) {
        this.logger.warn('proactive send failed permanently', {
          ...fields,
          status: failure.status,
          attempt,
          reason: failure.reason,
        });
        return { ok: false, permanent: true, reason: failure.reason };
      }
      if (!failure.retryable || attempt === this.maxAttempts) break;
      if (failure.retryAfterMs !== undefined && failure.retryAfterMs > this.maxRetryAfterMs) {
        failure = { ...failure, reason: `${failure.reason} (Retry-After ${failure.retryAfterMs} ms)` };
        break;
      }
      const delayMs = this.backoff(attempt, failure.retryAfterMs);
      this.logger.warn('proactive send will be retried', {
        ...fields,
        status: failure.status,
        attempt,
        delayMs,
        ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
        reason: failure.reason,
      });
      await this.sleep(delayMs);
    }
    const reason = failure?.reason ?? 'unknown failure';
    this.logger.warn('proactive send gave up', { ...fields, status: failure?.status, reason });
    return { ok: false, permanent: false, reason };
  }

  /** Full jitter over `min(maxDelay, base × 2^(attempt−1))`, and at least `Retry-After`. */
  private backoff(attempt: number, retryAfterMs: number | undefined): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.floor(this.random() * ceiling);
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  /**
   * One HTTP request; rejects on failure or when a phase of it takes longer than `timeoutMs`.
   * `acquire` (the rate limiter) runs at the end of the connector client's pipeline, just before
   * the request goes on the wire: Teams counts a request when it arrives, and the time botbuilder
   * takes to build a turn and a client varies a lot under load (measured: a cold burst of 48
   * granted sends reached the connector 80–120 ms later, a warm one ~55 ms later, enough to put
   * 79 arrivals in one second). The wait for the limiter is not part of the timeout.
   */
  private async attempt(
    reference: Partial<ConversationReference>,
    message: OutboundMessage,
    acquire: () => Promise<void>,
  ): Promise<string | undefined> {
    const deadline = new Deadline(this.timeoutMs);
    const beforeSend = async () => {
      if (deadline.signal.aborted) throw new AttemptTimeout(this.timeoutMs);
      deadline.pause();
      await acquire();
      deadline.restart();
    };
    // The outcome is caught inside the turn: an adapter shared with the bot has the app's error
    // handler as `onTurnError`, which would swallow the error and make a failed send look sent.
    let outcome: { id: string | undefined } | { error: unknown } | undefined;
    deadline.restart();
    const sent = this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        if (!takeOverRequest(context, this.adapter, deadline.signal, beforeSend)) await beforeSend();
        const response = await context.sendActivity({
          type: 'message',
          text: message.text,
          attachments: message.card ? [CardFactory.adaptiveCard(message.card)] : undefined,
          summary: message.summary,
        });
        outcome = { id: response?.id };
      } catch (error) {
        outcome = { error };
      }
    });
    try {
      await Promise.race([sent, deadline.expired]);
    } finally {
      deadline.pause();
      // A timed-out attempt settles later (aborted); nothing waits for it any more.
      sent.catch(() => undefined);
    }
    if (!outcome) throw new Error('not sent: adapter middleware ended the turn before the send');
    if ('error' in outcome) throw outcome.error;
    return outcome.id;
  }
}

/** Raised when a phase of an attempt takes longer than `timeoutMs`. */
class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timeout: no answer within ${timeoutMs} ms`);
    this.name = 'AttemptTimeout';
  }
}

/** A timer that can be paused and restarted; when it fires it aborts `signal` and rejects `expired`. */
class Deadline {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private fire: (error: Error) => void = () => undefined;
  readonly expired = new Promise<never>((_resolve, reject) => {
    this.fire = reject;
  });
  readonly signal = this.abort.signal;

  constructor(private readonly ms: number) {
    this.expired.catch(() => undefined);
  }

  restart(): void {
    this.pause();
    this.timer = setTimeout(() => {
      this.abort.abort();
      this.fire(new AttemptTimeout(this.ms));
    }, this.ms);
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

interface PipelineRequest {
  abortSignal?: AbortSignal;
}
interface PipelinePolicy {
  name: string;
  sendRequest(
    request: PipelineRequest,
    next: (request: PipelineRequest) => Promise<unknown>,
  ): Promise<unknown>;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown[];
  addPolicy(policy: PipelinePolicy, options?: { afterPhase?: 'Sign' }): void;
}

/**
 * Adapts the connector client of this proactive turn (botbuilder makes a new one per turn): takes
 * out the SDK's own retry policy, which would retry 429s and 5xx behind the limiter's back and
 * multiply `maxAttempts`, and adds a last policy that runs `beforeSend` (the limiter) and ties the
 * request to `signal`, so that a timed-out attempt closes its socket.
 * @returns false when the pipeline is not where botbuilder 4.23 keeps it; the send then works
 *   with the SDK's retries, and the caller must run `beforeSend` itself.
 */
function takeOverRequest(
  context: TurnContext,
  adapter: CloudAdapter,
  signal: AbortSignal,
  beforeSend: () => Promise<void>,
): boolean {
  const client = context.turnState.get<{ client?: { pipeline?: Partial<Pipeline> } } | undefined>(
    adapter.ConnectorClientKey,
  );
  const pipeline = client?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') return false;
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  pipeline.removePolicy({ name: ATTEMPT_POLICY });
  pipeline.addPolicy(
    {
      name: ATTEMPT_POLICY,
      sendRequest: async (request, next) => {
        await beforeSend();
        request.abortSignal = signal;
        return next(request);
      },
    },
    { afterPhase: 'Sign' },
  );
  return true;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  status?: unknown;
  details?: unknown;
  response?: {
    status?: unknown;
    headers?: unknown;
    bodyAsText?: unknown;
  };
  cause?: unknown;
}

/** Reads what a failed attempt says: status, `Retry-After`, whether to retry. */
function classify(err: unknown, now: number): Failure {
  if (err instanceof AttemptTimeout) return { reason: err.message, retryable: true, permanent: false };
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const status = statusOf(e);
  if (status !== undefined) {
    const reason = truncate(`${status}: ${shortText(e)}`);
    const retryAfterMs = retryAfterOf(e.response?.headers, now);
    return {
      status,
      reason,
      retryable: RETRYABLE_STATUSES.has(status),
      permanent: PERMANENT_STATUSES.has(status),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if ((code && NETWORK_CODES.has(code)) || e.name === 'AbortError') {
    return {
      reason: truncate(`network: ${code ?? String(e.name)}: ${message}`),
      retryable: true,
      permanent: false,
    };
  }
  return { reason: truncate(`error: ${message}`), retryable: false, permanent: false };
}

/** The HTTP status of a botbuilder / `RestError`: `statusCode`, `response.status`, or a numeric `code`. */
function statusOf(e: ErrorLike): number | undefined {
  for (const candidate of [e.statusCode, e.response?.status, e.status, e.code]) {
    const n = typeof candidate === 'string' && /^\d{3}$/.test(candidate) ? Number(candidate) : candidate;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

/** `<connector error code>: <message>` from the error body, e.g. `ConversationNotFound: Conversation not found.` */
function shortText(e: ErrorLike): string {
  const details = e.details as { error?: { code?: unknown; message?: unknown } } | undefined;
  const code =
    details?.error?.code ?? (typeof e.code === 'string' && !/^\d+$/.test(e.code) ? e.code : undefined);
  const message = details?.error?.message ?? e.message;
  const parts = [code, message].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length > 0 ? unique.join(': ') : 'no details';
}

/**
 * `Retry-After` in milliseconds, from core-rest-pipeline's `HttpHeaders` (`get`), a `Headers`
 * object or a plain record: `retry-after-ms` / `x-ms-retry-after-ms`, or `Retry-After` in seconds
 * or as an HTTP date.
 */
function retryAfterOf(headers: unknown, now: number): number | undefined {
  const get = (name: string): string | undefined => {
    if (!headers || typeof headers !== 'object') return undefined;
    const h = headers as { get?: (name: string) => unknown } & Record<string, unknown>;
    const value =
      typeof h.get === 'function'
        ? h.get(name)
        : (h[name] ?? Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1]);
    if (value === undefined || value === null) return undefined;
    const first = Array.isArray(value) ? (value[0] as unknown) : value;
    return typeof first === 'string' || typeof first === 'number' ? String(first).trim() : undefined;
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(get(name));
    if (get(name) !== undefined && Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  }
  const value = get('retry-after');
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function truncate(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
