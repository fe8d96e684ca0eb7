import type { TurnContext } from 'botbuilder';
import type { RecognitionPlace } from '../../core/kudos';
import type { PeopleDirectory } from '../../core/people';
import { tenantSettingsOf, type SettingsStore, type TenantSettings } from '../../core/settings';
import { conversationRecordFrom, senderOf, tenantOf } from '../teams/conversationRecord';
import { translatorOf } from '../i18n/turnLanguage';
import { aadIdInTeams, aadIdOf } from './roster';

/** Who is giving kudos, where, under which tenant settings. */
export interface Caller {
  tenantId: string;
  giver: { id: string; name: string };
  place: RecognitionPlace;
  settings: TenantSettings;
}

/** The caller of a kudos turn, or undefined when the activity names no tenant, sender or conversation. */
export async function callerOf(
  context: TurnContext,
  deps: { settings: SettingsStore; defaultTimeZone: string },
): Promise<Caller | undefined> {
  const tenantId = tenantOf(context.activity);
  const giverId = senderOf(context.activity);
  const record = conversationRecordFrom(context.activity);
  if (!tenantId || !giverId || !record) return undefined;
  return {
    tenantId,
    giver: { id: giverId, name: context.activity.from?.name ?? translatorOf(context).text('kudos.someone') },
    place: {
      kind: record.kind,
      conversationId: record.conversationId,
      ...(record.teamId ? { teamId: record.teamId } : {}),
      ...(record.channelId ? { channelId: record.channelId } : {}),
    },
    settings: await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone),
  };
}

/**
 * Recipient ids as AAD object ids. Teams' people picker submits those already; a picker that
 * submits conversation member ids (`29:…`, as the Agents Playground's does) is resolved through the
 * conversation's roster, as mentions are, and failing that (a personal chat's roster holds only the
 * giver) through the rosters of the giver's teams, which `teamsOfGiver` reads from the directory
 * only when needed. An id that resolves to nobody is kept, and refused.
 */
export async function resolveMemberIds(
  context: TurnContext,
  ids: string[],
  teamsOfGiver: () => Promise<string[]> = async () => [],
): Promise<string[]> {
  let teams: Promise<string[]> | undefined;
  return Promise.all(
    ids.map(async (id) => {
      if (!id.startsWith('29:')) return id;
      const found =
        (await aadIdOf(context, id)) ?? (await aadIdInTeams(context, id, await (teams ??= teamsOfGiver())));
      return found?.id ?? id;
    }),
  );
}

/** The team the kudos are given in and the giver's teams from the directory, each once. */
export async function teamsOfGiver(people: PeopleDirectory, caller: Caller): Promise<string[]> {
  const giver = await people.get(caller.tenantId, caller.giver.id);
  return [...new Set([...(caller.place.teamId ? [caller.place.teamId] : []), ...(giver?.teamIds ?? [])])];
}
