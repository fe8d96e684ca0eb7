import type { Container, SqlParameter } from '@azure/cosmos';
import {
  notePairKey,
  type Note,
  type NoteCreateResult,
  type NotePair,
  type NoteStore,
} from '../../core/notes';
import type { Logger } from '../../core/shared';
import { readInChunks } from './chunks';
import { DocumentReader, orUndefined, statusOf } from './documents';
import { noteSchema } from './schemas/notes';

/**
 * Private notes in the `notes` container, partitioned by [tenantId, authorId]: one author's notes
 * share a logical partition, so their reads are point reads or single-partition queries. Every
 * query names the tenant in WHERE, and reads for a caller name the author too.
 */
export class CosmosNoteStore implements NoteStore {
  private readonly documents: DocumentReader<Note>;

  constructor(
    private readonly container: Container,
    logger: Logger,
  ) {
    this.documents = new DocumentReader('note', noteSchema, logger);
  }

  async create(note: Note): Promise<NoteCreateResult> {
    try {
      await this.container.items.create(note);
      return { created: true };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const existing = await this.get(note.tenantId, note.authorId, note.id);
      if (!existing) throw new Error(`Note ${note.id} conflicted on create but cannot be read back.`);
      return { created: false, existing };
    }
  }

  async get(tenantId: string, authorId: string, id: string): Promise<Note | undefined> {
    const { resource } = await this.container.item(id, [tenantId, authorId]).read<Note>();
    return resource && resource.tenantId === tenantId && resource.authorId === authorId
      ? this.documents.one(resource)
      : undefined;
  }

  async save(note: Note): Promise<void> {
    await this.container.items.upsert(note);
  }

  async remove(tenantId: string, authorId: string, id: string): Promise<void> {
    // Read first: the local server ignores the partition key on delete, and a caller's delete must
    // never reach someone else's note whatever the server does.
    if (!(await this.get(tenantId, authorId, id))) return;
    await orUndefined(() => this.container.item(id, [tenantId, authorId]).delete());
  }

  openByAuthor(tenantId: string, authorId: string): Promise<Note[]> {
    return this.query(
      "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.authorId = @authorId AND c.status = 'open' ORDER BY c.createdAt DESC",
      [
        { name: '@tenantId', value: tenantId },
        { name: '@authorId', value: authorId },
      ],
      (n) => n.tenantId === tenantId && n.authorId === authorId,
    );
  }

  aboutSubject(tenantId: string, authorId: string, subjectId: string): Promise<Note[]> {
    return this.query(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.authorId = @authorId AND c.subjectId = @subjectId ORDER BY c.createdAt DESC',
      [
        { name: '@tenantId', value: tenantId },
        { name: '@authorId', value: authorId },
        { name: '@subjectId', value: subjectId },
      ],
      (n) => n.tenantId === tenantId && n.authorId === authorId,
    );
  }

  async openAboutSubjects(tenantId: string, pairs: readonly NotePair[]): Promise<Note[]> {
    const unique = [...new Map(pairs.map((pair) => [notePairKey(pair), pair])).values()];
    // Each pair is its own equality on author and subject, so a note is read only for the pair it
    // belongs to (not, say, a former manager's note about someone else's report); the check keeps
    // it so should the query ever be edited carelessly.
    return readInChunks(
      unique,
      (chunk) => {
        const wanted = new Set(chunk.map(notePairKey));
        const anyPair = chunk
          .map((_, index) => `(c.authorId = @a${index} AND c.subjectId = @s${index})`)
          .join(' OR ');
        return this.query(
          `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.status = 'open' AND (${anyPair}) ORDER BY c.createdAt DESC`,
          [
            { name: '@tenantId', value: tenantId },
            ...chunk.flatMap((pair, index) => [
              { name: `@a${index}`, value: pair.authorId },
              { name: `@s${index}`, value: pair.subjectId },
            ]),
          ],
          (n) => n.tenantId === tenantId && n.status === 'open' && wanted.has(notePairKey(n)),
        );
      },
      (note) => JSON.stringify([note.authorId, note.id]),
    );
  }

  async followUpsDue(tenantId: string, dates: readonly string[]): Promise<Note[]> {
    if (dates.length === 0) return [];
    return this.query(
      "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.status = 'open' AND ARRAY_CONTAINS(@dates, c.followUpOn)",
      [
        { name: '@tenantId', value: tenantId },
        { name: '@dates', value: [...new Set(dates)] },
      ],
      (n) => n.tenantId === tenantId && n.status === 'open' && dates.includes(n.followUpOn ?? ''),
    );
  }

  async oneOnOnesMarkedOn(tenantId: string, dates: readonly string[]): Promise<Note[]> {
    if (dates.length === 0) return [];
    return this.query(
      "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.status = 'open' AND ARRAY_CONTAINS(@dates, c.nextOneOnOneSince)",
      [
        { name: '@tenantId', value: tenantId },
        { name: '@dates', value: [...new Set(dates)] },
      ],
      (n) => n.tenantId === tenantId && n.status === 'open' && dates.includes(n.nextOneOnOneSince ?? ''),
    );
  }

  async countAbout(tenantId: string, subjectId: string): Promise<number> {
    const { resources } = await this.container.items
      .query<number>({
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.subjectId = @subjectId',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@subjectId', value: subjectId },
        ],
      })
      .fetchAll();
    return resources[0] ?? 0;
  }

  async removeAbout(tenantId: string, subjectId: string): Promise<number> {
    return this.removeWhere('c.subjectId = @match', tenantId, subjectId);
  }

  async removeByAuthor(tenantId: string, authorId: string): Promise<number> {
    return this.removeWhere('c.authorId = @match', tenantId, authorId);
  }

  private async removeWhere(condition: string, tenantId: string, match: string): Promise<number> {
    const { resources } = await this.container.items
      .query<{ id: string; tenantId: string; authorId: string }>({
        query: `SELECT c.id, c.tenantId, c.authorId FROM c WHERE c.tenantId = @tenantId AND ${condition}`,
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@match', value: match },
        ],
      })
      .fetchAll();
    let removed = 0;
    for (const key of resources) {
      if (key.tenantId !== tenantId) continue;
      await orUndefined(() => this.container.item(key.id, [key.tenantId, key.authorId]).delete());
      removed++;
    }
    return removed;
  }

  private async query(
    query: string,
    parameters: SqlParameter[],
    keep: (note: Note) => boolean,
  ): Promise<Note[]> {
    const { resources } = await this.container.items.query<Note>({ query, parameters }).fetchAll();
    // The local server ignores partition options; WHERE keeps tenants and authors apart, and this
    // check keeps it so should a query ever be edited carelessly.
    return this.documents.all(resources).filter(keep);
  }
}
