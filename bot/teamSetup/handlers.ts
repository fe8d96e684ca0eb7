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
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { listNames } from '../kudos/recognitionView';
import { rosterMembers } from '../kudos/roster';
import { conversationKindOf } from '../teams/turnContext';
import { firstAdminHowTo } from '../admins/wording';
import { channelRightFor, channelRefusal, teamSettingsFooter, type TeamsChannelData } from './channelRight';

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

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Registers `use this channel for kudos`, `settings`, `values …` and `stats`. */
export function registerTeamSetup(app: Application<TurnState>, deps: TeamSetupDeps): void {
  const context$ = async (context: TurnContext) => {
    const tenantId = tenantOf(context.activity);
    const callerId = senderOf(context.activity);
    if (!tenantId || !callerId) return undefined;
    const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
    return { tenantId, callerId, settings, isAdmin: await callerIsAdmin(deps, tenantId, callerId, settings) };
  };

  const notAdmin = async (tenantId: string, settings: TenantSettings) => {
    const admins = await tenantAdmins(deps, tenantId, settings);
    if (admins.length === 0) {
      return `Only Moments admins can change this. ${firstAdminHowTo(tenantId, 'markdown')}`;
    }
    return `Only Moments admins can change this. Ask ${listNames(admins.map((a) => a.name))}.`;
  };

  app.message(/^\s*use this channel for kudos\s*$/i, async (context) => {
    const caller = await context$(context);
    const channelData = context.activity.channelData as TeamsChannelData | undefined;
    if (!caller) return;
    if (conversationKindOf(context) !== 'channel' || !channelData?.team?.id || !channelData.channel?.id) {
      await context.sendActivity('Say this in the team channel where kudos should be posted.');
      return;
    }
    const right = await channelRightFor(deps, caller, channelData);
    if (!right.allowed) {
      await context.sendActivity(
        right.why === 'owners-not-allowed'
          ? await notAdmin(caller.tenantId, caller.settings)
          : channelRefusal(right, await tenantAdmins(deps, caller.tenantId, caller.settings)),
      );
      return;
    }
    const team = (await deps.settings.team(caller.tenantId, channelData.team.id)) ?? {
      tenantId: caller.tenantId,
      teamId: channelData.team.id,
    };
    await deps.settings.saveTeam({ ...team, recognitionChannelId: channelData.channel.id });
    await context.sendActivity(
      'Done: kudos given anywhere in this team can now be posted in this channel too (givers choose it in the kudos form).',
    );
  });

  app.message(/^\s*settings\s*$/i, async (context) => {
    const caller = await context$(context);
    if (!caller) return;
    const { settings } = caller;
    const channelData = context.activity.channelData as TeamsChannelData | undefined;
    const teamId = channelData?.team?.id;
    const team = teamId ? await deps.settings.team(caller.tenantId, teamId) : undefined;
    // Only a team channel has owners to tell apart; elsewhere (and for admins) nothing is asked.
    const right = teamId && channelData ? await channelRightFor(deps, caller, channelData) : undefined;
    const admins = await tenantAdmins(deps, caller.tenantId, settings);
    await context.sendActivity({
      attachments: [
        cardAttachment(settingsCard, {
          recognitionChannel: !teamId
            ? 'Set in each team'
            : team?.recognitionChannelId
              ? team.recognitionChannelId === (context.activity.channelData as TeamsChannelData).channel?.id
                ? 'This channel'
                : 'Another channel of this team'
              : 'Not set: say “@Moments use this channel for kudos” in it',
          sendTime: `${hour(settings.sendHour)} in each person’s time zone`,
          digestTime: `${WEEKDAYS[settings.digestDay] ?? 'Monday'} ${hour(settings.digestHour)} in each manager’s time zone`,
          dailyLimit: settings.dailyKudosLimit === null ? 'No limit' : String(settings.dailyKudosLimit),
          admins: listNames(admins.map((a) => a.name)) || 'None yet',
          values: settings.values.map((v) => ({
            id: v.id,
            name: v.name,
            status: v.retired ? '  (retired)' : '',
          })),
          footer: teamSettingsFooter(caller.isAdmin, settings, right),
        }),
      ],
    });
  });

  app.message(/^\s*values\s+(add|rename|retire|restore)\b\s*(.*)$/i, async (context) => {
    const caller = await context$(context);
    if (!caller) return;
    if (!caller.isAdmin) {
      await context.sendActivity(await notAdmin(caller.tenantId, caller.settings));
      return;
    }
    const match = /^\s*values\s+(add|rename|retire|restore)\b\s*(.*)$/i.exec(context.activity.text ?? '');
    const verb = (match?.[1] ?? '').toLowerCase();
    const rest = (match?.[2] ?? '').trim();
    let change: ValueChange;
    if (verb === 'add') change = addValue(caller.settings, rest);
    else if (verb === 'retire') change = retireValue(caller.settings, rest);
    else if (verb === 'restore') change = restoreValue(caller.settings, rest);
    else {
      const parts = /^(.+?)\s+to\s+(.+)$/i.exec(rest);
      change = parts
        ? renameValue(caller.settings, parts[1] ?? '', parts[2] ?? '')
        : {
            ok: false,
            code: 'VALUES.NAME_REQUIRED',
            message: 'Write it as “values rename teamwork to Better together”.',
          };
    }
    if (!change.ok) {
      await context.sendActivity(`${change.message} Nothing was changed.`);
      return;
    }
    // Saved only over the settings the change was made to: another admin's change in between is
    // not overwritten, and this one is not lost silently either.
    const saved = await deps.settings.saveTenant(change.settings, {
      ifVersion: caller.settings.version ?? null,
    });
    if (!saved.saved) {
      await context.sendActivity(
        'The settings changed while this was being saved. Nothing was changed: try again.',
      );
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
    await context.sendActivity(change.summary);
  });

  app.message(/^\s*stats\s*$/i, async (context) => {
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
      attachments: [cardAttachment(statsCard, statsCardData(answer, conversation))],
    });
  });
}
