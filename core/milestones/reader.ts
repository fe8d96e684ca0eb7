import { languageOf, type Person } from '../people';
import type { Language } from '../shared';

/**
 * Whom a milestone message is written for: the language it is worded in and the zone its times
 * are read in. The edge words the message; the job, which has the people and the tenant's
 * settings at hand, says for whom.
 */
export interface Reader {
  language: Language;
  timeZone: string;
}

/** The tenant's defaults, for readers whose own language or zone is unknown. */
export interface ReaderDefaults {
  defaultLanguage: Language;
  defaultTimeZone: string;
}

/**
 * The reader `person` is: their chosen language, else their Teams locale's, else the tenant's;
 * their own zone, else the tenant's.
 */
export function readerOf(person: Person, defaults: ReaderDefaults): Reader {
  return {
    language: languageOf(person, defaults.defaultLanguage),
    timeZone: person.timeZone ?? defaults.defaultTimeZone,
  };
}

/** The reader of a post read by many (a team channel): the tenant's language and zone. */
export function tenantReader(defaults: ReaderDefaults): Reader {
  return { language: defaults.defaultLanguage, timeZone: defaults.defaultTimeZone };
}
