import {
  BRIEF_LEAD_MINUTES,
  CELEBRATION_PREFERENCES,
  effectiveDigest,
  effectiveWeeklyNudge,
  type MySettingsInput,
} from '../../core/privacy';
import { listedTimeZone, effectiveCelebration, type Person } from '../../core/people';
import type { TenantSettings } from '../../core/settings';
import { LANGUAGES } from '../../core/shared';
import type { MessageKey } from '../i18n/catalogues';
import { languageName, type Translator } from '../i18n/translator';
import type { MySettingsCardData, MySettingsTexts } from './privacyCards';
import { zoneChoices } from './timeZoneChoices';
import { celebrationTitle, pad, wordsOf } from './wording';
import { hourText, monthName, weekdayNames } from '../i18n/calendarNames';

/**
 * The birthday lists' "Not set" choice. Adaptive Cards refuse a choice with an empty value, so the
 * card carries this and {@link settingsValuesFrom} reads it back as empty.
 */
export const NOT_SET = 'none';

/** The language list's "Automatic" choice, read back as empty (no language kept). */
export const AUTOMATIC = 'auto';

/** What the settings inputs hold: strings, exactly as Action.Execute submits them. */
export type SettingsValues = Pick<
  MySettingsCardData,
  | 'birthdayMonth'
  | 'birthdayDay'
  | 'celebrateBirthday'
  | 'celebrateAnniversary'
  | 'timeZone'
  | 'digestEnabled'
  | 'digestDay'
  | 'digestHour'
  | 'language'
  | 'briefLead'
  | 'nudgeEnabled'
  | 'nudgeDay'
  | 'nudgeHour'
>;

const displayedZone = (zone: string) => listedTimeZone(zone) ?? zone;

/** The inputs as the person's record (or, for someone not in it, the defaults) fills them. */
export function settingsValuesOf(person: Person | undefined, settings: TenantSettings): SettingsValues {
  const digest = effectiveDigest(person, settings);
  const nudge = effectiveWeeklyNudge(person, settings);
  const [month, day] = person?.birthday?.split('-') ?? [];
  const celebrate = { celebrate: person?.celebrate ?? {} };
  return {
    birthdayMonth: month ?? '',
    birthdayDay: day ?? '',
    // Someone who has not chosen sees what applies to them: the organisation's default.
    celebrateBirthday: effectiveCelebration(celebrate, 'birthday', settings.defaultCelebration),
    celebrateAnniversary: effectiveCelebration(celebrate, 'anniversary', settings.defaultCelebration),
    // A zone stored in an old spelling (Asia/Calcutta) shows as the list's (Asia/Kolkata).
    timeZone: displayedZone(person?.timeZone ?? settings.defaultTimeZone),
    digestEnabled: digest.enabled ? 'true' : 'false',
    digestDay: String(digest.day),
    digestHour: String(digest.hour),
    language: person?.language ?? '',
    briefLead: person?.calendarBriefs ? String(person.calendarBriefs.leadMinutes) : 'off',
    nudgeEnabled: nudge.enabled ? 'true' : 'false',
    nudgeDay: String(nudge.day),
    nudgeHour: String(nudge.hour),
  };
}

/** The inputs of a submitted settings card; anything missing or not a string reads as empty. */
export function settingsValuesFrom(data: Record<string, unknown> | undefined): SettingsValues {
  const text = (key: string) => (typeof data?.[key] === 'string' ? (data[key] as string) : '');
  return {
    birthdayMonth: text('birthdayMonth') === NOT_SET ? '' : text('birthdayMonth'),
    birthdayDay: text('birthdayDay') === NOT_SET ? '' : text('birthdayDay'),
    celebrateBirthday: text('celebrateBirthday'),
    celebrateAnniversary: text('celebrateAnniversary'),
    timeZone: text('timeZone'),
    digestEnabled: text('digestEnabled') === 'true' ? 'true' : 'false',
    digestDay: text('digestDay'),
    digestHour: text('digestHour'),
    language: text('language') === AUTOMATIC ? '' : text('language'),
    briefLead: text('briefLead'),
    nudgeEnabled: text('nudgeEnabled') === 'true' ? 'true' : 'false',
    nudgeDay: text('nudgeDay'),
    nudgeHour: text('nudgeHour'),
  };
}

/** The submitted values as core's input; the digest and briefs only for someone who has reports. */
export function settingsInputOf(values: SettingsValues, isManager: boolean): MySettingsInput {
  return {
    birthdayMonth: values.birthdayMonth,
    birthdayDay: values.birthdayDay,
    celebrateBirthday: values.celebrateBirthday,
    celebrateAnniversary: values.celebrateAnniversary,
    timeZone: values.timeZone,
    language: values.language,
    // A card sent before these choices existed has no such inputs: what is stored stays.
    ...(values.nudgeDay || values.nudgeHour
      ? {
          weeklyNudge: {
            enabled: values.nudgeEnabled === 'true',
            day: values.nudgeDay,
            hour: values.nudgeHour,
          },
        }
      : {}),
    ...(isManager
      ? {
          digest: {
            enabled: values.digestEnabled === 'true',
            day: values.digestDay,
            hour: values.digestHour,
          },
          ...(values.briefLead ? { calendarBriefs: values.briefLead } : {}),
        }
      : {}),
  };
}

