import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { ErasureRegister, PeopleDirectory } from '../../core/people';
import { type RecognitionStore, statsFor } from '../../core/kudos';
import {
  callerIsAdmin,
  tenantAdmins,
  type NamedAdmins,
  tenantSettingsOf,
  type SettingsStore,
  type TenantSettings,
  addValue,
  renameValue,
  restoreValue,
  retireValue,
  type ValueChange,
  type AuditTrail,
  valueAuditEntry,
  type TeamRoles,
} from '../../core/settings';
import { cardAttachment } from '../teams/cardRender';
import { settingsCard, statsCard } from './teamCards';
import { statsCardData } from './statsWording';
import { settingsCardData } from './settingsWording';
import { valueChangeText } from './valueWording';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { rosterMembers } from '../kudos/roster';
import { conversationKindOf } from '../teams/turnContext';
import { firstAdminHowTo } from '../admins/wording';
import { commandPattern, textAfterCommand } from '../i18n/commands';
import { commandWordsIn } from '../help/commands';
import { translatorOf } from '../i18n/turnLanguage';
import type { Translator } from '../i18n/translator';
import { channelRightFor, channelRefusal, type TeamsChannelData } from './channelRight';

/** What the team set-up commands need. */
export interface TeamSetupDeps {
  people: PeopleDirectory;
  erasures: ErasureRegister;
  settings: SettingsStore;
  recognitions: RecognitionStore;
  now: () => Date;
  defaultTimeZone: string;
  namedAdmins: NamedAdmins;
  /** Where value changes are recorded. */
  audit: AuditTrail;
  /** Who owns a team; absent without Microsoft Graph, and then no owner is recognised. */
  teamRoles?: TeamRoles;
}

/**
 * `values add|rename|retire|restore …`: the `values` word in any language, what it does in English
 * (as typed, whatever the language), and the rest.
 */
function valuesCommandOf(text: string): { verb: string; rest: string } | undefined {
  const after = textAfterCommand('values', text);
  const match = after === undefined ? null : /^(add|rename|retire|restore)\b\s*(.*)$/i.exec(after);
  return match ? { verb: (match[1] ?? '').toLowerCase(), rest: (match[2] ?? '').trim() } : undefined;
}

