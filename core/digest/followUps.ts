import { addDays } from '../shared';
import type { Note } from '../notes';
import type { Person } from '../people';
import type { PersonRef } from '../kudos';

/**
 * The manager's own open notes whose follow-up falls in the seven days from `today`, soonest
 * first, and the people they are about (each once, by name). Never anyone else's notes.
 */
export function followUpsDue(
  notes: readonly Note[],
  manager: Pick<Person, 'id' | 'tenantId'>,
  today: string,
): { due: Note[]; subjects: PersonRef[] } {
  const weekEnd = addDays(today, 6);
  const due = notes
    .filter((n) => n.authorId === manager.id && n.tenantId === manager.tenantId && n.status === 'open')
    .filter((n) => n.followUpOn !== undefined && n.followUpOn >= today && n.followUpOn <= weekEnd)
    .sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''));
  const subjects = [...new Map(due.map((n) => [n.subjectId, { id: n.subjectId, name: n.subjectName }]))]
    .map(([, ref]) => ref)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { due, subjects };
}
