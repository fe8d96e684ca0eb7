import type { Note } from '../../core/notes';
import type { NoteListData, NoteNudgeData } from './noteCards';
import { longDate } from '../milestones/wording';

/** What group chats and channels hear about notes, without showing any. */
export const NOTES_ARE_PRIVATE = 'Notes are private: open your chat with Moments to use them.';

/**
 * The nudge as the author wrote the note: a note written as a to-do ("ask Sam how Emma’s
 * tournament went") reads "You wanted to ask Sam how Emma’s tournament went"; any other note is
 * shown under a lead-in naming the person.
 */
export function nudgeCardData(note: Note): NoteNudgeData {
  const todo = /^\p{Ll}/u.test(note.text);
  return {
    noteId: note.id,
    lead: todo ? 'You wanted to ' : `You wanted to follow up with ${note.subjectName}: `,
    text: note.text,
    textWeight: todo ? 'Default' : 'Bolder',
    about: `Your private note about ${note.subjectName}${note.followUpOn ? `, for ${longDate(note.followUpOn)}` : ''}.`,
  };
}

/** The one-line summary of a nudge for notifications. */
export function nudgeSummary(note: Note): string {
  return `Follow up with ${note.subjectName}`;
}

/** The list card's data for the author's notes, newest first. */
export function noteListData(
  notes: Note[],
  options: {
    people: Array<{ title: string; value: string }>;
    subject?: { id: string; name: string };
    notice?: string;
  },
): NoteListData {
  return {
    title: options.subject ? `Your notes about ${options.subject.name}` : 'Your notes',
    notice: options.notice ?? '',
    empty: options.subject
      ? `You have no open notes about ${options.subject.name}.`
      : 'You have no open notes. Type note to write one.',
    notes: notes.map((n) => ({
      id: n.id,
      subjectName: n.subjectName,
      when: n.followUpOn ? ` · follow up ${longDate(n.followUpOn)}` : '',
      text: n.text,
    })),
    people: options.people,
    subjectId: options.subject?.id ?? '',
  };
}
