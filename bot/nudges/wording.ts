import type { Nudge, NudgeSuggestion } from '../../core/nudges';
import type { Translator } from '../i18n/translator';
import { commandWordsIn } from '../help/commands';
import type { NudgeCardData, NudgeRowData } from './nudgeCards';

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/**
 * Why someone is suggested, in the reader's words: a milestone's day, or, to their manager, how
 * long since their last kudos; '' for a colleague, whose quiet spell is not the reader's to know.
 */
function reasonText(t: Translator, suggestion: NudgeSuggestion): string {
  const { reason } = suggestion;
  if (reason.kind === 'colleague') return '';
  if (reason.kind === 'milestone') {
    const date = t.day(reason.date, 'long');
    return reason.occasion === 'birthday'
      ? t.text('nudges.reason.birthday', { date })
      : t.text('nudges.reason.anniversary', { date, years: reason.years ?? 1 });
  }
  return reason.days === undefined
    ? t.text('nudges.reason.never')
    : t.text('nudges.reason.lastKudos', { days: reason.days });
}

function rowOf(t: Translator, suggestion: NudgeSuggestion): NudgeRowData {
  const detail = reasonText(t, suggestion);
  return {
    line: detail
      ? t.runs('nudges.row', { name: suggestion.name, detail })
      : t.runs('nudges.row.name', { name: suggestion.name }),
    personId: suggestion.personId,
    sendKudos: t.text('nudges.sendKudosTo', { name: firstName(suggestion.name) }),
  };
}

/** The nudge card's data, in the reader's language. */
export function nudgeCardData(nudge: Nudge, deliveryId: string, t: Translator): NudgeCardData {
  return {
    title: t.text('nudges.title'),
    intro: t.text('nudges.intro'),
    rows: nudge.suggestions.map((s) => rowOf(t, s)),
    footer: t.text('nudges.footer', { mySettings: commandWordsIn(t).mySettings }),
    deliveryId,
  };
}

/** The notification line of the nudge message. */
export function nudgeSummary(nudge: Nudge, t: Translator): string {
  return t.text('nudges.summary', { count: nudge.suggestions.length });
}
