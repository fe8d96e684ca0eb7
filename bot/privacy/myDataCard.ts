import { shorten } from '../../core/shared';
import { effectiveDigest, effectiveWeeklyNudge, type MyData } from '../../core/privacy';
import {
  celebrationSource,
  effectiveCelebration,
  languageOf,
  type CelebrationOccasion,
  type Person,
} from '../../core/people';
import type { Recognition } from '../../core/kudos';
import type { TenantSettings } from '../../core/settings';
import type { MessageKey } from '../i18n/catalogues';
import { languageName, type Translator } from '../i18n/translator';
import { commandWordsIn } from '../help/commands';
import type { MyDataCardData } from './privacyCards';
import { celebrationTitle } from './wording';
import { hourText, weekdayName } from '../i18n/calendarNames';

type Fact = MyDataCardData['sections'][number]['facts'][number];

/** One kudos as `my data` lists it: date (as stored), direction, value, the other people, the message. */
function kudosLine(t: Translator, recognition: Recognition, personId: string): { text: string } {
  const gave = recognition.giver.id === personId;
  return {
    text: t.text('privacy.data.kudosLine', {
      date: recognition.createdAt.slice(0, 10),
      value: recognition.value.name,
      direction: gave ? 'gave' : 'received',
      names: gave ? t.list(recognition.recipients.map((r) => r.name)) : recognition.giver.name,
      message: shorten(recognition.message, 140),
    }),
  };
}

/** What applies to the person, and who set it: they did, the people file did, or nobody yet. */
function celebrationText(
  t: Translator,
  person: Person,
  occasion: CelebrationOccasion,
  settings: TenantSettings,
): string {
  const preference = effectiveCelebration(person, occasion, settings.defaultCelebration);
  return celebrationTitle(t, preference, celebrationSource(person, occasion));
}

function digestText(t: Translator, person: Person, settings: TenantSettings): string {
  const digest = effectiveDigest(person, settings);
  if (!digest.enabled) return t.text('privacy.data.digestOff');
  return t.text('privacy.data.digestOn', {
    weekday: weekdayName(t, digest.day),
    hour: hourText(t, digest.hour),
    source: person.digest ? 'self' : 'default',
  });
}

/** The weekly "recognise someone" card: their own choice or the organisation's default. */
function nudgeText(t: Translator, person: Person, settings: TenantSettings): string {
  const nudge = effectiveWeeklyNudge(person, settings);
  if (!nudge.enabled) return t.text('privacy.data.digestOff');
  return t.text('privacy.data.digestOn', {
    weekday: weekdayName(t, nudge.day),
    hour: hourText(t, nudge.hour),
    source: person.weeklyNudge ? 'self' : 'default',
  });
}

/** The language Moments writes to them in: their choice, or automatic and which one that is now. */
function languageFacts(t: Translator, person: Person, settings: TenantSettings): Fact[] {
  let locale: string | undefined;
  try {
    const name = person.locale && new Intl.DisplayNames([t.locale], { type: 'language' }).of(person.locale);
    if (name && person.locale) locale = t.text('privacy.data.teamsLocaleValue', { name, tag: person.locale });
  } catch {
    // A tag the runtime cannot name is still shown as recorded.
    locale = person.locale;
  }
  return [
    {
      label: t.text('privacy.data.language'),
      value: person.language
        ? t.text('privacy.data.languageChosen', { language: languageName(person.language) })
        : t.text('privacy.data.languageAutomatic', {
            language: languageName(languageOf(person, settings.defaultLanguage)),
          }),
    },
    { label: t.text('privacy.data.teamsLocale'), value: locale ?? t.text('privacy.data.teamsLocaleNone') },
  ];
}

