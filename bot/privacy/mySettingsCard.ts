import {
  CELEBRATION_PREFERENCES,
  effectiveDigest,
  monthName,
  type MySettingsInput,
} from '../../core/privacy';
import { listedTimeZone, effectiveCelebration, type Person } from '../../core/people';
import type { TenantSettings } from '../../core/settings';
import type { MySettingsCardData } from './privacyCards';
import { zoneChoices } from './timeZoneChoices';
import { CELEBRATION_TITLES, hourText, pad, WEEKDAYS } from './wording';

/**
 * The birthday lists' "Not set" choice. Adaptive Cards refuse a choice with an empty value, so the
 * card carries this and {@link settingsValuesFrom} reads it back as empty.
 */
export const NOT_SET = 'none';

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
>;

const displayedZone = (zone: string) => listedTimeZone(zone) ?? zone;

/** The inputs as the person's record (or, for someone not in it, the defaults) fills them. */
export function settingsValuesOf(person: Person | undefined, settings: TenantSettings): SettingsValues {
  const digest = effectiveDigest(person, settings);
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
  };
}

/** The submitted values as core's input; the digest only for someone who has reports. */
export function settingsInputOf(values: SettingsValues, isManager: boolean): MySettingsInput {
  return {
    birthdayMonth: values.birthdayMonth,
    birthdayDay: values.birthdayDay,
    celebrateBirthday: values.celebrateBirthday,
    celebrateAnniversary: values.celebrateAnniversary,
    timeZone: values.timeZone,
    ...(isManager
      ? {
          digest: {
            enabled: values.digestEnabled === 'true',
            day: values.digestDay,
            hour: values.digestHour,
          },
        }
      : {}),
  };
}

/** The `my settings` card. */
export function mySettingsCardData(options: {
  person: Person | undefined;
  values: SettingsValues;
  isManager: boolean;
  now: Date;
  status?: string;
  error?: string;
}): MySettingsCardData {
  const { person, values } = options;
  return {
    intro: person
      ? 'What Moments celebrates for you and when it writes to you. Only you can change these.'
      : 'You are not in Moments’ directory yet: saving adds you, with these choices.',
    status: options.status ?? '',
    error: options.error ?? '',
    months: [
      { title: 'Not set', value: NOT_SET },
      ...Array.from({ length: 12 }, (_, i) => ({ title: monthName(pad(i + 1)), value: pad(i + 1) })),
    ],
    days: [
      { title: 'Not set', value: NOT_SET },
      ...Array.from({ length: 31 }, (_, i) => ({ title: String(i + 1), value: pad(i + 1) })),
    ],
    birthdayMonth: values.birthdayMonth || NOT_SET,
    birthdayDay: values.birthdayDay || NOT_SET,
    celebrationChoices: CELEBRATION_PREFERENCES.map((p) => ({ title: CELEBRATION_TITLES[p], value: p })),
    celebrateBirthday: values.celebrateBirthday,
    celebrateAnniversary: values.celebrateAnniversary,
    hireDate: person?.hireDate
      ? `Work anniversaries count from your hire date, ${person.hireDate}, which comes from HR.`
      : 'Moments has no hire date for you, so there is no work anniversary to celebrate yet.',
    zones: zoneChoices([person?.timeZone ?? '', values.timeZone], options.now),
    timeZone: values.timeZone,
    isManager: options.isManager,
    digestEnabled: values.digestEnabled,
    digestDays: WEEKDAYS.map((name, i) => ({ title: name, value: String(i + 1) })),
    digestDay: values.digestDay,
    digestHours: Array.from({ length: 24 }, (_, h) => ({ title: hourText(h), value: String(h) })),
    digestHour: values.digestHour,
  };
}
