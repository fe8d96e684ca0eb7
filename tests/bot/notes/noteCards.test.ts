import { expandCard } from '../../../bot/teams/cardRender';
import { noteFormCard, noteListCard, noteNoticeCard, noteNudgeCard } from '../../../bot/notes/noteCards';
import { noteListData, nudgeCardData } from '../../../bot/notes/wording';
import type { Note } from '../../../core/notes';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

const note = (fields: Partial<Note> = {}): Note => ({
  tenantId: 't',
  id: 'note-1',
  authorId: 'alex',
  subjectId: 'sam',
  subjectName: 'Sam Rivera',
  text: 'ask Sam how Emma’s tournament went',
  followUpOn: '2027-03-16',
  status: 'open',
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
  ...fields,
});

function expectValid(card: Record<string, unknown>) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
}

const actionsOf = (
  card: unknown,
): Array<{ verb?: string; title?: string; data?: Record<string, unknown> }> => {
  const found: Array<{ verb?: string; title?: string; data?: Record<string, unknown> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'Action.Execute') found.push(element);
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe('note cards', () => {
  it('the form has the person, the text and an optional date, and keeps input with an error', () => {
    const card = expandCard(noteFormCard, {
      title: 'New note',
      noteId: '',
      submissionId: 'sub-1',
      people: [{ title: 'Megan Bowen', value: 'megan' }],
      subject: 'megan',
      text: 'x',
      followUpOn: '2027-03-16',
      error: 'That date has passed: pick today or a later day.',
    });
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('"type":"Input.Date"');
    expect(text).toContain('"value":"2027-03-16"');
    expect(text).toContain('That date has passed');
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['saveNote']);
  });

  it('the list shows each note with Done, Edit and Delete, user text as text', () => {
    const notes = [
      note(),
      note({ id: 'note-2', text: '**bold** [link](https://x) ${notData}', followUpOn: undefined }),
    ];
    const card = expandCard(
      noteListCard,
      noteListData(notes, {
        people: [{ title: 'Sam Rivera', value: 'sam' }],
        notice: 'Done: your note about X.',
      }),
    );
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('follow up Tuesday 16 March');
    expect(text).toContain('**bold** [link](https://x) ${notData}');
    expect(text).toContain('"type":"TextRun","text":"**bold**');
    expect(actionsOf(card).map((a) => `${a.verb}:${String(a.data?.noteId ?? '')}`)).toEqual([
      'noteDone:note-1',
      'noteEdit:note-1',
      'noteDelete:note-1',
      'noteDone:note-2',
      'noteEdit:note-2',
      'noteDelete:note-2',
      'newNote:',
      'notesAbout:',
    ]);
  });

  it('an empty list says so', () => {
    const card = expandCard(noteListCard, noteListData([], { people: [] }));
    expectValid(card);
    expect(JSON.stringify(card)).toContain('You have no open notes');
  });

  it('the nudge reads the note as written, with Done, Snooze a week and Delete', () => {
    const card = expandCard(noteNudgeCard, nudgeCardData(note()));
    expectValid(card);
    const runs = JSON.stringify(card);
    expect(runs).toContain('"text":"You wanted to "');
    expect(runs).toContain('"text":"ask Sam how Emma’s tournament went"');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Done', 'Snooze a week', 'Delete']);
    const other = expandCard(noteNudgeCard, nudgeCardData(note({ text: 'Emma’s tournament on Saturday' })));
    expect(JSON.stringify(other)).toContain('You wanted to follow up with Sam Rivera: ');
  });

  it('the notice card', () => {
    expectValid(expandCard(noteNoticeCard, { text: 'Deleted.', showList: true }));
    expect(actionsOf(expandCard(noteNoticeCard, { text: 'Deleted.', showList: false }))).toEqual([]);
  });
});
