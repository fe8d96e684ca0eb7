import { z } from 'zod';
import { effectiveCelebration, listedTimeZone, type Person } from '../../core/people';
import { effectiveDigest, effectiveWeeklyNudge, type MySettingsInput } from '../../core/privacy';
import type { TenantSettings } from '../../core/settings';

/** A weekly choice as the `my settings` card holds it: on or off, a weekday (1-7) and an hour. */
export interface WeeklyChoice {
  enabled: boolean;
  day: string;
  hour: string;
}

/** GET my/settings: the person's choices as text, as the `my settings` card shows them. */
export interface MySettingsView {
  birthdayMonth: string;
  birthdayDay: string;
  celebrateBirthday: string;
  celebrateAnniversary: string;
  timeZone: string;
  /** Empty: automatic (their Teams client's language). */
  language: string;
  weeklyNudge: WeeklyChoice;
  /** For people with reports. */
  digest?: WeeklyChoice;
  /** For people with reports, when the tenant has calendar briefs on: `off`, or `5`, `10`, `15`. */
  calendarBriefs?: string;
}

const text = z.string().max(64);
const weekly = z.object({ enabled: z.boolean(), day: text, hour: text });

/** POST my/settings: the same choices, checked by core/privacy saveMySettings. */
export const mySettingsChange = z.object({
  birthdayMonth: text.default(''),
  birthdayDay: text.default(''),
  celebrateBirthday: text,
  celebrateAnniversary: text,
  timeZone: text,
  language: text.optional(),
  weeklyNudge: weekly.optional(),
  digest: weekly.optional(),
  calendarBriefs: text.optional(),
});
export type MySettingsChange = z.infer<typeof mySettingsChange>;

/** What applies to the person now: their own choices, else the tenant's (as the card shows them). */
export function mySettingsView(
  person: Person | undefined,
  settings: TenantSettings,
  isManager: boolean,
): MySettingsView {
  const [month, day] = person?.birthday?.split('-') ?? [];
  const celebrate = { celebrate: person?.celebrate ?? {} };
  const zone = person?.timeZone ?? settings.defaultTimeZone;
  const weeklyOf = (choice: { enabled: boolean; day: number; hour: number }): WeeklyChoice => ({
    enabled: choice.enabled,
    day: String(choice.day),
    hour: String(choice.hour),
  });
  return {
    birthdayMonth: month ?? '',
    birthdayDay: day ?? '',
    celebrateBirthday: effectiveCelebration(celebrate, 'birthday', settings.defaultCelebration),
    celebrateAnniversary: effectiveCelebration(celebrate, 'anniversary', settings.defaultCelebration),
    // A zone stored in an old spelling (Asia/Calcutta) shows as the list's (Asia/Kolkata).
    timeZone: listedTimeZone(zone) ?? zone,
    language: person?.language ?? '',
    weeklyNudge: weeklyOf(effectiveWeeklyNudge(person, settings)),
    ...(isManager
      ? {
          digest: weeklyOf(effectiveDigest(person, settings)),
          ...(settings.calendarBriefs
            ? { calendarBriefs: person?.calendarBriefs ? String(person.calendarBriefs.leadMinutes) : 'off' }
            : {}),
        }
      : {}),
  };
}

/** The change as core/privacy reads it: the digest and briefs only for people with reports. */
export function mySettingsInputOf(change: MySettingsChange, isManager: boolean): MySettingsInput {
  return {
    birthdayMonth: change.birthdayMonth,
    birthdayDay: change.birthdayDay,
    celebrateBirthday: change.celebrateBirthday,
    celebrateAnniversary: change.celebrateAnniversary,
    timeZone: change.timeZone,
    ...(change.language !== undefined ? { language: change.language } : {}),
    ...(change.weeklyNudge ? { weeklyNudge: change.weeklyNudge } : {}),
    ...(isManager && change.digest ? { digest: change.digest } : {}),
    ...(isManager && change.calendarBriefs !== undefined ? { calendarBriefs: change.calendarBriefs } : {}),
  };
}
