import { expandCard } from '../../../bot/teams/cardRender';
import { celebrationCard, noticeCard, reminderCard } from '../../../bot/milestones/milestoneCards';
import { celebrationCardData, congratulationText, reminderCardData } from '../../../bot/milestones/wording';
import { translatorFor } from '../../../bot/i18n/translator';
import type { Milestone, MilestoneKind, ReminderContent } from '../../../core/milestones';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
import type { Person } from '../../../core/people';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

const megan: Person = {
  tenantId: 't',
  id: 'megan',
  displayName: 'Megan Bowen',
  hireDate: '2021-12-06',
  celebrate: { birthday: 'public', anniversary: 'public' },
};
const manager: Person = { ...megan, id: 'alex', displayName: 'Alex Wilber' };
const milestone = (kind: MilestoneKind, years?: number): Milestone => ({
  kind,
  person: megan,
  // On its real day: moved milestones are in milestoneDates.test.ts.
  date: '2026-12-07',
  occursOn: '2026-12-07',
  ...(years ? { years } : {}),
});

const en = translatorFor('en');
const reader = { language: 'en', timeZone: 'UTC' } as const;

function expectValid(card: Record<string, unknown>) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
}

describe('milestone cards', () => {
  it.each([
    ['birthday', undefined, '🎂 Megan Bowen’s birthday', 'Send wishes'],
    ['anniversary', 5, '🎉 Megan Bowen’s 5 years at work', 'Send wishes'],
    ['first-day', undefined, '👋 Megan Bowen starts', 'Send a welcome'],
    ['first-week', undefined, 'first week is done', 'Send a welcome'],
    ['day-30', undefined, 'first 30 days', 'Ask how it’s going'],
    ['day-90', undefined, 'first 90 days', 'Ask how it’s going'],
  ] as const)(
    'the %s reminder says who, what, when, tenure and recent kudos',
    (kind, years, headline, action) => {
      const card = expandCard(
        reminderCard,
        reminderCardData(
          {
            deliveryId: `${kind}:2026-12-06:megan:manager`,
            milestone: milestone(kind, years),
            manager,
            reader,
            managerToday: '2026-12-02',
            tenureYears: 4,
            kudos90Days: {
              count: 2,
              latest: { giverName: 'Adele Vance', valueName: 'Teamwork', message: 'Thanks!' },
            },
            openNotes: [{ text: 'Ask how the **marathon** went', followUpOn: '2026-12-07' }],
          },
          en,
        ),
      );
      expectValid(card);
      const text = JSON.stringify(card);
      expect(text).toContain(headline);
      expect(text).toContain('Monday 7 December, in 5 days');
      expect(text).toContain('4 years, since 2021-12-06');
      expect(text).toContain('Adele Vance for Teamwork: “Thanks!”');
      expect(text).toContain(action);
      expect(text).toContain('"text":"Ask how the **marathon** went (follow up 2026-12-07)"');
    },
  );

  it('a reminder without kudos says so and shows no empty quote', () => {
    const card = expandCard(
      reminderCard,
      reminderCardData(
        {
          deliveryId: 'd',
          milestone: milestone('birthday'),
          manager,
          reader,
          managerToday: '2026-12-07',
          kudos90Days: { count: 0 },
          openNotes: [],
        },
        en,
      ),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('"value":"None yet"');
    expect(JSON.stringify(card)).toContain('today');
    expect(JSON.stringify(card)).not.toContain('Latest kudos');
    expect(JSON.stringify(card)).not.toContain('Your notes');
  });

  it('celebration posts and the personal message', () => {
    expectValid(expandCard(celebrationCard, celebrationCardData(milestone('birthday'), en)));
    expect(
      JSON.stringify(expandCard(celebrationCard, celebrationCardData(milestone('anniversary', 5), en))),
    ).toContain('Megan Bowen celebrates 5 years with us today');
    expect(congratulationText(milestone('birthday'), en)).toBe(
      'Happy birthday, Megan! 🎂 Have a wonderful day.',
    );
    expect(congratulationText(milestone('anniversary', 1), en)).toContain('1 year today');
  });

  it('the notice card, with and without Undo', () => {
    const withUndo = expandCard(noticeCard, {
      text: 'Muted.',
      undoVerb: 'unmuteReminders',
      undoTitle: 'Undo',
      deliveryId: 'birthday:2026-12-06:megan:manager',
    });
    expectValid(withUndo);
    expect((withUndo.actions as unknown[]).length).toBe(1);
    const plain = expandCard(noticeCard, { text: 'Snoozed.', undoVerb: '', undoTitle: '', deliveryId: '' });
    expectValid(plain);
    expect((plain.actions as unknown[] | undefined) ?? []).toEqual([]);
  });
});

describe('milestone cards in every language', () => {
  const content = (kind: MilestoneKind): ReminderContent => ({
    deliveryId: `${kind}:2026-12-07:megan:alex`,
    milestone: milestone(kind, kind === 'anniversary' ? 5 : undefined),
    manager,
    reader,
    managerToday: '2026-12-02',
    tenureYears: 4,
    kudos90Days: {
      count: 12,
      latest: { giverName: 'Adele Vance', valueName: 'Teamwork', message: 'x'.repeat(500) },
    },
    openNotes: Array.from({ length: 8 }, (_, i) => ({
      text: `${i} ${'y'.repeat(300)}`,
      followUpOn: '2026-12-09',
    })),
  });
  const kinds: MilestoneKind[] = ['birthday', 'anniversary', 'first-day', 'first-week', 'day-30', 'day-90'];

  it.each(EVERY_LANGUAGE)('renders every milestone card valid and within limits in %s', (language) => {
    const t = translatorIn(language, 'Asia/Tokyo');
    for (const kind of kinds) {
      const reminder = expandCard(reminderCard, reminderCardData(content(kind), t));
      expectValid(reminder);
      expect(JSON.stringify(reminder)).toContain(t.day('2026-12-07', 'long'));
    }
    for (const kind of ['birthday', 'anniversary'] as const) {
      expectValid(expandCard(celebrationCard, celebrationCardData(milestone(kind, 3), t)));
    }
    expectValid(
      expandCard(noticeCard, {
        text: t.text('milestones.mute.done', { named: 'yes', name: 'Megan Bowen' }),
        undoVerb: 'unmuteReminders',
        undoTitle: t.text('milestones.notice.undo'),
        deliveryId: 'birthday:2026-12-07:megan:alex',
      }),
    );
  });

  it('writes the reminder’s day and how far off it is the reader’s way', () => {
    const card = (language: 'ja' | 'de') =>
      JSON.stringify(expandCard(reminderCard, reminderCardData(content('birthday'), translatorIn(language))));
    expect(card('ja')).toContain('12月7日月曜日（5 日後）');
    expect(card('de')).toContain('Montag, 7. Dezember, in 5 Tagen');
  });
});
