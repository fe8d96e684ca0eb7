import type { Container, PatchOperation } from '@azure/cosmos';
import type { PeopleDirectory, Person } from '../../core/people';
import { inPool, type Logger } from '../../core/shared';
import { patchChecked } from './checkedPatch';
import { readEachChunk } from './chunks';
import { orUndefined, statusOf, type DocumentReader } from './documents';
import { managerIndexOf, type ManagerIndex } from './managerIndex';
import { personReader, toPersonDocument } from './personDocument';
import { zoneIndexOf, type ZoneIndex } from './zoneIndex';

/** Manager markers written at once after an import or a sync. */
const LIST_MANAGERS_CONCURRENCY = 8;

/** Up to this many ids, {@link CosmosPeopleDirectory.findMany} reads each person directly. */
const POINT_READS_UP_TO = 10;

/**
 * The directory in the `people` container, partitioned by [tenantId, id]. Every write that gives
 * someone a manager, or takes a report or a person away, keeps the tenant's manager markers
 * ({@link ManagerIndex}) with it, and every write of a whole person its zone markers
 * ({@link ZoneIndex}), whichever use case made it (import, Graph sync, roster, my settings,
 * forget-me). Patches change no zone.
 */
export class CosmosPeopleDirectory implements PeopleDirectory {
  private readonly documents: DocumentReader<Person>;
  private readonly managers: ManagerIndex;
  private readonly zones: ZoneIndex;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = personReader(logger);
    this.managers = managerIndexOf(container);
    this.zones = zoneIndexOf(container);
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

  async save(person: Person, options?: { listManagerLater?: boolean }): Promise<void> {
    await this.container.items.upsert(toPersonDocument(person));
    await this.zones.mark(person.tenantId, person.timeZone);
    // After the person: a retire deciding meanwhile then either sees them or loses its etag. A
    // manager this person no longer has keeps a marker until the digest finds them without reports.
    if (person.managerId && !options?.listManagerLater) {
      await this.managers.mark(person.tenantId, person.managerId);
    }
  }

  async listManagers(tenantId: string, managerIds: readonly string[]): Promise<void> {
    await inPool(managerIds, LIST_MANAGERS_CONCURRENCY, (managerId) =>
      this.managers.mark(tenantId, managerId),
    );
  }

  async addIfAbsent(person: Person): Promise<boolean> {
    try {
      await this.container.items.create(toPersonDocument(person));
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
    await this.zones.mark(person.tenantId, person.timeZone);
    if (person.managerId) await this.managers.mark(person.tenantId, person.managerId);
    return true;
  }

  async markRecognised(tenantId: string, id: string, givenOn: string): Promise<void> {
    // The etag makes "only over an earlier day" hold against a concurrent kudos too.
    await this.patch(tenantId, id, 'lastRecognisedOn', (person) =>
      person.lastRecognisedOn !== undefined && person.lastRecognisedOn >= givenOn
        ? undefined
        : [{ op: 'set', path: '/lastRecognisedOn', value: givenOn }],
    );
  }

  async rememberLocale(tenantId: string, id: string, locale: string): Promise<void> {
    await this.patch(tenantId, id, 'locale', (person) =>
      person.locale === locale ? undefined : [{ op: 'set', path: '/locale', value: locale }],
    );
  }

  async addTeam(tenantId: string, id: string, teamId: string): Promise<void> {
    await this.patch(tenantId, id, 'teamIds', ({ teamIds = [] }) =>
      teamIds.includes(teamId) ? undefined : [{ op: 'set', path: '/teamIds', value: [...teamIds, teamId] }],
    );
  }

  async unlinkManager(tenantId: string, id: string, managerId: string): Promise<boolean> {
    const unlinked = await this.patch(tenantId, id, 'managerId', (person) =>
      person.managerId === managerId ? [{ op: 'remove', path: '/managerId' }] : undefined,
    );
    if (unlinked) await this.managers.retire(tenantId, managerId);
    return unlinked;
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
    // Whoever still reports to them keeps them listed, so they are found again if they come back;
    // once nobody does (forget-me unlinks the reports first), their id leaves the markers too.
    await this.managers.retire(tenantId, id);
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

  async reportsOfEach(tenantId: string, managerIds: readonly string[]): Promise<Map<string, Person[]>> {
    const found = await readEachChunk([...new Set(managerIds)], async (chunk) => {
      const { resources } = await this.container.items
        .query<Person>({
          query:
            'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@managers, c.managerId) ORDER BY c.displayName',
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@managers', value: chunk },
          ],
        })
        .fetchAll();
      return this.documents.all(resources);
    });
    // Each manager's reports come from one chunk, in its order: by display name.
    const each = new Map<string, Person[]>();
    for (const person of found) {
      if (person.tenantId !== tenantId || !person.managerId) continue;
      const reports = each.get(person.managerId);
      if (reports) reports.push(person);
      else each.set(person.managerId, [person]);
    }
    return each;
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
