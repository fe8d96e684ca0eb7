import { declareCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import formTemplate from './note-form.json';
import listTemplate from './note-list.json';
import nudgeTemplate from './note-nudge.json';
import noticeTemplate from './note-notice.json';

/** The note form: new (noteId '') or editing one of the author's notes. */
export interface NoteFormData {
  title: string;
  /** Who sees notes and what a date does. */
  intro: string;
  noteId: string;
  submissionId: string;
  people: Array<{ title: string; value: string }>;
  subject: string;
  text: string;
  /** `YYYY-MM-DD` or ''. */
  followUpOn: string;
  /** "Bring this up at our next 1:1", ticked or not. */
  nextOneOnOne: 'true' | 'false';
  /** Empty when there is nothing wrong. */
  error: string;
  /** The inputs' labels, placeholders and error messages, and the Save button. */
  labels: {
    subject: string;
    subjectError: string;
    subjectPlaceholder: string;
    text: string;
    textError: string;
    textPlaceholder: string;
    followUpOn: string;
    nextOneOnOne: string;
    save: string;
  };
}

/** The author's open notes, newest first, each with Done / Edit / Delete. */
export interface NoteListData {
  title: string;
  /** A line about what just happened (done, deleted); '' for none. */
  notice: string;
  /** Shown when there are no notes. */
  empty: string;
  /** `when`: the follow-up date, `nextOneOnOne`: the 1:1 marker; each '' when the note has none. */
  notes: Array<{ id: string; subjectName: string; when: string; nextOneOnOne: string; text: string }>;
  /** The people the author has notes about, for "Show the notes about". */
  people: Array<{ title: string; value: string }>;
  /** The person the list is filtered to; '' for all. */
  subjectId: string;
  /** Button titles and the person picker's label and placeholder. */
  labels: {
    done: string;
    edit: string;
    delete: string;
    showAbout: string;
    choosePerson: string;
    newNote: string;
    show: string;
    all: string;
  };
}

/** The follow-up (or next-1:1) nudge in the author's personal chat. */
export interface NoteNudgeData {
  title: string;
  noteId: string;
  /** The note as the author wrote it, within a sentence that says it is theirs to follow up. */
  lead: TextRun[];
  about: string;
  /** `snooze` is '' on a nudge that offers no Snooze. */
  labels: { done: string; snooze: string; delete: string };
}

/** A one-line card that replaces a note card once acted on. */
export interface NoteNoticeData {
  text: string;
  showList: boolean;
  /** The title of the button that shows the list. */
  listTitle: string;
}

export const noteFormCard = declareCard<NoteFormData>('note-form', formTemplate);
export const noteListCard = declareCard<NoteListData>('note-list', listTemplate);
export const noteNudgeCard = declareCard<NoteNudgeData>('note-nudge', nudgeTemplate);
export const noteNoticeCard = declareCard<NoteNoticeData>('note-notice', noticeTemplate);
