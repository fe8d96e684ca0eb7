/**
 * Installs Moments as a personal app for a person through Microsoft Graph
 * (`POST /users/{id}/teamwork/installedApps`, naming the app by its Teams app catalog id), as the
 * people sync's {@link PersonalAppInstaller}. Teams then sends the bot the installation event,
 * whose conversation the bot stores like any other (bot/app.ts), so the person is reachable.
 *
 * - **Permission**: the application permission `TeamsAppInstallation.ReadWriteSelfForUser.All`
 *   (admin consent). Without it Graph answers 403: reported once, as `forbidden`, with the fix.
 * - **Already installed**: Graph answers 409, which is what was wanted.
 * - **Throttling**: the Graph SDK client retries 429/503/504, never sooner than `Retry-After`
 *   (functions/graph/graphSdkClient.ts); what still fails after its retries is `failed`, and the
 *   next sync tries again.
 *
 * @packageDocumentation
 */

import type { TokenCredential } from '@azure/identity';
import { GraphError as SdkGraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { InstallOutcome, PersonalAppInstaller } from '../../core/people';
import type { Logger } from '../../core/shared';
import { DEFAULT_GRAPH_BASE_URL, type Config } from '../config';
import { graphErrorOf, type RetryLimits } from './graphErrors';
import { createGraphSdkClient, graphCredential, SDK_MAX_RETRY_DELAY_SECONDS } from './graphSdkClient';

/** The Graph application permission installing for people needs. */
export const INSTALL_PERMISSION = 'TeamsAppInstallation.ReadWriteSelfForUser.All';

export interface GraphAppInstallerOptions {
  credential: TokenCredential;
  /** The app's id in the organisation's Teams app catalog. */
  catalogId: string;
  /** Default {@link DEFAULT_GRAPH_BASE_URL}; tests point it at a local server. */
  baseUrl?: string;
  /** Retries of one request after 429/503/504 (default 5). */
  maxRetries?: number;
  /** First backoff without `Retry-After`, in seconds (default 3). */
  retryDelaySeconds?: number;
  /** Where retries are logged. */
  logger?: Logger;
}

/** Microsoft Graph's personal app installation, through the Graph SDK. */
export class GraphAppInstaller implements PersonalAppInstaller {
  private readonly client: Client;
  private readonly baseUrl: string;
  private readonly limits: RetryLimits;

  constructor(private readonly options: GraphAppInstallerOptions) {
    this.baseUrl = new URL(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).href.replace(/\/+$/, '');
    this.limits = { maxRetries: options.maxRetries ?? 5, maxRetryAfterSeconds: SDK_MAX_RETRY_DELAY_SECONDS };
    this.client = createGraphSdkClient({
      credential: options.credential,
      baseUrl: this.baseUrl,
      retryDelaySeconds: options.retryDelaySeconds ?? 3,
      ...this.limits,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  async install(userId: string): Promise<InstallOutcome> {
    const path = `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;
    try {
      await this.client.api(path).post({
        'teamsApp@odata.bind': `${this.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(this.options.catalogId)}`,
      });
      return { kind: 'installed' };
    } catch (error) {
      const status = error instanceof SdkGraphError ? error.statusCode : undefined;
      if (status === 409) return { kind: 'already-installed' };
      if (status === 401 || status === 403) {
        return {
          kind: 'forbidden',
          reason:
            `Microsoft Graph does not let the app install Moments for people (${status}): grant it ` +
            `${INSTALL_PERMISSION} (Microsoft Graph application permission, with admin consent), ` +
            'or turn installForEveryone off. Nobody else was tried in this sync.',
        };
      }
      return { kind: 'failed', reason: graphErrorOf(error, `${this.baseUrl}${path}`, this.limits).message };
    }
  }
}

/** The installer of the configuration, when it names the app's catalog id. */
export function createGraphAppInstaller(
  config: Pick<Config, 'graph' | 'azureClientId' | 'deployed'>,
  logger?: Logger,
): GraphAppInstaller | undefined {
  const catalogId = config.graph.teamsAppCatalogId;
  if (!catalogId) return undefined;
  return new GraphAppInstaller({
    credential: graphCredential(config),
    catalogId,
    baseUrl: config.graph.baseUrl,
    ...(logger ? { logger } : {}),
  });
}