/** The facts of the person's directory record; dates as they are stored. */
function recordFacts(t: Translator, data: MyData, person: Person, settings: TenantSettings): Fact[] {
  const notSet = t.text('privacy.data.notSet');
  const fact = (label: MessageKey, value: string): Fact => ({
    label: t.text(label),
    value,
  });
  return [
    fact('privacy.data.name', person.displayName),
    fact('privacy.data.email', person.email ?? notSet),
    fact(
      'privacy.data.manager',
      data.manager
        ? (data.manager.name ?? t.text('privacy.data.managerUnknown'))
        : t.text('privacy.data.managerNone'),
    ),
    fact(
      'privacy.data.timeZone',
      person.timeZone ?? t.text('privacy.data.timeZoneDefault', { zone: settings.defaultTimeZone }),
    ),
    ...languageFacts(t, person, settings),
    fact(
      'privacy.data.birthday',
      person.birthday
        ? t.text('privacy.data.birthdayValue', {
            monthDay: person.birthday,
            // 2000 was a leap year: 29 February is a day of it.
            date: t.day(`2000-${person.birthday}`, 'dayMonth'),
          })
        : notSet,
    ),
    fact('privacy.data.hireDate', person.hireDate ?? notSet),
    fact('privacy.data.birthdayCelebrated', celebrationText(t, person, 'birthday', settings)),
    fact('privacy.data.anniversaryCelebrated', celebrationText(t, person, 'anniversary', settings)),
    ...(data.reportCount > 0 || person.digest
      ? [fact('privacy.data.digest', digestText(t, person, settings))]
      : []),
    ...(person.calendarBriefs
      ? [
          fact(
            'privacy.data.briefs',
            t.text('privacy.data.briefsOn', { minutes: person.calendarBriefs.leadMinutes }),
          ),
        ]
      : []),
    fact('privacy.data.nudge', nudgeText(t, person, settings)),
    ...(person.lastRecognisedOn ? [fact('privacy.data.lastKudos', person.lastRecognisedOn)] : []),
    ...(person.teamIds?.length ? [fact('privacy.data.teams', t.number(person.teamIds.length))] : []),
    ...(person.mutedReminders?.length
      ? [
          fact(
            'privacy.data.muted',
            t.text('privacy.data.mutedValue', { count: person.mutedReminders.length }),
          ),
        ]
      : []),
  ];
}

/** The `my data` card: everything Moments holds about the person, readable. */
export function myDataCardData(t: Translator, data: MyData, settings: TenantSettings): MyDataCardData {
  const { person } = data;
  const words = commandWordsIn(t);
  const reports = { text: t.text('privacy.data.reports', { count: data.reportCount }) };
  const record: MyDataCardData['sections'][number] = person
    ? {
        title: t.text('privacy.data.record'),
        facts: recordFacts(t, data, person, settings),
        lines: [
          ...(data.reportCount > 0 ? [reports] : []),
          ...(data.isAdmin ? [{ text: t.text('privacy.data.admin') }] : []),
        ],
      }
    : {
        title: t.text('privacy.data.record'),
        facts: [],
        lines: [
          { text: t.text('privacy.data.noRecord', { mySettings: words.mySettings }) },
          ...(data.forgotten ? [{ text: t.text('privacy.data.forgotten') }] : []),
          ...(data.reportCount > 0 ? [reports] : []),
        ],
      };
  const latest = [...data.kudosGiven.latest, ...data.kudosReceived.latest]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i)
    .map((r) => kudosLine(t, r, data.personId));
  const section = (title: MessageKey, line: string) => ({
    title: t.text(title),
    facts: [],
    lines: [{ text: line }],
  });
  return {
    title: t.text('privacy.data.title'),
    intro: t.text('privacy.data.intro'),
    sections: [
      record,
      {
        title: t.text('privacy.data.kudos'),
        facts: [
          { label: t.text('privacy.data.gave'), value: t.number(data.kudosGiven.count) },
          { label: t.text('privacy.data.received'), value: t.number(data.kudosReceived.count) },
          { label: t.text('privacy.data.celebrated'), value: t.number(data.celebrated) },
        ],
        lines: latest.length > 0 ? [{ text: t.text('privacy.data.latest') }, ...latest] : [],
      },
      section(
        'privacy.data.conversations',
        t.text('privacy.data.conversationsLine', { count: data.conversations }),
      ),
      section('privacy.data.notes', t.text('privacy.data.notesLine', { count: data.notesAboutThem })),
      section('privacy.data.shortWhile', t.text('privacy.data.shortWhileLine')),
    ],
    footer: t.text('privacy.data.footer', { mySettings: words.mySettings, forgetMe: words.forgetMe }),
  };
}
