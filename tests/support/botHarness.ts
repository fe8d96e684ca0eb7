/**
 * The real bot (createMomentsBot: the teams-ai application, every handler, the anonymous adapter)
 * over in-memory stores, driven one invoke at a time through its HTTP entry, as the Functions
 * trigger drives it. For handler tests that need no Cosmos DB server and no Teams client: what
 * comes back is the invoke response a Teams client would show, and the stores hold what was saved.
 */
import { randomUUID } from 'node:crypto';
import { ConversationBook, type Messenger } from '../../core/delivery';
import { KudosService } from '../../core/kudos';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { createMomentsBot } from '../../bot/app';
import { createTeamsAdapter } from '../../bot/teams/adapter';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryAuditTrail,
  MemoryErasureRegister,
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
  celebrate: { birthday: 'manager', anniversary: 'manager' },
};

export const MEGAN: Person = {
  tenantId: HARNESS_TENANT,
  id: '00000000-0000-4000-8000-0000000000b2',
  displayName: 'Megan Bowen',
  managerId: ALEX.id,
  timeZone: 'Europe/London',
  birthday: '03-14',
  celebrate: { birthday: 'public', anniversary: 'manager' },
};

/** Sends nothing: the invokes tested here answer in their response, and refusals send nothing. */
const noSends: Messenger = {
  send: async () => ({ ok: false, permanent: true, reason: 'the bot harness sends nothing' }),
};

/** Where an invoke comes from; the channel is the general channel of {@link HARNESS_TEAM}. */
export type HarnessConversation = 'personal' | 'groupChat' | 'channel';

export const HARNESS_TEAM = '19:harness-team@thread.tacv2';
export const HARNESS_CHANNEL = '19:harness-general@thread.tacv2';

/** A running bot over in-memory stores. */
export type BotHarness = ReturnType<typeof startBotHarness>;

/** Options of {@link startBotHarness}. */
export interface BotHarnessOptions {
  /**
   * The Bot Connector the activities name (a fake connector's url): replies and roster lookups go
   * there. Default: a loopback port nothing listens on, so any call fails fast.
   */
  serviceUrl?: string;
}

/** Builds the bot over fresh in-memory stores holding {@link ALEX} and {@link MEGAN}. */
export function startBotHarness(options: BotHarnessOptions = {}) {
  const logger = new RecordingLogger();
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
    kudos: new KudosService(stores.recognitions, stores.people, logger),
    recognitions: stores.recognitions,
    snoozes: stores.snoozes,
    notes: stores.notes,
    erasures: stores.erasures,
    logger,
    now,
    defaultTimeZone: 'Europe/London',
    messenger: noSends,
  });

  /** Posts one activity from Alex and returns the bot's HTTP answer (for an invoke: its invoke response). */
  const post = async (
    fields: Record<string, unknown>,
    conversation: HarnessConversation = 'personal',
  ): Promise<{ status: number; body: unknown }> => {
    const activity = {
      id: randomUUID(),
      channelId: 'msteams',
      // Nothing listens here by default: a handler that tried to reach the Bot Connector would fail fast.
      serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/',
      locale: 'en-GB',
      replyToId: '1700000000000',
      from: { id: '29:alexw', name: ALEX.displayName, aadObjectId: ALEX.id },
      recipient: { id: '28:moments', name: 'Moments' },
      conversation:
        conversation === 'personal'
          ? { id: 'a:personal-alexw', conversationType: 'personal', tenantId: HARNESS_TENANT }
          : conversation === 'groupChat'
            ? { id: '19:launch-crew@thread.v2', conversationType: 'groupChat', tenantId: HARNESS_TENANT }
            : {
                id: `${HARNESS_CHANNEL};messageid=1700000000000`,
                conversationType: 'channel',
                tenantId: HARNESS_TENANT,
              },
      channelData:
        conversation === 'channel'
          ? { tenant: { id: HARNESS_TENANT }, team: { id: HARNESS_TEAM }, channel: { id: HARNESS_CHANNEL } }
          : { tenant: { id: HARNESS_TENANT } },
      ...fields,
    };
    const response = await bot.handle({ method: 'POST', headers: {}, body: activity });
    return { status: response.status, body: response.body };
  };

  /** Posts one invoke activity from Alex and returns the body of the bot's invoke response. */
  const invoke = (name: string, value: unknown, conversation: HarnessConversation = 'personal') =>
    post({ type: 'invoke', name, value }, conversation);

  /** `adaptiveCard/action` (Action.Execute) with this verb and data. */
  const execute = (verb: string, data: unknown, conversation: HarnessConversation = 'personal') =>
    invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data } }, conversation);

  return { bot, stores, logger, post, invoke, execute };
}
