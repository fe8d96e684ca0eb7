import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { ErasureRegister } from '../../core/people';
import { readEachChunk } from './chunks';
import { orUndefined } from './documents';

/** An erasure as stored: no id of the person, only its hash (core/erasures.ts). */
interface ErasureDocument {
  id: string;
  tenantId: string;
  type: 'erasure';
  at: string;
}

/** The register in the `settings` container (partitioned by tenant), one small document each. */
export class CosmosErasureRegister implements ErasureRegister {
  constructor(private readonly container: Container) {}

  async record(tenantId: string, personId: string, at: Date): Promise<void> {
    const document: ErasureDocument = {
      id: erasureId(tenantId, personId),
      tenantId,
      type: 'erasure',
      at: at.toISOString(),
    };
    await this.container.items.upsert(document);
  }

  async erasedAmong(tenantId: string, personIds: readonly string[]): Promise<Set<string>> {
    const byHash = new Map<string, string[]>();
    for (const personId of new Set(personIds)) {
      const id = erasureId(tenantId, personId);
      byHash.set(id, [...(byHash.get(id) ?? []), personId]);
    }
    const found = await readEachChunk([...byHash.keys()], async (hashes) => {
      const { resources } = await this.container.items
        .query<string>(
          {
            query:
              "SELECT VALUE c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'erasure' AND ARRAY_CONTAINS(@ids, c.id)",
            parameters: [
              { name: '@tenantId', value: tenantId },
              { name: '@ids', value: hashes },
            ],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    });
    const erased = new Set<string>();
    for (const id of found) for (const personId of byHash.get(id) ?? []) erased.add(personId);
    return erased;
  }

  async clear(tenantId: string, personId: string): Promise<void> {
    await orUndefined(() => this.container.item(erasureId(tenantId, personId), tenantId).delete());
  }
}

/** AAD object ids compare without case; the tenant is part of the hash, so tenants never match. */
function erasureId(tenantId: string, personId: string): string {
  const hash = createHash('sha256').update(`${tenantId}\n${personId.toLowerCase()}`).digest('hex');
  return `erasure:${hash}`;
}
