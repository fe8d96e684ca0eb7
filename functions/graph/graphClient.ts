/**
 * A small Microsoft Graph REST client over `fetch` (no Graph SDK): just what the people sync
 * needs, i.e. listing the tenant's users with their managers, as a {@link DirectorySource}.
 *
 * - **Credentials**: app-only, through an injected `getToken()`. In Azure that is the managed
 *   identity: `graphTokenProvider(new DefaultAzureCredential(…))`, scope
 *   `https://graph.microsoft.com/.default`. The identity needs the Graph application permission
 *   `User.Read.All` (admin consent).
 * - **Managers** come from `$expand=manager($select=id)` on the users request itself: one
 *   request per page of users instead of one `GET /users/{id}/manager` per user (2,500 users: a
 *   few dozen requests instead of 2,500 more, which would also be throttled). There is no
 *   per-user fallback: `$expand=manager` on `/users` is part of Graph v1.0, and a silent switch to
 *   N extra requests would hide a problem rather than report it; a refused expand fails the sync
 *   with Graph's own error. Graph answers at most 100 users a page when `$expand` is used,
 *   whatever `$top` says; following `@odata.nextLink` makes that only a matter of request count.
 * - **Paging** follows `@odata.nextLink` until there is none. The token is only ever sent to the
 *   origin of the base URL: a next link elsewhere is refused.
 * - **Throttling**: 429, 503 and 504 (and network errors) are retried up to `maxRetries` times,
 *   after `Retry-After` (seconds or an HTTP date) when the response has it, otherwise after an
 *   exponential backoff with jitter. A `Retry-After` longer than `maxRetryAfterMs` fails at once.
 * - **401/403** become a {@link GraphAuthorizationError} saying which permission to grant.
 *
 * @packageDocumentation
 */

import { DefaultAzureCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import type { DirectorySource, DirectoryUser } from '../../core/people';
import type { Config } from '../config';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** The user fields the sync reads. */
export const USER_SELECT = 'id,displayName,mail,userPrincipalName,accountEnabled';

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

/** Graph kept throttling (or kept being unavailable) after every retry. */
export class GraphThrottledError extends GraphError {
  override name = 'GraphThrottledError';
}

/** A retry the client is about to make, for logging. */
export interface GraphRetry {
  url: string;
  /** HTTP status, or undefined for a network error or timeout. */
  status?: number;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** True when the delay is the response's `Retry-After`. */
  retryAfter: boolean;
}

export interface GraphClientOptions {
  /** An app-only access token for Microsoft Graph; called before every request (cache inside). */
  getToken: () => Promise<string>;
  /** Default {@link DEFAULT_GRAPH_BASE_URL}; tests point it at a local server. */
  baseUrl?: string;
  /** `$top` of the users request (Graph allows 1–999; default 999). */
  pageSize?: number;
  /** Retries of one request after 429/503/504 or a network error (default 5). */
  maxRetries?: number;
  /** First backoff without `Retry-After` (default 1 s); doubles each retry, with jitter. */
  baseDelayMs?: number;
  /** Longest backoff without `Retry-After` (default 30 s). */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured (default 5 min); a longer one fails the request. */
  maxRetryAfterMs?: number;
  /** Per attempt (default 60 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): jitter. */
  random?: () => number;
  onRetry?: (retry: GraphRetry) => void;
}

interface GraphUserResource {
  id?: unknown;
  displayName?: unknown;
  mail?: unknown;
  userPrincipalName?: unknown;
  accountEnabled?: unknown;
  manager?: { id?: unknown } | null;
}

interface GraphPage {
  value?: unknown;
  '@odata.nextLink'?: unknown;
}

const RETRYABLE = new Set([429, 503, 504]);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds a `Retry-After` header asks for, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The Graph REST client; {@link GraphClient.users} makes it a {@link DirectorySource}. */
export class GraphClient implements DirectorySource {
  private readonly baseUrl: string;
  private readonly origin: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /** The first users request: the fields the sync needs and each user's manager id. */
  usersUrl(): string {
    const top = Math.min(999, Math.max(1, Math.floor(this.options.pageSize ?? 999)));
    return `${this.baseUrl}/users?$select=${USER_SELECT}&$expand=manager($select=id)&$top=${top}`;
  }

  /** Every user of the tenant, page by page (a page is fetched when the previous one is consumed). */
  async *users(): AsyncGenerator<DirectoryUser> {
    let url: string | undefined = this.usersUrl();
    const visited = new Set<string>();
    while (url) {
      if (visited.has(url)) throw new GraphError('Graph returned a next link already followed', { url });
      visited.add(url);
      const page: GraphPage = await this.getJson<GraphPage>(url);
      if (!Array.isArray(page.value)) {
        throw new GraphError('Graph answered the users request without a value array', { url });
      }
      for (const resource of page.value as GraphUserResource[]) yield toDirectoryUser(resource, url);
      const next: unknown = page['@odata.nextLink'];
      url = typeof next === 'string' && next !== '' ? this.checkedNextLink(next, url) : undefined;
    }
  }

  /** GETs `url` (absolute, on the base URL's origin) with the retry policy of the module. */
  async getJson<T>(url: string): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 5;
    for (let retry = 0; ; retry += 1) {
      const token = await this.token(url);
      let response: Response;
      try {
        response = await this.fetch(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
        });
      } catch (error) {
        if (retry >= maxRetries) {
          throw new GraphError(
            `Microsoft Graph could not be reached after ${retry + 1} attempts: ${describe(error)}`,
            { url },
            { cause: error },
          );
        }
        await this.wait({ url, retry: retry + 1, delayMs: this.backoff(retry), retryAfter: false });
        continue;
      }
      if (response.ok) return (await response.json()) as T;

      const { status } = response;
      if (RETRYABLE.has(status)) {
        const asked = retryAfterMs(response.headers.get('retry-after'));
        await response.body?.cancel().catch(() => undefined);
        if (retry >= maxRetries) {
          throw new GraphThrottledError(
            `Microsoft Graph answered ${status} ${retry + 1} times in a row for ${url}; try the sync again later`,
            { status, url, requestId: requestIdOf(response) },
          );
        }
        const maxRetryAfter = this.options.maxRetryAfterMs ?? 300_000;
        if (asked !== undefined && asked > maxRetryAfter) {
          throw new GraphThrottledError(
            `Microsoft Graph asked to wait ${Math.ceil(asked / 1000)} s (Retry-After) before retrying ${url}; ` +
              'try the sync again later',
            { status, url, requestId: requestIdOf(response) },
          );
        }
        await this.wait({
          url,
          status,
          retry: retry + 1,
          delayMs: asked ?? this.backoff(retry),
          retryAfter: asked !== undefined,
        });
        continue;
      }
      throw await errorOf(response, url);
    }
  }

  private async token(url: string): Promise<string> {
    try {
      return await this.options.getToken();
    } catch (error) {
      throw new GraphError(
        `Could not get an access token for Microsoft Graph (${GRAPH_SCOPE}): ${describe(error)}`,
        { url },
        { cause: error },
      );
    }
  }

  private backoff(retry: number): number {
    const base = this.options.baseDelayMs ?? 1000;
    const ceiling = Math.min(this.options.maxDelayMs ?? 30_000, base * 2 ** retry);
    // "Equal jitter": at least half the exponential delay, so retries of many callers spread out.
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  private async wait(retry: GraphRetry) {
    this.options.onRetry?.(retry);
    await this.sleep(retry.delayMs);
  }

  private checkedNextLink(next: string, from: string): string {
    const url = new URL(next, from);
    if (url.origin !== this.origin) {
      throw new GraphError(
        `Graph's next link points to ${url.origin}, not ${this.origin}: not sending the token there`,
        { url: from },
      );
    }
    return url.toString();
  }
}

