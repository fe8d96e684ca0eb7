import type { TeamOpener } from '../../core/briefs';
import type { MilestoneKind } from '../../core/milestones';
import type { MessageKey } from '../i18n/catalogues';
import type { TextRun, Translator } from '../i18n/translator';
import { declareCard } from '../teams/cardRender';
import openerTemplate from './opener-card.json';

/** A line of the opener with a Send kudos button for the person it names. */
export interface OpenerRowData {
  line: TextRun[];
  personId: string;
}

/** The opener before a team meeting, worded in the manager's language. Names and kudos words sit in TextRuns. */
export interface OpenerCardData {
  headline: string;
  /** When there is no one to thank; '' otherwise. */
  nothing: string;
  thanks: OpenerRowData[];
  thisWeek: string;
  milestones: OpenerRowData[];
  /** "Welcome Nina to the team.", or ''. */
  welcome: string;
  footer: string;
  sendKudos: string;
  /** The opener's delivery: Send kudos reads the person from it. */
  deliveryId: string;
}

export const openerCard = declareCard<OpenerCardData>('opener-card', openerTemplate);

// The digest's words for milestones: the opener names them the same way.
const MILESTONE: Record<MilestoneKind, MessageKey> = {
  birthday: 'digest.milestone.birthday',
  anniversary: 'digest.milestone.anniversary',
  'first-day': 'digest.milestone.firstDay',
  'first-week': 'digest.milestone.firstWeek',
  'day-30': 'digest.milestone.day30',
  'day-90': 'digest.milestone.day90',
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/** The opener card's data, in the manager's language and zone (`t`). */
export function openerCardData(opener: TeamOpener, deliveryId: string, t: Translator): OpenerCardData {
  const time = t.time(new Date(opener.meetingStart));
  return {
    headline: t.text('brief.opener.headline', { time }),
    nothing: opener.thanks.length === 0 ? t.text('brief.opener.nothing') : '',
    thanks: opener.thanks.map((thanks) => {
      const values = {
        first: firstName(thanks.person.name),
        giver: thanks.giver.name || t.text('digest.someone'),
        value: thanks.valueName,
      };
      return {
        line:
          thanks.message !== undefined
            ? t.runs('brief.opener.thanks', { ...values, message: thanks.message })
            : t.runs('brief.opener.thanksNoWords', values),
        personId: thanks.person.id,
      };
    }),
    thisWeek: t.text('brief.opener.thisWeek'),
    milestones: opener.milestones.map((m) => ({
      line: t.runs('brief.opener.milestone', {
        name: m.person.name,
        milestone: t.text(MILESTONE[m.kind], { years: m.years ?? 1 }),
        date: t.day(m.date, 'long'),
      }),
      personId: m.person.id,
    })),
    welcome:
      opener.newHires.length > 0
        ? t.text('brief.opener.welcome', { names: t.list(opener.newHires.map((p) => p.name)) })
        : '',
    footer: t.text('brief.footer'),
    sendKudos: t.text('brief.sendKudos'),
    deliveryId,
  };
}

/** The notification line of the opener. */
export function openerSummary(opener: TeamOpener, t: Translator): string {
  return t.text('brief.opener.summary', { time: t.time(new Date(opener.meetingStart)) });
}
