/**
 * What the Moments tab shows, as its HTTP API returns it (functions/tabApi.ts): plain JSON, no
 * wording. Names and texts are data; every label, date format and sentence is the tab's own, in the
 * viewer's language, so the same view serves eight languages. Dates are `YYYY-MM-DD` in the
 * viewer's zone unless named `…At` (an ISO instant).
 */
import type { Language } from '../shared';

/** The tab's pages, in the order of its navigation. */
export const TAB_PAGES = ['recognition', 'team', 'organisation', 'settings'] as const;
export type TabPage = (typeof TAB_PAGES)[number];

/** Someone named in a view. */
export interface PersonName {
  id: string;
  name: string;
}

/** A company value as the tenant defines it. */
export interface ValueName {
  id: string;
  name: string;
}

/** GET /tab/api/me: who the viewer is and which pages they may open. */
export interface MeView {
  name: string;
  language: Language;
  /** `recognition` and `settings` always; `team` for managers; `organisation` for admins. */
  pages: TabPage[];
  /** The tenant's company values, in the settings' order: the value filter's choices. */
  values: ValueName[];
  /** The bot's app id, for deep links to its chat (`28:<botId>`); absent when none is configured. */
  botId?: string;
}

/** The periods My recognition filters by: the last 30, 90 or 365 days, or all time. */
export const RECOGNITION_PERIODS = ['30d', '90d', '365d', 'all'] as const;
export type RecognitionPeriod = (typeof RECOGNITION_PERIODS)[number];

/** One kudos on My recognition. */
export interface KudosItem {
  id: string;
  createdAt: string;
  /** How the viewer is on it (`received` when they are both giver and a recipient). */
  direction: 'received' | 'given';
  giver: PersonName;
  recipients: PersonName[];
  value: ValueName;
  /** The kudos' words, when the text rule lets them reach the viewer (core/kudos textTravels, or the viewer is on it). */
  text?: string;
  /** Where it was given. */
  place: 'channel' | 'groupChat' | 'personal';
  /** Who celebrated it (+1), in order. */
  celebratedBy: PersonName[];
}

/** Per value: how many kudos the viewer received and gave in the filtered period. */
export interface ValueCount {
  value: ValueName;
  received: number;
  given: number;
}

/**
 * GET /tab/api/recognition?period=&value=&cursor=: the viewer's kudos, newest first, one page at
 * a time with no cap on how far back; the counts cover the whole filtered period, not the page.
 */
export interface RecognitionPage {
  items: KudosItem[];
  /** Opaque; pass as `cursor` for the next page. Absent on the last page. */
  next?: string;
  counts: ValueCount[];
  totals: { received: number; given: number };
}

/** One week (Monday to Sunday, in the viewer's zone) of My team's charts. */
export interface TeamWeek {
  /** The week's Monday. */
  weekStart: string;
  /** Kudos the reports received that week (each kudos once, however many reports it names). */
  received: number;
  /** Kudos the reports gave that week. */
  given: number;
  /** The share of the reports recognised in the 30 days up to the week's last day, 0 to 1. */
  coverage: number;
}

/** A milestone of a report, the next one coming. */
export interface NextMilestone {
  kind: 'birthday' | 'anniversary' | 'checkIn';
  date: string;
  /** Work anniversaries: the years; check-ins: the days since the hire date. */
  years?: number;
  days?: number;
}

/** One of the viewer's own open notes about a report. */
export interface FollowUp {
  id: string;
  text: string;
  createdAt: string;
  followUpOn?: string;
}

/** A row of My team: one direct report. */
export interface ReportRow {
  person: PersonName;
  lastRecognisedOn?: string;
  /** Kudos received in the last 90 days. */
  kudos90: number;
  nextMilestone?: NextMilestone;
  /** The viewer's own open notes about them; never anyone else's. */
  followUps: FollowUp[];
}

/** GET /tab/api/team: the viewer's direct reports over the last 12 weeks (403 when they have none). */
export interface TeamView {
  /** 12 weeks, oldest first, the current one last. */
  weeks: TeamWeek[];
  /** The values of the kudos the reports received in those 12 weeks, most used first. */
  values: Array<{ value: ValueName; count: number }>;
  reports: ReportRow[];
}

/** One week of the organisation's participation. */
export interface OrganisationWeek {
  weekStart: string;
  /** People who gave kudos that week. */
  givers: number;
  /** People who received kudos that week. */
  receivers: number;
  /** Givers or receivers, as a share of the directory, 0 to 1. */
  share: number;
}

/** A manager's team (their direct reports) and how many were recognised in the last 30 days. */
export interface TeamCoverage {
  manager: PersonName;
  size: number;
  recognised: number;
  coverage: number;
}

/** What the last people import did (CSV or Graph sync). */
export interface ImportStatus {
  at: string;
  source: 'csv' | 'graph';
  added: number;
  updated: number;
  /** The rows it refused: the line and why (a code the tab words). */
  refused: Array<{ line: number; reason: string }>;
}

/** GET /tab/api/organisation (admins only, else 403). */
export interface OrganisationView {
  weeks: OrganisationWeek[];
  teams: TeamCoverage[];
  values: Array<{ value: ValueName; count: number }>;
  people: {
    count: number;
    lastImport?: ImportStatus;
    /** People Moments cannot reach in a personal chat: how many, and the first by name. */
    unreachable: { count: number; first: PersonName[] };
  };
}
