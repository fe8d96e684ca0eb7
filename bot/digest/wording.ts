import type { Digest, DigestOpener, DigestSection, UpcomingMilestone } from '../../core/digest';
import type { MilestoneKind } from '../../core/milestones';
import type { DigestCardData, DigestRowData, DigestSectionData } from './digestCards';
import { longDate } from '../milestones/wording';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What typing `digest` says outside the personal chat. */
export const DIGEST_IS_PRIVATE =
  'Your digest is just for you: type **digest** in your personal chat with Moments to see it.';

/** What typing `digest` says to someone with no direct reports. */
export const NO_REPORTS =
  'The weekly digest is for managers: Moments knows of no direct reports of yours, so there is nothing to show.';

const CHECK_IN: Record<Exclude<MilestoneKind, 'birthday' | 'anniversary'>, string> = {
  'first-day': 'first day',
  'first-week': 'first week done',
  'day-30': 'first 30 days',
  'day-90': 'first 90 days',
};

/** "birthday", "5 years at work", "first 30 days". */
export function milestoneLabel(kind: MilestoneKind, years?: number): string {
  if (kind === 'birthday') return 'birthday';
  if (kind === 'anniversary') return `${plural(years ?? 1, 'year')} at work`;
  return CHECK_IN[kind];
}

const when = (inDays: number, date: string) =>
  `${longDate(date)}${inDays === 0 ? ', today' : inDays === 1 ? ', tomorrow' : `, in ${inDays} days`}`;

/** The suggested first thing to say in the team meeting. */
export function openerText(opener: DigestOpener): string {
  switch (opener.kind) {
    case 'kudos': {
      const { highlight } = opener;
      return (
        `Start the meeting by thanking ${firstName(opener.person.name)} for “${highlight.message}”, ` +
        `which ${highlight.person.name} recognised this week (${highlight.valueName}).`
      );
    }
    case 'milestone':
      return milestoneOpener(opener.milestone);
    case 'unrecognised': {
      const first = firstName(opener.person.name);
      return opener.days
        ? `Start the meeting by thanking ${first} for something specific: ${first}’s last kudos was ${plural(opener.days, 'day')} ago.`
        : `Start the meeting by thanking ${first} for something specific: ${first} has not had kudos in Moments yet.`;
    }
    case 'none':
      return 'Start the meeting by asking everyone for one thing that went well this week.';
  }
}

function milestoneOpener(m: UpcomingMilestone): string {
  const first = firstName(m.person.name);
  const on = m.inDays === 0 ? 'today' : `on ${longDate(m.date)}`;
  switch (m.kind) {
    case 'birthday':
      return `Start the meeting by wishing ${first} a happy birthday (${on}).`;
    case 'anniversary':
      return `Start the meeting by marking ${first}’s ${plural(m.years ?? 1, 'year')} at work (${on}) with a specific thank-you.`;
    case 'first-day':
      return `Start the meeting by welcoming ${first}, who starts ${on}.`;
    default:
      return `Start the meeting by asking ${first} how it is going: ${first}’s ${CHECK_IN[m.kind]} check-in is ${on}.`;
  }
}

const moreText = (section: DigestSection<unknown>) => (section.more > 0 ? `and ${section.more} more` : '');

function sectionOf<T>(
  title: string,
  empty: string,
  section: DigestSection<T>,
  row: (item: T) => DigestRowData,
): DigestSectionData {
  return {
    title,
    empty: section.rows.length === 0 ? empty : '',
    rows: section.rows.map(row),
    more: moreText(section),
  };
}

/** The digest card's data. */
export function digestCardData(digest: Digest, deliveryId: string): DigestCardData {
  const { opener } = digest;
  const sections: DigestSectionData[] = [
    sectionOf(
      'Recognition this week',
      'No kudos to or from your team this week.',
      digest.kudos.people,
      (r) => {
        const parts: string[] = [];
        if (r.received > 0) {
          const l = r.latestReceived;
          parts.push(
            `received ${r.received}${l ? ` (latest from ${l.person.name} for ${l.valueName}: “${l.message}”)` : ''}`,
          );
        }
        if (r.given > 0) {
          const l = r.latestGiven;
          parts.push(
            `gave ${r.given}${l ? ` (latest to ${l.person.name} for ${l.valueName}: “${l.message}”)` : ''}`,
          );
        }
        return { name: r.person.name, detail: ` · ${parts.join('; ')}`, personId: r.person.id };
      },
    ),
    sectionOf(
      `Not recognised in the last ${digest.notRecognised.days} days`,
      `Everyone on your team was recognised in the last ${digest.notRecognised.days} days.`,
      digest.notRecognised.people,
      (q) => ({
        name: q.person.name,
        detail: q.days ? ` · last kudos ${plural(q.days, 'day')} ago` : ' · no kudos in Moments yet',
        personId: q.person.id,
      }),
    ),
    sectionOf(
      `Coming up in the next ${digest.milestones.days} days`,
      'No birthdays, work anniversaries or new-hire check-ins coming up.',
      digest.milestones.upcoming,
      (m) => ({
        name: m.person.name,
        detail: ` · ${milestoneLabel(m.kind, m.years)}, ${when(m.inDays, m.date)}`,
        personId: m.person.id,
      }),
    ),
  ];
  if (digest.newHires.rows.length > 0) {
    sections.push(
      sectionOf('New hires', '', digest.newHires, (h) => ({
        name: h.person.name,
        detail:
          (h.daysIn < 0 ? ` · starts ${longDate(h.hireDate)}` : ` · day ${h.daysIn + 1}`) +
          (h.nextCheckIn && h.nextCheckIn.kind !== 'first-day'
            ? `; next check-in: ${milestoneLabel(h.nextCheckIn.kind)}, ${longDate(h.nextCheckIn.date)}`
            : ''),
        personId: h.person.id,
      })),
    );
  }
  sections.push(
    sectionOf(
      digest.followUps.count > 0
        ? `Your follow-ups this week: ${plural(digest.followUps.count, 'note')}`
        : 'Your follow-ups this week',
      'None of your notes has a follow-up due this week.',
      digest.followUps.subjects,
      (s) => ({ name: s.name, detail: '', personId: s.id }),
    ),
  );
  const personId = opener.kind === 'none' ? '' : opener.person.id;
  return {
    headline: `Your weekly digest · ${plural(digest.teamSize, 'direct report')}`,
    period: `${longDate(digest.periodStart)} to ${longDate(digest.today)} (${digest.week})`,
    opener: openerText(opener),
    openerPersonId: personId,
    openerFirstName: opener.kind === 'none' ? '' : firstName(opener.person.name),
    facts: [
      { title: 'Kudos your team received', value: String(digest.kudos.received) },
      { title: 'Kudos your team gave', value: String(digest.kudos.given) },
      {
        title: 'Kudos you gave',
        value: `${digest.yourRecognition.thisWeek} this week, ${digest.yourRecognition.fourWeeks} in 4 weeks`,
      },
      { title: 'Follow-ups due this week', value: String(digest.followUps.count) },
    ],
    quietNote: digest.quiet
      ? 'A quiet week: no kudos and nothing coming up. A good week to notice someone’s work.'
      : '',
    sections,
    deliveryId,
  };
}

/** The notification line of the digest message. */
export function digestSummary(digest: Digest): string {
  return `Your weekly digest: ${digest.kudos.received} kudos for your team this week`;
}
