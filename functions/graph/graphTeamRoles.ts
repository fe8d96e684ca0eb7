/**
 * Who owns a team, read from Microsoft Graph through the Graph SDK, as the bot's {@link TeamRoles}:
 * `GET /teams/{group id}/members` filtered to the caller, whose `roles` hold `owner` for an owner.
 *
 * - **Permission**: the resource-specific consent permission `TeamMember.Read.Group` (declared in
 *   the app manifest, granted for each team when Moments is added to it): it reads the members of
 *   the teams Moments is in and nothing else. Without it Graph answers 403, reported as such.
 * - **Throttling**: the Graph SDK client retries 429/503/504, never sooner than `Retry-After`
 *   (functions/graph/graphSdkClient.ts); a turn waits at most a few seconds for it.
 *
 * @packageDocumentation
 */

import type { TokenCredential } from '@azure/identity';
import { GraphError as SdkGraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { TeamRole, TeamRoles } from '../../core/settings';
import { DEFAULT_GRAPH_BASE_URL, type Config } from '../config';
import { graphErrorOf, RETRYABLE_STATUSES, type RetryLimits } from './graphErrors';
import { createGraphSdkClient, graphCredential } from './graphSdkClient';

/** The resource-specific consent permission reading a team's members needs. */
export const TEAM_MEMBERS_PERMISSION = 'TeamMember.Read.Group';

export interface GraphTeamRolesOptions {
  credential: TokenCredential;
  /** Default {@link DEFAULT_GRAPH_BASE_URL}; tests point it at a local server. */
  baseUrl?: string;
  /** Retries of one request after 429/503/504 (default 2: a person is waiting for the answer). */
  maxRetries?: number;
  /** First backoff without `Retry-After`, in seconds (default 1). */
  retryDelaySeconds?: number;
  /** Longest `Retry-After` waited for, in seconds (default 5: longer, the caller is told to retry). */
  maxRetryAfterSeconds?: number;
}

interface MemberPage {
  value?: Array<{ userId?: unknown; roles?: unknown }>;
}

/** Team owners through Microsoft Graph. */
export class GraphTeamRoles implements TeamRoles {
  private readonly client: Client;
  private readonly baseUrl: string;
  private readonly limits: RetryLimits;

  constructor(options: GraphTeamRolesOptions) {
    this.baseUrl = new URL(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).href.replace(/\/+$/, '');
    this.limits = {
      maxRetries: options.maxRetries ?? 2,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 5,
    };
    this.client = createGraphSdkClient({
      credential: options.credential,
      baseUrl: this.baseUrl,
      retryDelaySeconds: options.retryDelaySeconds ?? 1,
      ...this.limits,
    });
  }

  async isOwner(_tenantId: string, teamGroupId: string, userId: string): Promise<TeamRole> {
    const path = `/teams/${encodeURIComponent(teamGroupId)}/members`;
    try {
      // Graph's documented way to find one member by their Entra user id: one small answer.
      const page = (await this.client
        .api(path)
        .filter(`(microsoft.graph.aadUserConversationMember/userId eq '${userId.replace(/'/g, "''")}')`)
        .get()) as MemberPage;
      const member = (page.value ?? []).find((m) => m.userId === userId);
      const roles = Array.isArray(member?.roles) ? (member.roles as unknown[]) : [];
      return roles.some((role) => typeof role === 'string' && role.toLowerCase() === 'owner')
        ? { kind: 'owner' }
        : { kind: 'not-owner' };
    } catch (error) {
      const status = error instanceof SdkGraphError ? error.statusCode : undefined;
      if (status === 401 || status === 403) {
        return { kind: 'unknown', because: { cause: 'no-permission', permission: TEAM_MEMBERS_PERMISSION } };
      }
      if (status !== undefined && RETRYABLE_STATUSES.has(status)) {
        return { kind: 'unknown', because: { cause: 'busy', status } };
      }
      const detail = graphErrorOf(error, `${this.baseUrl}${path}`, this.limits).message;
      return { kind: 'unknown', because: { cause: 'failed', detail } };
    }
  }
}

/** The team roles of the configuration: with Graph on (`GRAPH_SYNC`), else none. */
export function createGraphTeamRoles(
  config: Pick<Config, 'graph' | 'azureClientId' | 'deployed'>,
): GraphTeamRoles | undefined {
  if (!config.graph.sync) return undefined;
  return new GraphTeamRoles({ credential: graphCredential(config), baseUrl: config.graph.baseUrl });
}
