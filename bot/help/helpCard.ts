import { declareCard } from '../teams/cardRender';
import template from './help-card.json';

/** Data of the help card: sections of commands that work in the current conversation. */
export interface HelpCardData {
  intro: string;
  sections: Array<{ title: string; commands: Array<{ command: string; description: string }> }>;
  footer: string;
}

export const helpCard = declareCard<HelpCardData>('help-card', template);
