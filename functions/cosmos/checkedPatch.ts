import type { Item, ItemDefinition, PatchOperation } from '@azure/cosmos';
import { statusOf } from './documents';

/**
 * Reads and conditional patches of one document before giving up: each round lets at least one
 * of the writers racing on it through, and a roster registered by many teams at once is the most
 * there are.
 */
const PATCH_ATTEMPTS = 25;
/** The most a conditional patch waits, times its attempt, before reading again after losing a race. */
const PATCH_BACKOFF_MS = 10;

/**
 * Patches one document with the operations `change` makes of its stored value, under that read's
 * etag: a write in between (412) makes it read and decide again, so a concurrent change to the
 * rest of the document, or to the same field, is never lost. The server's own patch condition
 * would do without the re-read, but the local server the tests run against ignores it.
 * @param change the operations, or `undefined` when the stored value needs none.
 * @param what names the document and field in the error thrown when the races never end.
 * @returns whether a patch was made: false when none was needed or the document is not (or no
 * longer) there.
 */
export async function patchChecked<T extends ItemDefinition>(
  item: Item,
  change: (stored: T) => PatchOperation[] | undefined,
  what: string,
): Promise<boolean> {
  for (let attempt = 1; attempt <= PATCH_ATTEMPTS; attempt++) {
    const { resource, etag } = await item.read<T>();
    const operations = resource ? change(resource) : undefined;
    if (!operations) return false;
    try {
      await item.patch(operations, { accessCondition: { type: 'IfMatch', condition: etag } });
      return true;
    } catch (error) {
      const code = statusOf(error);
      if (code === 404) return false; // removed meanwhile
      if (code !== 412) throw error;
      // Changed since the read: after a jittered pause, so racing writers spread out, read again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * PATCH_BACKOFF_MS * attempt));
    }
  }
  throw new Error(`${what} kept changing under ${PATCH_ATTEMPTS} attempts`);
}
