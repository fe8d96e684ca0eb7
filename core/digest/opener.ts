import { daysBetween } from '../shared';
import type { Person } from '../people';
import type { Recognition } from '../kudos';
import type { DigestOpener, QuietReport, UpcomingMilestone } from './digest';
import { highlight, refOf } from './rows';

/**
 * This week's latest kudos to a report; else the next milestone; else the report waiting longest
 * for a thank-you (never recognised counts as longest); else nothing (no reports).
 */
export function openerOf(
  received: Recognition[],
  reports: Map<string, Person>,
  upcoming: UpcomingMilestone[],
  quiet: QuietReport[],
  all: Person[],
  today: string,
): DigestOpener {
  for (const kudos of received) {
    const id = kudos.recipientIds.find((r) => reports.has(r));
    const report = id ? reports.get(id) : undefined;
    if (report) return { kind: 'kudos', person: refOf(report), highlight: highlight(kudos, kudos.giver) };
  }
  const next = upcoming[0];
  if (next) return { kind: 'milestone', person: next.person, milestone: next };
  const longest = quiet[0];
  if (longest) {
    return { kind: 'unrecognised', person: longest.person, ...(longest.days ? { days: longest.days } : {}) };
  }
  // Everyone was recognised lately: the one recognised longest ago.
  const started = all.filter((r) => !(r.hireDate && r.hireDate > today));
  const oldest = [...started].sort((a, b) =>
    (a.lastRecognisedOn ?? '').localeCompare(b.lastRecognisedOn ?? ''),
  )[0];
  if (!oldest) return { kind: 'none' };
  return {
    kind: 'unrecognised',
    person: refOf(oldest),
    ...(oldest.lastRecognisedOn ? { days: daysBetween(oldest.lastRecognisedOn, today) } : {}),
  };
}
