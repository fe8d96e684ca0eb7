import { addDays, shorten } from '../shared';
import type { Note } from '../notes';
import type { Person } from '../people';
import type { FollowUpRow } from './digest';

/** How much of a note's text a digest row shows. */
export const FOLLOW_UP_TEXT_LENGTH = 120;

/**
 * The manager's own open notes whose follow-up falls in the seven days from `today`, soonest
 * first (then by name), each as what to ask and when: the date, the person, and the note's text
 * shortened. The manager wrote them, so the text is theirs to read. Never anyone else's notes.
 */
export function followUpsDue(
  notes: readonly Note[],
  manager: Pick<Person, 'id' | 'tenantId'>,
  today: string,
): FollowUpRow[] {
  const weekEnd = addDays(today, 6);
  return notes
    .filter((n) => n.authorId === manager.id && n.tenantId === manager.tenantId && n.status === 'open')
    .filter((n): n is Note & { followUpOn: string } => n.followUpOn !== undefined)
    .filter((n) => n.followUpOn >= today && n.followUpOn <= weekEnd)
    .sort((a, b) => a.followUpOn.localeCompare(b.followUpOn) || a.subjectName.localeCompare(b.subjectName))
    .map((n) => ({
      person: { id: n.subjectId, name: n.subjectName },
      followUpOn: n.followUpOn,
      text: shorten(n.text, FOLLOW_UP_TEXT_LENGTH),
    }));
}
