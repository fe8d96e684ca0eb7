import type { Application, TurnState } from '@microsoft/teams-ai';
import { takeReachCensus, type ReachRoll } from '../../core/delivery';
import type { PeopleDirectory } from '../../core/people';
import { callerIsAdmin, tenantSettingsOf, type NamedAdmins, type SettingsStore } from '../../core/settings';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { describeCensus, NAMED_IN_TEAMS, REACH_IS_FOR_ADMINS, REACH_IS_PRIVATE } from './wording';

/** What `reach` needs. */
export interface ReachDeps {
  settings: SettingsStore;
  people: PeopleDirectory;
  /** The people `MOMENTS_ADMINS` names: admins whatever the tenant's settings say. */
  namedAdmins: NamedAdmins;
  reachRoll: ReachRoll;
  defaultTimeZone: string;
}

/**
 * `reach`, for an admin in a personal chat: how many of the tenant's people Moments can message,
 * and who it cannot and why. Names stay in the personal chat; the message is plain text, since
 * names are whatever the directory holds.
 */
export function registerReach(app: Application<TurnState>, deps: ReachDeps): void {
  app.message(/^\s*reach\s*$/i, async (context) => {
    if (conversationKindOf(context) !== 'personal') {
      await context.sendActivity(REACH_IS_PRIVATE);
      return;
    }
    const tenantId = tenantOf(context.activity);
    const callerId = senderOf(context.activity);
    const settings = tenantId
      ? await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone)
      : undefined;
    if (!tenantId || !callerId || !(await callerIsAdmin(deps, tenantId, callerId, settings))) {
      await context.sendActivity(REACH_IS_FOR_ADMINS);
      return;
    }
    const census = await takeReachCensus(deps.reachRoll, tenantId);
    await context.sendActivity({
      type: 'message',
      textFormat: 'plain',
      text: describeCensus(census, {
        limit: NAMED_IN_TEAMS,
        more: `The jobs CLI lists everyone: npm run job -- reach --tenant ${tenantId}`,
      }),
    });
  });
}
