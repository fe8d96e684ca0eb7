import type { Note } from '../../../core/notes';
import { MAX_PAYLOAD_CHARS } from '../../../bot/teams/payload';
import { NOT_SENT_TO_YOU } from '../../../bot/milestones/wording';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';

// Forged and malformed note actions, through the real bot in the author's personal chat: each is
// refused in the card and no note is added or changed.
let harness: BotHarness;
let stored: Note;
beforeEach(async () => {
  harness = startBotHarness();
  stored = {
    tenantId: HARNESS_TENANT,
    id: 'note-1',
    authorId: ALEX.id,
    subjectId: MEGAN.id,
    subjectName: MEGAN.displayName,
    text: 'Ask how the launch went',
    followUpOn: '2027-03-16',
    status: 'open',
    createdAt: '2027-03-01T09:00:00.000Z',
    updatedAt: '2027-03-01T09:00:00.000Z',
  };
  await harness.stores.notes.create(stored);
});

const text = (value: unknown) => JSON.stringify(value);
const UNREADABLE_NOTE_ACTION =
  'Moments could not read that (a field is too long or not what the card sends), so nothing was changed.';
const notes = () => [...harness.stores.notes.notes.values()];

describe('saveNote', () => {
  const good = { subject: MEGAN.id, text: 'Ask about her daughter’s tournament', followUpOn: '2027-03-20' };

  it.each([
    ['text that is a number', { ...good, text: 42 }],
    ['a subject that is a list', { ...good, subject: [MEGAN.id] }],
    ['a follow-up date that is an object', { ...good, followUpOn: { date: '2027-03-20' } }],
    ['a huge note', { ...good, text: 'x'.repeat(9000) }],
    ['an edit of a note id that is not text', { ...good, noteId: { id: 'note-1' } }],
    ['a payload over the size bound', { ...good, padding: 'p'.repeat(MAX_PAYLOAD_CHARS) }],
  ])('refuses %s in the form and saves nothing', async (_, data) => {
    const { body } = await harness.execute('saveNote', data);
    expect(text(body)).toContain(UNREADABLE_NOTE_ACTION);
    expect(text(body)).toContain('New note');
    expect(notes()).toEqual([stored]);
  });

  it('refuses missing fields with core’s explanation, and saves the same note made right', async () => {
    const missing = await harness.execute('saveNote', { text: good.text });
    expect(text(missing.body)).not.toContain(UNREADABLE_NOTE_ACTION);
    expect(notes()).toEqual([stored]);
    await harness.execute('saveNote', { ...good, submissionId: 'a0a0a0a0-0000-4000-8000-000000000001' });
    expect(notes()).toHaveLength(2);
    expect(notes()).toContainEqual(expect.objectContaining({ text: good.text, subjectId: MEGAN.id }));
  });
});

describe('“Bring this up at our next 1:1”', () => {
  const fields = { subject: MEGAN.id, text: 'Ask how the launch went', followUpOn: '2027-03-16' };
  const stored1 = () => notes().find((n) => n.id === 'note-1');

  it('ticked on an edit stores the author’s local date, and the form and list show it', async () => {
    await harness.execute('saveNote', { ...fields, noteId: 'note-1', nextOneOnOne: 'true' });
    expect(stored1()).toMatchObject({ nextOneOnOneSince: '2027-03-10' });
    const edit = await harness.execute('noteEdit', { noteId: 'note-1' });
    expect(text(edit.body)).toContain(
      '"id":"nextOneOnOne","title":"Bring this up at our next 1:1","value":"true"',
    );
    const list = await harness.execute('listNotes', {});
    expect(text(list.body)).toContain('"text":" · for your next 1:1","isSubtle":true');
  });

  it('unticked clears it; a new note ticked is marked from today', async () => {
    await harness.execute('saveNote', { ...fields, noteId: 'note-1', nextOneOnOne: 'true' });
    await harness.execute('saveNote', { ...fields, noteId: 'note-1', nextOneOnOne: 'false' });
    expect(stored1()).not.toHaveProperty('nextOneOnOneSince');
    const list = await harness.execute('listNotes', {});
    expect(text(list.body)).not.toContain('for your next 1:1');
    await harness.execute('saveNote', {
      ...fields,
      submissionId: 'b0b0b0b0-0000-4000-8000-000000000002',
      nextOneOnOne: 'true',
    });
    expect(notes()).toContainEqual(
      expect.objectContaining({ id: expect.not.stringMatching(/^note-1$/), nextOneOnOneSince: '2027-03-10' }),
    );
  });

  it('refuses a tick that is not the toggle’s value and changes nothing', async () => {
    const { body } = await harness.execute('saveNote', { ...fields, noteId: 'note-1', nextOneOnOne: 'yes' });
    expect(text(body)).toContain(UNREADABLE_NOTE_ACTION);
    expect(notes()).toEqual([stored]);
  });
});

