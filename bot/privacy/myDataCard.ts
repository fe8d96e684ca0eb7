import { shorten } from '../../core/shared';
import { effectiveDigest, monthName, type MyData } from '../../core/privacy';
import {
  celebrationSource,
  effectiveCelebration,
  type CelebrationOccasion,
  type Person,
} from '../../core/people';
import type { Recognition } from '../../core/kudos';
import type { TenantSettings } from '../../core/settings';
import { listNames } from '../kudos/recognitionView';
import type { MyDataCardData } from './privacyCards';
import { CELEBRATION_TITLES, hourText, plural, WEEKDAYS } from './wording';

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

/** What applies to the person, and who set it: they did, the people file did, or nobody yet. */
function celebrationText(person: Person, occasion: CelebrationOccasion, settings: TenantSettings): string {
  const title = CELEBRATION_TITLES[effectiveCelebration(person, occasion, settings.defaultCelebration)];
  const source = celebrationSource(person, occasion);
  if (source === 'default') return `${title} (your organisation’s default)`;
  return source === 'import' ? `${title} (from your organisation’s people data)` : title;
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
          { label: 'Birthday celebrated', value: celebrationText(person, 'birthday', settings) },
          { label: 'Work anniversary celebrated', value: celebrationText(person, 'anniversary', settings) },
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
