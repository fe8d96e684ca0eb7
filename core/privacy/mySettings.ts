import {
  type ErasureRegister,
  isMonthDay,
  timeZoneSchema,
  type CelebrationPreference,
  type PeopleDirectory,
  type Person,
} from '../people';
import type { TenantSettings } from '../settings';
import { isLanguage } from '../shared';

/** The choices for who may see a milestone celebrated, in the order they are offered. */
export const CELEBRATION_PREFERENCES: readonly CelebrationPreference[] = ['public', 'manager', 'off'];

/** What a person chose in `my settings`, as submitted (strings, checked here). */
export interface MySettingsInput {
  /** `01`…`12`, or empty for no birthday (then the day must be empty too). */
  birthdayMonth: string;
  /** `01`…`31`, or empty. */
  birthdayDay: string;
  celebrateBirthday: string;
  celebrateAnniversary: string;
  /** An IANA zone. */
  timeZone: string;
  /** Only read for people with reports; `day` 1-7 (Monday = 1), `hour` 0-23. */
  digest?: { enabled: boolean; day: string; hour: string };
  /** Only read for people with reports: `off`, or minutes before a 1:1 (`5`, `10`, `15`). */
  calendarBriefs?: string;
  /** The weekly "remind me to recognise someone" card: `day` 1-7 (Monday = 1), `hour` 0-23. */
  weeklyNudge?: { enabled: boolean; day: string; hour: string };
  /**
   * The language Moments writes to them in (one of `LANGUAGES`), or empty for automatic: the
   * language of their Teams client. Absent: their language stays as it is.
   */
  language?: string;
}

/** The input a refusal is about, so the card can say where to look. */
export type MySettingsField =
  'birthday' | 'celebrate' | 'timeZone' | 'digest' | 'language' | 'calendarBriefs' | 'weeklyNudge';

/**
 * What is wrong with one input, as a code and what a message about it names (the edge words it):
 * a birthday given by halves or not from the lists, a day the month does not have (`month` 1-12),
 * a celebration not offered, a time zone missing or unknown, a digest day or hour out of range, a
 * language Moments does not speak.
 */
export type MySettingsProblem =
  | { field: 'birthday'; code: 'birthdayIncomplete' | 'birthdayNotListed' }
  | { field: 'birthday'; code: 'noSuchDay'; month: number; day: number }
  | { field: 'celebrate'; code: 'celebrationNotListed' }
  | { field: 'timeZone'; code: 'timeZoneMissing' }
  | { field: 'timeZone'; code: 'timeZoneUnknown'; zone: string }
  | { field: 'digest'; code: 'digestNotListed' }
  | { field: 'calendarBriefs'; code: 'briefLeadNotListed' }
  | { field: 'weeklyNudge'; code: 'nudgeNotListed' }
  | { field: 'language'; code: 'languageNotListed' };

/** Refused: nothing was stored. `problems` holds one problem per input that is wrong. */
export interface MySettingsRefusal {
  ok: false;
  problems: MySettingsProblem[];
}

export type MySettingsResult = { ok: true; person: Person; created: boolean } | MySettingsRefusal;

/** A manager's weekly digest as it will run: their own choice, else the tenant's day and hour. */
export function effectiveDigest(
  person: Pick<Person, 'digest'> | undefined,
  settings: Pick<TenantSettings, 'digestDay' | 'digestHour'>,
): { enabled: boolean; day: number; hour: number } {
  return {
    enabled: person?.digest?.enabled ?? true,
    day: person?.digest?.day ?? settings.digestDay,
    hour: person?.digest?.hour ?? settings.digestHour,
  };
}

/** The lead times a manager may choose for calendar briefs, in minutes. */
export const BRIEF_LEAD_MINUTES = [5, 10, 15] as const;

/**
 * Someone's weekly "remind me to recognise someone" card as it will run: their own choice, else the
 * tenant's `weeklyNudge`, on the tenant's digest day and hour.
 */
export function effectiveWeeklyNudge(
  person: Pick<Person, 'weeklyNudge'> | undefined,
  settings: Pick<TenantSettings, 'weeklyNudge' | 'digestDay' | 'digestHour'>,
): { enabled: boolean; day: number; hour: number } {
  return {
    enabled: person?.weeklyNudge?.enabled ?? settings.weeklyNudge,
    day: person?.weeklyNudge?.day ?? settings.digestDay,
    hour: person?.weeklyNudge?.hour ?? settings.digestHour,
  };
}

const isPreference = (value: string): value is CelebrationPreference =>
  (CELEBRATION_PREFERENCES as readonly string[]).includes(value);

