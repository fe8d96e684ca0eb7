import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { ConversationBook, DeliveryLedger, Messenger } from '../core/delivery';
import type { KudosService, RecognitionStore } from '../core/kudos';
import type { Logger } from '../core/shared';
import type { PeopleDirectory, ErasureRegister } from '../core/people';
import { ensureTenant, type AuditTrail, type NamedAdmins, type SettingsStore } from '../core/settings';
import type { SnoozeStore } from '../core/milestones';
import type { NoteStore } from '../core/notes';
import type { BotAuth } from './teams/adapter';
import { conversationRecordFrom, tenantOf } from './teams/conversationRecord';
import { processBotRequest, type BotHttpRequest, type BotHttpResponse } from './teams/http';
import { sendHelp } from './help/handlers';
import { botWasAdded, sendWelcome } from './help/welcome';
import { conversationKindOf } from './teams/turnContext';
import { registerKudos } from './kudos/handlers';
import { rosterMembers } from './kudos/roster';
import { registerTeamSetup } from './teamSetup/handlers';
import { registerTenantSettings } from './settings/handlers';
import { registerPrivacy } from './privacy/handlers';
import { registerReminderActions } from './milestones/handlers';
import { registerNotes } from './notes/handlers';
import { registerDigest } from './digest/handlers';
import { registerAdmins } from './admins/handlers';

/** What the bot needs from the rest of the app. */
export interface BotDependencies {
  auth: BotAuth;
  /** The adapter built from `auth`; proactive sends go through it too. */
  adapter: TeamsAdapter;
  conversations: ConversationBook;
  people: PeopleDirectory;
  settings: SettingsStore;
  /** Who changed admins, settings and values. */
  audit: AuditTrail;
  /** The people `MOMENTS_ADMINS` names: admins of their tenant whatever its settings say. */
  namedAdmins: NamedAdmins;
  deliveries: DeliveryLedger;
  kudos: KudosService;
  recognitions: RecognitionStore;
  snoozes: SnoozeStore;
  /** Private notes; every read is by author. */
  notes: NoteStore;
  /** Who asked to be forgotten: rosters and mentions do not add them back. */
  erasures: ErasureRegister;
  logger: Logger;
  now: () => Date;
  /** Time zone for people and tenants whose own zone is unknown. */
  defaultTimeZone: string;
  /** Proactive sends (channel posts and notices that follow a turn), within Teams' rate limits. */
  messenger: Messenger;
}

/** The Teams bot: one adapter and one teams-ai application, built once per process. */
export interface MomentsBot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** Handles one POST to /api/messages. */
  handle(request: BotHttpRequest): Promise<BotHttpResponse>;
}

/** The most members read from a team's roster when Moments is added to it. */
const TEAM_ROSTER_LIMIT = 5000;

/** The correlation id of a turn: the activity id Teams assigned, which its retries repeat. */
export function correlationIdOf(context: TurnContext): string {
  return context.activity.id ?? 'no-activity-id';
}

/** Builds the bot on the given adapter and registers every handler. */
export function createMomentsBot(deps: BotDependencies): MomentsBot {
  const { adapter } = deps;
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.auth.appId,
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  const turnLogger = (context: TurnContext) =>
    deps.logger.child({
      correlationId: correlationIdOf(context),
      activityType: context.activity.type,
      tenantId: tenantOf(context.activity),
      conversationType: conversationKindOf(context),
    });

  // Every inbound activity refreshes the stored conversation reference, so that proactive
  // messages (reminders, digests, nudges) can reach this chat or channel later.
  app.turn('beforeTurn', async (context) => {
    const record = conversationRecordFrom(context.activity);
    if (record && (await deps.conversations.remember(record, deps.now()))) {
      // A new or changed conversation: make sure the tenant is known, so the hourly jobs work for it.
      await ensureTenant(deps.settings, record.tenantId, deps.defaultTimeZone);
    }
    return true;
  });

  app.conversationUpdate('membersAdded', async (context) => {
    if (!botWasAdded(context)) return;
    await sendWelcome(context, deps);
    const tenantId = tenantOf(context.activity);
    if (tenantId && conversationKindOf(context) === 'channel') {
      // Learn who is in the team, so celebrations reach its recognition channel.
      await rosterMembers(context, deps, tenantId, TEAM_ROSTER_LIMIT).catch((error: unknown) =>
        turnLogger(context).warn('could not read the team roster at install', { error }),
      );
    }
  });

  app.message(/^\s*help\s*$/i, async (context) => sendHelp(context));

  registerKudos(app, deps);
  // Before the team set-up: `settings` in a personal chat is the tenant's, elsewhere the team's.
  registerTenantSettings(app, deps);
  registerTeamSetup(app, deps);
  registerPrivacy(app, deps);
  registerReminderActions(app, deps);
  registerNotes(app, deps);
  registerDigest(app, deps);
  registerAdmins(app, deps);

  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity('I didn’t catch that. Type **help** to see what I can do.');
  });

  app.error(async (context, error) => {
    const correlationId = correlationIdOf(context);
    turnLogger(context).error('turn failed', { error });
    // Invokes expect an invoke response, not a message; the adapter answers them with 500.
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(
        `Sorry, something went wrong on our side and nothing was changed. Please try again. (Reference: ${correlationId})`,
      );
    }
  });

  return {
    adapter,
    app,
    handle: (request) =>
      processBotRequest(adapter, request, async (context) => {
        await app.run(context);
      }),
  };
}
