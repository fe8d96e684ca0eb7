import { declareCard } from '../teams/cardRender';
import settingsTemplate from './settings-card.json';
import statsTemplate from './stats-card.json';

/** The team's settings as `@Moments settings` shows them. */
export interface SettingsCardData {
  recognitionChannel: string;
  sendTime: string;
  digestTime: string;
  dailyLimit: string;
  admins: string;
  values: Array<{ id: string; name: string; status: string }>;
  footer: string;
}

/** Recognition coverage as `@Moments stats` shows it. */
export interface StatsCardData {
  scope: string;
  kudos: string;
  coverage: string;
  topValues: string;
  /** Empty when everyone was recognised lately. */
  waitingTitle: string;
  /** Their names; empty where names are not shown. */
  waiting: string;
  /** Why no names are shown, where they are not. */
  waitingNote: string;
  footer: string;
}

export const settingsCard = declareCard<SettingsCardData>('settings-card', settingsTemplate);
export const statsCard = declareCard<StatsCardData>('stats-card', statsTemplate);
