/**
 * The real bot (createMomentsBot: the teams-ai application, every handler, the anonymous adapter)
 * over in-memory stores, driven one invoke at a time through its HTTP entry, as the Functions
 * trigger drives it. For handler tests that need no Cosmos DB server and no Teams client: what
 * comes back is the invoke response a Teams client would show, and the stores hold what was saved.
 */
import { randomUUID } from 'node:crypto';
import {
  ConversationBook,
  type DeliveryAddress,
  type DeliveryKind,
  type Messenger,
  type ReachRoll,
} from '../../core/delivery';
import { KudosService } from '../../core/kudos';
import type { Person } from '../../core/people';
import { BackgroundWork } from '../../core/shared';
import { defaultTenantSettings, type TeamRoles } from '../../core/settings';
import { createMomentsBot } from '../../bot/app';
import { createTeamsAdapter } from '../../bot/teams/adapter';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryAuditTrail,
  MemoryErasureRegister,
  MemoryGivingTallyStore,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  MemorySnoozeStore,
  RecordingLogger,
} from './fakes';

export const HARNESS_TENANT = 'tenant-harness';

/** The caller of every invoke: a manager with one report. */
export const ALEX: Person = {
  tenantId: HARNESS_TENANT,
  id: '00000000-0000-4000-8000-0000000000a1',
  displayName: 'Alex Wilber',
  timeZone: 'Europe/London',
  locale: 'en-GB',
  celebrate: { birthday: 'manager', anniversary: 'manager' },
};

export const MEGAN: Person = {
  tenantId: HARNESS_TENANT,
  id: '00000000-0000-4000-8000-0000000000b2',
  displayName: 'Megan Bowen',
  managerId: ALEX.id,
  timeZone: 'Europe/London',
  locale: 'en-GB',
  birthday: '03-14',
  celebrate: { birthday: 'public', anniversary: 'manager' },
};

/** Sends nothing: the invokes tested here answer in their response, and refusals send nothing. */
const noSends: Messenger = {
  send: async () => ({ ok: false, permanent: true, reason: 'the bot harness sends nothing' }),
};

/** Where an activity comes from; the channel is {@link HARNESS_CHANNEL} of {@link HARNESS_TEAM}. */
export type HarnessConversation = 'personal' | 'groupChat' | 'channel';

/** A running bot over in-memory stores. */
export type BotHarness = ReturnType<typeof startBotHarness>;

/** What a harness is built with besides its stores. */
export interface BotHarnessOptions {
  /** Who owns a team; none by default, as without Microsoft Graph. */
  teamRoles?: TeamRoles;
  /** Proactive sends (fan-out, follow-ups); default: none succeed. */
  messenger?: Messenger;
  /** The Bot Connector the activities name; default: an address where nothing listens. */
  serviceUrl?: string;
  /** What the `reach` census reads; absent by default, and then `reach` is not offered. */
  reachRoll?: ReachRoll;
}

/** A team channel the harness's messages can come from. */
export const HARNESS_TEAM = {
  id: '19:product-team-general@thread.tacv2',
  aadGroupId: '0f2c7a6e-1f4b-4a57-9d1e-5c7b8a9d0e11',
  channelId: '19:product-team-kudos@thread.tacv2',
};

/** The team's general channel, where {@link HarnessConversation} `channel` activities come from. */
export const HARNESS_CHANNEL = '19:harness-general@thread.tacv2';

