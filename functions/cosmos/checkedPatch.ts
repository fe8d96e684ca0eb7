import type { Item, ItemDefinition, PatchOperation } from '@azure/cosmos';
import { retry } from '../../core/shared';
import { statusOf } from './documents';

/**
 * Reads and conditional patches of one document before giving up: each round lets at least one
 * of the writers racing on it through, and a roster registered by many teams at once is the most
 * there are. The jittered pause spreads racing writers out.
 */
const PATCH_RACE_RETRY = { maxAttempts: 25, baseDelayMs: 10, maxDelayMs: 250 };

/** The etag of the read was stale: another write landed between the read and the patch. */
class LostRace extends Error {}

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
  const once = async (): Promise<boolean> => {
    const { resource, etag } = await item.read<T>();
    const operations = resource ? change(resource) : undefined;
    if (!operations) return false;
    try {
      await item.patch(operations, { accessCondition: { type: 'IfMatch', condition: etag } });
      return true;
    } catch (error) {
      const code = statusOf(error);
      if (code === 404) return false; // removed meanwhile
      throw code === 412 ? new LostRace() : error;
    }
  };
  const outcome = await retry(once, { ...PATCH_RACE_RETRY, retryable: (error) => error instanceof LostRace });
  if (outcome.ok) return outcome.value;
  if (outcome.error instanceof LostRace) {
    throw new Error(`${what} kept changing under ${PATCH_RACE_RETRY.maxAttempts} attempts`);
  }
  throw outcome.error;
}
