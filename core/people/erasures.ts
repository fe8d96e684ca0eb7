/**
 * People who asked Moments to forget them (`forget me`). Their record is gone, but an HR import, a
 * Graph sync or a Teams roster would otherwise add them straight back; those consult this register
 * and leave them out. It holds no personal data: the store keeps a one-way hash of the id, enough
 * to recognise the id again and nothing more. Someone who comes back themselves (saving
 * `my settings`) is taken off it.
 */
export interface ErasureRegister {
  record(tenantId: string, personId: string, at: Date): Promise<void>;
  /** Which of `personIds` asked to be forgotten (the ids as given). */
  erasedAmong(tenantId: string, personIds: readonly string[]): Promise<Set<string>>;
  clear(tenantId: string, personId: string): Promise<void>;
}

/** Why an import or sync leaves someone out, fit to show an admin. */
export const ERASED_REASON =
  'asked Moments to forget them; they are added again only if they save my settings in a personal chat with Moments';
