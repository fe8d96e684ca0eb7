import { DEFAULT_MILESTONE_POLICY, type MilestoneKind, type MilestonePolicy } from '../milestones';
import type { Note } from '../notes';
import type { Person } from '../people';
import type { PersonRef, Recognition } from '../kudos';

/** A section of the digest: at most a handful of rows, and how many more there were. */
export interface DigestSection<T> {
  rows: T[];
  /** Rows left out to keep the digest readable ("and 12 more"). */
  more: number;
}

/**
 * One kudos, as a digest highlights it. `message` is the giver's text, shortened; '' when the text
 * stays in the conversation it was given in (a kudos' message is never empty otherwise).
 */
export interface KudosHighlight {
  /**
   * The other side: the giver of kudos received, the first recipient of kudos given (a name of ''
   * for a kudos stored without recipients, which the edge words itself).
   */
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

/** One of the manager's own follow-ups: when, with whom, and what (the note, shortened). */
export interface FollowUpRow {
  person: PersonRef;
  /** The note's follow-up date, `YYYY-MM-DD`. */
  followUpOn: string;
  /** The manager's own note text: user text, shortened with an ellipsis. */
  text: string;
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
  /** The manager's own open notes whose follow-up falls in the seven days from today, soonest first. */
  followUps: { count: number; notes: DigestSection<FollowUpRow> };
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

/** The design's digest: two quiet weeks, two weeks of milestones, eight rows a section, 90-day new hires. */
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

/**
 * Everyone a digest names with an action beside them (its sections and its opener), recorded with
 * its delivery: the digest's buttons may act on these people, and on nobody else.
 */
export function digestPersonIds(digest: Digest): string[] {
  const ids = [
    ...digest.kudos.people.rows.map((r) => r.person.id),
    ...digest.notRecognised.people.rows.map((r) => r.person.id),
    ...digest.milestones.upcoming.rows.map((r) => r.person.id),
    ...digest.newHires.rows.map((r) => r.person.id),
    ...digest.followUps.notes.rows.map((r) => r.person.id),
    ...(digest.opener.kind === 'none' ? [] : [digest.opener.person.id]),
  ];
  return [...new Set(ids)];
}
