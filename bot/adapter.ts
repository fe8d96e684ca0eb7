import { TeamsAdapter } from '@microsoft/teams-ai';

/** How the bot authenticates to and from the Bot Framework service. */
export interface BotAuth {
  /** Absent only for anonymous local development (the Agents Playground). */
  appId?: string;
  password?: string;
  type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

/**
 * The Teams adapter. With an app id it validates the JWT on every inbound request and signs
 * outbound calls (a user-assigned managed identity in Azure); without one it is anonymous,
 * which the configuration allows only off Azure.
 */
export function createTeamsAdapter(auth: BotAuth): TeamsAdapter {
  if (!auth.appId) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.password,
    MicrosoftAppType: auth.type,
    MicrosoftAppTenantId: auth.tenantId,
  });
}
