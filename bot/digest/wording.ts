import type {
  Digest,
  DigestOpener,
  DigestSection,
  KudosHighlight,
  ReportKudos,
  UpcomingMilestone,
} from '../../core/digest';
import type { MilestoneKind } from '../../core/milestones';
import type { PersonRef } from '../../core/kudos';
import type { MessageKey } from '../i18n/catalogues';
import type { TextRun, Translator } from '../i18n/translator';
import type { DigestCardData, DigestRowData, DigestSectionData } from './digestCards';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

const MILESTONE: Record<MilestoneKind, MessageKey> = {
  birthday: 'digest.milestone.birthday',
  anniversary: 'digest.milestone.anniversary',
  'first-day': 'digest.milestone.firstDay',
  'first-week': 'digest.milestone.firstWeek',
  'day-30': 'digest.milestone.day30',
  'day-90': 'digest.milestone.day90',
};

/** "birthday", "5 years at work", "first 30 days". */
function milestoneLabel(t: Translator, kind: MilestoneKind, years?: number): string {
  return t.text(MILESTONE[kind], { years: years ?? 1 });
}

/** The suggested first thing to say in the team meeting. */
export function openerText(opener: DigestOpener, t: Translator): string {
  switch (opener.kind) {
    case 'kudos': {
      const { highlight } = opener;
      // An empty message stayed in the chat it was given in: the value and the giver only.
      return t.text(highlight.message ? 'digest.opener.kudos' : 'digest.opener.kudosNoText', {
        first: firstName(opener.person.name),
        message: highlight.message,
        giver: nameOf(t, highlight.person),
        value: highlight.valueName,
      });
    }
    case 'milestone':
      return milestoneOpener(t, opener.milestone);
    case 'unrecognised': {
      const first = firstName(opener.person.name);
      return opener.days
        ? t.text('digest.opener.unrecognised', { first, days: opener.days })
        : t.text('digest.opener.neverRecognised', { first });
    }
    case 'none':
      return t.text('digest.opener.none');
  }
}

function milestoneOpener(t: Translator, m: UpcomingMilestone): string {
  const values = {
    first: firstName(m.person.name),
    when: m.inDays === 0 ? 'today' : 'later',
    date: t.day(m.date, 'long'),
  };
  switch (m.kind) {
    case 'birthday':
      return t.text('digest.opener.birthday', values);
    case 'anniversary':
      return t.text('digest.opener.anniversary', { ...values, years: m.years ?? 1 });
    case 'first-day':
      return t.text('digest.opener.firstDay', values);
    default:
      return t.text('digest.opener.checkIn', { ...values, checkIn: milestoneLabel(t, m.kind) });
  }
}

/** A person a kudos names; a kudos without one (never stored so) is "someone". */
const nameOf = (t: Translator, person: PersonRef) => person.name || t.text('digest.someone');

function sectionOf<T>(
  t: Translator,
  title: string,
  empty: string,
  section: DigestSection<T>,
  row: (item: T) => DigestRowData,
): DigestSectionData {
  return {
    title,
    empty: section.rows.length === 0 ? empty : '',
    rows: section.rows.map(row),
    more: section.more > 0 ? t.text('digest.more', { count: section.more }) : '',
  };
}

/** A row: the person's name in bold, then what the digest says about them. */
function rowOf(t: Translator, person: PersonRef, detail: string): DigestRowData {
  const line: TextRun[] = detail
    ? t.runs('digest.row.withDetail', { name: person.name, detail })
    : t.runs('digest.row.name', { name: person.name });
  return { line, personId: person.id };
}

function kudosDetail(t: Translator, r: ReportKudos): string {
  const clause = (
    count: number,
    latest: KudosHighlight | undefined,
    plain: MessageKey,
    [full, noText]: [MessageKey, MessageKey],
  ) =>
    latest
      ? t.text(latest.message ? full : noText, {
          count,
          name: nameOf(t, latest.person),
          value: latest.valueName,
          message: latest.message,
        })
      : t.text(plain, { count });
  const received =
    r.received > 0
      ? clause(r.received, r.latestReceived, 'digest.kudos.received', [
          'digest.kudos.receivedLatest',
          'digest.kudos.receivedLatestNoText',
        ])
      : '';
  const gave =
    r.given > 0
      ? clause(r.given, r.latestGiven, 'digest.kudos.gave', [
          'digest.kudos.gaveLatest',
          'digest.kudos.gaveLatestNoText',
        ])
      : '';
  return received && gave ? t.text('digest.kudos.both', { received, gave }) : received || gave;
}

