import type { CelebrationPreference } from '../../core/people';

/** Weekday names, Monday first, as the digest day (1-7) counts them. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Two digits: `7` → `07`. */
export const pad = (n: number) => String(n).padStart(2, '0');

/** An hour of the day as the cards show it: `09:00`. */
export const hourText = (h: number) => `${pad(h)}:00`;

/** `1 person`, `3 people`: a count and the word that agrees with it. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How each preference reads, in `my settings` and `my data`. */
export const CELEBRATION_TITLES: Record<CelebrationPreference, string> = {
  public: 'Public: a reminder to my manager and a post in my team’s channel',
  manager: 'Manager only: a reminder to my manager, no post',
  off: 'Off: nothing',
};
