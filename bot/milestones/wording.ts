import { shorten, SOURCE_LANGUAGE } from '../../core/shared';
import {
  daysUntilMilestone,
  type Milestone,
  type MilestoneKind,
  type ReminderContent,
} from '../../core/milestones';
import type { MessageKey } from '../i18n/catalogues';
import { translatorFor, type Translator } from '../i18n/translator';
import type { CelebrationCardData, ReminderCardData, SmallRun } from './milestoneCards';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** `Tuesday 16 March`, in English. */
export function longDate(date: string): string {
  return translatorFor(SOURCE_LANGUAGE).day(date, 'long');
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** `today`, `tomorrow`, `in 3 days`, `yesterday` or `2 days ago`, in the reader's language. */
function relativeDays(days: number, t: Translator): string {
  let format = relativeFormats.get(t.locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' });
    relativeFormats.set(t.locale, format);
  }
  return format.format(days, 'day');
}

/**
 * Whether a post sent on the milestone's marked day happens that day (`moved: 'no'`), or on its
 * real date because the weekend rule moved the post (a Saturday anniversary posted on Friday says
 * "on Saturday 12 December").
 */
function onTheDay(milestone: Milestone, t: Translator): { moved: 'yes' | 'no'; date: string } {
  return {
    moved: milestone.date === milestone.occursOn ? 'no' : 'yes',
    date: t.day(milestone.occursOn, 'long'),
  };
}

const HEADLINES: Record<MilestoneKind, MessageKey> = {
  birthday: 'milestones.headline.birthday',
  anniversary: 'milestones.headline.anniversary',
  'first-day': 'milestones.headline.firstDay',
  'first-week': 'milestones.headline.firstWeek',
  'day-30': 'milestones.headline.day30',
  'day-90': 'milestones.headline.day90',
};

const SUGGESTIONS: Record<MilestoneKind, MessageKey> = {
  birthday: 'milestones.suggestion.birthday',
  anniversary: 'milestones.suggestion.anniversary',
  'first-day': 'milestones.suggestion.firstDay',
  'first-week': 'milestones.suggestion.firstWeek',
  'day-30': 'milestones.suggestion.day30',
  'day-90': 'milestones.suggestion.day90',
};

/** What the milestone is, in a sentence about the person. */
export function milestoneHeadline(milestone: Milestone, t: Translator): string {
  return t.text(HEADLINES[milestone.kind], {
    name: milestone.person.displayName,
    years: milestone.years ?? 1,
  });
}

/** The reminder card's data, worded for the manager it goes to. */
export function reminderCardData(content: ReminderContent, t: Translator): ReminderCardData {
  const { milestone, tenureYears, kudos90Days } = content;
  const person = milestone.person;
  const first = firstName(person.displayName);
  // The real date and the count to it, never the weekend-moved date: the card must not say
  // "today" on the Friday before a Saturday anniversary.
  const days = daysUntilMilestone(milestone, content.managerToday);
  const facts = [
    ...(person.hireDate
      ? [
          {
            title: t.text('milestones.reminder.tenureTitle'),
            value: t.text('milestones.reminder.tenure', {
              years: Math.max(0, tenureYears ?? 0),
              hireDate: person.hireDate,
            }),
          },
        ]
      : []),
    {
      title: t.text('milestones.reminder.kudosTitle'),
      value: t.text('milestones.reminder.kudosCount', { count: kudos90Days.count }),
    },
  ];
  const latest = kudos90Days.latest;
  return {
    headline: milestoneHeadline(milestone, t),
    when: t.text('milestones.reminder.when', {
      date: t.day(milestone.occursOn, 'long'),
      relative: relativeDays(days, t),
    }),
    facts,
    latestKudos: latest
      ? t
          .runs(
            latest.message ? 'milestones.reminder.latestKudos' : 'milestones.reminder.latestKudosNoText',
            {
              giver: latest.giverName,
              value: latest.valueName,
              message: shorten(latest.message, 140),
            },
          )
          .map((run): SmallRun => ({ ...run, size: 'Small' }))
      : [],
    notesTitle: t.text('milestones.reminder.notesTitle'),
    notes: content.openNotes.slice(0, 5).map((note) => {
      const text = shorten(note.text, 160);
      return {
        text: note.followUpOn
          ? t.text('milestones.reminder.noteFollowUp', { note: text, date: note.followUpOn })
          : text,
      };
    }),
    suggestion: t.text(SUGGESTIONS[milestone.kind], { name: first }),
    note: '',
    ...wishesAction(milestone.kind, t),
    briefTitle: t.text('brief.button'),
    snoozeTitle: t.text('milestones.reminder.snooze'),
    muteTitle: t.text('milestones.reminder.mute', { name: first }),
    deliveryId: content.deliveryId,
  };
}

/**
 * The reminder's first button: wishes on a birthday or anniversary, a welcome in the first days,
 * and, a month or three in, a note to ask how it is going (a welcome would come too late).
 */
function wishesAction(
  kind: MilestoneKind,
  t: Translator,
): Pick<ReminderCardData, 'wishesTitle' | 'wishesVerb'> {
  switch (kind) {
    case 'birthday':
    case 'anniversary':
      return { wishesTitle: t.text('milestones.reminder.sendWishes'), wishesVerb: 'sendWishes' };
    case 'first-day':
    case 'first-week':
      return { wishesTitle: t.text('milestones.reminder.sendWelcome'), wishesVerb: 'sendWishes' };
    case 'day-30':
    case 'day-90':
      return { wishesTitle: t.text('milestones.reminder.askHowItIsGoing'), wishesVerb: 'newNote' };
  }
}

/** What a later check-in's note starts with, for the manager to finish, in their language. */
export function checkInNoteText(kind: string, name: string, t = translatorFor(SOURCE_LANGUAGE)): string {
  return t.text(kind === 'day-90' ? 'milestones.checkIn.day90' : 'milestones.checkIn.day30', {
    name: firstName(name),
  });
}

/**
 * The answer to a card action from someone the card was not sent to: nothing is changed. In
 * English; a turn's answer is `t.text('milestones.notSentToYou')`.
 */
export const NOT_SENT_TO_YOU = translatorFor(SOURCE_LANGUAGE).text('milestones.notSentToYou');

/** The channel post on the day, in the language of the tenant (many read it). */
export function celebrationCardData(milestone: Milestone, t: Translator): CelebrationCardData {
  const name = milestone.person.displayName;
  if (milestone.kind === 'birthday') {
    return {
      emoji: '🎂',
      headline: t.text('milestones.celebration.birthday', { name }),
      invitation: t.text('milestones.celebration.birthdayInvitation'),
    };
  }
  return {
    emoji: '🎉',
    headline: t.text('milestones.celebration.anniversary', {
      name,
      years: milestone.years ?? 1,
      ...onTheDay(milestone, t),
    }),
    invitation: t.text('milestones.celebration.anniversaryInvitation', { name: firstName(name) }),
  };
}

/** The personal message on the day, in the language of the person whose day it is. */
export function congratulationText(milestone: Milestone, t: Translator): string {
  const name = firstName(milestone.person.displayName);
  const day = onTheDay(milestone, t);
  if (milestone.kind === 'birthday') {
    return day.moved === 'yes'
      ? t.text('milestones.congratulation.birthdayMoved', { name, date: day.date })
      : t.text('milestones.congratulation.birthday', { name });
  }
  return t.text('milestones.congratulation.anniversary', { name, years: milestone.years ?? 1, ...day });
}
