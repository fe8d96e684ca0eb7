import type { ReachCensus, Unreachable } from '../../core/delivery';
import type { MessageKey } from '../i18n/catalogues';
import type { Translator } from '../i18n/translator';

/** Why someone cannot be reached, as an admin reads it: one line naming them. */
const UNREACHABLE_LINES: Readonly<Record<Unreachable, MessageKey>> = {
  'no-chat': 'reach.unreachable.noChat',
  forgotten: 'reach.unreachable.forgotten',
  'app-removed': 'reach.unreachable.appRemoved',
  'removed-moments': 'reach.unreachable.removedMoments',
  'not-opened': 'reach.unreachable.notOpened',
};

/** The most people a Teams message names; the jobs CLI names everyone. */
export const NAMED_IN_TEAMS = 50;

/**
 * "Moments can reach 184 of 200 people", what that is made of, and who it cannot reach and why,
 * in `t`'s language. With a `limit`, those past it are counted, and the jobs CLI named as the
 * place that lists them all.
 */
export function describeCensus(t: Translator, census: ReachCensus, options: { limit?: number } = {}): string {
  const lines = [
    t.text('reach.census.reachable', { reachable: census.reachable, people: census.people }),
    t.text('reach.census.ways', { withChat: census.withChat, throughMembership: census.throughMembership }),
  ];
  if (census.unreachable.length === 0) return lines.join('\n');
  const limit = options.limit ?? census.unreachable.length;
  lines.push('', t.text('reach.census.unreachable', { count: census.unreachable.length }));
  for (const person of census.unreachable.slice(0, limit)) {
    lines.push(t.text(UNREACHABLE_LINES[person.reason], { name: person.displayName }));
  }
  const left = census.unreachable.length - limit;
  if (left > 0) {
    const command = `npm run job -- reach --tenant ${census.tenantId}`;
    lines.push(t.text('reach.census.moreInCli', { left, command }));
  }
  return lines.join('\n');
}
