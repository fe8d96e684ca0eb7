import type { ErrorResponse } from '@azure/cosmos';

/** Cosmos adds these to every stored item; the domain never sees them. */
const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn'] as const;

/** The stored item as the domain type, without Cosmos' system fields. */
export function fromDocument<T>(resource: unknown): T {
  const copy = { ...(resource as Record<string, unknown>) };
  for (const field of SYSTEM_FIELDS) delete copy[field];
  return copy as T;
}

/** The HTTP status of a Cosmos error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const code = (error as ErrorResponse | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs a point operation, turning 404 into `undefined`; every other error propagates. */
export async function orUndefined<T>(operation: () => Promise<T>): Promise<T | undefined> {
  try {
    return await operation();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
