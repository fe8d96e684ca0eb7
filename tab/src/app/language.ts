/** The languages the tab speaks: the same eight as the bot (core/shared/languages.ts). */
export const TAB_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja'] as const;
export type TabLanguage = (typeof TAB_LANGUAGES)[number];

/** The tab's language for one locale tag: itself, else its base language (`de-AT` → `de`, `pt-PT` → `pt-BR`). */
export function spokenFor(tag: string | undefined | null): TabLanguage | undefined {
  if (!tag || tag.length > 35) return undefined;
  const wanted = tag.replace(/_/g, '-').toLowerCase();
  const exact = TAB_LANGUAGES.find((language) => language.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return TAB_LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === base);
}

/** The first of `tags` (most wanted first) the tab speaks, English when none is. */
export function languageFrom(tags: ReadonlyArray<string | undefined | null>): TabLanguage {
  for (const tag of tags) {
    const spoken = spokenFor(tag);
    if (spoken) return spoken;
  }
  return 'en';
}
