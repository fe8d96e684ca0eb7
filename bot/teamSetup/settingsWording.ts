import type { ChannelRight, TeamSettings, TenantAdmin, TenantSettings } from '../../core/settings';
import { commandWordsIn } from '../help/commands';
import type { Translator } from '../i18n/translator';
import { teamSettingsFooter } from './channelRight';
import type { SettingsCardData } from './teamCards';
import { hourText, weekdayName } from '../i18n/calendarNames';

/** Where `settings` was asked, and what the caller may do there. */
export interface SettingsPlace {
  /** The team's settings; absent outside a team, or for a team nothing was set for. */
  team?: TeamSettings;
  /** The team's thread id, when asked in a team channel. */
  teamId?: string;
  /** The channel asked in, when asked in a team channel. */
  channelId?: string;
  isAdmin: boolean;
  /** Whether the caller may choose the team's channel; absent outside a team channel. */
  right?: ChannelRight;
}

/** Which channel kudos are posted to, as the caller reads it where they asked. */
function recognitionChannelText(t: Translator, place: SettingsPlace): string {
  if (!place.teamId) return t.text('team.settings.channel.perTeam');
  const chosen = place.team?.recognitionChannelId;
  if (!chosen) {
    return t.text('team.settings.channel.unset', { useThisChannel: commandWordsIn(t).useThisChannel });
  }
  return t.text(
    chosen === place.channelId ? 'team.settings.channel.here' : 'team.settings.channel.elsewhere',
  );
}

/** The settings card in `t`'s language: hours, weekdays and numbers are written its way. */
export function settingsCardData(
  t: Translator,
  settings: TenantSettings,
  admins: readonly TenantAdmin[],
  place: SettingsPlace,
): SettingsCardData {
  const digestDay = settings.digestDay >= 1 && settings.digestDay <= 7 ? settings.digestDay : 1;
  return {
    texts: {
      title: t.text('team.settings.title'),
      channel: t.text('team.settings.channelTitle'),
      sendTime: t.text('team.settings.sendTitle'),
      digestTime: t.text('team.settings.digestTitle'),
      dailyLimit: t.text('team.settings.limitTitle'),
      admins: t.text('team.settings.adminsTitle'),
      values: t.text('team.settings.valuesTitle'),
    },
    recognitionChannel: recognitionChannelText(t, place),
    sendTime: t.text('team.settings.sendTime', { time: hourText(t, settings.sendHour) }),
    digestTime: t.text('team.settings.digestTime', {
      day: weekdayName(t, digestDay),
      time: hourText(t, settings.digestHour),
    }),
    dailyLimit:
      settings.dailyKudosLimit === null
        ? t.text('team.settings.noLimit')
        : t.number(settings.dailyKudosLimit),
    admins: admins.length > 0 ? t.list(admins.map((a) => a.name)) : t.text('team.settings.noAdmins'),
    values: settings.values.map((v) => ({
      id: v.id,
      name: v.name,
      // Set apart from the tag by the same two spaces the tag is set apart from the name by.
      status: v.retired ? `  ${t.text('team.settings.retired')}` : '',
    })),
    footer: teamSettingsFooter(t, place.isAdmin, settings, place.right),
  };
}
