import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { ImportStatusRecord, ImportStatusStore, RefusalCode } from '../../core/people';
import type { Logger } from '../../core/shared';
import { DocumentReader, orUndefined } from './documents';

const IMPORT_STATUS_DOC = 'importStatus';

const REFUSAL_CODES = [
  'emptyFile',
  'badHeader',
  'malformedRow',
  'invalidValue',
  'duplicate',
  'ownManager',
  'managerCycle',
  'unknownEmail',
  'emailTaken',
  'managerMismatch',
  'unknownManager',
  'forgotten',
  'other',
] as const satisfies readonly RefusalCode[];

/** The import status as stored (document id `importStatus`); a code added later reads as `other`. */
const importStatusSchema: z.ZodType<ImportStatusRecord, z.ZodTypeDef, unknown> = z.object({
  tenantId: z.string(),
  at: z.string(),
  source: z.enum(['csv', 'graph']),
  added: z.number(),
  updated: z.number(),
  refused: z.array(z.object({ line: z.number(), reason: z.enum(REFUSAL_CODES).catch('other') })),
});

/** The last people import of each tenant: one document in the `settings` container, replaced by every import. */
export class CosmosImportStatusStore implements ImportStatusStore {
  private readonly documents: DocumentReader<ImportStatusRecord>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('import status', importStatusSchema, logger);
  }

  async last(tenantId: string): Promise<ImportStatusRecord | undefined> {
    const resource = await orUndefined(
      async () => (await this.container.item(IMPORT_STATUS_DOC, tenantId).read()).resource as unknown,
    );
    const status = resource ? this.documents.one(resource) : undefined;
    return status?.tenantId === tenantId ? status : undefined;
  }

  async record(status: ImportStatusRecord): Promise<void> {
    await this.container.items.upsert({ ...status, id: IMPORT_STATUS_DOC, type: 'importStatus' });
  }
}