/** Builds the bot over fresh in-memory stores holding {@link ALEX} and {@link MEGAN}. */
export function startBotHarness(options: BotHarnessOptions = {}) {
  const logger = new RecordingLogger();
  const background = new BackgroundWork(logger);
  const stores = {
    people: new MemoryPeopleDirectory([structuredClone(ALEX), structuredClone(MEGAN)]),
    recognitions: new MemoryRecognitionStore(),
    notes: new MemoryNoteStore(),
    snoozes: new MemorySnoozeStore(),
    settings: new MemorySettingsStore(),
    deliveries: new MemoryDeliveryLedger(),
    conversations: new MemoryConversationStore(),
    erasures: new MemoryErasureRegister(),
    audit: new MemoryAuditTrail(),
    tallies: new MemoryGivingTallyStore(),
  };
  void stores.settings.saveTenant(defaultTenantSettings(HARNESS_TENANT, 'Europe/London'));
  const now = () => new Date('2027-03-10T10:00:00.000Z');
  const auth = { type: 'MultiTenant' } as const;
  const bot = createMomentsBot({
    auth,
    adapter: createTeamsAdapter(auth),
    conversations: new ConversationBook(stores.conversations, logger),
    people: stores.people,
    settings: stores.settings,
    audit: stores.audit,
    namedAdmins: [],
    deliveries: stores.deliveries,
    kudos: new KudosService(stores.recognitions, stores.people, logger, stores.tallies),
    recognitions: stores.recognitions,
    snoozes: stores.snoozes,
    notes: stores.notes,
    erasures: stores.erasures,
    logger,
    now,
    defaultTimeZone: 'Europe/London',
    messenger: options.messenger ?? noSends,
    background,
    ...(options.teamRoles ? { teamRoles: options.teamRoles } : {}),
    ...(options.reachRoll ? { reachRoll: options.reachRoll } : {}),
  });

  /**
   * Posts one activity (from Alex, unless `from` names someone else of the tenant) and returns the
   * bot's HTTP answer (for an invoke: its invoke response).
   */
  const post = async (
    fields: Record<string, unknown>,
    conversation: HarnessConversation = 'personal',
    from: Person = ALEX,
  ): Promise<{ status: number; body: unknown }> => {
    // `alexw`, `meganb`: as the Agents Playground names its mock users.
    const [first = '', last = ''] = from.displayName.toLowerCase().split(/\s+/);
    const handle = `${first}${last.slice(0, 1)}`;
    const activity = {
      id: randomUUID(),
      channelId: 'msteams',
      // Nothing listens here by default: a handler that tried to reach the Bot Connector would fail fast.
      serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/',
      // The Teams client's locale: the person's own when the test gives one.
      locale: from.locale ?? 'en-GB',
      replyToId: '1700000000000',
      from: { id: `29:${handle}`, name: from.displayName, aadObjectId: from.id },
      recipient: { id: '28:moments', name: 'Moments' },
      conversation:
        conversation === 'personal'
          ? { id: `a:personal-${handle}`, conversationType: 'personal', tenantId: HARNESS_TENANT }
          : conversation === 'groupChat'
            ? { id: '19:launch-crew@thread.v2', conversationType: 'groupChat', tenantId: HARNESS_TENANT }
            : {
                id: `${HARNESS_CHANNEL};messageid=1700000000000`,
                conversationType: 'channel',
                tenantId: HARNESS_TENANT,
              },
      channelData:
        conversation === 'channel'
          ? {
              tenant: { id: HARNESS_TENANT },
              team: { id: HARNESS_TEAM.id, aadGroupId: HARNESS_TEAM.aadGroupId },
              channel: { id: HARNESS_CHANNEL },
            }
          : { tenant: { id: HARNESS_TENANT } },
      ...fields,
    };
    const response = await bot.handle({ method: 'POST', headers: {}, body: activity });
    return { status: response.status, body: response.body };
  };

  /** Posts one invoke activity and returns the body of the bot's invoke response. */
  const invoke = (
    name: string,
    value: unknown,
    conversation: HarnessConversation = 'personal',
    from: Person = ALEX,
  ) => post({ type: 'invoke', name, value }, conversation, from);

  /** `adaptiveCard/action` (Action.Execute) with this verb and data. */
  const execute = (
    verb: string,
    data: unknown,
    conversation: HarnessConversation = 'personal',
    from: Person = ALEX,
  ) => invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data } }, conversation, from);

  /**
   * A message from `from` in the harness team's channel, and the replies the bot gave, as texts and
   * cards (the activity asks for its replies in the response, so nothing reaches a connector).
   */
  const sayInChannel = async (text: string, from: Person = ALEX): Promise<unknown[]> => {
    const activity = {
      type: 'message',
      text,
      id: randomUUID(),
      channelId: 'msteams',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:9/',
      // The Teams client's locale: the person's own when the test gives one.
      locale: from.locale ?? 'en-GB',
      from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
      recipient: { id: '28:moments', name: 'Moments' },
      conversation: {
        id: `${HARNESS_TEAM.channelId};messageid=1700000000000`,
        conversationType: 'channel',
        tenantId: HARNESS_TENANT,
      },
      channelData: {
        tenant: { id: HARNESS_TENANT },
        team: { id: HARNESS_TEAM.id, aadGroupId: HARNESS_TEAM.aadGroupId },
        channel: { id: HARNESS_TEAM.channelId },
      },
    };
    const response = await bot.handle({ method: 'POST', headers: {}, body: activity });
    return (response.body as { activities?: unknown[] } | undefined)?.activities ?? [];
  };

  /** Records a card as Moments would have delivered it: claimed and sent, with its recipient and subject. */
  const delivered = async (delivery: { id: string; kind: DeliveryKind } & DeliveryAddress) => {
    await stores.deliveries.claim({ tenantId: HARNESS_TENANT, now: now(), leaseMs: 60_000, ...delivery });
    await stores.deliveries.markSent(HARNESS_TENANT, delivery.id, now());
    return delivery.id;
  };

  return { bot, stores, logger, background, now, post, invoke, execute, sayInChannel, delivered };
}