function newHireDetail(t: Translator, h: Digest['newHires']['rows'][number]): string {
  const started = h.daysIn >= 0;
  const values = { date: t.day(h.hireDate, 'long'), day: h.daysIn + 1 };
  const next = h.nextCheckIn;
  if (!next || next.kind === 'first-day') {
    return t.text(started ? 'digest.newHires.day' : 'digest.newHires.starts', values);
  }
  return t.text(started ? 'digest.newHires.dayNext' : 'digest.newHires.startsNext', {
    ...values,
    checkIn: milestoneLabel(t, next.kind),
    checkInDate: t.day(next.date, 'long'),
  });
}

/** The digest's sections, in the order the card shows them. */
function sectionsOf(t: Translator, digest: Digest): DigestSectionData[] {
  const quietDays = digest.notRecognised.days;
  const sections: DigestSectionData[] = [
    sectionOf(t, t.text('digest.kudos.title'), t.text('digest.kudos.empty'), digest.kudos.people, (r) =>
      rowOf(t, r.person, kudosDetail(t, r)),
    ),
    sectionOf(
      t,
      t.text('digest.notRecognised.title', { days: quietDays }),
      t.text('digest.notRecognised.empty', { days: quietDays }),
      digest.notRecognised.people,
      (q) =>
        rowOf(
          t,
          q.person,
          q.days
            ? t.text('digest.notRecognised.lastKudos', { days: q.days })
            : t.text('digest.notRecognised.never'),
        ),
    ),
    sectionOf(
      t,
      t.text('digest.upcoming.title', { days: digest.milestones.days }),
      t.text('digest.upcoming.empty'),
      digest.milestones.upcoming,
      (m) =>
        rowOf(
          t,
          m.person,
          t.text('digest.upcoming.row', {
            milestone: milestoneLabel(t, m.kind, m.years),
            date: t.day(m.date, 'long'),
            inDays: m.inDays,
          }),
        ),
    ),
  ];
  if (digest.newHires.rows.length > 0) {
    sections.push(
      sectionOf(t, t.text('digest.newHires.title'), '', digest.newHires, (h) =>
        rowOf(t, h.person, newHireDetail(t, h)),
      ),
    );
  }
  sections.push(
    sectionOf(
      t,
      t.text('digest.followUps.title', { count: digest.followUps.count }),
      t.text('digest.followUps.empty'),
      digest.followUps.notes,
      // "Tue 16 Mar · Rosa Delgado: ask how the Chicago marathon went": the note stays a text run.
      (f) => ({
        line: t.runs('digest.followUps.row', {
          date: t.day(f.followUpOn, 'short'),
          name: f.person.name,
          text: f.text,
        }),
        personId: f.person.id,
      }),
    ),
  );
  return sections;
}

/** The digest card's data, in the reader's language. */
export function digestCardData(digest: Digest, deliveryId: string, t: Translator): DigestCardData {
  const { opener } = digest;
  return {
    headline: t.text('digest.headline', { count: digest.teamSize }),
    period: t.text('digest.period', {
      from: t.day(digest.periodStart, 'long'),
      to: t.day(digest.today, 'long'),
      week: digest.week,
    }),
    opener: t.runs('digest.suggestedOpener', { opener: openerText(opener, t) }),
    openerPersonId: opener.kind === 'none' ? '' : opener.person.id,
    openerSendKudos:
      opener.kind === 'none' ? '' : t.text('digest.sendKudosTo', { name: firstName(opener.person.name) }),
    facts: [
      { title: t.text('digest.fact.teamReceived'), value: t.number(digest.kudos.received) },
      { title: t.text('digest.fact.teamGave'), value: t.number(digest.kudos.given) },
      {
        title: t.text('digest.fact.youGave'),
        value: t.text('digest.fact.youGaveValue', {
          thisWeek: t.number(digest.yourRecognition.thisWeek),
          fourWeeks: t.number(digest.yourRecognition.fourWeeks),
        }),
      },
      { title: t.text('digest.fact.followUps'), value: t.number(digest.followUps.count) },
    ],
    quietNote: digest.quiet ? t.text('digest.quiet') : '',
    sections: sectionsOf(t, digest),
    sendKudos: t.text('digest.sendKudos'),
    addNote: t.text('digest.addNote'),
    brief: t.text('brief.button'),
    deliveryId,
  };
}

/** The notification line of the digest message. */
export function digestSummary(digest: Digest, t: Translator): string {
  return t.text('digest.summary', { count: digest.kudos.received });
}
