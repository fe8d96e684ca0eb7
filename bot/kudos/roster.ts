import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ErasureRegister, PeopleDirectory, Person } from '../../core/people';
import type { Logger } from '../../core/shared';
import { conversationKindOf } from '../teams/turnContext';

/** A person as the kudos form lists them. */
export interface Choice {
  title: string;
  value: string;
}

const MAX_CHOICES = 100;

/** Where Teams members are registered: the directory, minus those who asked to be forgotten. */
export interface MemberDirectory {
  people: PeopleDirectory;
  erasures: Pick<ErasureRegister, 'erasedAmong'>;
}

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
 * People who asked Moments to forget them are neither added nor returned.
 */
export async function rosterMembers(
  context: TurnContext,
  directory: MemberDirectory,
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
  return registerMembers(directory, tenantId, members, teamId);
}

/**
 * Adds Teams members the directory does not know yet, with celebrations left to them to opt into,
 * and records `teamId` on members who lack it. One query for the lot; writes only what changed.
 * Leaves out, and does not return, members who asked Moments to forget them.
 */
export async function registerMembers<M extends { id: string; displayName: string; email?: string }>(
  { people: directory, erasures }: MemberDirectory,
  tenantId: string,
  members: M[],
  teamId?: string,
): Promise<M[]> {
  if (members.length === 0) return [];
  const known = new Map(
    (
      await directory.findMany(
        tenantId,
        members.map((m) => m.id),
      )
    ).map((p) => [p.id, p]),
  );
  const unknown = members.filter((member) => !known.has(member.id)).map((member) => member.id);
  const erased = unknown.length > 0 ? await erasures.erasedAmong(tenantId, unknown) : new Set<string>();
  const kept: M[] = [];
  for (const member of members) {
    if (erased.has(member.id)) continue;
    kept.push(member);
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
  return kept;
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
