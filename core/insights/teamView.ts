import { CHECK_IN_KINDS, milestonePolicyFor, milestonesBetween, type Milestone } from '../milestones';
import type { Note } from '../notes';
import type { Person } from '../people';
import { addDays, localDateOf } from '../shared';
import type { InsightsDeps } from './ports';
import { countValue, valueMix, valueNamer, zoneOf } from './shown';
import { checkMayOpen, type Viewer } from './viewer';
import type { FollowUp, NextMilestone, ReportRow, TeamView, TeamWeek, ValueName } from './views';
import { chartWeeks, lastDayOf, startOf, weekIndexOf } from './weeks';

/** Days back a report counts as recognised, for coverage. */
export const COVERAGE_DAYS = 30;
/** Days back a report's kudos count on their row. */
export const RECENT_KUDOS_DAYS = 90;
/** How far ahead a report's next milestone is looked for. */
export const MILESTONE_HORIZON_DAYS = 365;

const DAYS_OF_CHECK_IN = new Map(Object.entries(CHECK_IN_KINDS).map(([days, kind]) => [kind, Number(days)]));

/**
 * GET /tab/api/team: the viewer's direct reports over the last 12 weeks (Monday to Sunday in the
 * viewer's zone, the current week last): the kudos they received and gave each week, each kudos
 * once however many reports it names; the share of them recognised in the 30 days up to each
 * week's last day (today for the current week); the values they were recognised for; and a row
 * each with the viewer's own open notes about them. Three reads however many reports: their kudos
 * received, their kudos given, and the viewer's own open notes. Throws {@link NotAllowed} unless
 * the viewer manages someone.
 */
export async function teamView(
  deps: Pick<InsightsDeps, 'people' | 'recognitions' | 'notes'>,
  viewer: Viewer,
  now: Date,
): Promise<TeamView> {
  checkMayOpen(viewer, 'team');
  const weeks = chartWeeks(now, zoneOf(viewer));
  const { tenantId } = viewer;
  const reports = await deps.people.reportsOf(tenantId, viewer.personId);
  const reportIds = reports.map((report) => report.id);
  const recentFrom = addDays(weeks.today, -(RECENT_KUDOS_DAYS - 1));
  // The first week's coverage looks back 30 days from its Sunday; the rows 90 days from today.
  const coverageFrom = addDays(weeks.mondays[0]!, 6 - (COVERAGE_DAYS - 1));
  const since = startOf(weeks, coverageFrom < recentFrom ? coverageFrom : recentFrom);
  const [received, given, notes] = await Promise.all([
    deps.recognitions.forRecipientsSince(tenantId, reportIds, since),
    deps.recognitions.givenBySince(tenantId, reportIds, since),
    // The viewer's own notes, and only theirs: the read names the viewer as the author.
    deps.notes.openByAuthor(tenantId, viewer.personId),
  ]);

  const chart: TeamWeek[] = weeks.mondays.map((weekStart) => ({
    weekStart,
    received: 0,
    given: 0,
    coverage: 0,
  }));
  const named = valueNamer(viewer.settings);
  const values = new Map<string, { value: ValueName; count: number }>();
  /** Each report's local dates of kudos received in the window. */
  const recognisedOn = new Map<string, string[]>(reportIds.map((id) => [id, []]));
  for (const kudos of unique(received)) {
    const index = weekIndexOf(weeks, kudos.createdAt);
    if (index >= 0) {
      chart[index]!.received += 1;
      countValue(values, named(kudos.value.id, kudos.value.name));
    }
    const date = localDateOf(new Date(kudos.createdAt), weeks.zone);
    for (const id of new Set(kudos.recipientIds)) recognisedOn.get(id)?.push(date);
  }
  const reportSet = new Set(reportIds);
  for (const kudos of unique(given)) {
    const index = weekIndexOf(weeks, kudos.createdAt);
    if (index >= 0 && reportSet.has(kudos.giver.id)) chart[index]!.given += 1;
  }
  for (const week of chart) {
    const last = lastDayOf(weeks, week.weekStart);
    const first = addDays(last, -(COVERAGE_DAYS - 1));
    const recognised = reportIds.filter((id) =>
      recognisedOn.get(id)!.some((date) => date >= first && date <= last),
    ).length;
    week.coverage = reports.length === 0 ? 0 : recognised / reports.length;
  }

  const policy = milestonePolicyFor(viewer.settings);
  const until = addDays(weeks.today, MILESTONE_HORIZON_DAYS);
  const rows: ReportRow[] = reports.map((report) => {
    const dates = recognisedOn.get(report.id)!;
    const latest = dates.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
    const lastRecognisedOn = [report.lastRecognisedOn, latest].reduce<string | undefined>(
      (a, b) => (b !== undefined && (a === undefined || b > a) ? b : a),
      undefined,
    );
    const next = milestonesBetween(report, weeks.today, until, policy)[0];
    return {
      person: { id: report.id, name: report.displayName },
      ...(lastRecognisedOn !== undefined ? { lastRecognisedOn } : {}),
      kudos90: dates.filter((date) => date >= recentFrom).length,
      ...(next ? { nextMilestone: nextMilestoneOf(next) } : {}),
      followUps: followUpsAbout(notes, viewer.personId, report),
    };
  });
  return { weeks: chart, values: valueMix(values), reports: rows };
}

/** Each kudos once: a store may answer a long list of people in parts. */
function unique<T extends { id: string }>(kudos: readonly T[]): T[] {
  const seen = new Set<string>();
  return kudos.filter((k) => !seen.has(k.id) && seen.add(k.id));
}

/** The viewer's open notes about `report`, newest first; a note of anyone else never passes. */
function followUpsAbout(notes: readonly Note[], viewerId: string, report: Person): FollowUp[] {
  return notes
    .filter((note) => note.authorId === viewerId && note.subjectId === report.id && note.status === 'open')
    .map((note) => ({
      id: note.id,
      text: note.text,
      createdAt: note.createdAt,
      ...(note.followUpOn !== undefined ? { followUpOn: note.followUpOn } : {}),
    }));
}

/** A milestone as the row shows it: a start on the day it is, any other on the day it is marked. */
function nextMilestoneOf(milestone: Milestone): NextMilestone {
  if (milestone.kind === 'birthday') return { kind: 'birthday', date: milestone.date };
  if (milestone.kind === 'anniversary') {
    return {
      kind: 'anniversary',
      date: milestone.date,
      ...(milestone.years !== undefined ? { years: milestone.years } : {}),
    };
  }
  const date = milestone.kind === 'first-day' ? milestone.occursOn : milestone.date;
  return { kind: 'checkIn', date, days: DAYS_OF_CHECK_IN.get(milestone.kind) ?? 0 };
}
