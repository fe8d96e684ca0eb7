import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import { noteFormCard, noteListCard, noteNoticeCard, noteNudgeCard } from '../../../bot/notes/noteCards';
import { noteFormData } from '../../../bot/notes/noteForm';
import { noteListData, noticeData, nudgeCardData, nudgeSummary } from '../../../bot/notes/wording';
import type { Note } from '../../../core/notes';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
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

const en = translatorFor('en', 'Europe/London');

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
    const card = expandCard(
      noteFormCard,
      noteFormData(
        en,
        {
          submissionId: 'sub-1',
          subject: 'megan',
          text: 'x',
          followUpOn: '2027-03-16',
          error: 'That date has passed: pick today or a later day.',
        },
        [{ title: 'Megan Bowen', value: 'megan' }],
      ),
    );
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('"text":"New note"');
    expect(text).toContain('"errorMessage":"Write a note of up to 1,000 characters."');
    expect(text).toContain('"title":"Save note"');
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
      noteListData(notes, en, {
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
    const card = expandCard(noteListCard, noteListData([], en, { people: [] }));
    expectValid(card);
    expect(JSON.stringify(card)).toContain('You have no open notes. Type note to write one.');
  });

  it('the nudge reads the note as written, with Done, Snooze a week and Delete', () => {
    const card = expandCard(noteNudgeCard, nudgeCardData(note(), en));
    expectValid(card);
    const runs = JSON.stringify(card);
    expect(runs).toContain('"text":"You wanted to ask Sam how Emma’s tournament went"');
    expect(runs).toContain('"text":"Your private note about Sam Rivera, for Tuesday 16 March."');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Done', 'Snooze a week', 'Delete']);
    const other = expandCard(
      noteNudgeCard,
      nudgeCardData(note({ text: 'Emma’s tournament on Saturday' }), en),
    );
    expect(JSON.stringify(other)).toContain('"text":"You wanted to follow up with Sam Rivera: "');
    expect(JSON.stringify(other)).toContain('"text":"Emma’s tournament on Saturday","weight":"Bolder"');
  });

  it('a note still marked for the next 1:1 comes back saying so, with Done and Delete', () => {
    const marked = note({ text: 'Emma’s tournament on Saturday', nextOneOnOneSince: '2027-03-02' });
    const card = expandCard(noteNudgeCard, nudgeCardData(marked, en, 'oneOnOne'));
    expectValid(card);
    const runs = JSON.stringify(card);
    expect(runs).toContain('"text":"🔔 For your next 1:1"');
    expect(runs).toContain('"text":"You wanted to bring this up at your next 1:1 with Sam Rivera: "');
    expect(runs).toContain('"text":"Emma’s tournament on Saturday","weight":"Bolder"');
    expect(runs).toContain(
      '"text":"Your private note about Sam Rivera, marked for your next 1:1 on Tuesday 2 March."',
    );
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Done', 'Delete']);
    expect(nudgeSummary(marked, en, 'oneOnOne')).toBe('Bring this up with Sam Rivera');
    const german = expandCard(noteNudgeCard, nudgeCardData(marked, translatorFor('de'), 'oneOnOne'));
    expect(JSON.stringify(german)).toContain(
      '"text":"Sie wollten das beim nächsten 1:1-Gespräch mit Sam Rivera ansprechen: "',
    );
  });

  it('the notice card', () => {
    const shown = expandCard(noteNoticeCard, noticeData(en, 'Deleted.', true));
    expectValid(shown);
    expect(actionsOf(shown).map((a) => a.title)).toEqual(['Your notes']);
    expect(actionsOf(expandCard(noteNoticeCard, noticeData(en, 'Deleted.')))).toEqual([]);
  });
});

describe('note cards in every language', () => {
  // Markup-like user text and a long note, so that every language's card carries the worst case.
  const notes = [
    note({ text: '**bold** [link](https://x) ${notData} '.repeat(25), nextOneOnOneSince: '2027-03-02' }),
    note({ id: 'note-2', subjectId: 'megan', subjectName: 'Megan Bowen', followUpOn: undefined }),
  ];
  const people = [
    { title: 'Megan Bowen', value: 'megan' },
    { title: 'Sam Rivera', value: 'sam' },
  ];

  it.each(EVERY_LANGUAGE)('%s: the form, the list, the nudge and the notice render cleanly', (language) => {
    const t = translatorIn(language, 'Asia/Tokyo');
    const cards = [
      expandCard(
        noteFormCard,
        noteFormData(t, { noteId: 'note-1', subject: 'sam', text: notes[0]!.text, error: 'x' }, people),
      ),
      expandCard(
        noteListCard,
        noteListData(notes, t, { people, notice: t.text('notes.done', { name: 'Sam' }) }),
      ),
      expandCard(noteListCard, noteListData([], t, { people: [], subject: { id: 'sam' } })),
      expandCard(noteNudgeCard, nudgeCardData(notes[0]!, t)),
      expandCard(
        noteNudgeCard,
        nudgeCardData({ ...notes[0]!, nextOneOnOneSince: '2027-03-02' }, t, 'oneOnOne'),
      ),
      expandCard(
        noteNoticeCard,
        noticeData(t, t.text('notes.snoozed', { date: t.day('2027-03-23', 'long') }), true),
      ),
    ];
    for (const card of cards) expectValid(card);
    expect(JSON.stringify(cards[1])).toContain(t.day('2027-03-16', 'long'));
  });

  it('writes the list’s follow-up dates the reader’s way', () => {
    const list = (language: 'de' | 'ja') =>
      JSON.stringify(expandCard(noteListCard, noteListData([note()], translatorIn(language), { people })));
    expect(list('de')).toContain('Dienstag, 16. März');
    expect(list('ja')).toContain('3月16日');
  });
});
