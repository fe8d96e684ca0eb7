import { declareCard } from '../teams/cardRender';
import digestTemplate from './digest-card.json';

/** One person's line in a digest section; `personId` '' for a line without actions. */
export interface DigestRowData {
  name: string;
  detail: string;
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

/** A manager's weekly digest. Names and kudos messages are user text: the template puts them in TextRuns. */
export interface DigestCardData {
  headline: string;
  period: string;
  opener: string;
  /** The person the opener is about, for its Send kudos button; '' for none. */
  openerPersonId: string;
  openerFirstName: string;
  /** Counts only: no user text. */
  facts: Array<{ title: string; value: string }>;
  /** A line for a quiet week; '' otherwise. */
  quietNote: string;
  sections: DigestSectionData[];
  /** The digest's delivery, which every button carries: they read who they may act on from it. */
  deliveryId: string;
}

export const digestCard = declareCard<DigestCardData>('digest-card', digestTemplate);
