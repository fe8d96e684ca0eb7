import { silentLogger } from '../../core/shared';
import type { Note } from '../../core/notes';
import { CosmosNoteStore } from '../../functions/cosmos/noteRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { countCosmosRequests } from '../support/milestoneFixtures';

let cosmos: TestCosmos;
let store: CosmosNoteStore;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  store = new CosmosNoteStore(cosmos.database.container('notes'), silentLogger);
});
afterAll(async () => cosmos.close());

const note = (tenantId: string, authorId: string, id: string, fields: Partial<Note> = {}): Note => ({
  tenantId,
  id,
  authorId,
  subjectId: 'sam',
  subjectName: 'Sam Rivera',
  text: `note ${id} by ${authorId}`,
  status: 'open',
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
  ...fields,
});

describe('notes in Cosmos DB', () => {
  beforeAll(async () => {
    await store.create(
      note('t1', 'alex', 'a1', { createdAt: '2027-03-01T08:00:00.000Z', followUpOn: '2027-03-16' }),
    );
    await store.create(
      note('t1', 'alex', 'a2', { createdAt: '2027-03-01T10:00:00.000Z', subjectId: 'megan' }),
    );
    await store.create(
      note('t1', 'alex', 'a3', {
        createdAt: '2027-03-01T09:00:00.000Z',
        status: 'done',
        followUpOn: '2027-03-16',
      }),
    );
    await store.create(note('t1', 'bea', 'b1', { followUpOn: '2027-03-17' }));
    await store.create(note('t2', 'alex', 'x1', { followUpOn: '2027-03-16' }));
  });

  it('creates once: a second create returns the stored note', async () => {
    const again = await store.create(note('t1', 'alex', 'a1', { text: 'overwrite?' }));
    expect(again).toMatchObject({ created: false, existing: { text: 'note a1 by alex' } });
  });

  it('reads by [tenant, author]: another author or tenant reads nothing', async () => {
    expect((await store.get('t1', 'alex', 'a1'))?.text).toBe('note a1 by alex');
    expect(await store.get('t1', 'bea', 'a1')).toBeUndefined();
    expect(await store.get('t2', 'alex', 'a1')).toBeUndefined();
    const read = await store.get('t1', 'alex', 'a1');
    expect(Object.keys(read ?? {}).some((k) => k.startsWith('_'))).toBe(false);
  });

  it('lists an author’s open notes newest first, and only theirs', async () => {
    expect((await store.openByAuthor('t1', 'alex')).map((n) => n.id)).toEqual(['a2', 'a1']);
    expect((await store.openByAuthor('t1', 'bea')).map((n) => n.id)).toEqual(['b1']);
    expect((await store.openByAuthor('t2', 'bea')).map((n) => n.id)).toEqual([]);
  });

  it('lists an author’s notes about a person', async () => {
    expect((await store.aboutSubject('t1', 'alex', 'sam')).map((n) => n.id)).toEqual(['a3', 'a1']);
    expect((await store.aboutSubject('t1', 'bea', 'megan')).map((n) => n.id)).toEqual([]);
  });

  it('reads open notes for many author–subject pairs at once, each only for its own pair', async () => {
    const pair = (authorId: string, subjectId: string) => ({ authorId, subjectId });
    const keys = (notes: Note[]) => notes.map((n) => `${n.authorId}:${n.id}`);
    // Alex and Bea, Sam and Megan are all asked about, but Bea's note about Sam and Alex's about
    // Megan belong to pairs nobody asked for; Alex's done note about Sam is not open.
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      expect(keys(await store.openAboutSubjects('t1', [pair('alex', 'sam'), pair('bea', 'megan')]))).toEqual([
        'alex:a1',
      ]);
      // Nor are the others read: each document read is one returned.
      expect(counter.documents).toBe(1);
    } finally {
      counter.stop();
    }
    expect(
      keys(
        await store.openAboutSubjects('t1', [pair('alex', 'sam'), pair('alex', 'megan'), pair('bea', 'sam')]),
      ),
    ).toEqual(['alex:a2', 'bea:b1', 'alex:a1']);
    expect(keys(await store.openAboutSubjects('t2', [pair('alex', 'sam')]))).toEqual(['alex:x1']);
    expect(await store.openAboutSubjects('t3', [pair('alex', 'sam')])).toEqual([]);
  });

  it('reads notes for more than a hundred pairs in queries of a hundred, and nothing for none', async () => {
    const authors = Array.from({ length: 150 }, (_, i) => `author-${String(i).padStart(3, '0')}`);
    for (let start = 0; start < authors.length; start += 25) {
      await Promise.all(
        authors.slice(start, start + 25).map((authorId, i) =>
          store.create(
            note('t4', authorId, `kim-${authorId}`, {
              subjectId: `kim-${start + i}`,
              createdAt: `2027-03-01T09:${String((start + i) % 60).padStart(2, '0')}:00.000Z`,
            }),
          ),
        ),
      );
    }
    await store.create(note('t4', 'author-000', 'not-asked', { subjectId: 'kim-1' }));
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      const found = await store.openAboutSubjects(
        't4',
        authors.map((authorId, i) => ({ authorId, subjectId: `kim-${i}` })),
      );
      expect(found.map((n) => n.id).sort()).toEqual(authors.map((a) => `kim-${a}`).sort());
      expect(found.map((n) => n.createdAt)).toEqual(
        found
          .map((n) => n.createdAt)
          .sort()
          .reverse(),
      );
      expect(counter.total).toBe(4); // two queries, each after its query-plan request
      counter.reset();
      expect(await store.openAboutSubjects('t4', [])).toEqual([]);
      expect(counter.total).toBe(0);
    } finally {
      counter.stop();
    }
  });

  it('keeps a note’s “next 1:1” mark, clears it on save, and finds open marked notes by date in one tenant', async () => {
    await store.create(note('t5', 'alex', 'm1', { nextOneOnOneSince: '2027-03-02' }));
    await store.create(note('t5', 'bea', 'm2', { nextOneOnOneSince: '2027-03-03' }));
    await store.create(note('t5', 'alex', 'm3', { nextOneOnOneSince: '2027-03-02', status: 'done' }));
    await store.create(note('t6', 'alex', 'm4', { nextOneOnOneSince: '2027-03-02' }));
    expect(await store.get('t5', 'alex', 'm1')).toMatchObject({ nextOneOnOneSince: '2027-03-02' });
    const ids = async (tenantId: string, dates: string[]) =>
      (await store.oneOnOnesMarkedOn(tenantId, dates)).map((n) => n.id).sort();
    expect(await ids('t5', ['2027-03-02', '2027-03-03'])).toEqual(['m1', 'm2']);
    expect(await ids('t5', ['2027-03-03'])).toEqual(['m2']);
    expect(await ids('t6', ['2027-03-02'])).toEqual(['m4']);
    expect(await store.oneOnOnesMarkedOn('t5', [])).toEqual([]);
    const { nextOneOnOneSince: _cleared, ...unmarked } = (await store.get('t5', 'alex', 'm1'))!;
    await store.save(unmarked);
    expect(await store.get('t5', 'alex', 'm1')).not.toHaveProperty('nextOneOnOneSince');
    expect(await ids('t5', ['2027-03-02', '2027-03-03'])).toEqual(['m2']);
  });

  it('finds open follow-ups due on given dates, in one tenant', async () => {
    expect((await store.followUpsDue('t1', ['2027-03-16', '2027-03-17'])).map((n) => n.id).sort()).toEqual([
      'a1',
      'b1',
    ]);
    expect((await store.followUpsDue('t2', ['2027-03-16'])).map((n) => n.id)).toEqual(['x1']);
    expect(await store.followUpsDue('t1', [])).toEqual([]);
  });

  it('saves changes and removes by author only', async () => {
    const current = (await store.get('t1', 'alex', 'a2'))!;
    await store.save({ ...current, status: 'done', nudgedFor: '2027-03-16' });
    expect(await store.get('t1', 'alex', 'a2')).toMatchObject({ status: 'done', nudgedFor: '2027-03-16' });
    await store.remove('t1', 'bea', 'a2'); // not Bea's: nothing happens
    expect(await store.get('t1', 'alex', 'a2')).toBeDefined();
    await store.remove('t1', 'alex', 'a2');
    expect(await store.get('t1', 'alex', 'a2')).toBeUndefined();
  });

  it('counts and erases notes about a person, and a person’s own notes, per tenant', async () => {
    expect(await store.countAbout('t1', 'sam')).toBe(3);
    expect(await store.removeByAuthor('t1', 'bea')).toBe(1);
    expect(await store.countAbout('t1', 'sam')).toBe(2);
    expect(await store.removeAbout('t1', 'sam')).toBe(2);
    expect(await store.countAbout('t1', 'sam')).toBe(0);
    expect(await store.countAbout('t2', 'sam')).toBe(1);
  });
});
