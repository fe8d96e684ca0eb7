import type { Note, NoteErrorCode, NoteRefusal, NudgeKind } from '../../core/notes';
import type { MessageKey } from '../i18n/catalogues';
import type { Translator } from '../i18n/translator';
import { commandWordsIn } from '../help/commands';
import type { NoteListData, NoteNoticeData, NoteNudgeData } from './noteCards';

/**
 * The nudge as the author wrote the note: a note written as a to-do ("ask Sam how Emma’s
 * tournament went") reads "You wanted to ask Sam how Emma’s tournament went"; any other note is
 * shown, in bold, after a lead-in naming the person. A note marked for the next 1:1 that no 1:1
 * raised reads "You wanted to bring this up at your next 1:1 with Sam: …", without Snooze (its
 * wait is over; Done or an edit settles it).
 */
export function nudgeCardData(note: Note, t: Translator, kind: NudgeKind = 'followUp'): NoteNudgeData {
  const todo = /^\p{Ll}/u.test(note.text);
  const name = note.subjectName;
  if (kind === 'oneOnOne') {
    return {
      title: t.text('notes.nudge.oneOnOneTitle'),
      noteId: note.id,
      lead: t.runs('notes.nudge.oneOnOne', { name, text: note.text }),
      about: t.text('notes.nudge.oneOnOneAbout', { name, date: t.day(note.nextOneOnOneSince ?? '', 'long') }),
      labels: { done: t.text('notes.action.done'), snooze: '', delete: t.text('notes.action.delete') },
    };
  }
  return {
    title: t.text('notes.nudge.title'),
    noteId: note.id,
    lead: todo
      ? t.runs('notes.nudge.todo', { text: note.text })
      : t.runs('notes.nudge.other', { name, text: note.text }),
    about: note.followUpOn
      ? t.text('notes.nudge.aboutFor', { name, date: t.day(note.followUpOn, 'long') })
      : t.text('notes.nudge.about', { name }),
    labels: {
      done: t.text('notes.action.done'),
      snooze: t.text('notes.action.snooze'),
      delete: t.text('notes.action.delete'),
    },
  };
}

/** The one-line summary of a nudge for notifications. */
export function nudgeSummary(note: Note, t: Translator, kind: NudgeKind = 'followUp'): string {
  const key = kind === 'oneOnOne' ? 'notes.nudge.oneOnOneSummary' : 'notes.nudge.summary';
  return t.text(key, { name: note.subjectName });
}

/**
 * The list card's data for the author's notes, newest first; `subject` when it is filtered to one
 * person (their name, when it is known).
 */
export function noteListData(
  notes: Note[],
  t: Translator,
  options: {
    people: Array<{ title: string; value: string }>;
    subject?: { id: string; name?: string };
    notice?: string;
  },
): NoteListData {
  const { subject } = options;
  const title = !subject
    ? t.text('notes.list.title')
    : subject.name
      ? t.text('notes.list.titleAbout', { name: subject.name })
      : t.text('notes.list.titleAboutSomeone');
  const empty = !subject
    ? t.text('notes.list.empty', { note: commandWordsIn(t).note })
    : subject.name
      ? t.text('notes.list.emptyAbout', { name: subject.name })
      : t.text('notes.list.emptyAboutSomeone');
  return {
    title,
    notice: options.notice ?? '',
    empty,
    notes: notes.map((n) => ({
      id: n.id,
      subjectName: n.subjectName,
      when: n.followUpOn ? t.text('notes.list.followUp', { date: t.day(n.followUpOn, 'long') }) : '',
      nextOneOnOne: n.nextOneOnOneSince ? t.text('notes.list.nextOneOnOne') : '',
      text: n.text,
    })),
    people: options.people,
    subjectId: subject?.id ?? '',
    labels: {
      done: t.text('notes.action.done'),
      edit: t.text('notes.action.edit'),
      delete: t.text('notes.action.delete'),
      showAbout: t.text('notes.list.showAbout'),
      choosePerson: t.text('notes.list.choosePerson'),
      newNote: t.text('notes.list.newNote'),
      show: t.text('notes.list.show'),
      all: t.text('notes.list.all'),
    },
  };
}

/** The one-line card that answers an action, with a button to the list when `showList`. */
export function noticeData(t: Translator, text: string, showList = false): NoteNoticeData {
  return { text, showList, listTitle: t.text('notes.action.list') };
}

const REFUSALS: Record<Exclude<NoteErrorCode, 'NOTES.TEXT_TOO_LONG'>, MessageKey> = {
  'NOTES.NOT_FOUND': 'notes.refusal.notFound',
  'NOTES.UNKNOWN_PERSON': 'notes.refusal.unknownPerson',
  'NOTES.EMPTY_TEXT': 'notes.refusal.emptyText',
  'NOTES.BAD_DATE': 'notes.refusal.badDate',
  'NOTES.PAST_DATE': 'notes.refusal.pastDate',
};

/** Why a note was not saved or changed, in the reader's words. */
export function refusalText(refusal: NoteRefusal, t: Translator): string {
  if (refusal.code === 'NOTES.TEXT_TOO_LONG') {
    const { max = 0, actual = 0 } = refusal.length ?? {};
    return t.text('notes.refusal.textTooLong', { max: t.number(max), length: t.number(actual) });
  }
  return t.text(REFUSALS[refusal.code]);
}

/** What a saved or updated note's author is told, with the day they will be nudged on. */
export function savedText(note: Note, updated: boolean, t: Translator): string {
  const name = note.subjectName;
  if (!note.followUpOn) return t.text(updated ? 'notes.updated' : 'notes.saved', { name });
  const date = t.day(note.followUpOn, 'long');
  return t.text(updated ? 'notes.updatedNudge' : 'notes.savedNudge', { name, date });
}

/** The note a new hire's 30- or 90-day check-in reminder suggests writing. */
export function checkInNoteText(kind: 'day-30' | 'day-90', name: string, t: Translator): string {
  const firstName = name.trim().split(/\s+/)[0] ?? name;
  return t.text('notes.checkIn', { kind: kind === 'day-90' ? 'day90' : 'day30', firstName });
}
