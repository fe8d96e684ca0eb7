/**
 * The languages Moments speaks, English (the source) first. Adding one is its catalogue
 * (bot/i18n/catalogues/<tag>.json) and its tag here; the compiler then asks for the catalogue's
 * entry in bot/i18n/catalogues.ts.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja'] as const;

/** A language Moments speaks, as a BCP 47 tag. */
export type Language = (typeof LANGUAGES)[number];

/** The language of a tenant that has not chosen one and of anyone whose language is unknown. */
export const SOURCE_LANGUAGE: Language = 'en';

/** Locale tags are short (`zh-Hant-TW`, `de-DE-u-co-phonebk`); anything longer is not one. */
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,6}$/;

/** Whether `tag` looks like a BCP 47 locale tag (what Teams sends in `activity.locale`). */
export function isLocaleTag(tag: unknown): tag is string {
  return typeof tag === 'string' && tag.length <= 35 && LOCALE_TAG.test(tag);
}

/** Whether `tag` is exactly one of {@link LANGUAGES}. */
export function isLanguage(tag: unknown): tag is Language {
  return typeof tag === 'string' && (LANGUAGES as readonly string[]).includes(tag);
}

/** The language Moments speaks for one locale tag: itself, else its base language (`de-AT` → `de`). */
function spokenFor(tag: string): Language | undefined {
  if (!isLocaleTag(tag)) return undefined;
  const wanted = tag.replace(/_/g, '-').toLowerCase();
  const exact = LANGUAGES.find((language) => language.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  // `pt-PT` and `pt` are answered in the one Portuguese Moments has.
  return LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === base);
}

/**
 * The first of `tags` (most wanted first, e.g. a person's choice, the locale Teams reports) that
 * Moments speaks, each region variant falling back to its language; `undefined` when none is.
 */
export function firstSpoken(tags: ReadonlyArray<string | undefined>): Language | undefined {
  for (const tag of tags) {
    const spoken = tag === undefined ? undefined : spokenFor(tag);
    if (spoken) return spoken;
  }
  return undefined;
}

/** {@link firstSpoken}, English when none of `tags` is spoken. */
export function languageFrom(tags: ReadonlyArray<string | undefined>): Language {
  return firstSpoken(tags) ?? SOURCE_LANGUAGE;
}
