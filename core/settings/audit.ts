/** What an audited change was made to. */
export type AuditSubject = 'admins' | 'settings' | 'values';

/** Who made a change, and through what. */
export interface AuditActor {
  /** The AAD object id of the person, or the operator's account for the jobs CLI. */
  id: string;
  name: string;
  via: 'teams' | 'cli' | 'tab';
}

/**
 * One change to a tenant's admins, settings or values: who, when, what, from what to what. Values
 * are the plain settings values (numbers, strings, lists), never user content beyond names.
 */
export interface AuditEntry {
  tenantId: string;
  /** Unique within the tenant; sorts by time (`<ISO instant>:<random>`). */
  id: string;
  /** ISO instant of the change. */
  at: string;
  by: AuditActor;
  subject: AuditSubject;
  /** The setting's name (`dailyKudosLimit`), the admin's id, or the value's id. */
  field: string;
  /** The value before; absent when there was none (an admin added). */
  from?: unknown;
  /** The value after; absent when there is none (an admin removed). */
  to?: unknown;
}

/** The audit-trail port: append-only, read newest first. */
export interface AuditTrail {
  record(entries: readonly AuditEntry[]): Promise<void>;
  /** The tenant's newest `count` entries, newest first. */
  latest(tenantId: string, count: number): Promise<AuditEntry[]>;
  /** Every entry of the tenant, newest first. */
  all(tenantId: string): Promise<AuditEntry[]>;
}

/** How many entries the settings card shows. */
export const AUDIT_ENTRIES_SHOWN = 20;

/** The id of an entry made at `at`, unique with `nonce` (any short random string). */
export function auditEntryId(at: Date, nonce: string): string {
  return `${at.toISOString()}:${nonce}`;
}
