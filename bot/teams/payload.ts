import { z } from 'zod';

/**
 * The most a card action's or a dialog's data may weigh, in characters of its JSON. Every form
 * Moments sends fits in a fraction of this; a payload over it is refused before it is parsed.
 */
export const MAX_PAYLOAD_CHARS = 8 * 1024;

/** An id a card carries back (AAD object ids, Teams ids, delivery keys). */
export const cardId = z.string().max(256);

/**
 * Reads what a card action or an invoke carried, as its verb's schema says, or `undefined` when it
 * is too large or not what Moments' cards send (a forged or stale card): the caller then refuses
 * and changes nothing. The size comes first, so an oversized payload costs no parsing.
 */
export function readPayload<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  data: unknown,
  maxChars: number = MAX_PAYLOAD_CHARS,
): T | undefined {
  if ((JSON.stringify(data ?? {})?.length ?? 0) > maxChars) return undefined;
  const parsed = schema.safeParse(data ?? {});
  return parsed.success ? parsed.data : undefined;
}
