import { STATS_NAMES_SHOWN, type StatsAnswer, type StatsConversation } from '../../core/kudos';
import type { MessageKey } from '../i18n/catalogues';
import type { Translator } from '../i18n/translator';
import type { StatsCardData } from './teamCards';
import { enumeration } from './words';

const SCOPES: Record<Exclude<StatsAnswer['scope'], 'conversation'>, MessageKey> = {
  reports: 'team.stats.scope.reports',
  organisation: 'team.stats.scope.organisation',
};

/** The stats card for `answer`, asked in `conversation`, in `t`'s language; numbers are written its way. */
export function statsCardData(
  answer: StatsAnswer,
  conversation: StatsConversation,
  t: Translator,
): StatsCardData {
  const { stats } = answer;
  const shown = stats.notRecognisedIn30Days.slice(0, STATS_NAMES_SHOWN);
  const more = stats.notRecognisedCount - shown.length;
  const scope =
    answer.scope === 'conversation'
      ? t.text(conversation === 'channel' ? 'team.stats.scope.team' : 'team.stats.scope.chat')
      : t.text(SCOPES[answer.scope]);
  const topValues = stats.topValues.map((v) =>
    t.text('team.stats.topValue', { name: v.name, count: v.count }),
  );
  const names = enumeration(t, shown);
  return {
    texts: {
      title: t.text('team.stats.title'),
      kudos: t.text('team.stats.kudosTitle'),
      coverage: t.text('team.stats.coverageTitle'),
      topValues: t.text('team.stats.topValuesTitle'),
    },
    scope,
    kudos: t.number(stats.kudosThisMonth),
    coverage: t.text('team.stats.coverage', { recognised: stats.peopleRecognised, people: stats.groupSize }),
    topValues: enumeration(t, topValues) || t.text('team.stats.noTopValues'),
    waitingTitle:
      stats.notRecognisedCount > 0
        ? t.text('team.stats.waitingTitle', { count: stats.notRecognisedCount })
        : '',
    waiting: shown.length === 0 ? '' : more > 0 ? t.text('team.stats.waitingMore', { names, more }) : names,
    // Why a count has no names beside it, so nobody thinks the names are missing by mistake.
    waitingNote: answer.names || stats.notRecognisedCount === 0 ? '' : t.text('team.stats.namesArePrivate'),
    footer: t.text('team.stats.footer'),
  };
}
