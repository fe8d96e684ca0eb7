import { addDays, daysBetween } from '../shared';
import type { Person } from '../people';
import type { QuietReport } from './digest';
import { refOf } from './rows';

/**
 * The reports not recognised in the last `days` days (nor this week): never recognised first, then
 * the longest ago, then by name. Someone who has not started yet is left out.
 */
export function notRecognised(
  reports: readonly Person[],
  recognisedThisWeek: ReadonlySet<string>,
  today: string,
  days: number,
): QuietReport[] {
  const cutoff = addDays(today, -days);
  return reports
    .filter((r) => !(r.hireDate && r.hireDate > today))
    .filter((r) => !recognisedThisWeek.has(r.id))
    .filter((r) => !r.lastRecognisedOn || r.lastRecognisedOn < cutoff)
    .map((r) => ({
      person: refOf(r),
      ...(r.lastRecognisedOn
        ? { lastRecognisedOn: r.lastRecognisedOn, days: daysBetween(r.lastRecognisedOn, today) }
        : {}),
    }))
    .sort(
      (a, b) =>
        (b.days ?? Number.MAX_SAFE_INTEGER) - (a.days ?? Number.MAX_SAFE_INTEGER) ||
        a.person.name.localeCompare(b.person.name),
    );
}
