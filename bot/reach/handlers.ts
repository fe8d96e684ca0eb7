import type { Application, TurnState } from '@microsoft/teams-ai';
import { takeReachCensus, type ReachRoll } from '../../core/delivery';
import type { PeopleDirectory } from '../../core/people';
import { callerIsAdmin, tenantSettingsOf, type NamedAdmins, type SettingsStore } from '../../core/settings';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { commandPattern } from '../i18n/commands';
import { commandWordsIn } from '../help/commands';
import { translatorOf } from '../i18n/turnLanguage';
import { describeCensus, NAMED_IN_TEAMS } from './wording';

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
  app.message(commandPattern('reach'), async (context) => {
    const t = translatorOf(context);
    if (conversationKindOf(context) !== 'personal') {
      await context.sendActivity(t.text('reach.askInPersonalChat', { reach: commandWordsIn(t).reach }));
      return;
    }
    const tenantId = tenantOf(context.activity);
    const callerId = senderOf(context.activity);
    const settings = tenantId
      ? await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone)
      : undefined;
    if (!tenantId || !callerId || !(await callerIsAdmin(deps, tenantId, callerId, settings))) {
      await context.sendActivity(t.text('reach.forAdminsOnly'));
      return;
    }
    const census = await takeReachCensus(deps.reachRoll, tenantId);
    await context.sendActivity({
      type: 'message',
      textFormat: 'plain',
      text: describeCensus(t, census, { limit: NAMED_IN_TEAMS }),
    });
  });
}
