import type { ReachCensus, Unreachable } from '../../core/delivery';

/** Why someone cannot be reached, as an admin reads it. */
export const UNREACHABLE_WORDS: Readonly<Record<Unreachable, string>> = {
  'no-chat': 'no chat with Moments, and not in a team or group chat where Moments is installed',
  forgotten: 'asked Moments to forget them',
  'app-removed': 'removed or blocked Moments (Teams refused to open a chat)',
  'removed-moments':
    'removed Moments (from their chat with it, or from the team or group chat Moments knew them through); reached again once Moments is added back',
  'not-opened': 'a chat could not be opened yet; Moments tries again on its next run',
};

/** The most people a Teams message names; the jobs CLI names everyone. */
export const NAMED_IN_TEAMS = 50;

/** "Moments can reach 184 of 200 people", what that is made of, and who it cannot reach and why. */
export function describeCensus(census: ReachCensus, options: { limit?: number; more?: string } = {}): string {
  const lines = [
    `Moments can reach ${census.reachable} of ${census.people} ${census.people === 1 ? 'person' : 'people'}.`,
    `${census.withChat} through a personal chat with Moments; ${census.throughMembership} through a team or group chat Moments is in (it opens a personal chat when it has something to send).`,
  ];
  if (census.unreachable.length === 0) return lines.join('\n');
  const limit = options.limit ?? census.unreachable.length;
  lines.push('', `Moments cannot reach ${census.unreachable.length}:`);
  for (const person of census.unreachable.slice(0, limit)) {
    lines.push(`- ${person.displayName}: ${UNREACHABLE_WORDS[person.reason]}`);
  }
  const left = census.unreachable.length - limit;
  if (left > 0) lines.push(`…and ${left} more.${options.more ? ` ${options.more}` : ''}`);
  return lines.join('\n');
}

/** Said to anyone but an admin. */
export const REACH_IS_FOR_ADMINS = 'Only Moments admins can see who Moments can reach.';

/** Said in a team or group chat: the answer names people. */
export const REACH_IS_PRIVATE = 'Ask me `reach` in our personal chat: the answer names people.';
