import type { CelebrationPreference } from '../../core/people';
import type { MySettingsProblem } from '../../core/privacy';
import type { MessageKey } from '../i18n/catalogues';
import type { Translator } from '../i18n/translator';
import { monthName } from '../i18n/calendarNames';

/** Two digits: `7` → `07`. */
export const pad = (n: number) => String(n).padStart(2, '0');

/**
 * How a celebration preference reads, in `my settings` and `my data`, with who set it when that is
 * not the person: the organisation's default or its people data.
 */
export function celebrationTitle(
  t: Translator,
  preference: CelebrationPreference,
  source: 'self' | 'default' | 'import' = 'self',
): string {
  return t.text('privacy.celebration', { preference, source });
}

/** A card's fixed words: each field's message, in the reader's language. */
export function wordsOf<K extends string>(
  t: Translator,
  keys: Readonly<Record<K, MessageKey>>,
): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const field of Object.keys(keys) as K[]) words[field] = t.text(keys[field]);
  return words;
}

/** Why a `my settings` choice was refused, as one sentence. */
export function mySettingsProblemText(t: Translator, problem: MySettingsProblem): string {
  switch (problem.code) {
    case 'noSuchDay':
      return t.text('privacy.problem.noSuchDay', {
        day: t.number(problem.day),
        month: monthName(t, problem.month),
      });
    case 'timeZoneUnknown':
      return t.text('privacy.problem.timeZoneUnknown', { zone: problem.zone });
    default:
      return t.text(`privacy.problem.${problem.code}`);
  }
}
