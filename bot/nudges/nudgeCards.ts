import { declareCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import nudgeTemplate from './nudge-card.json';

/** One person on a nudge: their name in bold and why, and the title of their Send kudos button. */
export interface NudgeRowData {
  line: TextRun[];
  personId: string;
  /** "Send kudos to Megan". */
  sendKudos: string;
}

/**
 * A weekly nudge, worded in the recipient's language. Names are user text: the template puts them
 * in TextRuns, never in a TextBlock that would render markdown.
 */
export interface NudgeCardData {
  title: string;
  intro: string;
  rows: NudgeRowData[];
  /** Where to change or turn off the nudge. */
  footer: string;
  /** The nudge's delivery, which every button carries: the people it may act on are read from it. */
  deliveryId: string;
}

export const nudgeCard = declareCard<NudgeCardData>('nudge-card', nudgeTemplate);
