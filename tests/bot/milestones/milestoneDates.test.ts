// Every milestone card tells the same story: the real date, how far off it is from the day the
// card is sent, and a tenure that matches the headline, also when the weekend or 29 February
// rules move the day the card goes out.
import { expandCard } from '../../../bot/teams/cardRender';
import { celebrationCard, reminderCard } from '../../../bot/milestones/milestoneCards';
import { celebrationCardData, congratulationText, reminderCardData } from '../../../bot/milestones/wording';
import { translatorFor } from '../../../bot/i18n/translator';
import { planMilestoneSends, readReminderContext, type MilestonePolicy } from '../../../core/milestones';
import type { Person } from '../../../core/people';
import { MemoryNoteStore, MemoryRecognitionStore } from '../../support/fakes';
import { alex, person, policy } from '../../support/milestonePlanning';

const en = translatorFor('en', 'Europe/London');

/** What Alex and the channel are sent for `someone` on the local day `day` (London, 09:00). */
async function cardsOn(someone: Person, day: string, rules: Partial<MilestonePolicy> = {}) {
  const sends = planMilestoneSends({
    people: [someone],
    managers: [alex],
    window: { since: new Date(`${day}T00:00:00Z`), now: new Date(`${day}T23:00:00Z`) },
    policy: { ...policy, ...rules },
  });
  const context = await readReminderContext(
    { recognitions: new MemoryRecognitionStore(), notes: new MemoryNoteStore() },
    someone.tenantId,
    sends.map(() => ({ personId: someone.id, managerId: alex.id })),
    new Date(`${day}T09:00:00Z`),
  );
  const reminders = sends
    .filter((send) => send.kind === 'reminder')
    .map((send) =>
      JSON.stringify(
        expandCard(
          reminderCard,
          reminderCardData(
            context.contentFor({
              deliveryId: send.deliveryId,
              milestone: send.milestone,
              manager: alex,
              reader: { language: 'en', timeZone: 'Europe/London' },
              managerToday: send.localDate,
            }),
            en,
          ),
        ),
      ),
    );
  const celebrations = sends
    .filter((send) => send.kind === 'celebration')
    .map((send) => ({
      post: JSON.stringify(expandCard(celebrationCard, celebrationCardData(send.milestone, en))),
      message: congratulationText(send.milestone, en),
    }));
  return { reminders, celebrations };
}

const megan = (fields: Partial<Person>) =>
  person('megan', { displayName: 'Megan Bowen', managerId: 'alex', ...fields });

describe('milestone cards agree on dates and counts', () => {
  it('a Saturday anniversary marked on Friday says "tomorrow" and "on Saturday", with the same years', async () => {
    const hired = megan({ hireDate: '2021-12-12' });
    const { reminders, celebrations } = await cardsOn(hired, '2026-12-11', { reminderWorkingDaysAhead: 0 });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('Megan Bowen’s 5 years at work');
    expect(reminders[0]).toContain('Saturday 12 December, tomorrow');
    expect(reminders[0]).toContain('5 years, since 2021-12-12');
    expect(reminders[0]).not.toContain('today');
    expect(celebrations).toHaveLength(1);
    expect(celebrations[0]?.post).toContain('Megan Bowen celebrates 5 years with us on Saturday 12 December');
    expect(celebrations[0]?.message).toBe(
      'Happy work anniversary, Megan! 🎉 5 years on Saturday 12 December: thank you for all of it.',
    );
  });

  it('three working days ahead of a Saturday anniversary, the reminder counts to the Saturday', async () => {
    // Marked on Friday 11th; three working days before is Tuesday 8th, four days before the 12th.
    const { reminders } = await cardsOn(megan({ hireDate: '2021-12-12' }), '2026-12-08');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('Saturday 12 December, in 4 days');
    expect(reminders[0]).toContain('5 years, since 2021-12-12');
  });

  it('a Sunday anniversary marked on the Monday after says it was yesterday', async () => {
    const { reminders, celebrations } = await cardsOn(megan({ hireDate: '2020-12-13' }), '2026-12-14', {
      weekendRule: 'next-working-day',
      reminderWorkingDaysAhead: 0,
    });
    expect(reminders[0]).toContain('Sunday 13 December, yesterday');
    expect(reminders[0]).toContain('Megan Bowen’s 6 years at work');
    expect(reminders[0]).toContain('6 years, since 2020-12-13');
    expect(celebrations[0]?.post).toContain('celebrates 6 years with us on Sunday 13 December');
  });

  it('a weekday anniversary is "today" on the day', async () => {
    const { reminders, celebrations } = await cardsOn(megan({ hireDate: '2021-12-09' }), '2026-12-09', {
      reminderWorkingDaysAhead: 0,
    });
    expect(reminders[0]).toContain('Wednesday 9 December, today');
    expect(reminders[0]).toContain('5 years, since 2021-12-09');
    expect(celebrations[0]?.post).toContain('Megan Bowen celebrates 5 years with us today');
    expect(celebrations[0]?.message).toContain('5 years today');
  });

  it('a 29 February hire date: the anniversary on 28 February counts its full years', async () => {
    // 28 February 2027 is a Sunday, so the third anniversary is marked on Friday 26th.
    const { reminders, celebrations } = await cardsOn(megan({ hireDate: '2024-02-29' }), '2027-02-26', {
      reminderWorkingDaysAhead: 0,
    });
    expect(reminders[0]).toContain('Megan Bowen’s 3 years at work');
    expect(reminders[0]).toContain('Sunday 28 February, in 2 days');
    expect(reminders[0]).toContain('3 years, since 2024-02-29');
    expect(celebrations[0]?.post).toContain('celebrates 3 years with us on Sunday 28 February');
  });

  it('a 29 February birthday in a leap year is today, and its tenure counts to the birthday', async () => {
    const { reminders, celebrations } = await cardsOn(
      megan({ birthday: '02-29', hireDate: '2023-03-01' }),
      '2028-02-29',
      { reminderWorkingDaysAhead: 0 },
    );
    expect(reminders[0]).toContain('Tuesday 29 February, today');
    expect(reminders[0]).toContain('4 years, since 2023-03-01');
    expect(celebrations[0]?.message).toBe('Happy birthday, Megan! 🎂 Have a wonderful day.');
  });

  it('a 29 February birthday on a moved 28 February wishes for the real day', async () => {
    const { reminders, celebrations } = await cardsOn(megan({ birthday: '02-29' }), '2027-02-26', {
      reminderWorkingDaysAhead: 0,
    });
    expect(reminders[0]).toContain('Sunday 28 February, in 2 days');
    expect(celebrations[0]?.message).toBe(
      'Happy birthday for Sunday 28 February, Megan! 🎂 Have a wonderful day.',
    );
  });
});
