import { inPool } from '../shared';
import type { ErasureRegister } from './erasures';
import { installForPeople, type InstallPass, type InstallReport } from './appInstalls';
/**
 * Names, emails and managers from the tenant's directory (Microsoft Graph), merged into the
 * people Moments holds. Birthdays and hire dates come from the HR CSV import only
 * (core/people/importRows.ts): Graph cannot list birthdays across users and `employeeHireDate` is
 * often empty, so a sync never writes a date.
 *
 * Merge rules, per user the source lists:
 *
 * - **Only `displayName`, `email` and `managerId` are Graph's.** Everything else (birthday,
 *   hireDate, timeZone, celebration preferences, lastRecognisedOn, teams, …) stays exactly as
 *   stored.
 * - `email` is `mail`, else `userPrincipalName`, lower-case. A guest's `…#EXT#@…` UPN is not an
 *   address and is not used. A user with neither keeps the stored email.
 * - `displayName` is trimmed with runs of white space made one space (as the CSV import does, so
 *   the two agree). An empty name keeps the stored one.
 * - `managerId` is Graph's answer, including "no manager": once the tenant syncs, Graph owns the
 *   org chart, so a manager removed in Entra ID is removed here too (a `manager` column of a later
 *   CSV import is overwritten by the next sync).
 * - Ids are lower-cased, as the CSV import stores them.
 * - Someone unchanged is not written. Someone new gets the defaults below.
 * - **Disabled accounts** (`accountEnabled: false`) are never added, changed or removed. Tenants
 *   list shared mailboxes and room accounts as disabled users, so they must not become people;
 *   and removing someone would lose the dates and preferences only the CSV can restore (an
 *   account may be disabled for a leave). The report lists the disabled accounts the directory
 *   still holds, for an administrator to remove with a CSV `remove` row.
 *
 * New people get no celebration preference (`celebrate: {}`): they have not chosen, so the
 * tenant's default celebration applies (`manager` unless an admin changes it: their manager is
 * reminded, nothing is posted publicly) until the CSV or they set one. A sync never writes a
 * preference, so it never overrides a person's own choice. They have no dates until the CSV gives
 * them, so a sync alone never makes a milestone.
 *
 * Existing people are read with {@link PeopleDirectory.findMany}, a batch at a time: one query per
 * batch, never a read per user, never the whole directory.
 *
 * @packageDocumentation
 */

import { saveListingManagersOnce, type PeopleDirectory, type Person } from './directory';
import { graphSyncStatus, type ImportStatusStore } from './importStatus';

/** A user as the tenant's directory lists it (Microsoft Graph's field names). */
export interface DirectoryUser {
  /** Entra object id. */
  id: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
  /** Undefined means enabled (Graph returns it only when selected). */
  accountEnabled?: boolean;
  /** The manager's object id; undefined when the user has none. */
  managerId?: string;
}

/** The port a sync reads from: every user of the tenant, each once. */
export interface DirectorySource {
  users(): AsyncIterable<DirectoryUser>;
}

/** What a sync did. Counts are of users the source listed. */
export interface PeopleSyncReport {
  tenantId: string;
  /** `now`, as given. */
  syncedAt: string;
  /** Enabled users the directory did not hold: saved with the defaults. */
  added: number;
  /** Enabled users whose name, email or manager changed: saved. */
  updated: number;
  /** Enabled users already as Graph says: not written. */
  unchanged: number;
  /** Disabled accounts listed by the source: none added, changed or removed. */
  disabled: number;
  /** Ids of the disabled accounts the directory holds (kept as they are): remove them by CSV if they left. */
  disabledInDirectory: string[];
  /** Enabled users with a manager who is a person of the directory (after this sync). */
  managersResolved: number;
  /**
   * Enabled users whose manager is not a person of the directory: a disabled account not yet
   * imported, or an organisational contact. The manager id is stored all the same.
   */
  managersUnresolved: number;
  /** Users the source listed more than once (the later copies are ignored). */
  duplicates: number;
  /** Users who asked Moments to forget them: not added back. */
  forgotten: number;
  /** With `install`: what installing Moments for people without a personal chat did. */
  installs?: InstallReport;
}

export interface PeopleSyncOptions {
  tenantId: string;
  now: Date;
  /** Users looked up with one `findMany` (default 100). */
  batchSize?: number;
  /** Saves in flight at once (default 8). */
  writeConcurrency?: number;
  /** Who asked to be forgotten: the sync does not add them back, nor installs Moments for them. */
  erasures?: Pick<ErasureRegister, 'erasedAmong'>;
  /**
   * Installs Moments as a personal app for the enabled people it has no chat with (the tenant's
   * `installForEveryone`, with the app's catalog id); the installation event then stores the chat.
   */
  install?: InstallPass;
  /** Where the tenant's last import is kept (what the tab's organisation page shows). */
  importStatus?: Pick<ImportStatusStore, 'record'>;
}

const cleanName = (name: string | undefined) => (name ?? '').trim().replace(/\s+/g, ' ');

/** `mail`, else a real UPN, lower-case; undefined when Graph gives no address. */
export function directoryEmail(user: Pick<DirectoryUser, 'mail' | 'userPrincipalName'>): string | undefined {
  const mail = user.mail?.trim();
  if (mail) return mail.toLowerCase();
  const upn = user.userPrincipalName?.trim();
  if (upn && upn.includes('@') && !upn.toUpperCase().includes('#EXT#')) return upn.toLowerCase();
  return undefined;
}

