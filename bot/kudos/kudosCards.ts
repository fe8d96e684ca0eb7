import { declareCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import formTemplate from './kudos-form.json';
import recognitionTemplate from './recognition-card.json';
import sentTemplate from './kudos-sent.json';
import managerNoticeTemplate from './manager-notice.json';

/** A run of card text that may be written small. */
export type CardRun = TextRun & { size?: 'Small' };

/** The kudos form's own texts, in the giver's language. */
export interface KudosFormTexts {
  title: string;
  intro: string;
  recipientsLabel: string;
  recipientsMissing: string;
  recipientsPlaceholder: string;
  valueLabel: string;
  valueMissing: string;
  messageLabel: string;
  messageProblem: string;
  messagePlaceholder: string;
  postToChannel: string;
  managerMaySee: string;
  send: string;
}

/** The kudos form, in a task module (`task`) or as a chat card (`chat`). */
export interface KudosFormData {
  mode: 'task' | 'chat';
  texts: KudosFormTexts;
  submissionId: string;
  people: Array<{ title: string; value: string }>;
  /** Comma-separated ids, as Input.ChoiceSet multi-select values are. */
  recipients: string;
  values: Array<{ title: string; value: string }>;
  value: string;
  message: string;
  offerChannel: boolean;
  postToChannel: 'true' | 'false';
  /** Whether to offer "Let their manager see this": not in a team channel, whose words travel anyway. */
  offerManagerMaySee: boolean;
  /** "Let their manager see this", on by default. */
  managerMaySee: 'true' | 'false';
  /** The quoted message as shown (author in bold, text in italics); empty without a quote. */
  quote: TextRun[];
  /** The quote as the form sends it back. */
  quoteAuthor: string;
  quoteText: string;
  /**
   * The delivery id of the milestone reminder the form answers with wishes, which offer no value
   * (Celebration is implied); empty for kudos.
   */
  reminderId: string;
  /** Empty when there is nothing wrong. */
  error: string;
}

/** The recognition card posted in the conversation and the recognition channel. */
export interface RecognitionCardData {
  recognitionId: string;
  recipientNames: string;
  /** "recognised by <giver> for <value>". */
  byline: TextRun[];
  message: string;
  /** The quoted message, small; empty without a quote. */
  quote: CardRun[];
  celebrateTitle: string;
  celebratedBy: string;
}

/** What replaces the chat form once kudos are sent. */
export interface KudosSentData {
  title: string;
  /** "You recognised <names> for <value>." and where the kudos are. */
  text: TextRun[];
}

/** The manager copy: a manager's reports were recognised. Names and the message stay plain text. */
export interface ManagerNoticeData {
  title: string;
  /** "<giver> recognised <reports> for <value>". */
  headline: TextRun[];
  /** Empty when the kudos' text may not leave the conversation it was given in. */
  message: string;
  /** Why the message is not shown, when it is not. */
  withheld: string;
  why: string;
}

export const kudosFormCard = declareCard<KudosFormData>('kudos-form', formTemplate);
export const recognitionCard = declareCard<RecognitionCardData>('recognition-card', recognitionTemplate);
export const kudosSentCard = declareCard<KudosSentData>('kudos-sent', sentTemplate);
export const managerNoticeCard = declareCard<ManagerNoticeData>('manager-notice', managerNoticeTemplate);
