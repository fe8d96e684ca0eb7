import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { PeopleDirectory, Person } from '../../core/people';
import type { Logger } from '../../core/logger';
import { conversationKindOf } from '../handlers/context';

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
  deps: { people: PeopleDirectory; logger: Logger },
  tenantId: string,
  giverId: string,
): Promise<Choice[]> {
  const kind = conversationKindOf(context);
  let people: Array<Pick<Person, 'id' | 'displayName'>> = [];
  if (kind !== 'personal') {
    try {
      people = await rosterMembers(context, deps.people, tenantId);
    } catch (error) {
      deps.logger.warn('could not read the conversation roster; offering the directory instead', { error });
    }
  }
  if (people.length <= 1) people = await neighboursOf(deps.people, tenantId, giverId);
  return people
    .filter((p) => p.id !== giverId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, MAX_CHOICES)
    .map((p) => ({ title: p.displayName, value: p.id }));
}

/**
 * The members of this team or chat (up to `limit`), added to the directory when missing; in a
 * team, each is also marked as a member of it, which is where their celebrations are posted.
 */
export async function rosterMembers(
  context: TurnContext,
  directory: PeopleDirectory,
  tenantId: string,
  limit = MAX_CHOICES,
) {
  const members: Array<{ id: string; displayName: string; email?: string }> = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    for (const member of page.members) {
      if (member.aadObjectId) {
        members.push({ id: member.aadObjectId, displayName: member.name, email: member.email ?? undefined });
      }
    }
    continuationToken = page.continuationToken;
  } while (continuationToken && members.length < limit);
  const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  await registerMembers(directory, tenantId, members, teamId);
  return members;
}

/**
 * Adds Teams members the directory does not know yet, with celebrations left to them to opt into,
 * and records `teamId` on members who lack it. One query for the lot; writes only what changed.
 */
export async function registerMembers(
  directory: PeopleDirectory,
  tenantId: string,
  members: Array<{ id: string; displayName: string; email?: string }>,
  teamId?: string,
): Promise<void> {
  if (members.length === 0) return;
  const known = new Map(
    (
      await directory.findMany(
        tenantId,
        members.map((m) => m.id),
      )
    ).map((p) => [p.id, p]),
  );
  for (const member of members) {
    const person = known.get(member.id);
    if (person) {
      if (teamId && !(person.teamIds ?? []).includes(teamId)) {
        await directory.save({ ...person, teamIds: [...(person.teamIds ?? []), teamId] });
      }
      continue;
    }
    await directory.save({
      tenantId,
      id: member.id,
      displayName: member.displayName,
      ...(member.email ? { email: member.email } : {}),
      celebrate: { birthday: 'manager', anniversary: 'manager' },
      ...(teamId ? { teamIds: [teamId] } : {}),
    });
  }
}

async function neighboursOf(directory: PeopleDirectory, tenantId: string, giverId: string) {
  const giver = await directory.get(tenantId, giverId);
  const reports = await directory.reportsOf(tenantId, giverId);
  if (!giver?.managerId) return reports;
  const [manager, peers] = await Promise.all([
    directory.get(tenantId, giver.managerId),
    directory.reportsOf(tenantId, giver.managerId),
  ]);
  const all = [...(manager ? [manager] : []), ...peers, ...reports];
  return [...new Map(all.map((p) => [p.id, p])).values()];
}

/** The AAD object id of a Teams member id (`29:…`) in this conversation. */
export async function aadIdOf(
  context: TurnContext,
  memberId: string,
): Promise<{ id: string; name: string } | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, memberId);
    return member.aadObjectId ? { id: member.aadObjectId, name: member.name } : undefined;
  } catch {
    return undefined;
  }
}
