import { rememberMemberships, type MembershipStore, type RosterPlace } from '../delivery';
import { chunks, inPool } from '../shared';
import type { PeopleDirectory, Person } from './directory';
import type { ErasureRegister } from './erasures';

/** A member of a Teams team or chat as its roster names them (`id`: the AAD object id). */
export interface RosterMember {
  id: string;
  displayName: string;
  email?: string;
  /** Their Teams member id (`29:…`) in this roster, through which Moments can open a chat with them. */
  memberId?: string;
}

/**
 * Where Teams members are registered: the directory, minus those who asked to be forgotten, and
 * how each can be reached in a personal chat.
 */
export interface MemberDirectory {
  people: PeopleDirectory;
  erasures: Pick<ErasureRegister, 'erasedAmong'>;
  /** Absent where Moments does not open chats itself. */
  memberships?: MembershipStore;
}

/**
 * Adds Teams members the directory does not know yet, with celebrations left to them to choose
 * (the tenant's default celebration until they do), and records `teamId` on members who lack it, which is where
 * their celebrations are posted. One query for the lot; writes only what changed. Leaves out, and
 * does not return, members who asked Moments to forget them: a roster never brings them back.
 * Given the conversation the roster was read in, also records how each member kept can be
 * reached there (core/delivery/memberships.ts), so that a job can open a personal chat with them.
 * @returns the members kept, in the order given.
 */
export async function registerMembers<M extends RosterMember>(
  { people: directory, erasures, memberships }: MemberDirectory,
  tenantId: string,
  members: M[],
  teamId?: string,
  seenIn?: { place: RosterPlace; now: Date },
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
  const writes: (() => Promise<unknown>)[] = [];
  for (const member of members) {
    if (erased.has(member.id)) continue;
    kept.push(member);
    const person = known.get(member.id);
    // Only what the roster knows is written, and only what changed: a whole record written back
    // would undo a settings change, an import or a kudos that landed since the read.
    if (!person) writes.push(() => addNewcomer(directory, tenantId, member, teamId));
    else if (teamId && !(person.teamIds ?? []).includes(teamId)) {
      writes.push(() => directory.addTeam(tenantId, member.id, teamId));
    }
  }
  await inPool(writes, ROSTER_WRITES_IN_FLIGHT, (write) => write());
  if (memberships && seenIn) {
    const entries = kept.flatMap((m) => (m.memberId ? [{ userId: m.id, memberId: m.memberId }] : []));
    await rememberMemberships(memberships, tenantId, entries, seenIn.place, seenIn.now);
  }
  return kept;
}

/**
 * Writes of one batch in flight at once: each person is their own logical partition, so a batch is
 * many small writes, bounded so as not to meet the store's throughput all at once.
 */
const ROSTER_WRITES_IN_FLIGHT = 8;

/** Members of a roster registered per batch: one directory query and one batch of writes each. */
export const ROSTER_BATCH_SIZE = 100;
/** Batches of a roster registered at once, so a 5,000-member team does not meet the store all at once. */
export const ROSTER_BATCHES_IN_FLIGHT = 4;

/**
 * Registers a whole roster (a team of thousands) as {@link registerMembers} does, in batches of
 * {@link ROSTER_BATCH_SIZE} with at most {@link ROSTER_BATCHES_IN_FLIGHT} at a time.
 * @returns how many members were kept (not forgotten).
 */
export async function registerRoster(
  directory: MemberDirectory,
  tenantId: string,
  members: RosterMember[],
  teamId?: string,
  seenIn?: { place: RosterPlace; now: Date },
): Promise<number> {
  const batches = await inPool(chunks(members, ROSTER_BATCH_SIZE), ROSTER_BATCHES_IN_FLIGHT, (batch) =>
    registerMembers(directory, tenantId, batch, teamId, seenIn),
  );
  return batches.reduce((sum, kept) => sum + kept.length, 0);
}

/**
 * Adds a member the directory did not know; when someone added them since the read (an import,
 * another roster), their record stays theirs and only gains the team.
 */
async function addNewcomer(
  directory: PeopleDirectory,
  tenantId: string,
  member: RosterMember,
  teamId: string | undefined,
): Promise<void> {
  const added = await directory.addIfAbsent(newcomer(tenantId, member, teamId));
  if (!added && teamId) await directory.addTeam(tenantId, member.id, teamId);
}

/** A member the directory did not know, as it is first recorded. */
function newcomer(tenantId: string, member: RosterMember, teamId: string | undefined): Person {
  return {
    tenantId,
    id: member.id,
    displayName: member.displayName,
    ...(member.email ? { email: member.email } : {}),
    celebrate: {},
    ...(teamId ? { teamIds: [teamId] } : {}),
  };
}

/**
 * The people someone most likely works with, from the directory: their manager, their peers (the
 * manager's other reports, themselves included) and their own reports, each once.
 */
export async function colleaguesOf(
  directory: PeopleDirectory,
  tenantId: string,
  personId: string,
): Promise<Person[]> {
  const person = await directory.get(tenantId, personId);
  const reports = await directory.reportsOf(tenantId, personId);
  if (!person?.managerId) return reports;
  const [manager, peers] = await Promise.all([
    directory.get(tenantId, person.managerId),
    directory.reportsOf(tenantId, person.managerId),
  ]);
  const all = [...(manager ? [manager] : []), ...peers, ...reports];
  return [...new Map(all.map((p) => [p.id, p])).values()];
}