const wholeIn = (value: string, min: number, max: number): number | undefined => {
  if (!/^\d{1,2}$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};

/**
 * Checks `input` and stores it on the person's directory record, leaving everything else on the
 * record (manager, hire date, email, teams…) as it was; the language only when `input` has one. Someone not in the directory yet is added
 * with what they chose, under their AAD object id and the name Teams gave. A refusal stores nothing.
 * A birthday is a month and a day: no year is ever asked for or kept.
 */
export async function saveMySettings(
  people: PeopleDirectory,
  request: { tenantId: string; personId: string; displayName: string; input: MySettingsInput },
  erasures?: Pick<ErasureRegister, 'clear'>,
  settings?: Pick<TenantSettings, 'weeklyNudge' | 'digestDay' | 'digestHour'>,
): Promise<MySettingsResult> {
  const { input } = request;
  const problems: MySettingsRefusal['problems'] = [];

  const month = input.birthdayMonth.trim();
  const day = input.birthdayDay.trim();
  let birthday: string | undefined;
  if (month || day) {
    if (!month || !day) {
      problems.push({ field: 'birthday', code: 'birthdayIncomplete' });
    } else if (!/^\d{2}$/.test(month) || !/^\d{2}$/.test(day) || !wholeIn(month, 1, 12)) {
      problems.push({ field: 'birthday', code: 'birthdayNotListed' });
    } else if (!isMonthDay(`${month}-${day}`)) {
      problems.push({ field: 'birthday', code: 'noSuchDay', month: Number(month), day: Number(day) });
    } else {
      birthday = `${month}-${day}`;
    }
  }

  const celebrateBirthday = input.celebrateBirthday.trim();
  const celebrateAnniversary = input.celebrateAnniversary.trim();
  if (!isPreference(celebrateBirthday) || !isPreference(celebrateAnniversary)) {
    problems.push({ field: 'celebrate', code: 'celebrationNotListed' });
  }

  const chosenZone = input.timeZone.trim();
  // Stored in one spelling, so the jobs and the card compare it with the list it was chosen from.
  const zone = timeZoneSchema.safeParse(chosenZone);
  const timeZone = zone.success ? zone.data : chosenZone;
  if (!chosenZone) problems.push({ field: 'timeZone', code: 'timeZoneMissing' });
  else if (!zone.success) problems.push({ field: 'timeZone', code: 'timeZoneUnknown', zone: chosenZone });

  const language = input.language?.trim();
  if (language && !isLanguage(language)) problems.push({ field: 'language', code: 'languageNotListed' });

  const existing = await people.get(request.tenantId, request.personId);
  let digest: Person['digest'];
  let calendarBriefs: Person['calendarBriefs'] | null | undefined;
  const hasReports =
    (input.digest !== undefined || input.calendarBriefs !== undefined) &&
    (await people.reportsOf(request.tenantId, request.personId)).length > 0;
  if (hasReports && input.calendarBriefs !== undefined) {
    const lead = input.calendarBriefs.trim();
    const minutes = BRIEF_LEAD_MINUTES.find((m) => String(m) === lead);
    if (lead === 'off') calendarBriefs = null;
    else if (minutes) calendarBriefs = { leadMinutes: minutes };
    else problems.push({ field: 'calendarBriefs', code: 'briefLeadNotListed' });
  }
  const nudge = weeklyNudgeOf(input.weeklyNudge, existing, settings, problems);
  if (input.digest && hasReports) {
    const digestDay = wholeIn(input.digest.day, 1, 7);
    const digestHour = wholeIn(input.digest.hour, 0, 23);
    if (digestDay === undefined || digestHour === undefined) {
      problems.push({ field: 'digest', code: 'digestNotListed' });
    } else {
      digest = { enabled: input.digest.enabled, day: digestDay, hour: digestHour };
    }
  }

  if (problems.length > 0) {
    return { ok: false, problems };
  }

  const base: Person = existing ?? {
    tenantId: request.tenantId,
    id: request.personId,
    displayName: request.displayName.trim() || 'Colleague',
    celebrate: {},
  };
  const { birthday: _oldBirthday, language: oldLanguage, calendarBriefs: oldBriefs, ...rest } = base;
  const briefs = calendarBriefs === undefined ? oldBriefs : (calendarBriefs ?? undefined);
  // Empty is automatic: no language kept, so their Teams client's is followed.
  const chosenLanguage = language === undefined ? oldLanguage : isLanguage(language) ? language : undefined;
  const person: Person = {
    ...rest,
    ...(birthday ? { birthday } : {}),
    ...(chosenLanguage ? { language: chosenLanguage } : {}),
    celebrate: {
      birthday: celebrateBirthday as CelebrationPreference,
      anniversary: celebrateAnniversary as CelebrationPreference,
    },
    // Their own choice: no import or sync changes it from here on.
    celebrateSource: 'self',
    timeZone,
    ...(digest ? { digest } : {}),
    ...(briefs ? { calendarBriefs: briefs } : {}),
    ...(nudge ? { weeklyNudge: nudge } : {}),
    ownSettings: true,
  };
  await people.save(person);
  // Someone who had asked to be forgotten and now gives their settings has come back.
  await erasures?.clear(request.tenantId, request.personId);
  return { ok: true, person, created: !existing };
}

/**
 * The weekly nudge to keep: the submitted choice once it differs from what applies (or they had
 * chosen before), so someone who never touched it keeps following the tenant's setting.
 */
function weeklyNudgeOf(
  input: MySettingsInput['weeklyNudge'],
  existing: Person | undefined,
  settings: Pick<TenantSettings, 'weeklyNudge' | 'digestDay' | 'digestHour'> | undefined,
  problems: MySettingsProblem[],
): Person['weeklyNudge'] {
  if (!input) return existing?.weeklyNudge;
  const day = wholeIn(input.day, 1, 7);
  const hour = wholeIn(input.hour, 0, 23);
  if (day === undefined || hour === undefined) {
    problems.push({ field: 'weeklyNudge', code: 'nudgeNotListed' });
    return undefined;
  }
  const chosen = { enabled: input.enabled, day, hour };
  if (existing?.weeklyNudge || !settings) return chosen;
  const current = effectiveWeeklyNudge(existing, settings);
  const same = current.enabled === chosen.enabled && current.day === day && current.hour === hour;
  return same ? undefined : chosen;
}
