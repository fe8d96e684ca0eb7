import { declareCard } from '../teams/cardRender';
import formTemplate from './kudos-form.json';
import recognitionTemplate from './recognition-card.json';
import sentTemplate from './kudos-sent.json';
import managerNoticeTemplate from './manager-notice.json';

/** The kudos form, in a task module (`task`) or as a chat card (`chat`). */
export interface KudosFormData {
  mode: 'task' | 'chat';
  submissionId: string;
  people: Array<{ title: string; value: string }>;
  /** Comma-separated ids, as Input.ChoiceSet multi-select values are. */
  recipients: string;
  values: Array<{ title: string; value: string }>;
  value: string;
  message: string;
  offerChannel: boolean;
  postToChannel: 'true' | 'false';
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
  giverName: string;
  valueName: string;
  message: string;
  quoteAuthor: string;
  quoteText: string;
  celebrateTitle: string;
  celebratedBy: string;
}

/** What replaces the chat form once kudos are sent. */
export interface KudosSentData {
  recipientNames: string;
  valueName: string;
  where: string;
}

/** The manager copy: a manager's reports were recognised. Names and the message stay plain text. */
export interface ManagerNoticeData {
  giverName: string;
  reportNames: string;
  valueName: string;
  /** Empty when the kudos' text may not leave the conversation it was given in. */
  message: string;
}

export const kudosFormCard = declareCard<KudosFormData>('kudos-form', formTemplate);
export const recognitionCard = declareCard<RecognitionCardData>('recognition-card', recognitionTemplate);
export const kudosSentCard = declareCard<KudosSentData>('kudos-sent', sentTemplate);
export const managerNoticeCard = declareCard<ManagerNoticeData>('manager-notice', managerNoticeTemplate);
