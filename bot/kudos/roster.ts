import { TeamsInfo, TurnContext, type CloudAdapter } from 'botbuilder';
import {
  colleaguesOf,
  registerMembers,
  registerRoster,
  type MemberDirectory,
  type Person,
  type RosterMember,
} from '../../core/people';
import type { RosterPlace } from '../../core/delivery';
import type { BackgroundWork, Logger } from '../../core/shared';
import { conversationKindOf } from '../teams/turnContext';
import { tenantOf } from '../teams/conversationRecord';
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
  const members = await readRoster(context, limit);
  const { teamId, seenIn } = rosterOrigin(context, directory.now);
  return registerMembers(directory, tenantId, members, teamId, seenIn);
}

/** The members of the conversation of `context` (those with an AAD object id), up to about `limit`. */
async function readRoster(context: TurnContext, limit: number): Promise<RosterMember[]> {
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
  return members;
}

/** The team a roster belongs to, and where its members were seen, from the turn's activity. */
function rosterOrigin(context: TurnContext, now: (() => Date) | undefined) {
  const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  const place = rosterPlaceOf(context);
  return { teamId, seenIn: place ? { place, now: (now ?? (() => new Date()))() } : undefined };
}

/**
 * Reads and registers the whole roster of the conversation Moments was just added to, after the
 * turn has answered: a team of thousands takes many roster pages and writes, longer than Teams
 * waits for a turn. The pages are read in a conversation continued from the turn's reference (the
 * turn's own context is closed by then) and registered in batches ({@link registerRoster}).
 */
export function registerRosterAfterTurn(
  context: TurnContext,
  deps: MemberDirectory & {
    adapter: CloudAdapter;
    botAppId?: string;
    background: BackgroundWork;
    now: () => Date;
  },
  tenantId: string,
  limit: number,
): void {
  const reference = TurnContext.getConversationReference(context.activity);
  const { teamId, seenIn } = rosterOrigin(context, deps.now);
  deps.background.run(
    'roster registration',
    async () => {
      let members: RosterMember[] = [];
      await deps.adapter.continueConversationAsync(deps.botAppId ?? '', reference, async (continued) => {
        members = await readRoster(continued, limit);
      });
      await registerRoster(deps, tenantId, members, teamId, seenIn);
    },
    { tenantId, teamId },
  );
}

/**
 * The conversation a roster is read in, as a personal chat is opened from it: its Bot Connector
 * endpoint, Moments' own account there and the conversation's id.
 */
export function rosterPlaceOf(context: TurnContext): RosterPlace | undefined {
  const { serviceUrl, recipient, conversation, channelData } = context.activity;
  if (!serviceUrl || !recipient?.id || !conversation?.id) return undefined;
  // A team's roster is the team's whatever channel it was read in: kept, so that removing Moments
  // from the team reaches every membership it showed.
  const teamId = (channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return {
    serviceUrl,
    botId: recipient.id,
    conversationId: conversation.id,
    ...(typeof teamId === 'string' && teamId !== '' ? { teamId } : {}),
  };
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

/** At most this many of the giver's teams are asked about one member id. */
const TEAMS_ASKED = 5;

/**
 * The AAD object id of a Teams member id (`29:…`) from another conversation, looked up in the
 * rosters of `teamIds` (the giver's teams, from the directory). A people picker in a personal
 * chat can submit such ids (the Agents Playground's does), which the 1:1 roster cannot resolve.
 */
export async function aadIdInTeams(
  context: TurnContext,
  memberId: string,
  teamIds: readonly string[],
): Promise<{ id: string; name: string } | undefined> {
  for (const teamId of teamIds.slice(0, TEAMS_ASKED)) {
    try {
      const member = await TeamsInfo.getTeamMember(context, teamId, memberId);
      if (member.aadObjectId) return { id: member.aadObjectId, name: member.name };
    } catch {
      // Not a member of this team (404), or the team is gone: the next team may know them.
    }
  }
  return undefined;
}

/**
 * The people mentioned for real in a kudos command, as the form lists them, added to the directory
 * when missing so they can receive the kudos; mentions Teams cannot resolve are left out.
 */
export async function mentionedPeople(
  context: TurnContext,
  directory: MemberDirectory,
  memberIds: readonly string[],
): Promise<Choice[]> {
  const tenantId = tenantOf(context.activity);
  const found = (await Promise.all(memberIds.map((id) => aadIdOf(context, id)))).filter(
    (r): r is { id: string; name: string } => r !== undefined,
  );
  if (tenantId && found.length > 0) {
    await registerMembers(
      directory,
      tenantId,
      found.map((r) => ({ id: r.id, displayName: r.name })),
    );
  }
  return found.map((r) => ({ title: r.name, value: r.id }));
}
