import type { Language } from '../../core/shared';
import en from './catalogues/en.json';
import de from './catalogues/de.json';
import fr from './catalogues/fr.json';
import es from './catalogues/es.json';
import it from './catalogues/it.json';
import ptBR from './catalogues/pt-BR.json';
import nl from './catalogues/nl.json';
import ja from './catalogues/ja.json';

/** The key of a message in the source catalogue (English). */
export type MessageKey = keyof typeof en;

/** One language's messages, in ICU message syntax, by key. */
export type Catalogue = Partial<Record<MessageKey, string>>;

/** The source catalogue: every message Moments writes, in English. */
export const SOURCE: Readonly<Record<MessageKey, string>> = en;

/** Each language's catalogue. A message missing from one is written in English. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = {
  en,
  de,
  fr,
  es,
  it,
  'pt-BR': ptBR,
  nl,
  ja,
};
