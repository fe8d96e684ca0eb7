import { AttemptTimeout } from '../../../bot/teams/deadline';
import { classifySendError } from '../../../bot/teams/sendFailure';

const NOW = Date.parse('2027-03-15T09:00:00Z');

/** A failure as `@azure/core-rest-pipeline` raises it for a Bot Connector error answer. */
function restError(status: number, headers: Record<string, string> = {}, code = 'ServiceError') {
  return Object.assign(new Error(`Injected ${status}.`), {
    name: 'RestError',
    statusCode: status,
    details: { error: { code, message: `Injected ${status}.` } },
    response: { status, headers: new Map(Object.entries(headers)) },
  });
}

describe('classifySendError', () => {
  test.each([412, 429, 502, 503, 504])('%i is worth another attempt', (status) => {
    expect(classifySendError(restError(status), NOW)).toMatchObject({
      status,
      retryable: true,
      permanent: false,
      reason: `${status}: ServiceError: Injected ${status}.`,
    });
  });

  test.each([400, 403, 404, 413])('%i is permanent: no retry can fix it', (status) => {
    expect(classifySendError(restError(status), NOW)).toMatchObject({
      status,
      retryable: false,
      permanent: true,
    });
  });

  test('any other status ends the send without marking it permanent', () => {
    expect(classifySendError(restError(500), NOW)).toMatchObject({ retryable: false, permanent: false });
  });

  test('reads the wait the connector asked for from the response headers', () => {
    expect(classifySendError(restError(429, { 'retry-after': '2' }), NOW).retryAfterMs).toBe(2_000);
    expect(classifySendError(restError(503, { 'x-ms-retry-after-ms': '750' }), NOW).retryAfterMs).toBe(750);
    expect(
      classifySendError(restError(503, { 'retry-after': 'Mon, 15 Mar 2027 09:00:05 GMT' }), NOW).retryAfterMs,
    ).toBe(5_000);
    expect(classifySendError(restError(503), NOW).retryAfterMs).toBeUndefined();
  });

  test('a timeout and a connection that never answered are retried', () => {
    expect(classifySendError(new AttemptTimeout(400), NOW)).toMatchObject({
      reason: 'timeout: no answer within 400 ms',
      retryable: true,
      permanent: false,
    });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifySendError(reset, NOW)).toMatchObject({
      reason: 'network: ECONNRESET: socket hang up',
      retryable: true,
    });
  });

  test('an unknown error is neither retried nor permanent, and its reason fits on one short line', () => {
    const failure = classifySendError(new Error(`bad\n${'x'.repeat(500)}`), NOW);
    expect(failure).toMatchObject({ retryable: false, permanent: false });
    expect(failure.reason).toMatch(/^error: bad x+…$/);
    expect(failure.reason).toHaveLength(200);
  });
});
