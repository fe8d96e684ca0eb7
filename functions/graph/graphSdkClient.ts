/**
 * The Microsoft Graph SDK client the people sync reads through, and the credential it signs in with.
 *
 * The middleware chain is the SDK's default one (authentication, retry, redirect, telemetry,
 * fetch) except for authentication: the SDK's AuthenticationHandler attaches the token only to
 * https URLs on Microsoft's Graph hosts, so it would send none to a test server on loopback
 * (`GRAPH_BASE_URL=http://127.0.0.1:…`). {@link SameOriginAuthentication} attaches the token of the
 * SDK's {@link TokenCredentialAuthenticationProvider} to every request on the base URL's origin
 * and to nothing else.
 *
 * Retries are the SDK's RetryHandler: 429, 503 and 504 are retried up to `maxRetries` times,
 * after `Retry-After` when the answer has one, else after an exponential backoff with jitter.
 * The SDK waits at most 180 s; a `Retry-After` longer than `maxRetryAfterSeconds` (by default
 * that same 180 s) is not retried early but fails the request, so that the sync never hammers a
 * tenant Graph has asked it to leave alone. Network errors are not retried: the next run syncs.
 *
 * @packageDocumentation
 */

import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import {
  Client,
  GraphClientError,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { Logger } from '../../core/shared';
import type { Config } from '../config';
import { GRAPH_SCOPE, retryAfterSeconds, type RetryLimits } from './graphErrors';

/** The SDK's longest wait between two attempts, in seconds. */
export const SDK_MAX_RETRY_DELAY_SECONDS = 180;

/**
 * Who signs in, where, and how requests are retried. A `maxRetryAfterSeconds` over
 * {@link SDK_MAX_RETRY_DELAY_SECONDS} would let the SDK retry before Graph allows it.
 */
export interface GraphSdkClientOptions extends RetryLimits {
  credential: TokenCredential;
  /** Origin and version path, without a trailing slash: `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** The RetryHandler's first delay without `Retry-After`, in seconds (it adds up to 1 s of jitter). */
  retryDelaySeconds: number;
  /** Where each retry is logged, with its status and Retry-After (the run's correlation id comes with it). */
  logger?: Logger;
}

/** Puts the provider's bearer token on requests to `origin`, and takes any other's away. */
class SameOriginAuthentication implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly origin: string,
    private readonly provider: AuthenticationProvider,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = new Headers(context.options?.headers);
    if (new URL(url).origin === this.origin) {
      let token: string;
      try {
        token = await this.provider.getAccessToken();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new GraphClientError(
          `Could not get an access token for Microsoft Graph (${GRAPH_SCOPE}): ${reason}`,
        );
      }
      headers.set('Authorization', `Bearer ${token}`);
    } else {
      headers.delete('Authorization');
    }
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A Graph SDK client at `baseUrl`, signed in with `credential`. Requests take relative paths
 * (`/users`): the SDK puts the version path of `baseUrl` in front of them.
 */
export function createGraphSdkClient(options: GraphSdkClientOptions): Client {
  const base = new URL(options.baseUrl);
  const provider = new TokenCredentialAuthenticationProvider(options.credential, { scopes: [GRAPH_SCOPE] });
  const retry = new RetryHandlerOptions(
    options.retryDelaySeconds,
    options.maxRetries,
    (_delay, retriesSoFar, request, _options, response) => {
      const retryAfter = retryAfterSeconds(response.headers);
      const retried = (retryAfter ?? 0) <= options.maxRetryAfterSeconds;
      if (retried) {
        // The path only: a query can hold people's names ($filter) and the next link's skiptoken.
        const url = typeof request === 'string' ? request : request.url;
        options.logger?.warn('Graph request will be retried', {
          status: response.status,
          // 1 for the first retry, as the messenger counts; the SDK passes the retries made so far.
          attempt: retriesSoFar + 1,
          ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
          path: new URL(url, base.origin).pathname,
        });
      }
      return retried;
    },
  );
  return Client.initWithMiddleware({
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ''),
    middleware: [
      new SameOriginAuthentication(base.origin, provider),
      new RetryHandler(retry),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new HTTPMessageHandler(),
    ],
  });
}

/**
 * A credential that reuses its token until five minutes before it expires, one request at a time.
 * The SDK asks for a token before every request; `AzureCliCredential` (what
 * `DefaultAzureCredential` finds on a laptop) would start `az` for each one.
 */
export function cachedCredential(credential: TokenCredential): TokenCredential {
  const cached = new Map<string, Awaited<ReturnType<TokenCredential['getToken']>>>();
  const pending = new Map<string, ReturnType<TokenCredential['getToken']>>();
  return {
    async getToken(scopes, options) {
      const key = [scopes].flat().join(' ');
      const token = cached.get(key);
      if (token && token.expiresOnTimestamp - Date.now() > 5 * 60_000) return token;
      let request = pending.get(key);
      if (!request) {
        request = credential.getToken(scopes, options).then((fresh) => {
          if (!fresh) throw new Error(`the credential returned no token for ${key}`);
          cached.set(key, fresh);
          return fresh;
        });
        request.finally(() => pending.delete(key)).catch(() => undefined);
        pending.set(key, request);
      }
      return request;
    },
  };
}

/**
 * The identity the sync signs in with: in Azure the app's managed identity (the user-assigned one
 * named by `AZURE_CLIENT_ID`, else the system-assigned one); elsewhere `DefaultAzureCredential`
 * (environment, `az login`, …).
 */
export function graphCredential(config: Pick<Config, 'azureClientId' | 'deployed'>): TokenCredential {
  if (!config.deployed) {
    return cachedCredential(new DefaultAzureCredential({ managedIdentityClientId: config.azureClientId }));
  }
  return cachedCredential(
    config.azureClientId
      ? new ManagedIdentityCredential({ clientId: config.azureClientId })
      : new ManagedIdentityCredential(),
  );
}
