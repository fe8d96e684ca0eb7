import { TeamsInfo, type TurnContext } from 'botbuilder';
import {
  colleaguesOf,
  registerMembers,
  type MemberDirectory,
  type Person,
  type RosterMember,
} from '../../core/people';
import type { RosterPlace } from '../../core/delivery';
import type { Logger } from '../../core/shared';
import { conversationKindOf } from '../teams/turnContext';
import { classifySendError } from '../teams/sendFailure';

/** A person as the kudos form lists them. */
export interface Choice {
  title: string;
  value: string;
}

const MAX_CHOICES = 100;

/**
 * The people most likely to be recognised here: the members of a team or group chat; in a
 * personal chat, the giver's manager, peers and reports from the directory. Members Teams
 * reports are added to the directory when missing (one query for the lot), so they can receive
 * kudos even before an HR import.
 */
export async function likelyPeople(
  context: TurnContext,
  deps: MemberDirectory & { logger: Logger },
  tenantId: string,
  giverId: string,
): Promise<Choice[]> {
  const kind = conversationKindOf(context);
  let people: Array<Pick<Person, 'id' | 'displayName'>> = [];
  if (kind !== 'personal') {
    try {
      people = await rosterMembers(context, deps, tenantId);
    } catch (error) {
      deps.logger.warn('could not read the conversation roster; offering the directory instead', { error });
    }
  }
  if (people.length <= 1) people = await colleaguesOf(deps.people, tenantId, giverId);
  return people
    .filter((p) => p.id !== giverId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, MAX_CHOICES)
    .map((p) => ({ title: p.displayName, value: p.id }));
}

/**
 * The members of this team or chat (up to `limit`), added to the directory when missing; in a
 * team, each is also marked as a member of it, which is where their celebrations are posted.
 * People who asked Moments to forget them are neither added nor returned.
 */
export async function rosterMembers(
  context: TurnContext,
  directory: MemberDirectory & { now?: () => Date },
  tenantId: string,
  limit = MAX_CHOICES,
) {
  const members: RosterMember[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    for (const member of page.members) {
      if (member.aadObjectId) {
        members.push({
          id: member.aadObjectId,
          displayName: member.name,
          email: member.email ?? undefined,
          memberId: member.id,
        });
      }
    }
    continuationToken = page.continuationToken;
  } while (continuationToken && members.length < limit);
  const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  const place = rosterPlaceOf(context);
  const now = (directory.now ?? (() => new Date()))();
  return registerMembers(directory, tenantId, members, teamId, place ? { place, now } : undefined);
}

/**
 * The conversation a roster is read in, as a personal chat is opened from it: its Bot Connector
 * endpoint, Moments' own account there and the conversation's id.
 */
export function rosterPlaceOf(context: TurnContext): RosterPlace | undefined {
  const { serviceUrl, recipient, conversation } = context.activity;
  if (!serviceUrl || !recipient?.id || !conversation?.id) return undefined;
  return { serviceUrl, botId: recipient.id, conversationId: conversation.id };
}

/**
 * Teams could not say who a member is: it throttled (429), refused (403) or did not answer. Not the
 * same as "no such member": the person may well be in the organisation, so the caller asks the
 * user to try again instead of refusing the recipient.
 */
export class RosterUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`Teams did not answer a roster lookup: ${reason}`);
    this.name = 'RosterUnavailable';
  }
}

/** What the giver is told when Teams did not answer a roster lookup. */
export const TEAMS_DID_NOT_ANSWER =
  'Teams did not answer when Moments looked up the people you chose. Please try again in a moment.';

/** Answers that mean Teams looked and found no such member in this conversation. */
const NO_SUCH_MEMBER = new Set([400, 404]);

/**
 * The AAD object id of a Teams member id (`29:…`) in this conversation, or undefined when Teams
 * says there is no such member. Throws {@link RosterUnavailable} when Teams did not answer.
 */
export async function aadIdOf(
  context: TurnContext,
  memberId: string,
): Promise<{ id: string; name: string } | undefined> {
  let member: Awaited<ReturnType<typeof TeamsInfo.getMember>>;
  try {
    member = await TeamsInfo.getMember(context, memberId);
  } catch (error) {
    const failure = classifySendError(error, Date.now());
    if (failure.status !== undefined && NO_SUCH_MEMBER.has(failure.status)) return undefined;
    throw new RosterUnavailable(failure.reason);
  }
  return member.aadObjectId ? { id: member.aadObjectId, name: member.name } : undefined;
}
