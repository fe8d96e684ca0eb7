/**
 * What a failed Graph request means for the people sync, in the sync's own words: the Graph SDK's
 * errors (`GraphError` with Graph's status and code, `GraphClientError` from the client itself)
 * become one of the errors below, so nothing of the SDK reaches a caller.
 *
 * @packageDocumentation
 */

import { GraphClientError, GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';
import { parseRetryAfter } from '../../core/shared';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Statuses the SDK's RetryHandler retries: throttling and short outages. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** A request Graph answered with an error, or could not be made. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly details: { status?: number; code?: string; requestId?: string; url: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphError';
  }
}

/** Graph refused the app (401/403): a permission or token problem no retry fixes. */
export class GraphAuthorizationError extends GraphError {
  override name = 'GraphAuthorizationError';
}

/** Graph kept throttling (or kept being unavailable) after every retry, or asked for too long a wait. */
export class GraphThrottledError extends GraphError {
  override name = 'GraphThrottledError';
}

/**
 * Seconds a response's `Retry-After` asks for (seconds or an HTTP date), read with the one parser the
 * app has. The SDK's RetryHandler does the waiting; this only tells whether the wait is longer than
 * the sync will make.
 */
export function retryAfterSeconds(headers: Pick<Headers, 'get'> | undefined): number | undefined {
  const ms = parseRetryAfter(headers, Date.now());
  return ms === undefined ? undefined : ms / 1000;
}

/** How many retries the client makes and the longest `Retry-After` it waits for. */
export interface RetryLimits {
  maxRetries: number;
  maxRetryAfterSeconds: number;
}

/** The sync's error for what a request to `url` threw. */
export function graphErrorOf(error: unknown, url: string, limits: RetryLimits): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof GraphClientError) {
    return new GraphError(error.message, { url }, { cause: error });
  }
  if (!(error instanceof SdkGraphError) || error.statusCode < 0) {
    // No answer at all: a refused connection, a reset, a DNS failure.
    return new GraphError(
      `Microsoft Graph could not be reached: ${describe(error)}`,
      { url },
      { cause: error },
    );
  }
  const status = error.statusCode;
  const code = error.code ?? undefined;
  const details = { status, code, requestId: requestIdOf(error), url };
  if (RETRYABLE_STATUSES.has(status)) {
    const asked = retryAfterSeconds(error.headers);
    if (asked !== undefined && asked > limits.maxRetryAfterSeconds) {
      return new GraphThrottledError(
        `Microsoft Graph asked to wait ${Math.ceil(asked)} s (Retry-After) before retrying ${url}; ` +
          'try the sync again later',
        details,
        { cause: error },
      );
    }
    return new GraphThrottledError(
      `Microsoft Graph still answered ${status} after ${limits.maxRetries} retries for ${url}; ` +
        'try the sync again later',
      details,
      { cause: error },
    );
  }
  const said = `${status}${code ? ` ${code}` : ''}${error.message ? `: ${error.message}` : ''}`;
  if (status === 401) {
    return new GraphAuthorizationError(
      `Microsoft Graph refused the app's access token (${said}). The token must be app-only, for ` +
        `${GRAPH_SCOPE}, from the tenant being synced; grant the app User.Read.All (Microsoft Graph ` +
        'application permission, admin consent) and check the managed identity (AZURE_CLIENT_ID).',
      details,
      { cause: error },
    );
  }
  if (status === 403) {
    return new GraphAuthorizationError(
      `Microsoft Graph does not let the app list users (${said}): grant the app User.Read.All ` +
        '(Microsoft Graph application permission, with admin consent; for a managed identity, with ' +
        'New-MgServicePrincipalAppRoleAssignment). Tokens are cached for up to an hour after the grant.',
      details,
      { cause: error },
    );
  }
  return new GraphError(`Microsoft Graph answered ${said} for ${url}`, details, { cause: error });
}

const requestIdOf = (error: SdkGraphError) =>
  error.requestId ?? error.headers?.get('request-id') ?? error.headers?.get('client-request-id') ?? undefined;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
