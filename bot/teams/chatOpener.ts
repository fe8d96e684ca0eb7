import { TurnContext, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import { conversationRecordId, type ChatOpener, type Membership, type OpenedChat } from '../../core/delivery';
import type { RateLimiter } from './rateLimiter';
import { classifySendError } from './sendFailure';

/**
 * The Bot Connector's audience for the bot's outbound calls (botframework-connector's
 * `ToChannelFromBotOAuthScope`). Named here rather than left to the default: the connector client
 * is then its own, not the messenger's, whose pipeline each send adapts (bot/teams/sendAttempt.ts).
 */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * Opens a personal chat with a roster member through the Bot Connector (`POST /v3/conversations`:
 * the member's Teams id, the tenant, Moments' own account as the bot), as CloudAdapter's
 * createConversationAsync does, and returns the new chat's reference to store. The connector
 * answers the same conversation for the same member every time, so asking twice opens nothing
 * twice. A request counts against Teams' per-tenant limit, so it passes the process's limiter.
 */
export class TeamsChatOpener implements ChatOpener {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly options: { botAppId?: string; limiter: RateLimiter; now?: () => number },
  ) {}

  async open(membership: Membership): Promise<OpenedChat> {
    const { tenantId, userId, memberId, serviceUrl, botId } = membership;
    const parameters = {
      isGroup: false,
      bot: { id: botId, name: '' },
      members: [{ id: memberId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let reference: Record<string, unknown> | undefined;
    try {
      await this.options.limiter.acquire(tenantId, `open:${memberId}`);
      await this.adapter.createConversationAsync(
        this.options.botAppId ?? '',
        'msteams',
        serviceUrl,
        BOT_CONNECTOR_AUDIENCE,
        parameters,
        async (context) => {
          const ref = TurnContext.getConversationReference(context.activity);
          delete ref.activityId;
          reference = JSON.parse(
            JSON.stringify({ ...ref, user: { id: memberId, aadObjectId: userId } }),
          ) as Record<string, unknown>;
        },
      );
    } catch (error) {
      const failure = classifySendError(error, (this.options.now ?? Date.now)());
      return { ok: false, permanent: failure.permanent, reason: failure.reason };
    }
    const conversationId = (reference?.conversation as { id?: unknown } | undefined)?.id;
    if (!reference || typeof conversationId !== 'string' || !conversationId) {
      return { ok: false, permanent: false, reason: 'the Bot Connector answered without a conversation id' };
    }
    return {
      ok: true,
      chat: {
        tenantId,
        id: conversationRecordId('personal', { userId, conversationId }),
        kind: 'personal',
        conversationId,
        userId,
        reference,
      },
    };
  }
}
