import { shorten } from '../../core/shared';
import { daysUntilMilestone, type Milestone, type ReminderContent } from '../../core/milestones';
import type { CelebrationCardData, ReminderCardData } from './milestoneCards';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** `Tuesday 16 March`. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `today`, `tomorrow`, `in 3 days`, `yesterday` or `2 days ago`. */
function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/**
 * When a post sent on the milestone's marked day says it happens: `today`, or its real date when
 * the weekend rule moved the post (a Saturday anniversary posted on Friday says "on Saturday 12 December").
 */
function onTheDay(milestone: Milestone): string {
  return milestone.date === milestone.occursOn ? 'today' : `on ${longDate(milestone.occursOn)}`;
}

/** What the milestone is, in a sentence about the person. */
export function milestoneHeadline(milestone: Milestone): string {
  const name = milestone.person.displayName;
  switch (milestone.kind) {
    case 'birthday':
      return `🎂 ${name}’s birthday`;
    case 'anniversary':
      return `🎉 ${name}’s ${plural(milestone.years ?? 1, 'year')} at work`;
    case 'first-day':
      return `👋 ${name} starts`;
    case 'first-week':
      return `🌱 ${name}’s first week is done`;
    case 'day-30':
      return `🗓️ ${name}’s first 30 days`;
    case 'day-90':
      return `🏁 ${name}’s first 90 days`;
  }
}

function suggestion(milestone: Milestone): string {
  const first = firstName(milestone.person.displayName);
  switch (milestone.kind) {
    case 'birthday':
      return `A short personal note goes a long way. Send ${first} your wishes on the day.`;
    case 'anniversary':
      return `Thank ${first} for something specific from this year.`;
    case 'first-day':
      return `Make sure ${first} has a buddy, access and a first task, and say hello in the morning.`;
    case 'first-week':
      return `Ask ${first} how the first week went and what would help.`;
    case 'day-30':
      return `A good moment for a check-in: what is going well for ${first}, and what is confusing?`;
    case 'day-90':
      return `Review the first 90 days with ${first} and agree what comes next.`;
  }
}

/** The reminder card's data. */
export function reminderCardData(content: ReminderContent): ReminderCardData {
  const { milestone, tenureYears, kudos90Days } = content;
  const person = milestone.person;
  // The real date and the count to it, never the weekend-moved date: the card must not say
  // "today" on the Friday before a Saturday anniversary.
  const days = daysUntilMilestone(milestone, content.managerToday);
  const facts = [
    ...(person.hireDate
      ? [
          {
            title: 'With the company',
            value:
              tenureYears && tenureYears > 0
                ? `${plural(tenureYears, 'year')}, since ${person.hireDate}`
                : `since ${person.hireDate}`,
          },
        ]
      : []),
    { title: 'Kudos, last 90 days', value: kudos90Days.count === 0 ? 'None yet' : String(kudos90Days.count) },
  ];
  const latest = kudos90Days.latest;
  return {
    headline: milestoneHeadline(milestone),
    when: `${longDate(milestone.occursOn)}, ${relativeDays(days)}`,
    facts,
    latestKudos: latest
      ? `${latest.giverName} for ${latest.valueName}: “${shorten(latest.message, 140)}”`
      : '',
    notes: content.openNotes.slice(0, 5).map((note) => ({
      text: `${shorten(note.text, 160)}${note.followUpOn ? ` (follow up ${note.followUpOn})` : ''}`,
    })),
    suggestion: suggestion(milestone),
    note: '',
    ...wishesAction(milestone.kind),
    firstName: firstName(person.displayName),
    deliveryId: content.deliveryId,
  };
}

/**
 * The reminder's first button: wishes on a birthday or anniversary, a welcome in the first days,
 * and, a month or three in, a note to ask how it is going (a welcome would come too late).
 */
function wishesAction(kind: Milestone['kind']): Pick<ReminderCardData, 'wishesTitle' | 'wishesVerb'> {
  switch (kind) {
    case 'birthday':
    case 'anniversary':
      return { wishesTitle: 'Send wishes', wishesVerb: 'sendWishes' };
    case 'first-day':
    case 'first-week':
      return { wishesTitle: 'Send a welcome', wishesVerb: 'sendWishes' };
    case 'day-30':
    case 'day-90':
      return { wishesTitle: 'Ask how it’s going', wishesVerb: 'newNote' };
  }
}

/** What a later check-in's note starts with, for the manager to finish. */
export function checkInNoteText(kind: string, name: string): string {
  const first = firstName(name);
  return kind === 'day-90'
    ? `Ask ${first} how the first 90 days went and what comes next`
    : `Ask ${first} how the first month is going`;
}

/** The answer to a card action from someone the card was not sent to: nothing is changed. */
export const NOT_SENT_TO_YOU = 'This card was not sent to you, so nothing was changed.';

/** The channel post on the day. */
export function celebrationCardData(milestone: Milestone): CelebrationCardData {
  const name = milestone.person.displayName;
  if (milestone.kind === 'birthday') {
    return { emoji: '🎂', headline: `Happy birthday, ${name}!`, invitation: 'Reply here with your wishes.' };
  }
  return {
    emoji: '🎉',
    headline: `${name} celebrates ${plural(milestone.years ?? 1, 'year')} with us ${onTheDay(milestone)}`,
    invitation: `Thank ${firstName(name)} for something they did this year: reply here.`,
  };
}

/** The personal message on the day. */
export function congratulationText(milestone: Milestone): string {
  const first = firstName(milestone.person.displayName);
  const moved = milestone.date !== milestone.occursOn;
  if (milestone.kind === 'birthday') {
    return moved
      ? `Happy birthday for ${longDate(milestone.occursOn)}, ${first}! 🎂 Have a wonderful day.`
      : `Happy birthday, ${first}! 🎂 Have a wonderful day.`;
  }
  return `Happy work anniversary, ${first}! 🎉 ${plural(milestone.years ?? 1, 'year')} ${onTheDay(milestone)}: thank you for all of it.`;
}
