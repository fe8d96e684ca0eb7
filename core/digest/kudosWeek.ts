import type { Person } from '../people';
import type { Recognition } from '../kudos';
import type { Digest, ReportKudos } from './digest';
import { highlight, newestFirst, refOf } from './rows';

const DAY = 24 * 60 * 60 * 1000;

/** The kudos of a manager's reports in the seven days up to now, as the digest counts them. */
export interface KudosWeek {
  /** Kudos received in the week, each once, newest first. */
  received: Recognition[];
  /** Kudos the reports gave in the week, newest first. */
  reportsGiven: Recognition[];
  /** Reports who received or gave kudos this week, most active first (then by name). */
  active: ReportKudos[];
  /** How many of the week's kudos went to at least one report. */
  receivedByTeam: number;
}

/**
 * Counts, per report, the kudos received and given in the seven days up to `now`, with the
 * latest of each. A kudos read twice counts once; one with several reports counts for each.
 */
export function kudosWeek(input: {
  reports: ReadonlyMap<string, Person>;
  received: readonly Recognition[];
  given: readonly Recognition[];
  now: Date;
}): KudosWeek {
  const { reports } = input;
  const weekAgo = new Date(input.now.getTime() - 7 * DAY).toISOString();
  const nowIso = input.now.toISOString();
  const inWeek = (k: Recognition) => k.createdAt >= weekAgo && k.createdAt <= nowIso;
  const received = onceEach(input.received).filter(inWeek);
  const byReport = new Map<string, ReportKudos>();
  const entry = (person: Person) => {
    let found = byReport.get(person.id);
    if (!found) {
      found = { person: refOf(person), received: 0, given: 0 };
      byReport.set(person.id, found);
    }
    return found;
  };
  for (const kudos of received) {
    for (const id of new Set(kudos.recipientIds)) {
      const report = reports.get(id);
      if (!report) continue;
      const row = entry(report);
      row.received += 1;
      row.latestReceived ??= highlight(kudos, kudos.giver);
    }
  }
  const reportsGiven = onceEach(input.given).filter((k) => reports.has(k.giver.id) && inWeek(k));
  for (const kudos of reportsGiven) {
    const report = reports.get(kudos.giver.id);
    if (!report) continue;
    const row = entry(report);
    row.given += 1;
    // A kudos always names a recipient; were one stored without, the bot words the empty name.
    const to = kudos.recipients[0] ?? { id: '', name: '' };
    row.latestGiven ??= highlight(kudos, to);
  }
  const active = [...byReport.values()].sort(
    (a, b) => b.received + b.given - (a.received + a.given) || a.person.name.localeCompare(b.person.name),
  );
  const receivedByTeam = received.filter((k) => k.recipientIds.some((id) => reports.has(id))).length;
  return { received, reportsGiven, active, receivedByTeam };
}

/** The kudos the manager gave in the last 7 and 28 days up to `now`. */
export function managerGiving(
  given: readonly Recognition[],
  managerId: string,
  now: Date,
): Digest['yourRecognition'] {
  const nowIso = now.toISOString();
  const weekAgo = new Date(now.getTime() - 7 * DAY).toISOString();
  const fourWeeksAgo = new Date(now.getTime() - 28 * DAY).toISOString();
  const mine = onceEach(given).filter((k) => k.giver.id === managerId && k.createdAt <= nowIso);
  return {
    thisWeek: mine.filter((k) => k.createdAt >= weekAgo).length,
    fourWeeks: mine.filter((k) => k.createdAt >= fourWeeksAgo).length,
  };
}

/** Each kudos once (the reads may overlap), newest first. */
function onceEach(kudos: readonly Recognition[]): Recognition[] {
  return [...new Map(kudos.map((k) => [k.id, k])).values()].sort(newestFirst);
}