/** The person after merging `user` into `stored` (or into a new person), or undefined for no change. */
export function mergeDirectoryUser(
  tenantId: string,
  user: DirectoryUser,
  stored: Person | undefined,
): { person: Person; change: 'added' | 'updated' } | undefined {
  const id = user.id.toLowerCase();
  const displayName = cleanName(user.displayName);
  const email = directoryEmail(user);
  const rawManager = user.managerId?.trim().toLowerCase();
  const managerId = rawManager && rawManager !== id ? rawManager : undefined;

  if (!stored) {
    const person: Person = {
      tenantId,
      id,
      displayName: displayName || email || id,
      ...(email === undefined ? {} : { email }),
      ...(managerId === undefined ? {} : { managerId }),
      celebrate: {},
    };
    return { person, change: 'added' };
  }

  const next: Person = { ...stored };
  if (displayName) next.displayName = displayName;
  if (email !== undefined) next.email = email;
  if (managerId === undefined) delete next.managerId;
  else next.managerId = managerId;
  const same =
    next.displayName === stored.displayName &&
    next.email === stored.email &&
    next.managerId === stored.managerId;
  return same ? undefined : { person: next, change: 'updated' };
}

/**
 * Merges every user of `source` into `directory` for `tenantId` (rules in the module comment).
 * Reads the source once, as a stream: memory holds one batch of users, the ids seen and a
 * count per manager. A failure of the source (e.g. Graph refusing the app) stops the sync: the
 * batches already saved stay saved, and a re-run converges, since unchanged people are skipped.
 */
export async function syncPeople(
  directory: PeopleDirectory,
  source: DirectorySource,
  options: PeopleSyncOptions,
): Promise<PeopleSyncReport> {
  const { tenantId, now } = options;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const writeConcurrency = Math.max(1, options.writeConcurrency ?? 8);
  const report: PeopleSyncReport = {
    tenantId,
    syncedAt: now.toISOString(),
    added: 0,
    updated: 0,
    unchanged: 0,
    disabled: 0,
    disabledInDirectory: [],
    managersResolved: 0,
    managersUnresolved: 0,
    duplicates: 0,
    forgotten: 0,
    ...(options.install ? { installs: { installed: 0, alreadyInstalled: 0, failed: 0 } } : {}),
  };
  const seen = new Set<string>();
  /** Ids of the people the directory holds after this sync, among those the source listed. */
  const inDirectory = new Set<string>();
  /** Manager id → how many enabled users name them. */
  const reportsPerManager = new Map<string, number>();
  let batch: DirectoryUser[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const users = batch;
    batch = [];
    const stored = new Map(
      (
        await directory.findMany(
          tenantId,
          users.map((user) => user.id.toLowerCase()),
        )
      ).map((person) => [person.id.toLowerCase(), person]),
    );
    const newcomers = users.map((user) => user.id.toLowerCase()).filter((id) => !stored.has(id));
    const erased =
      options.erasures && newcomers.length > 0
        ? await options.erasures.erasedAmong(tenantId, newcomers)
        : new Set<string>();
    const writes: Person[] = [];
    const enabled: string[] = [];
    for (const user of users) {
      const id = user.id.toLowerCase();
      const existing = stored.get(id);
      if (erased.has(id)) {
        report.forgotten += 1;
        continue;
      }
      if (user.accountEnabled === false) {
        report.disabled += 1;
        if (existing) {
          report.disabledInDirectory.push(existing.id);
          inDirectory.add(id);
        }
        continue;
      }
      const merged = mergeDirectoryUser(tenantId, user, existing);
      const person = merged?.person ?? existing;
      if (!merged) report.unchanged += 1;
      else {
        report[merged.change] += 1;
        writes.push(merged.person);
      }
      inDirectory.add(id);
      enabled.push(id);
      if (person?.managerId) {
        reportsPerManager.set(person.managerId, (reportsPerManager.get(person.managerId) ?? 0) + 1);
      }
    }
    await saveListingManagersOnce(directory, tenantId, (save) => inPool(writes, writeConcurrency, save));
    if (options.install && report.installs) {
      await installForPeople(options.install, tenantId, enabled, report.installs);
    }
  };

  for await (const user of source.users()) {
    const id = user.id.toLowerCase();
    if (seen.has(id)) {
      report.duplicates += 1;
      continue;
    }
    seen.add(id);
    batch.push(user);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  // Managers the source did not list as a person of the directory may still be one (e.g. added
  // by the CSV import): look them up, in batches too.
  const unknown = [...reportsPerManager.keys()].filter((id) => !inDirectory.has(id));
  for (let start = 0; start < unknown.length; start += batchSize) {
    const ids = unknown.slice(start, start + batchSize);
    for (const person of await directory.findMany(tenantId, ids)) inDirectory.add(person.id.toLowerCase());
  }
  for (const [managerId, reports] of reportsPerManager) {
    if (inDirectory.has(managerId)) report.managersResolved += reports;
    else report.managersUnresolved += reports;
  }
  report.disabledInDirectory.sort();
  await options.importStatus?.record(graphSyncStatus(report));
  return report;
}
