import { createContext, useContext } from 'react';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { TabLanguage } from './language';

/** The tab's texts, keyed as in tab/i18n/en.json. */
export type Messages = typeof import('../../i18n/en.json');
export type MessageKey = keyof Messages;
export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** The formatting the pages use: texts from the catalogue, dates and numbers in the viewer's language. */
export interface Texts {
  language: TabLanguage;
  intl: IntlShape<string>;
  t(key: MessageKey, values?: MessageValues): string;
}

const cache = createIntlCache();

/** Loads one language's catalogue (a chunk of its own) and makes its {@link Texts}. */
export async function loadTexts(language: TabLanguage): Promise<Texts> {
  const messages = (await import(`../../i18n/${language}.json`)) as { default: Record<string, string> };
  const intl = createIntl({ locale: language, messages: messages.default, defaultLocale: 'en' }, cache);
  return {
    language,
    intl,
    t: (key, values) => intl.formatMessage({ id: key }, values as Record<string, string>),
  };
}

const TextsContext = createContext<Texts | undefined>(undefined);

export const TextsProvider = TextsContext.Provider;

/** The viewer's {@link Texts}; only under a {@link TextsProvider}. */
export function useTexts(): Texts {
  const texts = useContext(TextsContext);
  if (!texts) throw new Error('useTexts outside TextsProvider');
  return texts;
}

/** A `YYYY-MM-DD` date as a local date (no time zone shift). */
export function dayOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