describe('refusals worded from core’s codes', () => {
  it('a note over the limit comes back in the form with its length', async () => {
    const { body } = await harness.execute('saveNote', {
      subject: MEGAN.id,
      text: 'x'.repeat(1001),
      submissionId: 'a0a0a0a0-0000-4000-8000-000000000003',
    });
    expect(text(body)).toContain('Keep the note to 1,000 characters; it has 1,001.');
    expect(notes()).toEqual([stored]);
  });

  it('a note that is gone says so', async () => {
    const { body } = await harness.execute('noteEdit', { noteId: 'note-gone' });
    expect(text(body)).toContain('That note is no longer there.');
  });
});

describe('the other note actions', () => {
  it.each([
    ['noteDone', { noteId: ['note-1'], from: 'list' }],
    ['noteDelete', { noteId: 'note-1', from: { list: true } }],
    ['noteDelete', { noteId: 'n'.repeat(5000) }],
    ['noteSnooze', { noteId: 7 }],
    ['noteEdit', { noteId: null }],
    ['newNote', { subject: { id: MEGAN.id } }],
    ['notesAbout', { subject: 42 }],
    ['listNotes', { padding: 'p'.repeat(MAX_PAYLOAD_CHARS) }],
  ])('%s with forged data %# is refused and the note stays as it was', async (verb, data) => {
    const { body } = await harness.execute(verb, data);
    expect(text(body)).toContain(UNREADABLE_NOTE_ACTION);
    expect(notes()).toEqual([stored]);
  });

  it('a well-formed Done closes the note', async () => {
    await harness.execute('noteDone', { noteId: 'note-1', from: 'nudge' });
    expect(notes()).toMatchObject([{ id: 'note-1', status: 'done' }]);
  });
});

describe('note actions from someone the card was not sent to', () => {
  it.each([
    ['noteDone', { noteId: 'note-1', from: 'nudge' }],
    ['noteDelete', { noteId: 'note-1', from: 'list', subjectId: '' }],
    ['noteSnooze', { noteId: 'note-1' }],
    ['noteEdit', { noteId: 'note-1' }],
    ['saveNote', { noteId: 'note-1', subject: MEGAN.id, text: 'Taken over', followUpOn: '' }],
  ])('%s on Alex’s note, sent by Megan, is refused and shows and changes nothing', async (verb, data) => {
    const { body } = await harness.execute(verb, data, 'personal', MEGAN);
    expect(text(body)).not.toContain(stored.text);
    expect(text(body)).not.toContain('Done:');
    expect(notes()).toEqual([stored]);
  });

  it('“Add note” on a digest sent to Alex is refused when Megan sends it, and opens no form', async () => {
    await harness.delivered({
      id: 'digest-1',
      kind: 'digest',
      recipientId: ALEX.id,
      subject: { type: 'digest', managerId: ALEX.id, personIds: [MEGAN.id] },
    });
    const { body } = await harness.execute(
      'newNote',
      { deliveryId: 'digest-1', subject: MEGAN.id },
      'personal',
      MEGAN,
    );
    expect(text(body)).toContain(NOT_SENT_TO_YOU);
    expect(text(body)).not.toContain('New note');
    expect(notes()).toEqual([stored]);
  });

  it.each([
    ['a subject and no delivery', { subject: MEGAN.id }],
    ['a delivery that does not exist', { deliveryId: 'digest-forged', subject: MEGAN.id }],
  ])('“Add note” with %s is refused and opens no form', async (_, data) => {
    const { body } = await harness.execute('newNote', data);
    expect(text(body)).toContain(NOT_SENT_TO_YOU);
    expect(text(body)).not.toContain('New note');
  });

  it('“Add note” on a digest is refused for a person the digest did not list', async () => {
    await harness.delivered({
      id: 'digest-1',
      kind: 'digest',
      recipientId: ALEX.id,
      subject: { type: 'digest', managerId: ALEX.id, personIds: ['someone-else'] },
    });
    const { body } = await harness.execute('newNote', { deliveryId: 'digest-1', subject: MEGAN.id });
    expect(text(body)).toContain(NOT_SENT_TO_YOU);
  });

  it('“New note” on the note list still opens an empty form in its place', async () => {
    const { body } = await harness.execute('newNote', {});
    expect(text(body)).toContain('New note');
  });
});

describe('note actions in the caller’s language', () => {
  it('a save from a Teams client in German confirms the follow-up day in German', async () => {
    const { body } = await harness.execute(
      'saveNote',
      {
        subject: MEGAN.id,
        text: 'Ask about her daughter’s tournament',
        followUpOn: '2027-03-16',
        submissionId: 'a0a0a0a0-0000-4000-8000-000000000002',
      },
      'personal',
      { ...ALEX, locale: 'de-DE' },
    );
    expect(text(body)).toContain('Dienstag, 16. März');
    expect(text(body)).not.toContain('Tuesday');
  });

  it('a snooze chosen by someone who picked Japanese in my settings answers with a Japanese date', async () => {
    await harness.stores.people.save({ ...ALEX, language: 'ja' });
    const { body } = await harness.execute('noteSnooze', { noteId: 'note-1' });
    // A week past the follow-up date, 16 March.
    expect(text(body)).toContain('3月23日');
  });
});
