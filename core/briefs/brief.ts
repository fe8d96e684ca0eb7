import { DEFAULT_MILESTONE_POLICY, type MilestoneKind, type MilestonePolicy } from '../milestones';
import type { Note } from '../notes';
import type { Person } from '../people';
import type { PersonRef, Recognition } from '../kudos';
import type { CompanyValue } from '../settings';

/** A list the brief shows: at most a handful of rows, and how many more there were. */
export interface BriefSection<T> {
  rows: T[];
  more: number;
}

/** One kudos as a brief shows it. */
export interface BriefKudos {
  id: string;
  /** Received: the giver. Given: the recipients. */
  people: PersonRef[];
  valueName: string;
  /** The giver's words, only when they may reach the brief's reader; absent otherwise. */
  message?: string;
  /** The reader's local date it was given on. */
  on: string;
}

/** How long the person has been with the company, at the reader's today. */
export interface Tenure {
  hireDate: string;
  /** False for someone who has not started yet. */
  started: boolean;
  years: number;
  /** Whole months beyond `years`. */
  months: number;
  /** Days since the hire date (for someone in their first month). */
  days: number;
}

/** A milestone of the person's in the coming days. */
export interface BriefMilestone {
  kind: MilestoneKind;
  /** The local date it is marked on. */
  date: string;
  /** Days from the reader's today. */
  inDays: number;
  years?: number;
}

/** One of the reader's own open notes about the person: a thing to ask. */
export interface ThingToAsk {
  noteId: string;
  /** The note in full: the reader is its author. */
  text: string;
  followUpOn?: string;
  /** Marked "Bring this up at our next 1:1". */
  forNextOneOnOne: boolean;
}

/**
 * What to ask when the reader has nothing of their own to ask: how a new hire is settling in, or
 * how the week went and what would help.
 */
export type BriefPrompt = 'settlingIn' | 'weekAndHelp';

/** A brief about one person, for one reader (their manager, or someone who keeps notes about them). */
export interface Brief {
  tenantId: string;
  reader: PersonRef;
  person: PersonRef;
  /** Why the reader may have it. */
  relation: 'manager' | 'notes';
  /** The reader's local date. */
  today: string;
  /** The first local date the kudos lists cover. */
  since: string;
  /** `since` is the last 1:1's date, as given; otherwise it is the default window. */
  sinceLastOneOnOne: boolean;
  /** The person's IANA zone (the tenant's default when theirs is unknown). */
  timeZone: string;
  /** When the brief was built: the edge shows the person's local time from it. */
  at: string;
  tenure?: Tenure;
  received: BriefSection<BriefKudos>;
  given: BriefSection<BriefKudos>;
  /** The tenant's current values the person received no kudos for in {@link BriefOptions.valueDays}. */
  valuesNotRecognised: string[];
  /** The reader's latest kudos to the person within the look-back; absent when none. */
  lastFromReader?: { on: string; valueName: string };
  /** How many days ahead `milestones` looks. */
  milestoneDays: number;
  milestones: BriefMilestone[];
  thingsToAsk: BriefSection<ThingToAsk>;
  /** Only when there is nothing to ask. */
  prompt?: BriefPrompt;
}

/** Tunables of the brief; the defaults are the design's. */
export interface BriefOptions {
  /** The kudos window when no last 1:1 is known. */
  defaultDays: number;
  /** How far back values and the reader's own kudos are looked for ("six months"). */
  valueDays: number;
  milestoneDays: number;
  /** Rows per list before "and N more". */
  maxRows: number;
  /** Someone counts as settling in for this many days after their hire date. */
  newHireDays: number;
  policy: MilestonePolicy;
}

export const DEFAULT_BRIEF_OPTIONS: Readonly<BriefOptions> = {
  defaultDays: 30,
  valueDays: 182,
  milestoneDays: 30,
  maxRows: 8,
  newHireDays: 90,
  policy: DEFAULT_MILESTONE_POLICY,
};

/** What {@link buildBrief} works from: bounded reads about one reader and one person. */
export interface BriefInput {
  reader: Person;
  person: Person;
  /** Kudos the person received since the earlier of `since` and the value look-back. */
  received: Recognition[];
  /** Kudos the person gave since `since`. */
  given: Recognition[];
  /** The reader's notes about the person; any other author's are ignored. */
  notes: Note[];
  /** The tenant's values; retired ones are ignored. */
  values: CompanyValue[];
  now: Date;
  /** The last 1:1's instant; without it, the last {@link BriefOptions.defaultDays} days. */
  since?: Date;
  defaultTimeZone: string;
  options?: Partial<BriefOptions>;
}

/** Why no brief was built. One code whatever the reason, so a refusal tells nothing about the person. */
export interface BriefRefusal {
  ok: false;
  code: 'BRIEF.NOT_YOURS';
}

export type BriefResult = { ok: true; brief: Brief } | BriefRefusal;
