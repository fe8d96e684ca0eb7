import { offsetMinutesAt, shorten } from '../../core/shared';
import {
  CELEBRATION_PREFERENCES,
  effectiveDigest,
  monthName,
  type MySettingsInput,
  FORMER_COLLEAGUE,
  nothingErased,
  type ErasureReport,
  type MyData,
} from '../../core/privacy';
import { isTimeZone, type CelebrationPreference, type Person } from '../../core/people';
import type { Recognition } from '../../core/kudos';
import type { TenantSettings } from '../../core/settings';
import type {
  ChoiceData,
  ForgetConfirmCardData,
  MyDataCardData,
  MySettingsCardData,
  PrivacyNoticeCardData,
} from './privacyCards';
import { listNames } from '../kudos/recognitionView';

/** The zones `my settings` offers (plus the person's own, when it is another one). */
export const COMMON_TIME_ZONES: readonly string[] = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Halifax',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/St_Johns',
  'Atlantic/Reykjavik',
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Africa/Lagos',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Africa/Johannesburg',
  'Africa/Cairo',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pad = (n: number) => String(n).padStart(2, '0');
const hourText = (h: number) => `${pad(h)}:00`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How each preference reads, in `my settings` and `my data`. */
export const CELEBRATION_TITLES: Record<CelebrationPreference, string> = {
  public: 'Public: a reminder to my manager and a post in my team’s channel',
  manager: 'Manager only: a reminder to my manager, no post',
  off: 'Off: nothing',
};

/** `(UTC+05:30) Asia/Kolkata`. */
function zoneTitle(zone: string, now: Date): string {
  const offset = offsetMinutesAt(now, zone);
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `(UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}) ${zone}`;
}

/** The time zones to offer, ordered by their offset now, with `extra` zones (if real) added. */
export function zoneChoices(extra: readonly string[], now: Date): ChoiceData[] {
  const zones = new Set(COMMON_TIME_ZONES);
  for (const zone of extra) if (zone && isTimeZone(zone)) zones.add(zone);
  return [...zones]
    .map((zone) => ({ zone, offset: offsetMinutesAt(now, zone) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone }) => ({ title: zoneTitle(zone, now), value: zone }));
}

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

