import { addDays, daysBetween, isoWeekOf, localDateOf, shorten } from '../shared';
import {
  CHECK_IN_KINDS,
  DEFAULT_MILESTONE_POLICY,
  milestonesBetween,
  type MilestoneKind,
  type MilestonePolicy,
} from '../milestones';
import type { Note } from '../notes';
import type { Person } from '../people';
import type { PersonRef, Recognition } from '../kudos';

/** A section of the digest: at most a handful of rows, and how many more there were. */
export interface DigestSection<T> {
  rows: T[];
  /** Rows left out to keep the digest readable ("and 12 more"). */
  more: number;
}

/** One kudos, as a digest highlights it. `message` is the giver's text, shortened. */
export interface KudosHighlight {
  /** The other side: the giver of kudos received, the first recipient of kudos given. */
  person: PersonRef;
  valueName: string;
  message: string;
  createdAt: string;
}

/** A report's recognition in the week: counts, and the latest of each. */
export interface ReportKudos {
  person: PersonRef;
  received: number;
  given: number;
  latestReceived?: KudosHighlight;
  latestGiven?: KudosHighlight;
}

/** A report not recognised for a while. `lastRecognisedOn` is absent when never. */
export interface QuietReport {
  person: PersonRef;
  lastRecognisedOn?: string;
  /** Whole days since `lastRecognisedOn`; absent when never. */
  days?: number;
}

/** A report's milestone in the coming days. */
export interface UpcomingMilestone {
  person: PersonRef;
  kind: MilestoneKind;
  /** The local date it is marked on. */
  date: string;
  /** Days from the manager's today. */
  inDays: number;
  /** Work anniversaries: how many years. */
  years?: number;
}

/** A report in their first 90 days. */
export interface NewHire {
  person: PersonRef;
  hireDate: string;
  /** Days since the hire date (negative: not started yet). */
  daysIn: number;
  nextCheckIn?: { kind: MilestoneKind; date: string };
}

/** What the digest suggests saying first, and about whom. */
export type DigestOpener =
  | { kind: 'kudos'; person: PersonRef; highlight: KudosHighlight }
  | { kind: 'milestone'; person: PersonRef; milestone: UpcomingMilestone }
  | { kind: 'unrecognised'; person: PersonRef; days?: number }
  | { kind: 'none' };

/** A manager's weekly digest about their direct reports. Never contains anyone else's notes. */
export interface Digest {
  tenantId: string;
  manager: PersonRef;
  /** The ISO week of the manager's local date, e.g. `2027-W11`. */
  week: string;
  /** The manager's local date the digest was built on. */
  today: string;
  /** The first local date of the "this week" the kudos counts cover (today less six days). */
  periodStart: string;
  teamSize: number;
  kudos: {
    received: number;
    given: number;
    /** Reports who received or gave kudos this week, most active first. */
    people: DigestSection<ReportKudos>;
  };
  notRecognised: { days: number; people: DigestSection<QuietReport> };
  milestones: { days: number; upcoming: DigestSection<UpcomingMilestone> };
  /** The manager's own open notes whose follow-up falls in the seven days from today. */
  followUps: { count: number; subjects: DigestSection<PersonRef> };
  newHires: DigestSection<NewHire>;
  /** Kudos the manager gave: in the last 7 days and the last 28. */
  yourRecognition: { thisWeek: number; fourWeeks: number };
  opener: DigestOpener;
  /** Nothing was recognised this week and nothing is coming up. */
  quiet: boolean;
}

/** Tunables of the digest; the defaults are the design's. */
export interface DigestOptions {
  /** A report counts as not recognised after this many days without kudos. */
  notRecognisedDays: number;
  /** How far ahead milestones are shown. */
  milestoneDays: number;
  /** Rows shown per section before "and N more". */
  maxRows: number;
  /** How long someone counts as a new hire. */
  newHireDays: number;
  policy: MilestonePolicy;
}

export const DEFAULT_DIGEST_OPTIONS: Readonly<DigestOptions> = {
  notRecognisedDays: 14,
  milestoneDays: 14,
  maxRows: 8,
  newHireDays: 90,
  policy: DEFAULT_MILESTONE_POLICY,
};

/** What {@link buildDigest} works from: bounded reads about one manager and their reports. */
export interface DigestInput {
  manager: Person;
  /** The manager's direct reports (the manager themselves is ignored if listed). */
  reports: Person[];
  /** Kudos received by the reports in (at least) the last 7 days. */
  received: Recognition[];
  /** Kudos given by the reports (last 7 days) and by the manager (last 28 days); more is ignored. */
  given: Recognition[];
  /** The manager's own notes; notes by any other author are ignored. */
  notes: Note[];
  now: Date;
  /** Zone for anyone whose own zone is unknown. */
  defaultTimeZone: string;
  options?: Partial<DigestOptions>;
}

const DAY = 24 * 60 * 60 * 1000;

