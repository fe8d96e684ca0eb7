import { stableJson } from '../shared';
import type { Person } from './directory';
import { ERASED_REASON } from './erasures';
import type { ParsedPeopleCsv } from './importFile';
import type { ImportRefusal } from './importRows';
import { managerCyclesOf } from './managerCycles';

/** One write an import makes. */
export type ImportWrite =
  | { op: 'save'; rowNumber: number; person: Person }
  | { op: 'remove'; rowNumber: number; tenantId: string; id: string };

/** What importing a file would do. */
export interface ImportPlan {
  counts: { imported: number; updated: number; unchanged: number; removed: number; refused: number };
  /** Only the changes: an unchanged row writes nothing. */
  writes: ImportWrite[];
  /** The file's refusals and the plan's, by row number. */
  refusals: ImportRefusal[];
}

/**
 * Works out the writes of an import against the people already in the directory (`existing`:
 * at least everyone the file names by id or email, and its managers' emails). Emails, of people
 * and of managers, are resolved through `existing` first, then `resolvedEmails` (email → AAD
 * object id, e.g. from Graph); what stays unresolved is refused. Fields the row leaves empty keep
 * their stored values, so an unchanged row produces no write and importing a file twice changes
 * nothing the second time. Removing someone not in the directory is unchanged, not an error. A
 * person's own choices in `my settings` (birthday, time zone, celebrations) are kept. A celebration
 * the file gives is recorded as the file's (`celebrateSource: 'import'`); one it leaves empty stays
 * unset, so the tenant's default celebration applies: an import makes nobody public by omission.
 * A row whose manager would make its person their own manager through others (A → B → A, with the
 * directory as the import leaves it) is refused, as is every other row of that cycle that gives a
 * manager: which of them is wrong cannot be known.
 */
