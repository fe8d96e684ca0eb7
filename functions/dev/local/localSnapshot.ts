import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@azure/cosmos';
import { containerDefinitions } from '../../cosmos/schema';
import { fromDocument } from '../../cosmos/documents';

/** Every item of every container, as written to the snapshot file. */
export type Snapshot = Record<string, Array<Record<string, unknown>>>;

/**
 * Persists the local Cosmos DB server's data between runs of `npm start`: the server keeps
 * nothing on disk, so its items are written to a JSON file after changes and loaded at start.
 */
export class LocalSnapshot {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly file: string,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 500,
  ) {}

  /** Loads the snapshot file into the (empty) database; returns the number of items loaded. */
  async load(): Promise<number> {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(await readFile(this.file, 'utf8')) as Snapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw new Error(
        `The local data file ${this.file} cannot be read (${String(error)}); start with --reset to begin clean.`,
      );
    }
    let count = 0;
    for (const definition of containerDefinitions) {
      const container = this.database.container(definition.id);
      for (const item of snapshot[definition.id] ?? []) {
        await container.items.upsert(item);
        count++;
      }
    }
    return count;
  }

  /** Schedules a write shortly after the last change, coalescing bursts of writes. */
  changed(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save().catch(this.onError), this.delayMs);
  }

  /** Writes a last snapshot and ignores changes from then on (the server is about to stop). */
  async close(): Promise<void> {
    this.closed = true;
    await this.save();
  }

  /** Writes the snapshot now (atomically: a temp file renamed over the old one). */
  async save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const snapshot: Snapshot = {};
      for (const definition of containerDefinitions) {
        const { resources } = await this.database.container(definition.id).items.readAll().fetchAll();
        snapshot[definition.id] = resources.map((r) => fromDocument<Record<string, unknown>>(r));
      }
      await mkdir(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      await writeFile(temp, JSON.stringify(snapshot, null, 1));
      await rename(temp, this.file);
    });
    return this.writing;
  }
}
