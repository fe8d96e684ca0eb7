/**
 * Retrying transient failures: exponential backoff with full jitter, never sooner than the
 * service's `Retry-After`. Every source of time and chance is a parameter, so that a test can run
 * a whole series of retries without waiting.
 */

/** How far apart attempts are, and how many there are. */
export interface BackoffPolicy {
  /** Attempts in all, the first included (at least 1). */
  maxAttempts: number;
  /** The backoff ceiling before the first retry, doubled for each further one. */
  baseDelayMs: number;
  /** The highest the ceiling goes. */
  maxDelayMs: number;
}

/** Options of {@link retry}. */
export interface RetryOptions extends BackoffPolicy {
  /** Whether a failure is worth another attempt. */
  retryable: (error: unknown) => boolean;
  /** How long the service asked the caller to wait before the next attempt, if it said. */
  retryAfterMs?: (error: unknown) => number | undefined;
  /**
   * The longest `Retry-After` waited out in place; a longer one ends the retries, so that the work
   * can be tried again later instead of holding its caller. Default: any.
   */
  maxRetryAfterMs?: number;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (retry: { error: unknown; attempt: number; delayMs: number; retryAfterMs?: number }) => void;
  /** Waits `ms` milliseconds. Default: `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Random numbers in [0, 1) for the jitter. Default: `Math.random`. */
  random?: () => number;
}

/** Why {@link retry} stopped without a result. */
export type RetryStop =
  /** The last failure was not worth another attempt. */
  | 'not-retryable'
  /** Every attempt failed. */
  | 'attempts-exhausted'
  /** The service asked for a longer wait than `maxRetryAfterMs`. */
  | 'retry-after-too-long';

/** The result of the first attempt that succeeded, or the last failure and why retrying stopped. */
export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: unknown; attempts: number; stoppedBy: RetryStop; retryAfterMs?: number };

/**
 * The wait before the retry that follows failed attempt number `attempt` (from 1): a random time
 * below `min(maxDelayMs, baseDelayMs × 2^(attempt − 1))` ("full jitter", so that many callers that
 * failed together do not come back together), and never less than `retryAfterMs`.
 */
export function backoffDelayMs(
  attempt: number,
  policy: Pick<BackoffPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (Math.max(1, attempt) - 1));
  return Math.max(Math.floor(random() * ceiling), retryAfterMs ?? 0);
}

/**
 * Runs `attempt` (numbered from 1) until it resolves, a failure is not retryable, the attempts run
 * out or the service asks for too long a wait, sleeping {@link backoffDelayMs} between attempts.
 * @returns the value with the number of attempts it took, or the last failure and why retrying
 *   stopped; never rejects with the attempt's error.
 */
export async function retry<T>(
  attempt: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  const maxAttempts = Math.max(1, options.maxAttempts);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    try {
      return { ok: true, value: await attempt(n), attempts: n };
    } catch (error) {
      if (!options.retryable(error)) return { ok: false, error, attempts: n, stoppedBy: 'not-retryable' };
      if (n >= maxAttempts) return { ok: false, error, attempts: n, stoppedBy: 'attempts-exhausted' };
      const retryAfterMs = options.retryAfterMs?.(error);
      if (retryAfterMs !== undefined && retryAfterMs > (options.maxRetryAfterMs ?? Infinity)) {
        return { ok: false, error, attempts: n, stoppedBy: 'retry-after-too-long', retryAfterMs };
      }
      const delayMs = backoffDelayMs(n, options, random, retryAfterMs);
      options.onRetry?.({
        error,
        attempt: n,
        delayMs,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      await sleep(delayMs);
    }
  }
}

/** Header names that give the wait in milliseconds, checked before `Retry-After` (Azure services send them). */
const MILLISECOND_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms'];

/**
 * How long a response asks the caller to wait, in milliseconds: `retry-after-ms` or
 * `x-ms-retry-after-ms`, else `Retry-After` in seconds or as an HTTP date (counted from `nowMs`;
 * a date already past means no wait). `headers` may be a plain record (any case of names, a value
 * or a list of values), a fetch `Headers` or anything else with `get(name)`.
 * @returns undefined when no such header is there or none can be read.
 */
export function parseRetryAfter(headers: unknown, nowMs: number): number | undefined {
  for (const name of MILLISECOND_HEADERS) {
    const value = headerValue(headers, name);
    if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) continue;
    return Math.ceil(Number(value));
  }
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP date names its weekday and month; anything without letters is not one.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}

/** The first value of header `name` (lower case), trimmed; undefined when absent or empty. */
function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: unknown } & Record<string, unknown>;
  const raw =
    typeof h.get === 'function'
      ? (h.get as (name: string) => unknown).call(headers, name)
      : (h[name] ?? Object.entries(h).find(([key]) => key.toLowerCase() === name)?.[1]);
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== 'string' && typeof first !== 'number') return undefined;
  const text = String(first).trim();
  return text === '' ? undefined : text;
}
