import { MAX_NOTE_LENGTH, NotesService } from '../../../core/notes';
import type { Person } from '../../../core/people';
import { MemoryNoteStore, MemoryPeopleDirectory } from '../../support/fakes';

const T = 'tenant-a';
const person = (id: string, displayName: string, timeZone?: string): Person => ({
  tenantId: T,
  id,
  displayName,
  ...(timeZone ? { timeZone } : {}),
  celebrate: { birthday: 'public', anniversary: 'public' },
});
// 23:30 UTC on 1 March 2027 is already 2 March in Tokyo.
const NOW = new Date('2027-03-01T23:30:00Z');

function setup() {
  const store = new MemoryNoteStore();
  const people = new MemoryPeopleDirectory([
    person('alex', 'Alex Wilber', 'Europe/London'),
    person('bea', 'Bea Tanaka', 'Asia/Tokyo'),
    person('sam', 'Sam Rivera'),
  ]);
  const service = new NotesService(store, people, 'UTC');
  const add = (
    authorId: string,
    fields: Partial<{ subjectId: string; text: string; followUpOn: string; nextOneOnOne: boolean }> = {},
    sub = 's1',
  ) =>
    service.add(
      {
        tenantId: T,
        authorId,
        submissionId: sub,
        subjectId: 'sam',
        text: 'ask Sam how Emma’s tournament went',
        ...fields,
      },
      NOW,
    );
  return { store, people, service, add };
}

describe('NotesService rules', () => {
  it('stores a note about a person, tidied, with the person’s name', async () => {
    const { add } = setup();
    const result = await add('alex', {
      text: '  ask Sam how Emma’s tournament went \n\n\n\n',
      followUpOn: '2027-03-05',
    });
    expect(result).toMatchObject({
      ok: true,
      note: {
        tenantId: T,
        authorId: 'alex',
        subjectId: 'sam',
        subjectName: 'Sam Rivera',
        text: 'ask Sam how Emma’s tournament went',
        followUpOn: '2027-03-05',
        status: 'open',
        createdAt: NOW.toISOString(),
      },
    });
  });

  it('a repeated submission stores one note', async () => {
    const { add, store } = setup();
    await add('alex');
    const again = await add('alex');
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(store.notes.size).toBe(1);
  });

  it.each<[Partial<{ subjectId: string; text: string; followUpOn: string }>, string]>([
    [{ text: '   ' }, 'NOTES.EMPTY_TEXT'],
    [{ text: `${MAX_NOTE_LENGTH + 1} characters` }, 'NOTES.TEXT_TOO_LONG'],
    [{ followUpOn: '2027-02-30' }, 'NOTES.BAD_DATE'],
    [{ followUpOn: 'next week' }, 'NOTES.BAD_DATE'],
    [{ followUpOn: '2027-02-28' }, 'NOTES.PAST_DATE'],
    [{ subjectId: 'nobody' }, 'NOTES.UNKNOWN_PERSON'],
    [{ subjectId: '' }, 'NOTES.UNKNOWN_PERSON'],
  ])('refuses %j with %s and stores nothing', async (fields, code) => {
    const { add, store } = setup();
    const input = fields.text?.endsWith(' characters') ? { text: 'x'.repeat(MAX_NOTE_LENGTH + 1) } : fields;
    expect(await add('alex', input)).toMatchObject({ ok: false, code });
    expect(store.notes.size).toBe(0);
  });

  it('says how long a note over the limit is, for the refusal to be worded', async () => {
    const { add } = setup();
    expect(await add('alex', { text: 'x'.repeat(MAX_NOTE_LENGTH + 1) })).toEqual({
      ok: false,
      code: 'NOTES.TEXT_TOO_LONG',
      field: 'text',
      length: { max: MAX_NOTE_LENGTH, actual: MAX_NOTE_LENGTH + 1 },
    });
  });

  it('counts visible characters: 1,000 emoji fit', async () => {
    const { add } = setup();
    expect((await add('alex', { text: '👍🏽'.repeat(MAX_NOTE_LENGTH) })).ok).toBe(true);
  });

  it('“the past” is in the author’s own zone', async () => {
    const { add } = setup();
    // 1 March is today in London but yesterday in Tokyo.
    expect((await add('alex', { followUpOn: '2027-03-01' })).ok).toBe(true);
    expect(await add('bea', { followUpOn: '2027-03-01' }, 's2')).toMatchObject({ code: 'NOTES.PAST_DATE' });
  });

  it('“Bring this up at our next 1:1” stores the author’s local date; unticking or Done clears it', async () => {
    const { add, service, store } = setup();
    // 23:30 UTC on 1 March is 2 March in Tokyo: Bea marked it on her 2 March.
    const added = await add('bea', { nextOneOnOne: true });
    if (!added.ok) throw new Error(added.code);
    const stored = () => store.get(T, 'bea', added.note.id);
    expect((await stored())?.nextOneOnOneSince).toBe('2027-03-02');
    const input = { subjectId: 'sam', text: 'ask Sam how Emma’s tournament went' };
    const later = new Date('2027-03-09T09:00:00Z');
    // Still ticked on an edit: the first day stands, so the two weeks do not start again.
    await service.edit(T, 'bea', added.note.id, { ...input, nextOneOnOne: true }, later);
    expect((await stored())?.nextOneOnOneSince).toBe('2027-03-02');
    await service.edit(T, 'bea', added.note.id, { ...input, nextOneOnOne: false }, later);
    expect(await stored()).not.toHaveProperty('nextOneOnOneSince');
    await service.edit(T, 'bea', added.note.id, { ...input, nextOneOnOne: true }, later);
    expect((await stored())?.nextOneOnOneSince).toBe('2027-03-09');
    await service.done(T, 'bea', added.note.id, later);
    expect(await stored()).toMatchObject({ status: 'done' });
    expect(await stored()).not.toHaveProperty('nextOneOnOneSince');
    // Unticked from the start, nothing is marked.
    const plain = await add('alex', {}, 's-plain');
    expect(plain.ok && plain.note).not.toHaveProperty('nextOneOnOneSince');
  });

  it('edits, snoozes a week, marks done and deletes', async () => {
    const { add, service } = setup();
    const added = await add('alex', { followUpOn: '2027-03-01' });
    if (!added.ok) throw new Error('not added');
    const id = added.note.id;
    const edited = await service.edit(
      T,
      'alex',
      id,
      { subjectId: 'bea', text: 'new text', followUpOn: '' },
      NOW,
    );
    expect(edited).toMatchObject({ ok: true, note: { subjectName: 'Bea Tanaka', text: 'new text' } });
    expect(edited.ok && edited.note.followUpOn).toBeUndefined();
    expect(await service.snooze(T, 'alex', id, NOW)).toMatchObject({ note: { followUpOn: '2027-03-08' } });
    expect(await service.done(T, 'alex', id, NOW)).toMatchObject({ note: { status: 'done' } });
    expect(await service.open(T, 'alex')).toEqual([]);
    expect(await service.delete(T, 'alex', id)).toMatchObject({ ok: true });
    expect(await service.get(T, 'alex', id)).toMatchObject({ ok: false, code: 'NOTES.NOT_FOUND' });
  });

  it('lists open notes newest first', async () => {
    const { service, store } = setup();
    for (const [i, at] of [
      '2027-03-01T08:00:00Z',
      '2027-03-01T10:00:00Z',
      '2027-03-01T09:00:00Z',
    ].entries()) {
      await service.add(
        { tenantId: T, authorId: 'alex', submissionId: `n${i}`, subjectId: 'sam', text: `note ${i}` },
        new Date(at),
      );
    }
    expect((await service.open(T, 'alex')).map((n) => n.text)).toEqual(['note 1', 'note 2', 'note 0']);
    expect(store.notes.size).toBe(3);
  });
});

