import type { Container, PatchOperation } from '@azure/cosmos';
import type { PeopleDirectory, Person } from '../../core/people';
import type { Logger } from '../../core/shared';
import { orUndefined, statusOf, type DocumentReader } from './documents';
import { personReader, toPersonDocument } from './personDocument';

/** Up to this many ids, {@link CosmosPeopleDirectory.findMany} reads each person directly. */
const POINT_READS_UP_TO = 10;

/**
 * Reads and conditional patches of one person before giving up: each round lets at least one of
 * the writers racing on that person through, and a roster registered by many teams at once is
 * the most there are.
 */
const PATCH_ATTEMPTS = 25;
/** The most a conditional patch waits, times its attempt, before reading again after losing a race. */
const PATCH_BACKOFF_MS = 10;

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
    await this.patchChecked(tenantId, id, 'lastRecognisedOn', (person) =>
      person.lastRecognisedOn !== undefined && person.lastRecognisedOn >= givenOn
        ? undefined
        : [{ op: 'set', path: '/lastRecognisedOn', value: givenOn }],
    );
  }

  async addTeam(tenantId: string, id: string, teamId: string): Promise<void> {
    await this.patchChecked(tenantId, id, 'teamIds', ({ teamIds = [] }) =>
      teamIds.includes(teamId) ? undefined : [{ op: 'set', path: '/teamIds', value: [...teamIds, teamId] }],
    );
  }

  async unlinkManager(tenantId: string, id: string, managerId: string): Promise<boolean> {
    return this.patchChecked(tenantId, id, 'managerId', (person) =>
      person.managerId === managerId ? [{ op: 'remove', path: '/managerId' }] : undefined,
    );
  }

  async clearMute(tenantId: string, managerId: string, mutedId: string): Promise<boolean> {
    return this.patchChecked(tenantId, managerId, 'mutedReminders', ({ mutedReminders = [] }) => {
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
   * Patches one person with the operations `change` makes of their stored record, under that
   * read's etag: a write in between (412) makes it read and decide again, so a concurrent change
   * to the rest of the person, or to the same field, is never lost. The server's own patch
   * condition would do without the re-read, but the local server the tests run against ignores it.
   * Only fields nothing is derived from are patched (see personDocument.ts).
   * @param change the operations, or `undefined` when the record needs none.
   * @returns whether a patch was made: false when none was needed or the person is not (or no
   * longer) in the directory.
   */
  private async patchChecked(
    tenantId: string,
    id: string,
    field: string,
    change: (person: Person) => PatchOperation[] | undefined,
  ): Promise<boolean> {
    const item = this.container.item(id, [tenantId, id]);
    for (let attempt = 1; attempt <= PATCH_ATTEMPTS; attempt++) {
      const { resource, etag } = await item.read<Person>();
      const operations = resource && resource.tenantId === tenantId ? change(resource) : undefined;
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
    throw new Error(`${field} of person ${id} kept changing under ${PATCH_ATTEMPTS} attempts`);
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
