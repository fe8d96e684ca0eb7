import { parseRetryAfter } from '../../core/shared';
import { AttemptTimeout } from './deadline';

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

/** What one failed send attempt tells about the next. */
export class SendFailure extends Error {
  constructor(
    /** `<status>: <short text>`, or a description of a network error or timeout. */
    readonly reason: string,
    readonly retryable: boolean,
    readonly permanent: boolean,
    readonly status?: number,
    /** How long the connector asked to wait before the next attempt. */
    readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'SendFailure';
  }
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

/**
 * Reads what a failed attempt says: its status, `Retry-After` (an HTTP date counted from `nowMs`),
 * and whether another attempt could work or none ever will. Unknown errors are neither: the send
 * ends, and a later run may try again.
 */
export function classifySendError(err: unknown, nowMs: number): SendFailure {
  if (err instanceof SendFailure) return err;
  if (err instanceof AttemptTimeout) return new SendFailure(err.message, true, false);
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const status = statusOf(e);
  if (status !== undefined) {
    return new SendFailure(
      truncate(`${status}: ${shortText(e)}`),
      RETRYABLE_STATUSES.has(status),
      PERMANENT_STATUSES.has(status),
      status,
      parseRetryAfter(e.response?.headers, nowMs),
    );
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if ((code && NETWORK_CODES.has(code)) || e.name === 'AbortError') {
    return new SendFailure(truncate(`network: ${code ?? String(e.name)}: ${message}`), true, false);
  }
  return new SendFailure(truncate(`error: ${message}`), false, false);
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

function truncate(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