const refOf = (person: Pick<Person, 'id' | 'displayName'>): PersonRef => ({
  id: person.id,
  name: person.displayName,
});

function section<T>(rows: T[], max: number): DigestSection<T> {
  return { rows: rows.slice(0, max), more: Math.max(0, rows.length - max) };
}

function highlight(kudos: Recognition, person: PersonRef): KudosHighlight {
  return {
    person,
    valueName: kudos.value.name,
    message: shorten(kudos.message, 140),
    createdAt: kudos.createdAt,
  };
}

const newestFirst = (a: Recognition, b: Recognition) => b.createdAt.localeCompare(a.createdAt);

/**
 * Builds a manager's weekly digest about their direct reports, as of `now` in the manager's zone:
 * who was recognised and who recognised others in the last seven days (with the latest of each),
 * who has not been recognised for a while, the milestones and new-hire check-ins of the coming
 * days, the manager's own follow-ups due in the coming week, the manager's own giving, and one
 * concrete thing to open the team meeting with. Pure: every read is done by the caller.
 */
export function buildDigest(input: DigestInput): Digest {
  const options: DigestOptions = { ...DEFAULT_DIGEST_OPTIONS, ...input.options };
  const { manager, now } = input;
  const zone = manager.timeZone ?? input.defaultTimeZone;
  const today = localDateOf(now, zone);
  const weekAgo = new Date(now.getTime() - 7 * DAY).toISOString();
  const fourWeeksAgo = new Date(now.getTime() - 28 * DAY).toISOString();
  const nowIso = now.toISOString();
  const reports = input.reports
    .filter((r) => r.id !== manager.id && r.tenantId === manager.tenantId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const reportIds = new Set(reports.map((r) => r.id));
  const inWeek = (k: Recognition) => k.createdAt >= weekAgo && k.createdAt <= nowIso;

  // Kudos this week, per report.
  const received = [...new Map(input.received.map((k) => [k.id, k])).values()]
    .filter(inWeek)
    .sort(newestFirst);
  const given = [...new Map(input.given.map((k) => [k.id, k])).values()].sort(newestFirst);
  const byReport = new Map<string, ReportKudos>();
  const entry = (person: Person) => {
    let found = byReport.get(person.id);
    if (!found) {
      found = { person: refOf(person), received: 0, given: 0 };
      byReport.set(person.id, found);
    }
    return found;
  };
  const reportById = new Map(reports.map((r) => [r.id, r]));
  for (const kudos of received) {
    for (const id of new Set(kudos.recipientIds)) {
      const report = reportById.get(id);
      if (!report) continue;
      const row = entry(report);
      row.received += 1;
      row.latestReceived ??= highlight(kudos, kudos.giver);
    }
  }
  const reportsGiven = given.filter((k) => reportIds.has(k.giver.id) && inWeek(k));
  for (const kudos of reportsGiven) {
    const report = reportById.get(kudos.giver.id);
    if (!report) continue;
    const row = entry(report);
    row.given += 1;
    const to = kudos.recipients[0] ?? { id: '', name: 'someone' };
    row.latestGiven ??= highlight(kudos, to);
  }
  const active = [...byReport.values()].sort(
    (a, b) => b.received + b.given - (a.received + a.given) || a.person.name.localeCompare(b.person.name),
  );
  const receivedByTeam = received.filter((k) => k.recipientIds.some((id) => reportIds.has(id))).length;

  // Not recognised lately: never first, then the longest ago. Someone who has not started is left out.
  const cutoff = addDays(today, -options.notRecognisedDays);
  const recognisedThisWeek = new Set(active.filter((a) => a.received > 0).map((a) => a.person.id));
  const quiet: QuietReport[] = reports
    .filter((r) => !(r.hireDate && r.hireDate > today))
    .filter((r) => !recognisedThisWeek.has(r.id))
    .filter((r) => !r.lastRecognisedOn || r.lastRecognisedOn < cutoff)
    .map((r) => ({
      person: refOf(r),
      ...(r.lastRecognisedOn
        ? { lastRecognisedOn: r.lastRecognisedOn, days: daysBetween(r.lastRecognisedOn, today) }
        : {}),
    }))
    .sort(
      (a, b) =>
        (b.days ?? Number.MAX_SAFE_INTEGER) - (a.days ?? Number.MAX_SAFE_INTEGER) ||
        a.person.name.localeCompare(b.person.name),
    );

  // Milestones in the coming days, in the report's own calendar, counted from the manager's today.
  const until = addDays(today, options.milestoneDays);
  const upcoming: UpcomingMilestone[] = reports
    .flatMap((r) => milestonesBetween(r, today, until, options.policy))
    .map((m) => ({ ...m, date: shownDate(m) }))
    .map((m) => ({
      person: refOf(m.person),
      kind: m.kind,
      date: m.date,
      inDays: daysBetween(today, m.date),
      ...(m.years !== undefined ? { years: m.years } : {}),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.person.name.localeCompare(b.person.name));

  // New hires: started in the last 90 days or starting within the milestone horizon.
  const checkInDays = [...new Set(options.policy.checkIns)].sort((a, b) => a - b);
  const newHires: NewHire[] = reports
    .filter((r) => r.hireDate && r.hireDate <= until)
    .map((r) => ({ report: r, daysIn: daysBetween(r.hireDate as string, today) }))
    .filter(({ daysIn }) => daysIn <= options.newHireDays)
    .map(({ report, daysIn }) => {
      const hireDate = report.hireDate as string;
      // The same dates as "Coming up": check-ins marked after the weekend rule, the start as it is.
      const checkIns = new Set(checkInDays.map((d) => CHECK_IN_KINDS[d]));
      const next = milestonesBetween(
        report,
        today,
        addDays(hireDate, Math.max(...checkInDays, 0)),
        options.policy,
      ).find((m) => checkIns.has(m.kind));
      return {
        person: refOf(report),
        hireDate,
        daysIn,
        ...(next ? { nextCheckIn: { kind: next.kind, date: shownDate(next) } } : {}),
      };
    })
    .sort((a, b) => b.hireDate.localeCompare(a.hireDate) || a.person.name.localeCompare(b.person.name));

  // The manager's own follow-ups in the coming week: their notes only, never anyone else's.
  const weekEnd = addDays(today, 6);
  const due = input.notes
    .filter((n) => n.authorId === manager.id && n.tenantId === manager.tenantId && n.status === 'open')
    .filter((n) => n.followUpOn !== undefined && n.followUpOn >= today && n.followUpOn <= weekEnd)
    .sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''));
  const subjects = [...new Map(due.map((n) => [n.subjectId, { id: n.subjectId, name: n.subjectName }]))]
    .map(([, ref]) => ref)
    .sort((a, b) => a.name.localeCompare(b.name));

  const mine = given.filter((k) => k.giver.id === manager.id && k.createdAt <= nowIso);
  const yourRecognition = {
    thisWeek: mine.filter((k) => k.createdAt >= weekAgo).length,
    fourWeeks: mine.filter((k) => k.createdAt >= fourWeeksAgo).length,
  };

  const opener = openerOf(received, reportById, upcoming, quiet, reports, today);

  return {
    tenantId: manager.tenantId,
    manager: refOf(manager),
    week: isoWeekOf(today),
    today,
    periodStart: addDays(today, -6),
    teamSize: reports.length,
    kudos: {
      received: receivedByTeam,
      given: reportsGiven.length,
      people: section(active, options.maxRows),
    },
    notRecognised: { days: options.notRecognisedDays, people: section(quiet, options.maxRows) },
    milestones: { days: options.milestoneDays, upcoming: section(upcoming, options.maxRows) },
    followUps: { count: due.length, subjects: section(subjects, options.maxRows) },
    newHires: section(newHires, options.maxRows),
    yourRecognition,
    opener,
    quiet: receivedByTeam === 0 && reportsGiven.length === 0 && upcoming.length === 0,
  };
}

/**
 * This week's latest kudos to a report; else the next milestone; else the report waiting longest
 * for a thank-you (never recognised counts as longest); else nothing (no reports).
 */
function openerOf(
  received: Recognition[],
  reports: Map<string, Person>,
  upcoming: UpcomingMilestone[],
  quiet: QuietReport[],
  all: Person[],
  today: string,
): DigestOpener {
  for (const kudos of received) {
    const id = kudos.recipientIds.find((r) => reports.has(r));
    const report = id ? reports.get(id) : undefined;
    if (report) return { kind: 'kudos', person: refOf(report), highlight: highlight(kudos, kudos.giver) };
  }
  const next = upcoming[0];
  if (next) return { kind: 'milestone', person: next.person, milestone: next };
  const longest = quiet[0];
  if (longest) {
    return { kind: 'unrecognised', person: longest.person, ...(longest.days ? { days: longest.days } : {}) };
  }
  // Everyone was recognised lately: the one recognised longest ago.
  const started = all.filter((r) => !(r.hireDate && r.hireDate > today));
  const oldest = [...started].sort((a, b) =>
    (a.lastRecognisedOn ?? '').localeCompare(b.lastRecognisedOn ?? ''),
  )[0];
  if (!oldest) return { kind: 'none' };
  return {
    kind: 'unrecognised',
    person: refOf(oldest),
    ...(oldest.lastRecognisedOn ? { days: daysBetween(oldest.lastRecognisedOn, today) } : {}),
  };
}

/**
 * The date a digest shows for a milestone: a start date as it is (people start when they start),
 * any other milestone on the day it is marked (after the weekend rule), as reminders use it.
 */
function shownDate(milestone: { kind: MilestoneKind; date: string; occursOn: string }): string {
  return milestone.kind === 'first-day' ? milestone.occursOn : milestone.date;
}
