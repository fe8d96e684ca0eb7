import type { Brief, BriefKudos, BriefMilestone, BriefSection, Tenure, ThingToAsk } from '../../core/briefs';
import type { MilestoneKind } from '../../core/milestones';
import type { MessageKey } from '../i18n/catalogues';
import { translatorFor, type Translator } from '../i18n/translator';
import type { BriefCardData, BriefPickerData, BriefSectionData } from './briefCards';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

// The digest's words for milestones: a brief names them the same way.
const MILESTONE: Record<MilestoneKind, MessageKey> = {
  birthday: 'digest.milestone.birthday',
  anniversary: 'digest.milestone.anniversary',
  'first-day': 'digest.milestone.firstDay',
  'first-week': 'digest.milestone.firstWeek',
  'day-30': 'digest.milestone.day30',
  'day-90': 'digest.milestone.day90',
};

function tenureText(t: Translator, tenure: Tenure): string {
  if (!tenure.started) return t.text('brief.tenure.starts', { date: t.day(tenure.hireDate, 'long') });
  if (tenure.years > 0) return t.text('brief.tenure.years', { years: tenure.years, months: tenure.months });
  if (tenure.months > 0) return t.text('brief.tenure.months', { months: tenure.months });
  return t.text('brief.tenure.days', { days: tenure.days });
}

/** The person's time now, in their zone, written the reader's way. */
function localTime(t: Translator, brief: Brief): string {
  const time = translatorFor(t.language, brief.timeZone).time(new Date(brief.at));
  return t.text('brief.localTime', { time, zone: brief.timeZone });
}

function factsOf(t: Translator, brief: Brief): BriefCardData['facts'] {
  const last = brief.lastFromReader;
  return [
    ...(brief.tenure ? [{ title: t.text('brief.fact.tenure'), value: tenureText(t, brief.tenure) }] : []),
    { title: t.text('brief.fact.localTime'), value: localTime(t, brief) },
    {
      title: t.text('brief.fact.lastFromYou'),
      value: last
        ? t.text('brief.lastFromYou', { date: t.day(last.on, 'long'), value: last.valueName })
        : t.text('brief.lastFromYou.none'),
    },
  ];
}

const more = (t: Translator, section: BriefSection<unknown>) =>
  section.more > 0 ? t.text('brief.more', { count: section.more }) : '';

const nameOf = (t: Translator, name: string) => name || t.text('digest.someone');

/** A kudos line: the value in bold, who from or to, the day, and the words only when the brief has them. */
function kudosLine(t: Translator, kudos: BriefKudos, side: 'received' | 'given') {
  const values = {
    value: kudos.valueName,
    date: t.day(kudos.on, 'short'),
    ...(kudos.message !== undefined ? { message: kudos.message } : {}),
  };
  if (side === 'received') {
    const name = nameOf(t, kudos.people[0]?.name ?? '');
    return kudos.message !== undefined
      ? t.runs('brief.kudos.fromWithMessage', { ...values, name })
      : t.runs('brief.kudos.from', { ...values, name });
  }
  const names = t.list(kudos.people.map((p) => nameOf(t, p.name)));
  return kudos.message !== undefined
    ? t.runs('brief.kudos.toWithMessage', { ...values, names })
    : t.runs('brief.kudos.to', { ...values, names });
}

function kudosSection(t: Translator, brief: Brief, side: 'received' | 'given'): BriefSectionData {
  const section = brief[side];
  return {
    title: t.text(side === 'received' ? 'brief.received.title' : 'brief.given.title', {
      oneOnOne: brief.sinceLastOneOnOne ? 'yes' : 'no',
      date: t.day(brief.since, 'long'),
    }),
    empty: section.rows.length === 0 ? t.text('brief.kudos.empty') : '',
    rows: section.rows.map((k) => ({ line: kudosLine(t, k, side) })),
    more: more(t, section),
  };
}

function milestoneLine(t: Translator, m: BriefMilestone) {
  const milestone = t.text(MILESTONE[m.kind], { years: m.years ?? 1 });
  const text = t.text('digest.upcoming.row', { milestone, date: t.day(m.date, 'long'), inDays: m.inDays });
  return [{ type: 'TextRun' as const, text }];
}

function sectionsOf(t: Translator, brief: Brief): BriefSectionData[] {
  const first = firstName(brief.person.name);
  const values = brief.valuesNotRecognised;
  return [
    kudosSection(t, brief, 'received'),
    kudosSection(t, brief, 'given'),
    {
      title: t.text('brief.values.title'),
      empty: values.length === 0 ? t.text('brief.values.none', { first }) : '',
      rows: values.length > 0 ? [{ line: [{ type: 'TextRun', text: t.list(values) }] }] : [],
      more: '',
    },
    {
      title: t.text('brief.milestones.title', { days: brief.milestoneDays }),
      empty: brief.milestones.length === 0 ? t.text('brief.milestones.empty') : '',
      rows: brief.milestones.map((m) => ({ line: milestoneLine(t, m) })),
      more: '',
    },
  ];
}

function askDetail(t: Translator, thing: ThingToAsk): string {
  const date = thing.followUpOn ? t.day(thing.followUpOn, 'long') : '';
  if (thing.forNextOneOnOne)
    return date ? t.text('brief.ask.both', { date }) : t.text('brief.ask.nextOneOnOne');
  return date ? t.text('brief.ask.followUp', { date }) : '';
}

/** The brief card's data, in the reader's language. */
export function briefCardData(brief: Brief, deliveryId: string, t: Translator): BriefCardData {
  const first = firstName(brief.person.name);
  return {
    headline: t.text('brief.headline', { name: brief.person.name }),
    subtitle: t.text('brief.subtitle', { relation: brief.relation, date: t.day(brief.today, 'long') }),
    facts: factsOf(t, brief),
    ask: {
      title: t.text('brief.ask.title'),
      rows: brief.thingsToAsk.rows.map((thing) => ({
        text: thing.text,
        detail: askDetail(t, thing),
        noteId: thing.noteId,
      })),
      more: more(t, brief.thingsToAsk),
      prompt: brief.prompt
        ? t.text(brief.prompt === 'settlingIn' ? 'brief.prompt.settlingIn' : 'brief.prompt.weekAndHelp', {
            first,
          })
        : '',
      done: t.text('brief.ask.done'),
    },
    sections: sectionsOf(t, brief),
    footer: t.text('brief.footer'),
    sendKudos: t.text('brief.sendKudos'),
    addNote: t.text('brief.addNote'),
    deliveryId,
    personId: brief.person.id,
  };
}

/** The picker's data: `people` to choose from, and why it is shown when a name matched no one. */
export function briefPickerData(
  t: Translator,
  people: BriefPickerData['people'],
  query?: string,
): BriefPickerData {
  return {
    title: t.text('brief.picker.title'),
    notice: query ? t.text('brief.picker.noOneCalled', { query }) : '',
    intro: t.text('brief.picker.intro'),
    people,
    labels: {
      person: t.text('brief.picker.label'),
      placeholder: t.text('brief.picker.placeholder'),
      required: t.text('brief.picker.required'),
      show: t.text('brief.picker.show'),
    },
  };
}
