import type { RecognitionStore } from '../kudos';
import type { NoteStore } from '../notes';
import type { PeopleDirectory, Person } from '../people';
import { buildDigest } from './buildDigest';
import type { Digest, DigestOptions } from './digest';

/** What building managers' digests reads. */
export interface DigestReads {
  people: Pick<PeopleDirectory, 'reportsOfEach'>;
  recognitions: Pick<RecognitionStore, 'forRecipientsSince' | 'givenBySince'>;
  notes: Pick<NoteStore, 'openByAuthors'>;
  defaultTimeZone: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A manager's digest as of `now`, from bounded reads: their direct reports (one query), the kudos
 * those reports received in the last week (one query), the kudos the reports and the manager gave
 * in the last four weeks (one query) and the manager's own open notes (one query). Undefined for
 * someone with no reports.
 */
export async function digestFor(
  deps: DigestReads,
  manager: Person,
  now: Date,
  options?: Partial<DigestOptions>,
): Promise<Digest | undefined> {
  const [digest] = await digestsFor(deps, [manager], now, options);
  return digest;
}

/**
 * The digests of several managers of one tenant as of `now`, from the reads of {@link digestFor}
 * made once for all of them: their reports (one query), the kudos any of those reports received in
 * the last week, the kudos the reports and managers gave in the last four weeks, and the managers'
 * open notes (a query each, per hundred people). Each digest is built from exactly what its
 * manager's own reads would have found, so it is the digest {@link digestFor} builds.
 * @returns one entry per manager, in order: undefined for someone with no reports.
 */
export async function digestsFor(
  deps: DigestReads,
  managers: readonly Person[],
  now: Date,
  options?: Partial<DigestOptions>,
): Promise<Array<Digest | undefined>> {
  const tenantId = managers[0]?.tenantId;
  if (tenantId === undefined) return [];
  if (managers.some((m) => m.tenantId !== tenantId)) {
    throw new Error('digestsFor reads one tenant at a time: the managers given belong to several');
  }
  const managerIds = managers.map((m) => m.id);
  const reportsOf = await deps.people.reportsOfEach(tenantId, managerIds);
  const teams = managers.map((manager) =>
    (reportsOf.get(manager.id) ?? []).filter((r) => r.id !== manager.id),
  );
  const reportIds = teams.flat().map((r) => r.id);
  if (reportIds.length === 0) return managers.map(() => undefined);
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const fourWeeksAgo = new Date(now.getTime() - 28 * DAY);
  const [received, given, notes] = await Promise.all([
    deps.recognitions.forRecipientsSince(tenantId, reportIds, weekAgo),
    deps.recognitions.givenBySince(tenantId, [...managerIds, ...reportIds], fourWeeksAgo),
    deps.notes.openByAuthors(tenantId, managerIds),
  ]);
  return managers.map((manager, index) => {
    const reports = teams[index] ?? [];
    if (reports.length === 0) return undefined;
    const team = new Set(reports.map((r) => r.id));
    const givers = new Set([manager.id, ...team]);
    return buildDigest({
      manager,
      reports,
      // What this manager's own queries would have answered, in the same order (newest first).
      received: received.filter((k) => k.recipientIds.some((id) => team.has(id))),
      given: given.filter((k) => givers.has(k.giver.id)),
      notes: notes.filter((n) => n.authorId === manager.id),
      now,
      defaultTimeZone: deps.defaultTimeZone,
      ...(options ? { options } : {}),
    });
  });
}
