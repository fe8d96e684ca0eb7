import { STATS_NAMES_SHOWN, type StatsAnswer, type StatsConversation } from '../../core/kudos';
import type { StatsCardData } from './teamCards';

const SCOPES: Record<Exclude<StatsAnswer['scope'], 'conversation'>, string> = {
  reports: 'Your direct reports',
  organisation: 'Everyone in your organisation',
};

/** Why a count has no names beside it, so nobody thinks the names are missing by mistake. */
const NAMES_ARE_PRIVATE =
  'Who they are is shown only in a personal chat with Moments: to managers for their own reports, and to admins.';

/** The stats card for `answer`, asked in `conversation`. */
export function statsCardData(answer: StatsAnswer, conversation: StatsConversation): StatsCardData {
  const { stats } = answer;
  const shown = stats.notRecognisedIn30Days.slice(0, STATS_NAMES_SHOWN);
  const more = stats.notRecognisedCount - shown.length;
  const scope =
    answer.scope === 'conversation'
      ? conversation === 'channel'
        ? 'Members of this team'
        : 'Members of this chat'
      : SCOPES[answer.scope];
  return {
    scope,
    kudos: String(stats.kudosThisMonth),
    coverage: `${stats.peopleRecognised} of ${stats.groupSize}`,
    topValues: stats.topValues.map((v) => `${v.name} (${v.count})`).join(', ') || 'None yet this month',
    waitingTitle:
      stats.notRecognisedCount > 0 ? `Not recognised in the last 30 days: ${stats.notRecognisedCount}` : '',
    waiting: shown.length === 0 ? '' : more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', '),
    waitingNote: answer.names || stats.notRecognisedCount === 0 ? '' : NAMES_ARE_PRIVATE,
    footer: 'Coverage, not a leaderboard: who might be waiting for a thank-you?',
  };
}