function toDirectoryUser(resource: GraphUserResource, url: string): DirectoryUser {
  const id = text(resource.id);
  if (!id) throw new GraphError('Graph listed a user without an id', { url });
  const user: DirectoryUser = { id, displayName: text(resource.displayName) ?? '' };
  const mail = text(resource.mail);
  const upn = text(resource.userPrincipalName);
  const managerId = text(resource.manager?.id);
  if (mail) user.mail = mail;
  if (upn) user.userPrincipalName = upn;
  if (typeof resource.accountEnabled === 'boolean') user.accountEnabled = resource.accountEnabled;
  if (managerId) user.managerId = managerId;
  return user;
}

const requestIdOf = (response: Response) =>
  response.headers.get('request-id') ?? response.headers.get('client-request-id') ?? undefined;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The error of a non-retryable answer, with Graph's code and message when the body has them. */
async function errorOf(response: Response, url: string): Promise<GraphError> {
  const { status } = response;
  let code: string | undefined;
  let graphMessage: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    code = text(body.error?.code);
    graphMessage = text(body.error?.message);
  } catch {
    // Not JSON: the status says enough.
  }
  const details = { status, code, requestId: requestIdOf(response), url };
  const said = `${status}${code ? ` ${code}` : ''}${graphMessage ? `: ${graphMessage}` : ''}`;
  if (status === 401) {
    return new GraphAuthorizationError(
      `Microsoft Graph refused the app's access token (${said}). The token must be app-only, for ` +
        `${GRAPH_SCOPE}, from the tenant being synced; grant the app User.Read.All (Microsoft Graph ` +
        'application permission, admin consent) and check the managed identity (AZURE_CLIENT_ID).',
      details,
    );
  }
  if (status === 403) {
    return new GraphAuthorizationError(
      `Microsoft Graph does not let the app list users (${said}): grant the app User.Read.All ` +
        '(Microsoft Graph application permission, with admin consent; for a managed identity, with ' +
        'New-MgServicePrincipalAppRoleAssignment). Tokens are cached for up to an hour after the grant.',
      details,
    );
  }
  return new GraphError(`Microsoft Graph answered ${said} for ${url}`, details);
}

/**
 * `getToken` for {@link GraphClient} from an Azure credential (e.g. `DefaultAzureCredential` or
 * `ManagedIdentityCredential`): scope `https://graph.microsoft.com/.default`, the token reused
 * until five minutes before it expires, one request at a time.
 */
export function graphTokenProvider(credential: TokenCredential, scope = GRAPH_SCOPE): () => Promise<string> {
  let cached: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;
  return async () => {
    if (cached && cached.expiresOnTimestamp - Date.now() > 5 * 60_000) return cached.token;
    pending ??= credential
      .getToken(scope)
      .then((token) => {
        if (!token) throw new Error(`the credential returned no token for ${scope}`);
        cached = token;
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return (await pending).token;
  };
}

/**
 * The Graph client of the configuration: the managed identity (or, locally, `az login`) through
 * `DefaultAzureCredential`, at `GRAPH_BASE_URL`.
 */
export function createGraphClient(
  config: Pick<Config, 'graph' | 'azureClientId'>,
  options: Partial<GraphClientOptions> = {},
): GraphClient {
  const credential = new DefaultAzureCredential({ managedIdentityClientId: config.azureClientId });
  return new GraphClient({
    getToken: graphTokenProvider(credential),
    baseUrl: config.graph.baseUrl,
    ...options,
  });
}