/** The inputs as the person's record (or, for someone not in it, the defaults) fills them. */
export function settingsValuesOf(person: Person | undefined, settings: TenantSettings): SettingsValues {
  const digest = effectiveDigest(person, settings);
  const [month, day] = person?.birthday?.split('-') ?? [];
  return {
    birthdayMonth: month ?? '',
    birthdayDay: day ?? '',
    celebrateBirthday: person?.celebrate.birthday ?? 'manager',
    celebrateAnniversary: person?.celebrate.anniversary ?? 'manager',
    timeZone: person?.timeZone ?? settings.defaultTimeZone,
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

/** One kudos as `my data` lists it: date, direction, value, the other people, the message. */
function kudosLine(recognition: Recognition, personId: string): { text: string } {
  const date = recognition.createdAt.slice(0, 10);
  const gave = recognition.giver.id === personId;
  const others = gave
    ? `to ${listNames(recognition.recipients.map((r) => r.name))}`
    : `from ${recognition.giver.name}`;
  return {
    text: `${date} · ${recognition.value.name} · ${others}: “${shorten(recognition.message, 140)}”`,
  };
}

function digestText(person: Person, settings: TenantSettings): string {
  const digest = effectiveDigest(person, settings);
  if (!digest.enabled) return 'Off';
  const chosen = person.digest ? '' : ' (your organisation’s default)';
  return `On: ${WEEKDAYS[digest.day - 1] ?? 'Monday'}s at ${hourText(digest.hour)}, your time${chosen}`;
}

/** The `my data` card: everything Moments holds about the person, readable. */
export function myDataCardData(data: MyData, settings: TenantSettings): MyDataCardData {
  const { person } = data;
  const notSet = 'Not set';
  const record: MyDataCardData['sections'][number] = person
    ? {
        title: 'Your directory record',
        facts: [
          { label: 'Name', value: person.displayName },
          { label: 'Email', value: person.email ?? notSet },
          {
            label: 'Manager',
            value: data.manager
              ? (data.manager.name ?? 'Someone who is not in Moments’ directory')
              : 'None recorded',
          },
          {
            label: 'Time zone',
            value: person.timeZone ?? `${notSet} (your organisation’s ${settings.defaultTimeZone} is used)`,
          },
          {
            label: 'Birthday',
            value: person.birthday
              ? `${person.birthday} (${Number(person.birthday.slice(3))} ${monthName(person.birthday.slice(0, 2))}; no year is kept)`
              : notSet,
          },
          { label: 'Hire date', value: person.hireDate ?? notSet },
          { label: 'Birthday celebrated', value: CELEBRATION_TITLES[person.celebrate.birthday] },
          { label: 'Work anniversary celebrated', value: CELEBRATION_TITLES[person.celebrate.anniversary] },
          ...(data.reportCount > 0 || person.digest
            ? [{ label: 'Weekly digest', value: digestText(person, settings) }]
            : []),
          ...(person.lastRecognisedOn
            ? [{ label: 'Last kudos received', value: person.lastRecognisedOn }]
            : []),
          ...(person.teamIds?.length
            ? [{ label: 'Teams Moments has seen you in', value: String(person.teamIds.length) }]
            : []),
          ...(person.mutedReminders?.length
            ? [
                {
                  label: 'Reminders you turned off',
                  value: `about ${plural(person.mutedReminders.length, 'person', 'people')}`,
                },
              ]
            : []),
        ],
        lines: [
          ...(data.reportCount > 0
            ? [
                {
                  text: `${plural(data.reportCount, 'person has', 'people have')} you as their manager in Moments.`,
                },
              ]
            : []),
          ...(data.isAdmin
            ? [{ text: 'You are one of your organisation’s Moments admins (a tenant setting).' }]
            : []),
        ],
      }
    : {
        title: 'Your directory record',
        facts: [],
        lines: [
          { text: 'Moments has no directory record for you. “my settings” adds one with what you choose.' },
          ...(data.forgotten
            ? [
                {
                  text: 'You asked Moments to forget you: it keeps only a one-way hash of your id, so that HR files, Microsoft Graph and Teams rosters do not add you back.',
                },
              ]
            : []),
          ...(data.reportCount > 0
            ? [
                {
                  text: `${plural(data.reportCount, 'person has', 'people have')} you as their manager in Moments.`,
                },
              ]
            : []),
        ],
      };
  const latest = [...data.kudosGiven.latest, ...data.kudosReceived.latest]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i)
    .map((r) => kudosLine(r, data.personId));
  return {
    sections: [
      record,
      {
        title: 'Kudos',
        facts: [
          { label: 'You gave', value: String(data.kudosGiven.count) },
          { label: 'You received', value: String(data.kudosReceived.count) },
          { label: 'You celebrated', value: String(data.celebrated) },
        ],
        lines: latest.length > 0 ? [{ text: 'The latest:' }, ...latest] : [],
      },
      {
        title: 'Conversations',
        facts: [],
        lines: [
          {
            text:
              data.conversations > 0
                ? `Moments keeps ${plural(data.conversations, 'conversation reference')} for you: this personal chat, so it can send you reminders and messages.`
                : 'Moments keeps no conversation reference for you.',
          },
        ],
      },
      {
        title: 'Private notes',
        facts: [],
        lines: [
          {
            text:
              data.notesAboutThem === 1
                ? 'Moments keeps 1 private note that another person wrote about you; its text is private to its author.'
                : `Moments keeps ${data.notesAboutThem} private notes that other people wrote about you; their text is private to their authors.`,
          },
        ],
      },
      {
        title: 'Kept for a short while',
        facts: [],
        lines: [
          {
            text: 'Delivery records (which reminders, celebrations and messages went out, so none is sent twice) and snoozed reminders refer to you by id; they expire after 90 days.',
          },
        ],
      },
    ],
    footer:
      'Change your birthday, celebrations, time zone or digest with “my settings”. Erase your data with “forget me”.',
  };
}

/** The `forget me` confirmation: what would go and what would stay, from the person's data. */
export function forgetConfirmCardData(
  data: MyData,
  options: { notesErasable: boolean },
): ForgetConfirmCardData {
  const given = data.kudosGiven.count;
  const received = data.kudosReceived.count;
  const erased = [
    ...(data.person
      ? [
          {
            text: 'Your directory record: name, email, manager link, time zone, birthday, hire date, celebration and digest preferences.',
          },
        ]
      : []),
    ...(data.conversations > 0 ? [{ text: 'The reference to this personal chat.' }] : []),
    ...(data.celebrated > 0 ? [{ text: `Your ${plural(data.celebrated, 'celebration')} on kudos.` }] : []),
    ...(given + received > 0
      ? [{ text: `Your name and id on ${plural(given + received, 'kudos', 'kudos')} you gave or received.` }]
      : []),
    ...(data.reportCount > 0
      ? [
          {
            text: `You as manager on the records of the ${plural(data.reportCount, 'person', 'people')} who report to you.`,
          },
        ]
      : []),
    ...(options.notesErasable
      ? [{ text: 'Private notes you wrote, and the notes other people keep about you.' }]
      : []),
  ];
  return {
    erased: erased.length > 0 ? erased : [{ text: 'Nothing: Moments keeps no data about you.' }],
    kept: [
      ...(given + received > 0
        ? [
            {
              text: `The ${plural(given + received, 'kudos', 'kudos')} themselves: they belong to the other people on them too, and show “${FORMER_COLLEAGUE}” instead of your name. Their messages stay as their authors wrote them.`,
            },
          ]
        : []),
      ...(data.reportCount > 0
        ? [{ text: 'The records of the people who report to you (without you).' }]
        : []),
      ...(data.isAdmin ? [{ text: 'Your place on the Moments admins list: an admin changes that.' }] : []),
      {
        text: 'Your Teams account. If you use Moments again, or your organisation imports its people again, Moments learns your name again.',
      },
    ],
  };
}

/** What `forget me` did, to replace the confirmation. */
/** What forget me promises for afterwards (core/erasures.ts). */
const STAYS_FORGOTTEN =
  'Moments will not add you back from HR files, Microsoft Graph or Teams rosters. To use it again, type “my settings” here.';

export function erasedNoticeData(report: ErasureReport): PrivacyNoticeCardData {
  if (nothingErased(report)) {
    return {
      title: 'There was nothing left to erase',
      lines: [{ text: 'Moments keeps no data about you.' }],
      note: STAYS_FORGOTTEN,
    };
  }
  const anonymised = report.kudosGiven + report.kudosReceived;
  const lines = [
    ...(report.personRecord ? [{ text: 'Your directory record.' }] : []),
    ...(report.personalChat
      ? [{ text: 'The reference to this personal chat (a new one is kept if you message Moments again).' }]
      : []),
    ...(report.celebrations > 0 ? [{ text: `${plural(report.celebrations, 'celebration')} on kudos.` }] : []),
    ...(anonymised > 0
      ? [
          {
            text: `Your name on ${plural(report.kudosGiven, 'kudos', 'kudos')} you gave and ${report.kudosReceived} you received: they now show “${FORMER_COLLEAGUE}”.`,
          },
        ]
      : []),
    ...(report.reportsUnlinked > 0
      ? [
          {
            text: `You as manager on ${plural(report.reportsUnlinked, 'person’s record', 'people’s records')}.`,
          },
        ]
      : []),
    ...(report.mutesCleared > 0 ? [{ text: 'Your manager’s “don’t remind me” setting about you.' }] : []),
    ...(report.notes
      ? [
          {
            text: `${plural(report.notes.written, 'note')} you wrote and ${plural(report.notes.aboutThem, 'note')} about you.`,
          },
        ]
      : []),
  ];
  return { title: 'Your data was erased from Moments', lines, note: STAYS_FORGOTTEN };
}
