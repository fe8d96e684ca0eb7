import { declareCard } from '../teams/cardRender';
import type { TextRun } from '../i18n/translator';
import template from './help-card.json';
import suggestionTemplate from './suggestion-card.json';

/** Data of the help card: sections of commands that work in the current conversation. */
export interface HelpCardData {
  title: string;
  intro: string;
  sections: Array<{ title: string; commands: Array<{ command: string; description: string }> }>;
  footer: string;
}

export const helpCard = declareCard<HelpCardData>('help-card', template);

/** Data of the "Did you mean …?" card: the command, with what else was typed. */
export interface SuggestionCardData {
  /** "Did you mean “command”?", the command in bold. */
  question: TextRun[];
  orHelp: string;
  command: string;
}

export const suggestionCard = declareCard<SuggestionCardData>('suggestion-card', suggestionTemplate);
