import { backoffDelayMs, parseRetryAfter, retry, type RetryOptions } from '../../../core/shared';

/** A failure as a service reports it: a status, and maybe how long to wait. */
class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`status ${status}`);
  }
}

/** Runs `retry` with recorded sleeps instead of real ones. */
function harness(overrides: Partial<RetryOptions> = {}) {
  const slept: number[] = [];
  const retried: Array<{ attempt: number; delayMs: number; retryAfterMs?: number }> = [];
  const options: RetryOptions = {
    maxAttempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    retryable: (error) => error instanceof ServiceError && error.status >= 500,
    retryAfterMs: (error) => (error instanceof ServiceError ? error.retryAfterMs : undefined),
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
    onRetry: ({ attempt, delayMs, retryAfterMs }) =>
      retried.push({ attempt, delayMs, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }),
    ...overrides,
  };
  /** An operation that fails with `failures` in turn, then answers 'done'. */
  const failing = (...failures: Error[]) => {
    const calls: number[] = [];
    const run = async (attempt: number) => {
      calls.push(attempt);
      const failure = failures[attempt - 1];
      if (failure) throw failure;
      return 'done';
    };
    return { run, calls };
  };
  return { options, slept, retried, failing };
}

describe('backoffDelayMs', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it('is a random share of a ceiling that doubles with each attempt up to maxDelayMs', () => {
    const almostOne = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, almostOne))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0.5))).toEqual([50, 100, 200, 400]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('never comes sooner than Retry-After, even above maxDelayMs', () => {
    expect(backoffDelayMs(1, policy, () => 0.5, 30)).toBe(50);
    expect(backoffDelayMs(1, policy, () => 0.5, 700)).toBe(700);
    expect(backoffDelayMs(6, policy, () => 0.999, 5_000)).toBe(5_000);
  });
});

describe('retry', () => {
  it('returns the first success, after waiting the backoff between attempts', async () => {
    const { options, slept, retried, failing } = harness();
    const op = failing(new ServiceError(503), new ServiceError(502));

    expect(await retry(op.run, options)).toEqual({ ok: true, value: 'done', attempts: 3 });
    expect(op.calls).toEqual([1, 2, 3]);
    expect(slept).toEqual([50, 100]);
    expect(retried).toEqual([
      { attempt: 1, delayMs: 50 },
      { attempt: 2, delayMs: 100 },
    ]);
  });

  it('waits at least what the failure asked for', async () => {
    const { options, slept, retried, failing } = harness();
    const op = failing(new ServiceError(503, 2_500));

    expect(await retry(op.run, options)).toMatchObject({ ok: true, attempts: 2 });
    expect(slept).toEqual([2_500]);
    expect(retried).toEqual([{ attempt: 1, delayMs: 2_500, retryAfterMs: 2_500 }]);
  });

  it('stops at a failure that is not retryable, without waiting', async () => {
    const { options, slept, failing } = harness();
    const gone = new ServiceError(404);
    const op = failing(new ServiceError(503), gone);

    expect(await retry(op.run, options)).toEqual({
      ok: false,
      error: gone,
      attempts: 2,
      stoppedBy: 'not-retryable',
    });
    expect(slept).toEqual([50]);
  });

  it('makes exactly maxAttempts attempts and returns the last failure', async () => {
    const { options, slept, failing } = harness({ maxAttempts: 3 });
    const last = new ServiceError(503);
    const op = failing(new ServiceError(503), new ServiceError(502), last, new ServiceError(500));

    expect(await retry(op.run, options)).toEqual({
      ok: false,
      error: last,
      attempts: 3,
      stoppedBy: 'attempts-exhausted',
    });
    expect(op.calls).toEqual([1, 2, 3]);
    expect(slept).toHaveLength(2);
  });

  it('gives up rather than wait out a Retry-After longer than maxRetryAfterMs', async () => {
    const { options, slept, failing } = harness({ maxRetryAfterMs: 10_000 });
    const throttled = new ServiceError(503, 120_000);
    const op = failing(throttled);

    expect(await retry(op.run, options)).toEqual({
      ok: false,
      error: throttled,
      attempts: 1,
      stoppedBy: 'retry-after-too-long',
      retryAfterMs: 120_000,
    });
    expect(slept).toEqual([]);
  });

  it('tries once when maxAttempts is below 1', async () => {
    const { options, failing } = harness({ maxAttempts: 0 });
    const op = failing(new ServiceError(503));

    expect(await retry(op.run, options)).toMatchObject({ ok: false, stoppedBy: 'attempts-exhausted' });
    expect(op.calls).toEqual([1]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2027-03-15T09:00:00Z');

  it('reads Retry-After in seconds, from any case of the name', () => {
    expect(parseRetryAfter({ 'retry-after': '1' }, now)).toBe(1_000);
    expect(parseRetryAfter({ 'Retry-After': '2.5' }, now)).toBe(2_500);
    expect(parseRetryAfter({ 'RETRY-AFTER': 3 }, now)).toBe(3_000);
    expect(parseRetryAfter({ 'retry-after': ['4', '9'] }, now)).toBe(4_000);
    expect(parseRetryAfter({ 'retry-after': ' 0 ' }, now)).toBe(0);
  });

  it('reads Retry-After as an HTTP date, counted from now; a past date means no wait', () => {
    expect(parseRetryAfter({ 'retry-after': 'Mon, 15 Mar 2027 09:00:30 GMT' }, now)).toBe(30_000);
    expect(parseRetryAfter({ 'retry-after': 'Mon, 15 Mar 2027 08:59:00 GMT' }, now)).toBe(0);
  });

  it('prefers the millisecond headers Azure services send', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250);
    expect(parseRetryAfter({ 'x-ms-retry-after-ms': '12.2', 'retry-after': '9' }, now)).toBe(13);
    expect(parseRetryAfter({ 'retry-after-ms': 'soon', 'retry-after': '9' }, now)).toBe(9_000);
  });

  it('reads a fetch Headers and anything else with get(name)', () => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': '7' }), now)).toBe(7_000);
    expect(parseRetryAfter(new Headers({ 'x-ms-retry-after-ms': '40' }), now)).toBe(40);
    const pipelineHeaders = new Map([['retry-after', '5']]);
    expect(parseRetryAfter(pipelineHeaders, now)).toBe(5_000);
  });

  it('is undefined when there is nothing readable', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('retry-after: 5', now)).toBeUndefined();
    expect(parseRetryAfter({}, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-5' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'later' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': { seconds: 5 } }, now)).toBeUndefined();
  });
});
