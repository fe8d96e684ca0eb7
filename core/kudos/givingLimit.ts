/**
 * The daily kudos limit, claimed atomically: one tally per giver, changed only over the copy it was
 * read from, so that of any number of concurrent submits exactly as many as the limit allows are
 * counted.
 *
 * Which day a kudos counts on: the giver's local date, in the zone they have when they give it,
 * but never a date before the one the tally already counts. Moving west (a zone where it is still
 * yesterday or the same day) keeps counting on the day already counted, so changing one's time zone
 * in `my settings` cannot start a fresh day; only a date later than the counted one does. Moving
 * east can bring the next date early once, but dates only go forward, so over any span of time a
 * giver can count at most one more day's worth than the days that passed.
 */

/** A giver's count towards the daily limit. */
export interface GivingTally {
  tenantId: string;
  giverId: string;
  /** The local date (`YYYY-MM-DD`) the count is for; it never goes back. */
  day: string;
  /** Kudos counted on `day`. */
  count: number;
  /** The recognitions counted on `day`: a retried submit of one of them is not counted again. */
  recognitionIds: string[];
}

/** What {@link GivingTallyStore.change} is told to write, and what it answers. */
export interface TallyDecision<R> {
  /** The tally to write; absent to write nothing. */
  next?: GivingTally;
  answer: R;
}

/** The tallies port. */
export interface GivingTallyStore {
  get(tenantId: string, giverId: string): Promise<GivingTally | undefined>;
  /**
   * Reads the giver's tally, lets `decide` work out the next one and writes it only if nobody wrote
   * in between (created only if still absent, replaced only if unchanged), deciding again on a
   * fresh read otherwise. Answers what the decision that held said.
   */
  change<R>(
    tenantId: string,
    giverId: string,
    decide: (current: GivingTally | undefined) => TallyDecision<R>,
  ): Promise<R>;
}

/** The answer of {@link claimGivingSlot}: counted, or refused with how many were already given. */
export type GivingClaim = { ok: true; day: string } | { ok: false; given: number };

/**
 * Counts `recognitionId` towards the giver's daily `limit` on their local day `localDay`, unless
 * that day (or the later one already counted, see the rule above) has reached the limit.
 * `earlierCount` is asked only when the giver has no tally yet: kudos they gave today before
 * tallies existed.
 */
export async function claimGivingSlot(
  store: GivingTallyStore,
  claim: { tenantId: string; giverId: string; recognitionId: string; localDay: string; limit: number },
  earlierCount: (day: string) => Promise<number>,
): Promise<GivingClaim> {
  const { tenantId, giverId, recognitionId, localDay, limit } = claim;
  const seeded = (await store.get(tenantId, giverId)) ? 0 : await earlierCount(localDay);
  return store.change(tenantId, giverId, (current): TallyDecision<GivingClaim> => {
    const sameDay = current !== undefined && current.day >= localDay;
    const day = sameDay ? current.day : localDay;
    const count = sameDay ? current.count : current ? 0 : seeded;
    const ids = sameDay ? current.recognitionIds : [];
    if (ids.includes(recognitionId)) return { answer: { ok: true, day } };
    if (count >= limit) return { answer: { ok: false, given: count } };
    return {
      next: { tenantId, giverId, day, count: count + 1, recognitionIds: [...ids, recognitionId] },
      answer: { ok: true, day },
    };
  });
}
