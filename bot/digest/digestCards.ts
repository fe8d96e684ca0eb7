import { declareCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import digestTemplate from './digest-card.json';

/** One person's line in a digest section; `personId` '' for a line without actions. */
export interface DigestRowData {
  /** The person's name in bold, then what the digest says about them. */
  line: TextRun[];
  personId: string;
}

/** A section of the digest card: a title, its rows (or the `empty` line) and "and N more". */
export interface DigestSectionData {
  title: string;
  /** Shown when there are no rows; '' otherwise. */
  empty: string;
  rows: DigestRowData[];
  /** "and 12 more", or ''. */
  more: string;
}

/**
 * A manager's weekly digest, worded in the reader's language. Names, kudos messages and the
 * manager's own notes are user text: the template puts them in TextRuns.
 */
export interface DigestCardData {
  headline: string;
  period: string;
  /** "Suggested opener:" in bold, then the opener. */
  opener: TextRun[];
  /** The person the opener is about, for its Send kudos button; '' for none. */
  openerPersonId: string;
  /** The title of that button ("Send kudos to Megan"); '' for none. */
  openerSendKudos: string;
  /** Counts only: no user text. */
  facts: Array<{ title: string; value: string }>;
  /** A line for a quiet week; '' otherwise. */
  quietNote: string;
  sections: DigestSectionData[];
  /** The titles of each row's buttons. */
  sendKudos: string;
  addNote: string;
  /** "Brief": a brief about the row's person, as a new message. */
  brief: string;
  /** The digest's delivery, which every button carries: they read who they may act on from it. */
  deliveryId: string;
}

export const digestCard = declareCard<DigestCardData>('digest-card', digestTemplate);
