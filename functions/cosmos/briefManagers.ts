import type { Container } from '@azure/cosmos';
import type { BriefManagers } from '../../core/briefs';
import type { Person } from '../../core/people';
import type { DocumentReader } from './documents';
import type { Logger } from '../../core/shared';
import { personReader } from './personDocument';

/** The most opted-in managers one tenant's run serves; more are logged and left out. */
export const MAX_BRIEF_MANAGERS = 2000;

/**
 * The calendar briefs job's managers: the tenant's people with a brief lead chosen, in one query
 * within the tenant (bounded), never a read per person.
 */
export class CosmosBriefManagers implements BriefManagers {
  private readonly documents: DocumentReader<Person>;

  constructor(
    private readonly container: Container,
    private readonly logger: Logger,
  ) {
    this.documents = personReader(logger);
  }

  async optedIn(tenantId: string): Promise<Person[]> {
    const { resources } = await this.container.items
      .query<Person>({
        query:
          'SELECT TOP @top * FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.calendarBriefs) AND IS_DEFINED(c.calendarBriefs.leadMinutes)',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@top', value: MAX_BRIEF_MANAGERS + 1 },
        ],
      })
      .fetchAll();
    if (resources.length > MAX_BRIEF_MANAGERS) {
      this.logger.warn('more managers opted in to calendar briefs than one run serves', {
        tenantId,
        served: MAX_BRIEF_MANAGERS,
      });
    }
    return this.documents.all(resources.slice(0, MAX_BRIEF_MANAGERS));
  }
}
