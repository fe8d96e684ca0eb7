import { takeReachCensus } from '../delivery';
import { addDays, localDateOf } from '../shared';
import type { InsightsDeps, RosterEntry } from './ports';
import { countValue, valueMix, valueNamer, zoneOf } from './shown';
import { COVERAGE_DAYS } from './teamView';
import { checkMayOpen, type Viewer } from './viewer';
import type { OrganisationView, OrganisationWeek, TeamCoverage, ValueName } from './views';
import { chartWeeks, startOf, weekIndexOf } from './weeks';

/** Rows of the coverage per team: the least covered teams, where an admin can act. */
export const MAX_TEAM_ROWS = 50;
/** People Moments cannot reach named on the page; the count covers all of them. */
export const MAX_UNREACHABLE_NAMED = 20;

/**
 * GET /tab/api/organisation: over the last 12 weeks (in the viewer's zone), how many people gave
 * and received kudos each week and what share of the directory took part; per manager, how many of
 * their direct reports were recognised in the last 30 days (least covered first, at most 50 rows);
 * the values used; the last people import and who Moments cannot reach in a personal chat.
 *
 * Reads: the directory projected once (id, name, manager), the 12 weeks' kudos projected once (no
 * words), the import status (a point read), and the reach census's chats and memberships. At
 * 20,000 people that is 20,000 small directory rows, as many chat rows and memberships, and one
 * row per kudos of the 12 weeks. Throws {@link NotAllowed} unless the viewer is an admin.
 */
export async function organisationView(
  deps: Pick<InsightsDeps, 'history' | 'roster' | 'importStatus' | 'reachRoll'>,
  viewer: Viewer,
  now: Date,
): Promise<OrganisationView> {
  checkMayOpen(viewer, 'organisation');
  const { tenantId } = viewer;
  const weeks = chartWeeks(now, zoneOf(viewer));
  const from = startOf(weeks, weeks.mondays[0]!);
  const [roster, kudos, lastImport] = await Promise.all([
    deps.roster.roster(tenantId),
    deps.history.activityBetween(tenantId, from, now),
    deps.importStatus.last(tenantId),
  ]);
  // The directory is read once: the census takes it from here rather than reading it again.
  const roll = deps.reachRoll;
  const census = await takeReachCensus(
    {
      people: async () => roster,
      personalChatUserIds: (id) => roll.personalChatUserIds(id),
      appRemovedUserIds: (id) => roll.appRemovedUserIds(id),
      memberships: (id) => roll.memberships(id),
    },
    tenantId,
  );

  const givers = weeks.mondays.map(() => new Set<string>());
  const receivers = weeks.mondays.map(() => new Set<string>());
  const named = valueNamer(viewer.settings);
  const values = new Map<string, { value: ValueName; count: number }>();
  const recognisedFrom = addDays(weeks.today, -(COVERAGE_DAYS - 1));
  const recognised = new Set<string>();
  for (const k of kudos) {
    const index = weekIndexOf(weeks, k.createdAt);
    if (index < 0) continue;
    givers[index]!.add(k.giverId);
    for (const id of k.recipientIds) receivers[index]!.add(id);
    countValue(values, named(k.valueId, k.valueName));
    if (localDateOf(new Date(k.createdAt), weeks.zone) >= recognisedFrom) {
      for (const id of k.recipientIds) recognised.add(id);
    }
  }
  const count = roster.length;
  const inDirectory = new Set(roster.map((person) => person.id));
  const chart: OrganisationWeek[] = weeks.mondays.map((weekStart, i) => {
    // Kudos stay when someone leaves or is forgotten; the share counts today's directory only.
    const active = new Set([...givers[i]!, ...receivers[i]!].filter((id) => inDirectory.has(id)));
    return {
      weekStart,
      givers: givers[i]!.size,
      receivers: receivers[i]!.size,
      share: count === 0 ? 0 : active.size / count,
    };
  });

  return {
    weeks: chart,
    teams: teamsCoverage(roster, recognised),
    values: valueMix(values),
    people: {
      count,
      ...(lastImport
        ? {
            lastImport: {
              at: lastImport.at,
              source: lastImport.source,
              added: lastImport.added,
              updated: lastImport.updated,
              refused: lastImport.refused.map(({ line, reason }) => ({ line, reason })),
            },
          }
        : {}),
      unreachable: {
        count: census.unreachable.length,
        first: census.unreachable
          .slice(0, MAX_UNREACHABLE_NAMED)
          .map((person) => ({ id: person.id, name: person.displayName })),
      },
    },
  };
}

/**
 * Each manager of the directory with their direct reports: how many, and how many of them are in
 * `recognised`; least covered first, then the larger team, then by name; at most {@link MAX_TEAM_ROWS}.
 * A manager the directory does not hold is no one's team here.
 */
function teamsCoverage(roster: readonly RosterEntry[], recognised: ReadonlySet<string>): TeamCoverage[] {
  const byId = new Map(roster.map((person) => [person.id, person]));
  const teams = new Map<string, { size: number; recognised: number }>();
  for (const person of roster) {
    if (person.managerId === undefined || !byId.has(person.managerId)) continue;
    const team = teams.get(person.managerId) ?? { size: 0, recognised: 0 };
    teams.set(person.managerId, team);
    team.size += 1;
    if (recognised.has(person.id)) team.recognised += 1;
  }
  return [...teams.entries()]
    .map(([managerId, team]) => ({
      manager: { id: managerId, name: byId.get(managerId)!.displayName },
      size: team.size,
      recognised: team.recognised,
      coverage: team.recognised / team.size,
    }))
    .sort(
      (a, b) =>
        a.coverage - b.coverage ||
        b.size - a.size ||
        a.manager.name.localeCompare(b.manager.name) ||
        a.manager.id.localeCompare(b.manager.id),
    )
    .slice(0, MAX_TEAM_ROWS);
}