describe('NotesService privacy', () => {
  it('another author never reads, changes or deletes a note: it is simply not found', async () => {
    const { add, service } = setup();
    const added = await add('alex');
    if (!added.ok) throw new Error('not added');
    const id = added.note.id;
    const notFound = { ok: false, code: 'NOTES.NOT_FOUND' };
    expect(await service.get(T, 'bea', id)).toEqual(notFound);
    expect(await service.edit(T, 'bea', id, { subjectId: 'sam', text: 'mine now' }, NOW)).toMatchObject(
      notFound,
    );
    expect(await service.done(T, 'bea', id, NOW)).toMatchObject(notFound);
    expect(await service.snooze(T, 'bea', id, NOW)).toMatchObject(notFound);
    expect(await service.delete(T, 'bea', id)).toMatchObject(notFound);
    expect(await service.open(T, 'bea')).toEqual([]);
    expect(await service.openAbout(T, 'bea', 'sam')).toEqual([]);
    // And Alex's note is untouched.
    expect(await service.get(T, 'alex', id)).toMatchObject({
      ok: true,
      note: { text: added.note.text, status: 'open' },
    });
  });

  it('the same submission id from another author is another note, not a way to read the first', async () => {
    const { add } = setup();
    await add('alex', { text: 'secret' });
    const bea = await add('bea', { text: 'mine' });
    expect(bea).toMatchObject({ ok: true, note: { authorId: 'bea', text: 'mine' } });
    expect(bea.ok && bea.duplicate).toBeFalsy();
  });

  it('another tenant sees nothing', async () => {
    const { add, store } = setup();
    const added = await add('alex');
    if (!added.ok) throw new Error('not added');
    expect(await store.get('tenant-b', 'alex', added.note.id)).toBeUndefined();
    expect(await store.openByAuthor('tenant-b', 'alex')).toEqual([]);
  });
});
