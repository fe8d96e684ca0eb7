import { declareCard } from '../teams/cardRender';
import settingsTemplate from './settings-card.json';
import statsTemplate from './stats-card.json';

/** The team's settings as `@Moments settings` shows them, every text in the reader's language. */
export interface SettingsCardData {
  /** The card's title and the title of each of its facts. */
  texts: {
    title: string;
    channel: string;
    sendTime: string;
    digestTime: string;
    dailyLimit: string;
    admins: string;
    values: string;
  };
  recognitionChannel: string;
  sendTime: string;
  digestTime: string;
  dailyLimit: string;
  admins: string;
  /** A value's name stays as the admins entered it; `status` marks a retired one. */
  values: Array<{ id: string; name: string; status: string }>;
  footer: string;
}

/** Recognition coverage as `@Moments stats` shows it, every text in the reader's language. */
export interface StatsCardData {
  /** The card's title and the title of each of its facts. */
  texts: { title: string; kudos: string; coverage: string; topValues: string };
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