/** Where each of the card's fixed words comes from. */
const TEXT_KEYS = {
  title: 'privacy.settings.title',
  birthday: 'privacy.settings.birthday',
  birthdayHint: 'privacy.settings.birthdayHint',
  month: 'privacy.settings.month',
  day: 'privacy.settings.day',
  celebrateBirthday: 'privacy.settings.celebrateBirthday',
  celebrateBirthdayError: 'privacy.settings.celebrateBirthdayError',
  celebrateAnniversary: 'privacy.settings.celebrateAnniversary',
  celebrateAnniversaryError: 'privacy.settings.celebrateAnniversaryError',
  timeZone: 'privacy.settings.timeZone',
  timeZonePlaceholder: 'privacy.settings.timeZonePlaceholder',
  timeZoneError: 'privacy.settings.timeZoneError',
  language: 'privacy.settings.language',
  digest: 'privacy.settings.digest',
  digestToggle: 'privacy.settings.digestToggle',
  digestDay: 'privacy.settings.digestDay',
  digestHour: 'privacy.settings.digestHour',
  briefs: 'privacy.settings.briefs',
  briefLead: 'privacy.settings.briefLead',
  nudge: 'privacy.settings.nudge',
  nudgeToggle: 'privacy.settings.nudgeToggle',
  save: 'privacy.settings.save',
} as const satisfies Record<keyof MySettingsTexts, MessageKey>;

/** The `my settings` card, in the reader's language. */
export function mySettingsCardData(options: {
  t: Translator;
  person: Person | undefined;
  values: SettingsValues;
  isManager: boolean;
  /** The tenant has calendar briefs on: otherwise the card says a manager's choice waits for it. */
  calendarBriefs: boolean;
  now: Date;
  status?: string;
  error?: string;
}): MySettingsCardData {
  const { t, person, values } = options;
  const notSet = t.text('privacy.settings.notSet');
  return {
    texts: wordsOf(t, TEXT_KEYS),
    intro: t.text(person ? 'privacy.settings.intro' : 'privacy.settings.introNew'),
    status: options.status ?? '',
    error: options.error ?? '',
    months: [
      { title: notSet, value: NOT_SET },
      ...Array.from({ length: 12 }, (_, i) => ({ title: monthName(t, i + 1), value: pad(i + 1) })),
    ],
    days: [
      { title: notSet, value: NOT_SET },
      ...Array.from({ length: 31 }, (_, i) => ({ title: t.number(i + 1), value: pad(i + 1) })),
    ],
    birthdayMonth: values.birthdayMonth || NOT_SET,
    birthdayDay: values.birthdayDay || NOT_SET,
    celebrationChoices: CELEBRATION_PREFERENCES.map((p) => ({ title: celebrationTitle(t, p), value: p })),
    celebrateBirthday: values.celebrateBirthday,
    celebrateAnniversary: values.celebrateAnniversary,
    // The hire date as HR gave it: the same form `my data` shows it in.
    hireDate: person?.hireDate
      ? t.text('privacy.settings.hireDate', { date: person.hireDate })
      : t.text('privacy.settings.noHireDate'),
    zones: zoneChoices(t, [person?.timeZone ?? '', values.timeZone], options.now),
    timeZone: values.timeZone,
    isManager: options.isManager,
    digestEnabled: values.digestEnabled,
    digestDays: weekdayNames(t).map((name, i) => ({ title: name, value: String(i + 1) })),
    digestDay: values.digestDay,
    digestHours: Array.from({ length: 24 }, (_, h) => ({ title: hourText(t, h), value: String(h) })),
    digestHour: values.digestHour,
    languages: [
      { title: t.text('privacy.settings.languageAutomatic'), value: AUTOMATIC },
      ...LANGUAGES.map((language) => ({ title: languageName(language), value: language })),
    ],
    language: values.language || AUTOMATIC,
    briefLeads: [0, ...BRIEF_LEAD_MINUTES].map((minutes) => ({
      title: t.text('privacy.settings.briefLeadChoice', { minutes }),
      value: minutes ? String(minutes) : 'off',
    })),
    briefLead: values.briefLead || 'off',
    briefsNote: options.calendarBriefs ? '' : t.text('privacy.settings.briefsOffForTenant'),
    nudgeEnabled: values.nudgeEnabled,
    nudgeDay: values.nudgeDay,
    nudgeHour: values.nudgeHour,
  };
}
