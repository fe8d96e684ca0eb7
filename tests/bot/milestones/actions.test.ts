import { MEGAN, ALEX, HARNESS_TENANT, startBotHarness, type BotHarness } from '../../support/botHarness';

// Forged and malformed reminder actions, through the real bot: each gets the answer a stale
// reminder gets, and no snooze or muted person is stored.
let harness: BotHarness;
beforeEach(() => {
  harness = startBotHarness();
});

const snooze = {
  personId: MEGAN.id,
  deliveryId: `reminder:birthday:2027-03-14:${MEGAN.id}:${ALEX.id}`,
  kind: 'birthday',
  date: '2027-03-14',
  occursOn: '2027-03-14',
  years: '',
};

describe('snoozeReminder', () => {
  it.each([
    ['a date that is a number', { ...snooze, date: 20270314 }],
    ['a person that is an object', { ...snooze, personId: { id: MEGAN.id } }],
    ['a huge delivery id', { ...snooze, deliveryId: 'd'.repeat(10_000) }],
    ['years that are a list', { ...snooze, years: [3] }],
  ])('refuses %s and snoozes nothing', async (_, data) => {
    const { body } = await harness.execute('snoozeReminder', data);
    expect(JSON.stringify(body)).toContain('This reminder can no longer be snoozed.');
    expect(harness.stores.snoozes.snoozes.size).toBe(0);
  });

  it('snoozes a well-formed reminder', async () => {
    const { body } = await harness.execute('snoozeReminder', snooze);
    expect(JSON.stringify(body)).toContain('Snoozed.');
    expect(harness.stores.snoozes.snoozes.size).toBe(1);
  });
});

describe('muteReminders and unmuteReminders', () => {
  it.each([
    ['muteReminders', { personId: [MEGAN.id] }],
    ['muteReminders', { personId: 'p'.repeat(10_000) }],
    ['unmuteReminders', { personId: { $in: [MEGAN.id] } }],
  ])('%s with forged data %# changes nobody’s reminders', async (verb, data) => {
    const { body } = await harness.execute(verb, data);
    expect(JSON.stringify(body)).toContain('This reminder is no longer available.');
    expect(await harness.stores.people.get(HARNESS_TENANT, ALEX.id)).toEqual(ALEX);
  });
});
