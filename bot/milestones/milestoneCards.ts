import { declareCard, expandCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import reminderTemplate from './reminder-card.json';
import celebrationTemplate from './celebration-card.json';
import noticeTemplate from './notice-card.json';

/** A run of the reminder's small print. */
export type SmallRun = TextRun & { size: 'Small' };

/** A manager's reminder of a milestone coming up. */
export interface ReminderCardData {
  headline: string;
  when: string;
  facts: Array<{ title: string; value: string }>;
  /** "Latest kudos: …", the label bold and the kudos italic; empty when there were none in 90 days. */
  latestKudos: SmallRun[];
  notesTitle: string;
  /** The manager's own open notes about the person, one line each. */
  notes: Array<{ text: string }>;
  suggestion: string;
  /** Shown after an action (snoozed, muted); empty otherwise. */
  note: string;
  wishesTitle: string;
  /** `sendWishes` (the kudos form) or, for later check-ins, `newNote` (a note to ask how it goes). */
  wishesVerb: 'sendWishes' | 'newNote';
  /** "Brief": a brief about the person, as a new message. */
  briefTitle: string;
  snoozeTitle: string;
  muteTitle: string;
  /** The only thing the card's actions carry: they read everything else from its delivery. */
  deliveryId: string;
}

/** The post in a team's recognition channel on the day. */
export interface CelebrationCardData {
  emoji: string;
  headline: string;
  invitation: string;
}

export const reminderCard = declareCard<ReminderCardData>('reminder-card', reminderTemplate);
export const celebrationCard = declareCard<CelebrationCardData>('celebration-card', celebrationTemplate);

/** A one-line card that replaces a reminder once acted on, with an optional Undo. */
export interface NoticeCardData {
  text: string;
  /** Empty for no Undo button. */
  undoVerb: string;
  /** The Undo button's title; '' without Undo. */
  undoTitle: string;
  /** The reminder's delivery, which Undo refers to; '' without Undo. */
  deliveryId: string;
}

export const noticeCard = declareCard<NoticeCardData>('notice-card', noticeTemplate);

/** A one-line card with no actions: what a card action answers when it did nothing. */
export function messageCard(text: string): Record<string, unknown> {
  return expandCard(noticeCard, { text, undoVerb: '', undoTitle: '', deliveryId: '' });
}
