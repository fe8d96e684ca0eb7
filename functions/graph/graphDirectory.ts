/**
 * The tenant's users with their managers, read from Microsoft Graph through the Graph SDK, as
 * the people sync's {@link DirectorySource}.
 *
 * - **Credentials**: app-only; in Azure the managed identity, which needs the Graph application
 *   permission `User.Read.All` (admin consent). See {@link graphCredential}.
 * - **Managers** come from `$expand=manager($select=id)` on the users request itself: one
 *   request per page of users instead of one `GET /users/{id}/manager` per user (2,500 users: a
 *   few dozen requests instead of 2,500 more, which would also be throttled). There is no
 *   per-user fallback: `$expand=manager` on `/users` is part of Graph v1.0, and a silent switch to
 *   N extra requests would hide a problem rather than report it; a refused expand fails the sync
 *   with Graph's own error. Graph answers at most 100 users a page when `$expand` is used,
 *   whatever `$top` says; following `@odata.nextLink` makes that only a matter of request count.
 * - **Paging** follows `@odata.nextLink` until there is none, a page at a time as the sync
 *   consumes them. A next link must stay under the base URL: the token is never sent elsewhere.
 * - **Throttling and errors**: see {@link createGraphSdkClient} and {@link graphErrorOf}.
 *
 * @packageDocumentation
 */

import type { TokenCredential } from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { DirectorySource, DirectoryUser } from '../../core/people';
import type { Logger } from '../../core/shared';
import { DEFAULT_GRAPH_BASE_URL, type Config } from '../config';
import { GraphError, graphErrorOf, type RetryLimits } from './graphErrors';
import { createGraphSdkClient, graphCredential, SDK_MAX_RETRY_DELAY_SECONDS } from './graphSdkClient';

/** The user fields the sync reads. */
export const USER_SELECT = 'id,displayName,mail,userPrincipalName,accountEnabled';

export interface GraphDirectoryOptions {
  /** App-only credential for Microsoft Graph. */
  credential: TokenCredential;
  /** Default {@link DEFAULT_GRAPH_BASE_URL}; tests point it at a local server. */
  baseUrl?: string;
  /** `$top` of the users request (Graph allows 1–999; default 999). */
  pageSize?: number;
  /** Retries of one request after 429/503/504 (default 5; the SDK allows at most 10). */
  maxRetries?: number;
  /** First backoff without `Retry-After`, in seconds (default 3, the SDK's). */
  retryDelaySeconds?: number;
  /** Longest `Retry-After` honoured, in seconds (default and at most 180, the SDK's longest wait). */
  maxRetryAfterSeconds?: number;
  /** Where retries are logged. */
  logger?: Logger;
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

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Microsoft Graph's users, through the Graph SDK, as a {@link DirectorySource}. */
export class GraphDirectory implements DirectorySource {
  private readonly baseUrl: string;
  private readonly client: Client;
  private readonly limits: RetryLimits;

  constructor(private readonly options: GraphDirectoryOptions) {
    // Normalised as next links are (host case, default port), so that one can be compared with the other.
    this.baseUrl = new URL(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).href.replace(/\/+$/, '');
    this.limits = {
      maxRetries: options.maxRetries ?? 5,
      maxRetryAfterSeconds: Math.min(
        options.maxRetryAfterSeconds ?? SDK_MAX_RETRY_DELAY_SECONDS,
        SDK_MAX_RETRY_DELAY_SECONDS,
      ),
    };
    this.client = createGraphSdkClient({
      credential: options.credential,
      baseUrl: this.baseUrl,
      retryDelaySeconds: options.retryDelaySeconds ?? 3,
      ...this.limits,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  /** Every user of the tenant, page by page (a page is fetched when the previous one is consumed). */
  async *users(): AsyncGenerator<DirectoryUser> {
    const top = Math.min(999, Math.max(1, Math.floor(this.options.pageSize ?? 999)));
    let path: string | undefined = `/users?$select=${USER_SELECT}&$expand=manager($select=id)&$top=${top}`;
    const visited = new Set<string>();
    while (path !== undefined) {
      const url: string = `${this.baseUrl}${path}`;
      if (visited.has(url)) throw new GraphError('Graph returned a next link already followed', { url });
      visited.add(url);
      const page = await this.get(path, url);
      if (!Array.isArray(page.value)) {
        throw new GraphError('Graph answered the users request without a value array', { url });
      }
      for (const resource of page.value as GraphUserResource[]) yield toDirectoryUser(resource, url);
      const next: unknown = page['@odata.nextLink'];
      path = typeof next === 'string' && next !== '' ? this.pathOf(next, url) : undefined;
    }
  }

  private async get(path: string, url: string): Promise<GraphPage> {
    try {
      return (await this.client.api(path).get()) as GraphPage;
    } catch (error) {
      throw graphErrorOf(error, url, this.limits);
    }
  }

  /** The path of a next link under the base URL; the SDK puts the base URL back in front. */
  private pathOf(next: string, from: string): string {
    const url = new URL(next, from);
    const base = new URL(this.baseUrl);
    if (url.origin !== base.origin) {
      throw new GraphError(
        `Graph's next link points to ${url.origin}, not ${base.origin}: not sending the token there`,
        { url: from },
      );
    }
    if (!url.href.startsWith(`${this.baseUrl}/`)) {
      throw new GraphError(`Graph's next link ${url.href} is not under ${this.baseUrl}`, { url: from });
    }
    return url.href.slice(this.baseUrl.length);
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

/** The directory of the configuration: the app's identity ({@link graphCredential}) at `GRAPH_BASE_URL`. */
export function createGraphDirectory(
  config: Pick<Config, 'graph' | 'azureClientId' | 'deployed'>,
  logger?: Logger,
): GraphDirectory {
  return new GraphDirectory({
    credential: graphCredential(config),
    baseUrl: config.graph.baseUrl,
    ...(logger ? { logger } : {}),
  });
}
