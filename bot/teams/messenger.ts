import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRecord, Messenger, MessengerResult, OutboundMessage } from '../../core/delivery';
import { retry, type Logger } from '../../core/shared';
import type { RateLimiter } from './rateLimiter';
import { sendAttempt, type AttemptSetup } from './sendAttempt';
import { classifySendError, SendFailure } from './sendFailure';

/** Options of {@link TeamsMessenger}. */
export interface TeamsMessengerOptions {
  /** The bot's app id; absent for anonymous local development (the Agents Playground). */
  botAppId?: string;
  logger: Logger;
  /** Teams' rate limits, counted per process: one limiter is shared by every sender of the process. */
  limiter: RateLimiter;
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
 * Sends proactive messages to stored Teams conversations through the bot adapter.
 *
 * Each attempt continues the conversation from its stored reference and posts one activity
 * (bot/teams/sendAttempt.ts); the {@link RateLimiter} slot (per conversation and per tenant) is
 * taken at the very end of the connector client's pipeline, just before the request goes on the
 * wire. Throttling and transient failures (429, 412, 502, 503, 504, network errors, timeouts) are
 * retried with exponential backoff and full jitter, never sooner than `Retry-After`; 400, 403, 404
 * and 413 end the send as permanent failures (bot/teams/sendFailure.ts). The connector client's
 * own retry policy is taken out of its pipeline, so that every request on the wire passes the
 * limiter and is counted here.
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
  private readonly logger: Logger;
  private readonly limiter: RateLimiter;
  private readonly setup: Omit<AttemptSetup, 'acquire'>;
  private readonly backoff: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  private readonly maxRetryAfterMs: number;
  private readonly sleep?: (ms: number) => Promise<void>;
  private readonly random?: () => number;
  private readonly now: () => number;

  constructor(adapter: CloudAdapter, options: TeamsMessengerOptions) {
    this.logger = options.logger;
    this.limiter = options.limiter;
    this.setup = { adapter, botAppId: options.botAppId ?? '', timeoutMs: options.timeoutMs ?? 15_000 };
    this.backoff = {
      maxAttempts: Math.max(1, options.maxAttempts ?? 5),
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
    };
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.sleep = options.sleep;
    this.random = options.random;
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
    const setup: AttemptSetup = {
      ...this.setup,
      acquire: () => this.limiter.acquire(conversation.tenantId, conversationId),
    };

    const outcome = await retry(
      () =>
        sendAttempt(setup, reference, message).catch((error: unknown) => {
          throw classifySendError(error, this.now());
        }),
      {
        ...this.backoff,
        // A permanent failure is never retryable; an unknown error is neither, and ends the send too.
        retryable: (failure) => failure instanceof SendFailure && failure.retryable,
        retryAfterMs: (failure) => (failure instanceof SendFailure ? failure.retryAfterMs : undefined),
        maxRetryAfterMs: this.maxRetryAfterMs,
        onRetry: ({ error, attempt, delayMs, retryAfterMs }) => {
          const failure = error as SendFailure;
          this.logger.warn('proactive send will be retried', {
            ...fields,
            status: failure.status,
            attempt,
            delayMs,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
            reason: failure.reason,
          });
        },
        sleep: this.sleep,
        random: this.random,
      },
    );
    if (outcome.ok) {
      const attempt = outcome.attempts;
      if (attempt > 1) this.logger.info('proactive send succeeded after retries', { ...fields, attempt });
      return { ok: true, ...(outcome.value ? { activityId: outcome.value } : {}) };
    }
    const failure = classifySendError(outcome.error, this.now());
    if (failure.permanent) {
      this.logger.warn('proactive send failed permanently', {
        ...fields,
        status: failure.status,
        attempt: outcome.attempts,
        reason: failure.reason,
      });
      return { ok: false, permanent: true, reason: failure.reason };
    }
    const reason =
      outcome.stoppedBy === 'retry-after-too-long'
        ? `${failure.reason} (Retry-After ${outcome.retryAfterMs} ms)`
        : failure.reason;
    this.logger.warn('proactive send gave up', { ...fields, status: failure.status, reason });
    return { ok: false, permanent: false, reason };
  }
}
