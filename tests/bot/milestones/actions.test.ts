import { NOT_SENT_TO_YOU } from '../../../bot/milestones/wording';
import { MEGAN, ALEX, HARNESS_TENANT, startBotHarness, type BotHarness } from '../../support/botHarness';

// Reminder actions through the real bot. The card carries only its delivery id: who and what the
// reminder is about is read from the delivery, and an action on a delivery that was not sent to
// its caller (forged, or someone else's) is refused and stores nothing.
let harness: BotHarness;
/** Alex's reminder of Megan's birthday, as the milestone job delivered it. */
let alexs: string;
/** Megan's own reminder about Alex, which Alex must not be able to act on. */
let megans: string;
beforeEach(async () => {
  harness = startBotHarness();
  alexs = await harness.delivered({
    id: `birthday:2027-03-14:${MEGAN.id}:${ALEX.id}`,
    kind: 'reminder',
    recipientId: ALEX.id,
    subject: {
      type: 'reminder',
      personId: MEGAN.id,
      kind: 'birthday',
      date: '2027-03-14',
      occursOn: '2027-03-14',
    },
  });
  megans = await harness.delivered({
    id: `anniversary:2027-04-01:${ALEX.id}:${MEGAN.id}`,
    kind: 'reminder',
    recipientId: MEGAN.id,
    subject: {
      type: 'reminder',
      personId: ALEX.id,
      kind: 'anniversary',
      date: '2027-04-01',
      occursOn: '2027-04-01',
      years: 3,
    },
  });
});

const text = (value: unknown) => JSON.stringify(value);
const snoozes = () => [...harness.stores.snoozes.snoozes.values()];
const person = (id: string) => harness.stores.people.get(HARNESS_TENANT, id);

describe('snoozeReminder', () => {
  it.each([
    ['a delivery id that is a number', { deliveryId: 20270314 }],
    ['a delivery id that is an object', { deliveryId: { id: 'x' } }],
    ['a huge delivery id', { deliveryId: 'd'.repeat(10_000) }],
    [
      'no delivery id, only the reminder’s facts',
      { personId: MEGAN.id, kind: 'birthday', date: '2027-03-14' },
    ],
  ])('refuses %s and snoozes nothing', async (_, data) => {
    const { body } = await harness.execute('snoozeReminder', data);
    expect(text(body)).toContain('This reminder can no longer be snoozed.');
    expect(snoozes()).toEqual([]);
  });

  it('refuses a reminder sent to someone else, whoever sends it, and snoozes nothing', async () => {
    const fromMegan = await harness.execute('snoozeReminder', { deliveryId: alexs }, 'personal', MEGAN);
    expect(text(fromMegan.body)).toContain(NOT_SENT_TO_YOU);
    const ofMegans = await harness.execute('snoozeReminder', { deliveryId: megans });
    expect(text(ofMegans.body)).toContain(NOT_SENT_TO_YOU);
    const unknown = await harness.execute('snoozeReminder', { deliveryId: 'birthday:2027-03-14:x:y' });
    expect(text(unknown.body)).toContain(NOT_SENT_TO_YOU);
    expect(snoozes()).toEqual([]);
  });

  it('snoozes the delivered reminder with the facts it was sent with, whatever else the card says', async () => {
    const { body } = await harness.execute('snoozeReminder', {
      deliveryId: alexs,
      personId: ALEX.id,
      kind: 'anniversary',
      date: '2099-01-01',
      occursOn: 'zzzz',
    });
    expect(text(body)).toContain('Snoozed. I’ll remind you about Megan Bowen again tomorrow morning.');
    expect(snoozes()).toEqual([
      {
        tenantId: HARNESS_TENANT,
        id: `snooze:${alexs}:${ALEX.id}`,
        deliveryId: alexs,
        managerId: ALEX.id,
        personId: MEGAN.id,
        kind: 'birthday',
        date: '2027-03-14',
        occursOn: '2027-03-14',
        dueAt: '2027-03-11T09:00:00.000Z',
      },
    ]);
  });
});

describe('muteReminders and unmuteReminders', () => {
  it.each([
    ['muteReminders', { deliveryId: [alexs] }],
    ['muteReminders', { deliveryId: 'p'.repeat(10_000) }],
    ['muteReminders', { personId: MEGAN.id }],
    ['unmuteReminders', { deliveryId: { $in: ['x'] } }],
  ])('%s with forged data %# changes nobody’s reminders', async (verb, data) => {
    const { body } = await harness.execute(verb, data);
    expect(text(body)).toContain('This reminder is no longer available.');
    expect(await person(ALEX.id)).toEqual(ALEX);
  });

  it.each(['muteReminders', 'unmuteReminders'])(
    '%s on a reminder sent to someone else is refused and changes nobody’s reminders',
    async (verb) => {
      await harness.stores.people.save({ ...MEGAN, mutedReminders: [ALEX.id] });
      const fromMegan = await harness.execute(verb, { deliveryId: alexs }, 'personal', MEGAN);
      expect(text(fromMegan.body)).toContain(NOT_SENT_TO_YOU);
      const ofMegans = await harness.execute(verb, { deliveryId: megans });
      expect(text(ofMegans.body)).toContain(NOT_SENT_TO_YOU);
      expect(await person(ALEX.id)).toEqual(ALEX);
      expect(await person(MEGAN.id)).toEqual({ ...MEGAN, mutedReminders: [ALEX.id] });
    },
  );

  it('mutes the person the delivered reminder was about, and Undo unmutes them', async () => {
    const muted = await harness.execute('muteReminders', { deliveryId: alexs, personId: ALEX.id });
    expect(text(muted.body)).toContain('You won’t get reminders about Megan Bowen any more.');
    expect(text(muted.body)).toContain(`"deliveryId":"${alexs}"`);
    expect((await person(ALEX.id))?.mutedReminders).toEqual([MEGAN.id]);
    const undone = await harness.execute('unmuteReminders', { deliveryId: alexs });
    expect(text(undone.body)).toContain('Reminders about Megan Bowen are back on.');
    expect((await person(ALEX.id))?.mutedReminders).toEqual([]);
  });
});
