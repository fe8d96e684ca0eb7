import type { Person } from '../people';
import type { Recognition } from './recognitions';

/** Recognition coverage of a group of people: who is being noticed, not a leaderboard. */
export interface RecognitionStats {
  /** Kudos received by the group since the start of the month. */
  kudosThisMonth: number;
  /** Values most recognised this month, most first (at most three). */
  topValues: Array<{ name: string; count: number }>;
  /** How many of the group received kudos this month. */
  peopleRecognised: number;
  groupSize: number;
  /** Members with no kudos in the last 30 days (or ever), by name. */
  notRecognisedIn30Days: string[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Computes recognition coverage for `members` from this month's kudos they received and their
 * last-recognised dates.
 */
export function recognitionStats(members: Person[], received: Recognition[], now: Date): RecognitionStats {
  const memberIds = new Set(members.map((m) => m.id));
  const valueCounts = new Map<string, number>();
  const recognised = new Set<string>();
  for (const kudos of received) {
    valueCounts.set(kudos.value.name, (valueCounts.get(kudos.value.name) ?? 0) + 1);
    kudos.recipientIds.filter((id) => memberIds.has(id)).forEach((id) => recognised.add(id));
  }
  const cutoff = new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10);
  return {
    kudosThisMonth: received.length,
    topValues: [...valueCounts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, 3),
    peopleRecognised: recognised.size,
    groupSize: members.length,
    notRecognisedIn30Days: members
      .filter((m) => !m.lastRecognisedOn || m.lastRecognisedOn < cutoff)
      .map((m) => m.displayName)
      .sort((a, b) => a.localeCompare(b)),
  };
}

/** The first instant of the month `now` is in, in UTC. */
export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