export function planImport(
  parsed: Pick<ParsedPeopleCsv, 'rows'> & Partial<Pick<ParsedPeopleCsv, 'refusals'>>,
  existing: readonly Person[],
  options: {
    resolvedEmails?: ReadonlyMap<string, string>;
    /** People who asked Moments to forget them (core/people/erasures.ts): their rows are refused. */
    erasedIds?: ReadonlySet<string>;
  } = {},
): ImportPlan {
  const plan: ImportPlan = {
    counts: { imported: 0, updated: 0, unchanged: 0, removed: 0, refused: 0 },
    writes: [],
    refusals: [...(parsed.refusals ?? [])],
  };
  const resolved = new Map(
    [...(options.resolvedEmails ?? new Map<string, string>())].map(([email, id]) => [
      email.toLowerCase(),
      id,
    ]),
  );
  const byId = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  for (const person of existing) {
    byId.set(`${person.tenantId}\u0000${person.id.toLowerCase()}`, person);
    if (person.email) byEmail.set(`${person.tenantId}\u0000${person.email.toLowerCase()}`, person);
  }
  const lookupId = (tenantId: string, id: string) => byId.get(`${tenantId}\u0000${id}`);
  const idForEmail = (tenantId: string, email: string) =>
    byEmail.get(`${tenantId}\u0000${email}`)?.id ?? resolved.get(email);
  const refuse = (rowNumber: number, reason: string) => plan.refusals.push({ rowNumber, reason });
  const erased = new Set([...(options.erasedIds ?? [])].map((id) => id.toLowerCase()));
  /** The saves whose row gives a manager, and how each is counted. */
  const givesManager = new Map<number, 'imported' | 'updated'>();

  for (const row of [...parsed.rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const tenantId = row.person.tenantId;
    const patch = row.person;
    const id = patch.id ?? (patch.email ? idForEmail(tenantId, patch.email) : undefined);

    if (row.action === 'remove') {
      const stored = id === undefined ? undefined : lookupId(tenantId, id.toLowerCase());
      if (stored) {
        plan.writes.push({ op: 'remove', rowNumber: row.rowNumber, tenantId, id: stored.id });
        plan.counts.removed += 1;
      } else plan.counts.unchanged += 1;
      continue;
    }

    if (id === undefined) {
      refuse(row.rowNumber, `no id, and no one in the directory has the email ${patch.email ?? ''}`);
      continue;
    }
    if (erased.has(id.toLowerCase())) {
      refuse(row.rowNumber, ERASED_REASON);
      continue;
    }
    if (patch.email) {
      const owner = byEmail.get(`${tenantId}\u0000${patch.email}`);
      if (owner && owner.id.toLowerCase() !== id.toLowerCase()) {
        refuse(
          row.rowNumber,
          `the email ${patch.email} belongs to someone else in the directory (${owner.id})`,
        );
        continue;
      }
    }
    let managerId = patch.managerId;
    if (patch.managerEmail) {
      const inDirectory = idForEmail(tenantId, patch.managerEmail);
      if (managerId && inDirectory && managerId.toLowerCase() !== inDirectory.toLowerCase()) {
        refuse(
          row.rowNumber,
          `the manager ${patch.managerEmail} is ${managerId} in the file but ${inDirectory} in the directory`,
        );
        continue;
      }
      managerId ??= inDirectory;
      if (managerId === undefined) {
        refuse(
          row.rowNumber,
          `the manager ${patch.managerEmail} is neither in the file nor in the directory`,
        );
        continue;
      }
    }
    if (managerId !== undefined && managerId.toLowerCase() === id.toLowerCase()) {
      refuse(row.rowNumber, 'is their own manager');
      continue;
    }

    const stored = lookupId(tenantId, id.toLowerCase());
    // Someone new has chosen nothing: the tenant's default celebration applies until they or the
    // file say otherwise.
    const base: Person = stored ?? { tenantId, id, displayName: patch.displayName ?? '', celebrate: {} };
    // What a person chose in `my settings` stays as they chose it.
    const own = base.ownSettings === true;
    const celebrate = own || !patch.celebrate ? base.celebrate : { ...base.celebrate, ...patch.celebrate };
    const next: Person = {
      ...base,
      ...(patch.displayName === undefined ? {} : { displayName: patch.displayName }),
      ...(patch.email === undefined ? {} : { email: patch.email }),
      ...(managerId === undefined ? {} : { managerId }),
      ...(patch.timeZone === undefined || own ? {} : { timeZone: patch.timeZone }),
      ...(patch.birthday === undefined || own ? {} : { birthday: patch.birthday }),
      ...(patch.hireDate === undefined ? {} : { hireDate: patch.hireDate }),
      celebrate,
      ...(celebrate === base.celebrate ? {} : { celebrateSource: 'import' as const }),
    };
    if (stored && stableJson(stored) === stableJson(next)) {
      plan.counts.unchanged += 1;
      continue;
    }
    plan.writes.push({ op: 'save', rowNumber: row.rowNumber, person: next });
    if (stored) plan.counts.updated += 1;
    else plan.counts.imported += 1;
    if (managerId !== undefined) givesManager.set(row.rowNumber, stored ? 'updated' : 'imported');
  }
  refuseManagerCycles(plan, existing, givesManager);
  plan.refusals.sort((a, b) => a.rowNumber - b.rowNumber);
  plan.counts.refused = plan.refusals.length;
  return plan;
}

/**
 * Refuses the saves that give a manager and put their person in a manager cycle, in the directory
 * as the plan would leave it; each reason names the cycle, by email where there is one.
 */
function refuseManagerCycles(
  plan: ImportPlan,
  existing: readonly Person[],
  givesManager: ReadonlyMap<number, 'imported' | 'updated'>,
): void {
  const after = new Map<string, Person>();
  for (const person of existing) after.set(`${person.tenantId}\u0000${person.id.toLowerCase()}`, person);
  for (const write of plan.writes) {
    if (write.op === 'remove') after.delete(`${write.tenantId}\u0000${write.id.toLowerCase()}`);
    else after.set(`${write.person.tenantId}\u0000${write.person.id.toLowerCase()}`, write.person);
  }
  const managerOf = new Map<string, string>();
  for (const [key, person] of after) {
    if (person.managerId) managerOf.set(key, `${person.tenantId}\u0000${person.managerId.toLowerCase()}`);
  }
  const saves = new Map<string, number>();
  for (const write of plan.writes) {
    if (write.op === 'save' && givesManager.has(write.rowNumber)) {
      saves.set(`${write.person.tenantId}\u0000${write.person.id.toLowerCase()}`, write.rowNumber);
    }
  }
  const cycles = managerCyclesOf(saves.keys(), managerOf);
  if (cycles.size === 0) return;
  const nameOf = (key: string) => after.get(key)?.email ?? key.slice(key.indexOf('\u0000') + 1);
  const refused = new Set<number>();
  for (const [key, cycle] of cycles) {
    const rowNumber = saves.get(key) as number;
    refused.add(rowNumber);
    plan.counts[givesManager.get(rowNumber) as 'imported' | 'updated'] -= 1;
    plan.refusals.push({
      rowNumber,
      reason: `is in a manager cycle (${cycle.map(nameOf).join(' → ')}): someone in it must have a manager outside it`,
    });
  }
  plan.writes = plan.writes.filter((write) => write.op !== 'save' || !refused.has(write.rowNumber));
}
