import { addDays } from '../shared';
import type { PeopleDirectory, Person } from '../people';
import type { Recognition, RecognitionStore } from './recognitions';

/** Recognition coverage of a group of people: who is being noticed, not a leaderboard. */
export interface RecognitionStats {
  /** Kudos received by the group since the start of the month. */
  kudosThisMonth: number;
  /** Values most recognised this month, most first (at most three). */
  topValues: Array<{ name: string; count: number }>;
  /** How many of the group received kudos this month. */
  peopleRecognised: number;
  groupSize: number;
  /** How many members had no kudos in the last 30 days (or ever). */
  notRecognisedCount: number;
  /** Those members, by name (all of them, or the first few for an organisation; none when hidden). */
  notRecognisedIn30Days: string[];
}

/** The first `YYYY-MM-DD` that still counts as recognised lately: 30 days before `now` (UTC). */
function recentSince(now: Date): string {
  return addDays(now.toISOString().slice(0, 10), -30);
}

/** This month's kudos, by value, most first (at most three). */
function topValuesOf(received: Recognition[]): RecognitionStats['topValues'] {
  const valueCounts = new Map<string, number>();
  for (const kudos of received)
    valueCounts.set(kudos.value.name, (valueCounts.get(kudos.value.name) ?? 0) + 1);
  return [...valueCounts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 3);
}

/**
 * Computes recognition coverage for `members` from this month's kudos they received and their
 * last-recognised dates.
 */
export function recognitionStats(members: Person[], received: Recognition[], now: Date): RecognitionStats {
  const memberIds = new Set(members.map((m) => m.id));
  const recognised = new Set<string>();
  for (const kudos of received) {
    kudos.recipientIds.filter((id) => memberIds.has(id)).forEach((id) => recognised.add(id));
  }
  const cutoff = recentSince(now);
  const quiet = members
    .filter((m) => !m.lastRecognisedOn || m.lastRecognisedOn < cutoff)
    .map((m) => m.displayName)
    .sort((a, b) => a.localeCompare(b));
  return {
    kudosThisMonth: received.length,
    topValues: topValuesOf(received),
    peopleRecognised: recognised.size,
    groupSize: members.length,
    notRecognisedCount: quiet.length,
    notRecognisedIn30Days: quiet,
  };
}

/** The first instant of the month `now` is in, in UTC. */
export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Names of people not recognised that stats show; the rest are counted. */
export const STATS_NAMES_SHOWN = 12;

/** Where `stats` was asked. */
export type StatsConversation = 'personal' | 'groupChat' | 'channel';

/** Whose coverage `stats` shows: the team or chat it was asked in, the caller's reports, or everyone. */
export type StatsScope = 'conversation' | 'reports' | 'organisation';

/**
 * What `stats` shows whom. In a team channel or group chat, the members' numbers and never a
 * name: everyone there would read who nobody has thanked. Names appear only in a personal chat,
 * to an admin (the whole organisation's) or a manager (their own reports'); anyone else gets the
 * organisation's numbers.
 */
export function statsView(
  conversation: StatsConversation,
  caller: { isAdmin: boolean; hasReports: boolean },
): { scope: StatsScope; names: boolean } {
  if (conversation !== 'personal') return { scope: 'conversation', names: false };
  if (caller.isAdmin) return { scope: 'organisation', names: true };
  if (caller.hasReports) return { scope: 'reports', names: true };
  return { scope: 'organisation', names: false };
}

/** `stats` as it was asked. */
export interface StatsRequest {
  tenantId: string;
  callerId: string;
  conversation: StatsConversation;
  /** Whether the caller is one of the tenant's admins (core/settings `isAdmin`). */
  isAdmin: boolean;
  /** The members of the team or chat, read only when `stats` was asked in one. */
  memberIds: () => Promise<string[]>;
}

/** `stats`' answer: whose coverage, and whether it names anyone. */
export interface StatsAnswer {
  scope: StatsScope;
  names: boolean;
  stats: RecognitionStats;
}

/**
 * Recognition coverage as `stats` shows it to this caller, here ({@link statsView}). Names the
 * view hides are never read out of the store (the organisation's) or are dropped before they
 * leave core (a team's or a chat's). An organisation's coverage takes three queries whatever its
 * size: this month's kudos, how many people, and who was not recognised lately.
 */
export async function statsFor(
  deps: {
    people: Pick<PeopleDirectory, 'findMany' | 'reportsOf' | 'count' | 'notRecognisedSince'>;
    recognitions: Pick<RecognitionStore, 'forRecipientsSince' | 'createdBetween'>;
  },
  request: StatsRequest,
  now: Date,
): Promise<StatsAnswer> {
  const { tenantId } = request;
  const reports =
    request.conversation === 'personal' && !request.isAdmin
      ? (await deps.people.reportsOf(tenantId, request.callerId)).filter((r) => r.id !== request.callerId)
      : [];
  const view = statsView(request.conversation, { isAdmin: request.isAdmin, hasReports: reports.length > 0 });

  if (view.scope === 'organisation') {
    const [received, groupSize, quiet] = await Promise.all([
      deps.recognitions.createdBetween(tenantId, startOfMonth(now), new Date(now.getTime() + 1)),
      deps.people.count(tenantId),
      deps.people.notRecognisedSince(tenantId, recentSince(now), view.names ? STATS_NAMES_SHOWN : 0),
    ]);
    const stats: RecognitionStats = {
      kudosThisMonth: received.length,
      topValues: topValuesOf(received),
      peopleRecognised: new Set(received.flatMap((kudos) => kudos.recipientIds)).size,
      groupSize,
      notRecognisedCount: quiet.count,
      notRecognisedIn30Days: view.names ? quiet.first.map((p) => p.displayName) : [],
    };
    return { ...view, stats };
  }

  const members =
    view.scope === 'reports' ? reports : await deps.people.findMany(tenantId, await request.memberIds());
  const received = await deps.recognitions.forRecipientsSince(
    tenantId,
    members.map((m) => m.id),
    startOfMonth(now),
  );
  const stats = recognitionStats(members, received, now);
  return { ...view, stats: view.names ? stats : { ...stats, notRecognisedIn30Days: [] } };
}
