import type { ErrorResponse } from '@azure/cosmos';
import type { z } from 'zod';
import type { Logger } from '../../core/shared';

/** Cosmos adds these to every stored item; the domain never sees them. */
const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn'] as const;

/** The stored item as the domain type, without Cosmos' system fields. */
export function fromDocument<T>(resource: unknown): T {
  const copy = { ...(resource as Record<string, unknown>) };
  for (const field of SYSTEM_FIELDS) delete copy[field];
  return copy as T;
}

/**
 * Reads stored documents of one kind back through their schema. A document that does not match
 * is never cast into the domain: it is logged (its id and tenant and the paths that failed, never
 * its content, which may be someone's note or message) and read as absent, so that one damaged
 * record costs its own reminder or card, not a whole tenant's job.
 */
export class DocumentReader<T> {
  constructor(
    private readonly kind: string,
    private readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    private readonly logger: Logger,
  ) {}

  /** The domain value of one stored item, or `undefined` (logged) when it does not match. */
  one(resource: unknown): T | undefined {
    const parsed = this.schema.safeParse(fromDocument<unknown>(resource));
    if (parsed.success) return parsed.data;
    const { id, tenantId } = (resource ?? {}) as { id?: unknown; tenantId?: unknown };
    this.logger.warn('stored document does not match its schema; read as absent', {
      kind: this.kind,
      id: typeof id === 'string' ? id : undefined,
      tenantId: typeof tenantId === 'string' ? tenantId : undefined,
      // Paths and codes only: zod's messages can quote the stored value.
      problems: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.code}`),
    });
    return undefined;
  }

  /** The items of a query that match, in order; each one that does not is logged and left out. */
  all(resources: readonly unknown[]): T[] {
    const found: T[] = [];
    for (const resource of resources) {
      const value = this.one(resource);
      if (value !== undefined) found.push(value);
    }
    return found;
  }
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
