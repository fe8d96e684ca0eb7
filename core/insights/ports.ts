import type { ReachRoll } from '../delivery';
import type { Recognition, RecognitionStore } from '../kudos';
import type { NoteStore } from '../notes';
import type { ImportStatusStore, PeopleDirectory } from '../people';

/** Where a page of kudos ends: the next page starts strictly after it, in (createdAt, id) order, newest first. */
export interface KudosPosition {
  createdAt: string;
  id: string;
}

/** Which of a person's kudos a page lists: the ones they gave or received, maybe since a time and of one value. */
export interface KudosOfPerson {
  personId: string;
  since?: Date;
  valueId?: string;
}

/** A kudos as the charts count it: who, when and which value, never the words. */
export interface KudosActivity {
  id: string;
  createdAt: string;
  giverId: string;
  recipientIds: string[];
  valueId: string;
  valueName: string;
}

/** The reads of a person's whole recognition history and of a tenant's activity, for the tab. */
export interface RecognitionHistory {
  /**
   * Up to `limit` of the kudos `filter.personId` gave or received (matching the filter), ordered by
   * createdAt then id, both descending, strictly after `after`: one page of an unbounded history.
   */
  page(
    tenantId: string,
    filter: KudosOfPerson,
    after: KudosPosition | undefined,
    limit: number,
  ): Promise<Recognition[]>;
  /** Every kudos `personId` gave or received since `since` (all time without it), any value, as activity. */
  involving(tenantId: string, personId: string, since?: Date): Promise<KudosActivity[]>;
  /** Every kudos of the tenant created in [from, to), as activity, in no particular order. */
  activityBetween(tenantId: string, from: Date, to: Date): Promise<KudosActivity[]>;
}

/** Someone of the directory as the organisation's charts need them: who, and who manages them. */
export interface RosterEntry {
  id: string;
  displayName: string;
  managerId?: string;
}

/** The whole directory of a tenant, projected: one read, for an admin's page. */
export interface PeopleRoster {
  roster(tenantId: string): Promise<RosterEntry[]>;
}

/** The ports the tab's pages read (core/insights). */
export interface InsightsDeps {
  recognitions: Pick<RecognitionStore, 'forRecipientsSince' | 'givenBySince' | 'createdBetween'>;
  history: RecognitionHistory;
  people: Pick<PeopleDirectory, 'reportsOf'>;
  roster: PeopleRoster;
  /** Read only through `openByAuthor` with the viewer as the author: a page never shows anyone else's notes. */
  notes: Pick<NoteStore, 'openByAuthor'>;
  importStatus: Pick<ImportStatusStore, 'last'>;
  /** The reach census's reads (core/delivery): who Moments cannot reach in a personal chat. */
  reachRoll: ReachRoll;
}
