import type { TurnContext } from 'botbuilder';
import type { RecognitionPlace } from '../../core/kudos';
import { tenantSettingsOf, type SettingsStore, type TenantSettings } from '../../core/settings';
import { conversationRecordFrom, senderOf, tenantOf } from '../teams/conversationRecord';
import { aadIdOf } from './roster';

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
    giver: { id: giverId, name: context.activity.from?.name ?? 'Someone' },
    place: {
      kind: record.kind,
      conversationId: record.conversationId,
      ...(record.teamId ? { teamId: record.teamId } : {}),
      ...(record.channelId ? { channelId: record.channelId } : {}),
    },
    settings: await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone),
  };
}

export const NOT_FROM_TEAMS =
  'Moments could not tell which organisation this came from, so nothing was sent.';

/**
 * Recipient ids as AAD object ids. Teams' people picker submits those already; a picker that
 * submits conversation member ids (`29:…`, as the Agents Playground's does) is resolved through the
 * conversation's roster, as mentions are. An id that resolves to nobody is kept, and refused.
 */
export async function resolveMemberIds(context: TurnContext, ids: string[]): Promise<string[]> {
  return Promise.all(
    ids.map(async (id) => (id.startsWith('29:') ? ((await aadIdOf(context, id))?.id ?? id) : id)),
  );
}
