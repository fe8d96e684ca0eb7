import { declareCard } from '../teams/cardRender';
import formTemplate from './note-form.json';
import listTemplate from './note-list.json';
import nudgeTemplate from './note-nudge.json';
import noticeTemplate from './note-notice.json';

/** The note form: new (noteId '') or editing one of the author's notes. */
export interface NoteFormData {
  title: string;
  noteId: string;
  submissionId: string;
  people: Array<{ title: string; value: string }>;
  subject: string;
  text: string;
  /** `YYYY-MM-DD` or ''. */
  followUpOn: string;
  /** Empty when there is nothing wrong. */
  error: string;
}

/** The author's open notes, newest first, each with Done / Edit / Delete. */
export interface NoteListData {
  title: string;
  /** A line about what just happened (done, deleted); '' for none. */
  notice: string;
  /** Shown when there are no notes. */
  empty: string;
  notes: Array<{ id: string; subjectName: string; when: string; text: string }>;
  /** The people the author has notes about, for "Show the notes about". */
  people: Array<{ title: string; value: string }>;
  /** The person the list is filtered to; '' for all. */
  subjectId: string;
}

/** The follow-up nudge in the author's personal chat. */
export interface NoteNudgeData {
  noteId: string;
  /** "You wanted to " before a note written as a to-do, or a lead-in line otherwise. */
  lead: string;
  text: string;
  textWeight: 'Default' | 'Bolder';
  about: string;
}

/** A one-line card that replaces a note card once acted on. */
export interface NoteNoticeData {
  text: string;
  showList: boolean;
}

export const noteFormCard = declareCard<NoteFormData>('note-form', formTemplate);
export const noteListCard = declareCard<NoteListData>('note-list', listTemplate);
export const noteNudgeCard = declareCard<NoteNudgeData>('note-nudge', nudgeTemplate);
export const noteNoticeCard = declareCard<NoteNoticeData>('note-notice', noticeTemplate);
