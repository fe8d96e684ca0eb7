import type { Container } from '@azure/cosmos';
import type { AuditEntry, AuditTrail } from '../../core/settings';
import type { Logger } from '../../core/shared';
import { DocumentReader } from './documents';
import { auditEntrySchema } from './schemas/settings';

const auditDocId = (entryId: string) => `audit:${entryId}`;

/**
 * The audit trail of admins, settings and values in the `settings` container, beside the settings
 * it speaks of (one partition per tenant). Entries are only ever created, never replaced.
 */
export class CosmosAuditTrail implements AuditTrail {
  private readonly documents: DocumentReader<AuditEntry>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('audit entry', auditEntrySchema, logger);
  }

  async record(entries: readonly AuditEntry[]): Promise<void> {
    for (const entry of entries) {
      await this.container.items.create({ ...entry, id: auditDocId(entry.id), type: 'audit' });
    }
  }

  async latest(tenantId: string, count: number): Promise<AuditEntry[]> {
    return this.read(tenantId, Math.max(0, Math.floor(count)));
  }

  async all(tenantId: string): Promise<AuditEntry[]> {
    return this.read(tenantId);
  }

  private async read(tenantId: string, top?: number): Promise<AuditEntry[]> {
    if (top === 0) return [];
    const { resources } = await this.container.items
      .query<unknown>(
        {
          query:
            `SELECT ${top === undefined ? '' : 'TOP @top '}* FROM c ` +
            "WHERE c.tenantId = @tenantId AND c.type = 'audit' ORDER BY c.id DESC",
          parameters: [
            { name: '@tenantId', value: tenantId },
            ...(top === undefined ? [] : [{ name: '@top', value: top }]),
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return this.documents
      .all(resources)
      .filter((entry) => entry.tenantId === tenantId)
      .map(({ type: _type, ...entry }: AuditEntry & { type?: unknown }) => ({
        ...entry,
        id: entry.id.replace(/^audit:/, ''),
      }));
  }
}
