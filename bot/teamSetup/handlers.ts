import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { ErasureRegister, PeopleDirectory, Person } from '../../core/people';
import { type RecognitionStore, recognitionStats, startOfMonth } from '../../core/kudos';
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
} from '../../core/settings';
import { cardAttachment } from '../teams/cardRender';
import { settingsCard, statsCard } from './teamCards';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { listNames } from '../kudos/recognitionView';
import { rosterMembers } from '../kudos/roster';
import { conversationKindOf } from '../teams/turnContext';
import { firstAdminHowTo } from '../admins/wording';

/** What the team set-up commands need. */
export interface TeamSetupDeps {
  people: PeopleDirectory;
  erasures: ErasureRegister;
  settings: SettingsStore;
  recognitions: RecognitionStore;
  now: () => Date;
  defaultTimeZone: string;
  namedAdmins: NamedAdmins;
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string; name?: string };
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
    if (!caller.isAdmin) {
      await context.sendActivity(await notAdmin(caller.tenantId, caller.settings));
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
    const teamId = (context.activity.channelData as TeamsChannelData | undefined)?.team?.id;
    const team = teamId ? await deps.settings.team(caller.tenantId, teamId) : undefined;
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
          footer: caller.isAdmin
            ? 'Admins: “values add Courage”, “values rename teamwork to Better together”, “values retire innovation”, “values restore innovation”.'
            : 'Admins can change these settings.',
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
    await deps.settings.saveTenant(change.settings);
    await context.sendActivity(change.summary);
  });

  app.message(/^\s*stats\s*$/i, async (context) => {
    const caller = await context$(context);
    if (!caller) return;
    const now = deps.now();
    let members: Person[];
    let scope: string;
    if (conversationKindOf(context) === 'personal') {
      members = await deps.people.reportsOf(caller.tenantId, caller.callerId);
      scope = 'Your direct reports';
      if (members.length === 0) {
        await context.sendActivity(
          'You have no direct reports in Moments. Mention me with “stats” in a team to see its recognition.',
        );
        return;
      }
    } else {
      const roster = await rosterMembers(context, deps, caller.tenantId);
      members = await deps.people.findMany(
        caller.tenantId,
        roster.map((m) => m.id),
      );
      scope = conversationKindOf(context) === 'channel' ? 'Members of this team' : 'Members of this chat';
    }
    const received = await deps.recognitions.forRecipientsSince(
      caller.tenantId,
      members.map((m) => m.id),
      startOfMonth(now),
    );
    const stats = recognitionStats(members, received, now);
    const waiting = stats.notRecognisedIn30Days;
    await context.sendActivity({
      attachments: [
        cardAttachment(statsCard, {
          scope,
          kudos: String(stats.kudosThisMonth),
          coverage: `${stats.peopleRecognised} of ${stats.groupSize}`,
          topValues: stats.topValues.map((v) => `${v.name} (${v.count})`).join(', ') || 'None yet this month',
          waitingTitle: `Not recognised in the last 30 days: ${waiting.length}`,
          waiting:
            waiting.length > 12
              ? `${waiting.slice(0, 12).join(', ')} and ${waiting.length - 12} more`
              : waiting.join(', '),
          footer: 'Coverage, not a leaderboard: who might be waiting for a thank-you?',
        }),
      ],
    });
  });
}
