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
 * which the configuration allows only to the local tooling (MOMENTS_LOCAL=1), and then it talks
 * only to Bot Connector services on loopback (the Agents Playground, test fakes): an anonymous
 * bot must never carry what it is told to a real Teams service.
 */
export function createTeamsAdapter(auth: BotAuth): TeamsAdapter {
  const adapter = auth.appId
    ? new TeamsAdapter({
        MicrosoftAppId: auth.appId,
        MicrosoftAppPassword: auth.password,
        MicrosoftAppType: auth.type,
        MicrosoftAppTenantId: auth.tenantId,
      })
    : new TeamsAdapter({});
  reuseConnectorClients(adapter, auth.appId ? () => true : isLoopbackUrl);
  return adapter;
}

/** True for a URL whose host is this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

type ConnectorFactory = { create(serviceUrl: string, audience?: string): Promise<unknown> };
type ClaimsIdentity = { claims: Array<{ type: string; value: string }> };

/** The parts of botbuilder's BotFrameworkAuthentication this file relies on. */
interface BotAuthentication {
  /** Inbound turns: validates the request and gives the factory for its replies. */
  authenticateRequest(
    activity: unknown,
    authHeader: string,
  ): Promise<{ claimsIdentity: ClaimsIdentity; connectorFactory?: ConnectorFactory }>;
  /** Proactive sends. */
  createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory;
}

/** Service URLs are a handful per region; this bounds the map whatever arrives. */
const MAX_CLIENTS = 100;

/** Claims that say which bot a connector client acts as; the rest of a token does not matter. */
const IDENTITY_CLAIMS = new Set(['aud', 'appid', 'azp', 'ver']);

/**
 * The adapter builds a new Bot Connector client (an HTTP pipeline with its policies) for every
 * inbound turn and every proactive send: measurable CPU on each. A client keeps no state of a turn
 * and its credentials fetch and refresh their own tokens, so one client is kept per bot identity,
 * service URL and audience, and handed to every turn that needs that one. A service URL that
 * `mayReach` refuses gets no client, so nothing is sent there, in a turn's reply or proactively.
 */
function reuseConnectorClients(adapter: TeamsAdapter, mayReach: (serviceUrl: string) => boolean): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotAuthentication })
    .botFrameworkAuthentication;
  const clients = new Map<string, Promise<unknown>>();
  const reusing = (identity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory => {
    const who = identity.claims
      .filter((claim) => IDENTITY_CLAIMS.has(claim.type))
      .map((claim) => `${claim.type}=${claim.value}`)
      .sort()
      .join('&');
    return {
      create: (serviceUrl, audience) => {
        if (!mayReach(serviceUrl)) {
          return Promise.reject(
            new Error(
              `An anonymous bot (no BOT_ID) sends only to loopback service URLs, not ${serviceUrl}: set BOT_ID to talk to Teams.`,
            ),
          );
        }
        const key = `${who}\n${serviceUrl}\n${audience ?? ''}`;
        let client = clients.get(key);
        if (!client) {
          if (clients.size >= MAX_CLIENTS) clients.clear();
          client = factory.create(serviceUrl, audience);
          clients.set(key, client);
          // A client that could not be built (no token yet, say) is built again next time.
          client.catch(() => clients.delete(key));
        }
        return client;
      },
    };
  };
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticate(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: reusing(result.claimsIdentity, result.connectorFactory) }
      : result;
  };
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => reusing(identity, createFactory(identity));
}
