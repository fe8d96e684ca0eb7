import { milestonePolicyFor } from '../milestones';
import type { NoteStore } from '../notes';
import type { PeopleDirectory } from '../people';
import type { RecognitionStore } from '../kudos';
import { tenantSettingsOf, type SettingsStore } from '../settings';
import { DEFAULT_BRIEF_OPTIONS, type BriefOptions, type BriefResult } from './brief';
import { buildBrief } from './buildBrief';

const DAY = 24 * 60 * 60 * 1000;

/** What building a brief reads. */
export interface BriefReads {
  people: PeopleDirectory;
  recognitions: RecognitionStore;
  notes: NoteStore;
  settings: SettingsStore;
  defaultTimeZone: string;
}

/** Whose brief about whom, as of when. */
export interface BriefRequest {
  tenantId: string;
  readerId: string;
  personId: string;
  now: Date;
  /** The last 1:1's start, when the calendar knows it; otherwise the last 30 days. */
  since?: Date;
  options?: Partial<Omit<BriefOptions, 'policy'>>;
}

/**
 * A brief about one person for one reader, from bounded reads: the two people (one query), the
 * reader's own notes about the person (one query in the reader's partition) and, only once the
 * reader may have a brief, the tenant's settings (a point read), the kudos the person received
 * since the earlier of `since` and six months ago, and those they gave since `since` (one query
 * each, by recipient and by giver within the tenant).
 */
export async function briefFor(deps: BriefReads, request: BriefRequest): Promise<BriefResult> {
  const { tenantId, readerId, personId, now } = request;
  const [people, notes] = await Promise.all([
    deps.people.findMany(tenantId, [readerId, personId]),
    deps.notes.aboutSubject(tenantId, readerId, personId),
  ]);
  const reader = people.find((p) => p.id === readerId && p.tenantId === tenantId);
  const person = people.find((p) => p.id === personId && p.tenantId === tenantId);
  const ownNotes = notes.filter((n) => n.authorId === readerId);
  const mayRead = person?.managerId === readerId || ownNotes.length > 0;
  if (!reader || !person || readerId === personId || !mayRead) return { ok: false, code: 'BRIEF.NOT_YOURS' };

  const options = { ...DEFAULT_BRIEF_OPTIONS, ...request.options };
  const since = request.since ?? new Date(now.getTime() - options.defaultDays * DAY);
  const lookBack = new Date(Math.min(since.getTime(), now.getTime() - options.valueDays * DAY));
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  const [received, given] = await Promise.all([
    deps.recognitions.forRecipientsSince(tenantId, [personId], lookBack),
    deps.recognitions.givenBySince(tenantId, [personId], since),
  ]);
  return buildBrief({
    reader,
    person,
    received,
    given,
    notes: ownNotes,
    values: settings.values,
    now,
    ...(request.since ? { since: request.since } : {}),
    defaultTimeZone: settings.defaultTimeZone,
    options: { ...options, policy: milestonePolicyFor(settings) },
  });
}
