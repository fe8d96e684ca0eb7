import { declareCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import briefTemplate from './brief-card.json';
import pickerTemplate from './brief-picker.json';

/** A list on the brief: a title, its rows (or the `empty` line) and "and N more". */
export interface BriefSectionData {
  title: string;
  /** Shown when there are no rows; '' otherwise. */
  empty: string;
  rows: Array<{ line: TextRun[] }>;
  /** "and 3 more", or ''. */
  more: string;
}

/** One thing to ask: the reader's own note, in full, and its Done button. */
export interface ThingToAskData {
  /** The note as its author wrote it (user text: a TextRun). */
  text: string;
  /** "for your next 1:1 · follow up Tuesday 16 March", or ''. */
  detail: string;
  noteId: string;
}

/**
 * A brief about one person, worded in the reader's language. Names, kudos messages and notes are
 * user text: the template puts them in TextRuns.
 */
export interface BriefCardData {
  headline: string;
  subtitle: string;
  /** Tenure, local time, the reader's last kudos. */
  facts: Array<{ title: string; value: string }>;
  ask: {
    title: string;
    rows: ThingToAskData[];
    more: string;
    /** The one prompt when there is nothing to ask; '' otherwise. */
    prompt: string;
    done: string;
  };
  /** Received, given, values not recognised, coming up. */
  sections: BriefSectionData[];
  footer: string;
  sendKudos: string;
  addNote: string;
  /** The brief's delivery, which Send kudos and Add note carry: they read the person from it. */
  deliveryId: string;
  personId: string;
}

export const briefCard = declareCard<BriefCardData>('brief-card', briefTemplate);

/** "Whose brief?": the people the reader manages or keeps notes about. */
export interface BriefPickerData {
  title: string;
  /** Why the picker is shown instead ("No one called …"); '' for none. */
  notice: string;
  intro: string;
  people: Array<{ title: string; value: string }>;
  labels: { person: string; placeholder: string; required: string; show: string };
}

export const briefPickerCard = declareCard<BriefPickerData>('brief-picker', pickerTemplate);
