import type { Container, PatchOperation } from '@azure/cosmos';
import type { PeopleDirectory, Person } from '../../core/people';
import type { Logger } from '../../core/shared';
import { patchChecked } from './checkedPatch';
import { orUndefined, statusOf, type DocumentReader } from './documents';
import { personReader, toPersonDocument } from './personDocument';

/** Up to this many ids, {@link CosmosPeopleDirectory.findMany} reads each person directly. */
const POINT_READS_UP_TO = 10;

/** The directory in the `people` container, partitioned by [tenantId, id]. */
export class CosmosPeopleDirectory implements PeopleDirectory {
  private readonly documents: DocumentReader<Person>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = personReader(logger);
  }

  async get(tenantId: string, id: string): Promise<Person | undefined> {
    const { resource } = await this.container.item(id, [tenantId, id]).read<Person>();
    return resource && resource.tenantId === tenantId ? this.documents.one(resource) : undefined;
  }

  async findMany(tenantId: string, ids: string[]): Promise<Person[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    // A few people (the recipients of kudos): point reads, one request each, beat a query, which
    // costs a query-plan request and a page read even for one id.
    if (unique.length <= POINT_READS_UP_TO) {
      const found = await Promise.all(unique.map((id) => this.get(tenantId, id)));
      return found.filter((person): person is Person => person !== undefined);
    }
    const { resources } = await this.container.items
      .query<Person>({
        query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@ids, c.id)',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@ids', value: unique },
        ],
      })
      .fetchAll();
    return this.documents.all(resources);
  }

  async findByEmails(tenantId: string, emails: string[]): Promise<Person[]> {
    if (emails.length === 0) return [];
    const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
    // LOWER: emails saved from a Teams roster keep the case Teams gave them.
    const { resources } = await this.container.items
      .query<Person>({
        query:
          'SELECT * FROM c WHERE c.tenantId = @tenantId AND IS_STRING(c.email) AND ARRAY_CONTAINS(@emails, LOWER(c.email))',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@emails', value: wanted },
        ],
      })
      .fetchAll();
    return this.documents.all(resources);
  }

  async save(person: Person): Promise<void> {
    await this.container.items.upsert(toPersonDocument(person));
  }

  async addIfAbsent(person: Person): Promise<boolean> {
    try {
      await this.container.items.create(toPersonDocument(person));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async markRecognised(tenantId: string, id: string, givenOn: string): Promise<void> {
    // The etag makes "only over an earlier day" hold against a concurrent kudos too.
    await this.patch(tenantId, id, 'lastRecognisedOn', (person) =>
      person.lastRecognisedOn !== undefined && person.lastRecognisedOn >= givenOn
        ? undefined
        : [{ op: 'set', path: '/lastRecognisedOn', value: givenOn }],
    );
  }

  async addTeam(tenantId: string, id: string, teamId: string): Promise<void> {
    await this.patch(tenantId, id, 'teamIds', ({ teamIds = [] }) =>
      teamIds.includes(teamId) ? undefined : [{ op: 'set', path: '/teamIds', value: [...teamIds, teamId] }],
    );
  }

  async unlinkManager(tenantId: string, id: string, managerId: string): Promise<boolean> {
    return this.patch(tenantId, id, 'managerId', (person) =>
      person.managerId === managerId ? [{ op: 'remove', path: '/managerId' }] : undefined,
    );
  }

  async clearMute(tenantId: string, managerId: string, mutedId: string): Promise<boolean> {
    return this.patch(tenantId, managerId, 'mutedReminders', ({ mutedReminders = [] }) => {
      if (!mutedReminders.includes(mutedId)) return undefined;
      const left = mutedReminders.filter((id) => id !== mutedId);
      return [
        left.length > 0
          ? { op: 'set', path: '/mutedReminders', value: left }
          : { op: 'remove', path: '/mutedReminders' },
      ];
    });
  }

  /**
   * Patches one person under the read's etag ({@link patchChecked}). Only fields nothing is
   * derived from are patched (see personDocument.ts).
   */
  private async patch(
    tenantId: string,
    id: string,
    field: string,
    change: (person: Person) => PatchOperation[] | undefined,
  ): Promise<boolean> {
    return patchChecked<Person>(
      this.container.item(id, [tenantId, id]),
      (person) => (person.tenantId === tenantId ? change(person) : undefined),
      `${field} of person ${id}`,
    );
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await orUndefined(() => this.container.item(id, [tenantId, id]).delete());
  }

  async reportsOf(tenantId: string, managerId: string): Promise<Person[]> {
    const { resources } = await this.container.items
      .query<Person>({
        query:
          'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.managerId = @managerId ORDER BY c.displayName',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@managerId', value: managerId },
        ],
      })
      .fetchAll();
    return this.documents.all(resources);
  }

  async count(tenantId: string): Promise<number> {
    const { resources } = await this.container.items
      .query<number>({
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    return resources[0] ?? 0;
  }

  async notRecognisedSince(
    tenantId: string,
    since: string,
    limit: number,
  ): Promise<{ count: number; first: Person[] }> {
    const where =
      'WHERE c.tenantId = @tenantId AND (NOT IS_DEFINED(c.lastRecognisedOn) OR c.lastRecognisedOn < @since)';
    const parameters = [
      { name: '@tenantId', value: tenantId },
      { name: '@since', value: since },
    ];
    const top = Math.max(0, Math.floor(limit));
    const [counted, first] = await Promise.all([
      this.container.items
        .query<number>({ query: `SELECT VALUE COUNT(1) FROM c ${where}`, parameters })
        .fetchAll(),
      top === 0
        ? Promise.resolve({ resources: [] as Person[] })
        : this.container.items
            .query<Person>({
              query: `SELECT TOP @top * FROM c ${where} ORDER BY c.displayName`,
              parameters: [...parameters, { name: '@top', value: top }],
            })
            .fetchAll(),
    ]);
    return { count: counted.resources[0] ?? 0, first: this.documents.all(first.resources) };
  }
}