/** Registers `use this channel for kudos`, `settings`, `values …` and `stats`. */
export function registerTeamSetup(app: Application<TurnState>, deps: TeamSetupDeps): void {
  const context$ = async (context: TurnContext) => {
    const tenantId = tenantOf(context.activity);
    const callerId = senderOf(context.activity);
    if (!tenantId || !callerId) return undefined;
    const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
    return { tenantId, callerId, settings, isAdmin: await callerIsAdmin(deps, tenantId, callerId, settings) };
  };

  const notAdmin = async (t: Translator, tenantId: string, settings: TenantSettings) => {
    const admins = await tenantAdmins(deps, tenantId, settings);
    if (admins.length === 0) {
      return t.text('team.notAdmin.noAdmins', { howTo: firstAdminHowTo(tenantId, 'markdown', t) });
    }
    return t.text('team.notAdmin', { admins: t.list(admins.map((a) => a.name)) });
  };

  app.message(commandPattern('useThisChannel'), async (context) => {
    const t = translatorOf(context);
    const caller = await context$(context);
    const channelData = context.activity.channelData as TeamsChannelData | undefined;
    if (!caller) return;
    if (conversationKindOf(context) !== 'channel' || !channelData?.team?.id || !channelData.channel?.id) {
      await context.sendActivity(t.text('team.channel.sayItThere'));
      return;
    }
    const right = await channelRightFor(deps, caller, channelData);
    if (!right.allowed) {
      await context.sendActivity(
        right.why === 'owners-not-allowed'
          ? await notAdmin(t, caller.tenantId, caller.settings)
          : channelRefusal(t, right, await tenantAdmins(deps, caller.tenantId, caller.settings)),
      );
      return;
    }
    const team = (await deps.settings.team(caller.tenantId, channelData.team.id)) ?? {
      tenantId: caller.tenantId,
      teamId: channelData.team.id,
    };
    await deps.settings.saveTeam({ ...team, recognitionChannelId: channelData.channel.id });
    await context.sendActivity(t.text('team.channel.done'));
  });

  app.message(commandPattern('settings'), async (context) => {
    const t = translatorOf(context);
    const caller = await context$(context);
    if (!caller) return;
    const { settings } = caller;
    const channelData = context.activity.channelData as TeamsChannelData | undefined;
    const teamId = channelData?.team?.id;
    const team = teamId ? await deps.settings.team(caller.tenantId, teamId) : undefined;
    // Only a team channel has owners to tell apart; elsewhere (and for admins) nothing is asked.
    const right = teamId && channelData ? await channelRightFor(deps, caller, channelData) : undefined;
    const admins = await tenantAdmins(deps, caller.tenantId, settings);
    const data = settingsCardData(t, settings, admins, {
      isAdmin: caller.isAdmin,
      ...(team ? { team } : {}),
      ...(teamId ? { teamId } : {}),
      ...(channelData?.channel?.id ? { channelId: channelData.channel.id } : {}),
      ...(right ? { right } : {}),
    });
    await context.sendActivity({ attachments: [cardAttachment(settingsCard, data)] });
  });

  app.message(
    async (context) => context.activity.type === 'message' && !!valuesCommandOf(context.activity.text ?? ''),
    async (context) => {
      const t = translatorOf(context);
      const caller = await context$(context);
      if (!caller) return;
      if (!caller.isAdmin) {
        await context.sendActivity(await notAdmin(t, caller.tenantId, caller.settings));
        return;
      }
      const { verb, rest } = valuesCommandOf(context.activity.text ?? '') ?? { verb: '', rest: '' };
      let change: ValueChange;
      if (verb === 'add') change = addValue(caller.settings, rest);
      else if (verb === 'retire') change = retireValue(caller.settings, rest);
      else if (verb === 'restore') change = restoreValue(caller.settings, rest);
      else {
        const parts = /^(.+?)\s+to\s+(.+)$/i.exec(rest);
        if (!parts) {
          await context.sendActivity(t.text('team.values.renameForm', { values: commandWordsIn(t).values }));
          return;
        }
        change = renameValue(caller.settings, parts[1] ?? '', parts[2] ?? '');
      }
      if (!change.ok) {
        await context.sendActivity(valueChangeText(t, change));
        return;
      }
      // Saved only over the settings the change was made to: another admin's change in between is
      // not overwritten, and this one is not lost silently either.
      const saved = await deps.settings.saveTenant(change.settings, {
        ifVersion: caller.settings.version ?? null,
      });
      if (!saved.saved) {
        await context.sendActivity(t.text('team.values.changedMeanwhile'));
        return;
      }
      const by = {
        id: caller.callerId,
        name: context.activity.from?.name ?? caller.callerId,
        via: 'teams' as const,
      };
      await deps.audit.record([
        valueAuditEntry(caller.settings, change, by, deps.now(), randomUUID().slice(0, 8)),
      ]);
      await context.sendActivity(valueChangeText(t, change));
    },
  );

  app.message(commandPattern('stats'), async (context) => {
    const caller = await context$(context);
    if (!caller) return;
    const conversation = conversationKindOf(context);
    const answer = await statsFor(
      deps,
      {
        tenantId: caller.tenantId,
        callerId: caller.callerId,
        conversation,
        isAdmin: caller.isAdmin,
        memberIds: async () => (await rosterMembers(context, deps, caller.tenantId)).map((m) => m.id),
      },
      deps.now(),
    );
    await context.sendActivity({
      attachments: [cardAttachment(statsCard, statsCardData(answer, conversation, translatorOf(context)))],
    });
  });
}
