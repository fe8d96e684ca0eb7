import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import {
  rememberMemberships,
  type ConversationBook,
  type DeliveryLedger,
  type MembershipStore,
  type Messenger,
  type Reach,
  type ReachRoll,
} from '../core/delivery';
import type { KudosService, RecognitionStore } from '../core/kudos';
import type { BackgroundWork, Logger } from '../core/shared';
import type { PeopleDirectory, ErasureRegister } from '../core/people';
import {
  ensureTenant,
  type AuditTrail,
  type NamedAdmins,
  type SettingsStore,
  type TeamRoles,
} from '../core/settings';
import type { SnoozeStore } from '../core/milestones';
import type { NoteStore } from '../core/notes';
import type { BotAuth } from './teams/adapter';
import { conversationRecordFrom, tenantOf } from './teams/conversationRecord';
import { processBotRequest, type BotHttpRequest, type BotHttpResponse } from './teams/http';
import { answerUnknownMessage, sendHelp } from './help/handlers';
import { isMisspacedCommand } from './help/suggestions';
import { botWasAdded, sendWelcome } from './help/welcome';
import { conversationKindOf } from './teams/turnContext';
import { answerTurnFailure, correlationIdOf } from './teams/turnFailure';
import { invokeRefusal, refuseMalformed, translatorOfActivity } from './teams/activityShape';
import { registerKudos } from './kudos/handlers';
import { registerRosterAfterTurn, rosterPlaceOf } from './kudos/roster';
import { registerReach } from './reach/handlers';
import { registerTeamSetup } from './teamSetup/handlers';
import { registerTenantSettings } from './settings/handlers';
import { registerPrivacy } from './privacy/handlers';
import { registerReminderActions } from './milestones/handlers';
import { registerNotes } from './notes/handlers';
import { registerDigest } from './digest/handlers';
import { registerBriefs } from './briefs/handlers';
import { registerAdmins } from './admins/handlers';
import { installedAgain, registerInstallationEvents } from './teams/installation';
import { settleTurnLanguage } from './i18n/turnLanguage';
import { tenantStartOf } from './settings/tenantStart';
import { commandPattern } from './i18n/commands';

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
  /** Work a turn leaves running after it answers (kudos fan-out, roster registration). */
  background: BackgroundWork;
  /** Time zone for people and tenants whose own zone is unknown. */
  defaultTimeZone: string;
  /** Proactive sends (channel posts and notices that follow a turn), within Teams' rate limits. */
  messenger: Messenger;
  /** How people seen in team and group chat rosters can be reached; absent, none are recorded. */
  memberships?: MembershipStore;
  /** Opens personal chats for kudos notices to people Moments has none with; absent, stored chats only. */
  reach?: Reach;
  /** The reads of the `reach` census for admins; absent, the command is not offered. */
  reachRoll?: ReachRoll;
  /** Who owns a team (Microsoft Graph); absent, no team owner is recognised as one. */
  teamRoles?: TeamRoles;
}

/** The Teams bot: one adapter and one teams-ai application, built once per process. */
export interface MomentsBot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** Handles one POST to /api/messages. */
  handle(request: BotHttpRequest): Promise<BotHttpResponse>;
}

/** The answer to a request the adapter itself failed on: fixed, whatever the SDK said. */
const ADAPTER_FAILED = 'Moments could not process this activity.';

/** The most members read from a team's roster when Moments is added to it. */
const TEAM_ROSTER_LIMIT = 5000;

/**
 * People added to a team or group chat Moments is in: how to reach them is recorded for those the
 * directory knows (someone who asked to be forgotten is not in it), so a job can open a chat.
 */
async function rememberNewMembers(
  context: TurnContext,
  deps: BotDependencies,
  tenantId: string,
): Promise<void> {
  const place = rosterPlaceOf(context);
  const added = (context.activity.membersAdded ?? []).flatMap((m) =>
    m.aadObjectId ? [{ userId: m.aadObjectId, memberId: m.id }] : [],
  );
  if (!deps.memberships || !place || added.length === 0) return;
  const known = new Set(
    (
      await deps.people.findMany(
        tenantId,
        added.map((m) => m.userId),
      )
    ).map((p) => p.id),
  );
  const entries = added.filter((m) => known.has(m.userId));
  await rememberMemberships(deps.memberships, tenantId, entries, place, deps.now());
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
      // A tenant met for the first time speaks the language of this first activity.
      await ensureTenant(
        deps.settings,
        record.tenantId,
        deps.defaultTimeZone,
        tenantStartOf(context.activity),
      );
    }
    await settleTurnLanguage(context, deps);
    return true;
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const tenantId = tenantOf(context.activity);
    const kind = conversationKindOf(context);
    if (!botWasAdded(context)) {
      if (tenantId && kind !== 'personal') await rememberNewMembers(context, deps, tenantId);
      return;
    }
    await installedAgain(context, deps);
    await sendWelcome(context, deps);
    if (tenantId && kind !== 'personal') {
      // Learn who is in the team or chat: celebrations reach the team's recognition channel, and
      // Moments can open a personal chat with each member when it has something to send them.
      // After the answer: a large team's roster takes longer than Teams waits for a turn.
      registerRosterAfterTurn(context, { ...deps, botAppId: deps.auth.appId }, tenantId, TEAM_ROSTER_LIMIT);
    }
  });

  registerInstallationEvents(app, deps);

  app.message(commandPattern('help'), async (context) => sendHelp(context));
  // `note s` would otherwise reach `note` as a note about "s": answered as the typo it is.
  app.message(
    async (context) => isMisspacedCommand(context.activity.text ?? '', conversationKindOf(context)),
    async (context) => answerUnknownMessage(context),
  );

  registerKudos(app, deps);
  // Before the team set-up: `settings` in a personal chat is the tenant's, elsewhere the team's.
  registerTenantSettings(app, deps);
  registerTeamSetup(app, deps);
  registerPrivacy(app, deps);
  registerReminderActions(app, deps);
  registerNotes(app, deps);
  registerDigest(app, deps);
  registerBriefs(app, deps);
  registerAdmins(app, deps);
  if (deps.reachRoll) registerReach(app, { ...deps, reachRoll: deps.reachRoll });

  app.activity(ActivityTypes.Message, async (context) => answerUnknownMessage(context));

  app.error(async (context, error) => answerTurnFailure(context, turnLogger(context), error));

  return {
    adapter,
    app,
    handle: async (request) => {
      const refused = refuseMalformed(request.body, deps.logger);
      if (refused) return refused;
      const response = await processBotRequest(adapter, request, async (context) => {
        await app.run(context);
      });
      // No handler answered this invoke: a verb or command Moments never sent (a forged or stale card).
      if (response.status === 501) {
        const { name, id } = request.body as { name?: string; id?: string };
        deps.logger.warn('refused an invoke no handler answers', { correlationId: id, name });
        return { headers: {}, ...invokeRefusal(name, translatorOfActivity(request.body)) };
      }
      if (response.status >= 500) {
        // The SDK answers its own failures with their internal text: logged, never sent back.
        deps.logger.error('the adapter could not process an activity', {
          correlationId: (request.body as { id?: string }).id,
          status: response.status,
          detail: typeof response.body === 'string' ? response.body.slice(0, 500) : response.body,
        });
        return { status: response.status, headers: {}, body: { error: ADAPTER_FAILED } };
      }
      return response;
    },
  };
}
