import type { Person } from '../../../core/people';
import { translatorFor } from '../../../bot/i18n/translator';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';

// "Send wishes" on a birthday reminder: the form asks for no company value, and the wishes go out
// under the built-in Celebration value even when the giver has used up today's kudos. Only a
// reminder delivered to the giver makes a submission wishes, and only to the person it was about.

const en = translatorFor('en');
const WISHES_NOT_YOURS = en.text('kudos.refusal.wishesNotYours');

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterAll(async () => connector.close());

type Card = {
  body: Array<{ id?: string; value?: unknown }>;
  actions: Array<{ data: Record<string, unknown> }>;
};

describe('Send wishes from a milestone reminder', () => {
  it('needs no value and does not count towards the daily limit', async () => {
    const harness = startBotHarness({ serviceUrl: connector.url });
    const settings = await harness.stores.settings.tenant(HARNESS_TENANT);
    await harness.stores.settings.saveTenant({ ...settings!, dailyKudosLimit: 1 });
    const kudos = await harness.execute('sendKudos', {
      submissionId: 'f0f0f0f0-0000-4000-8000-00000000w001',
      recipients: MEGAN.id,
      value: 'teamwork',
      message: 'Thanks for the launch',
      postToChannel: 'false',
    });
    expect(JSON.stringify(kudos.body)).not.toContain('daily limit');

    const reminder = await harness.delivered({
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
    const { body } = await harness.execute('sendWishes', { deliveryId: reminder });
    // The reminder stays: the form arrives as a new message in the chat.
    expect(JSON.stringify(body)).toContain('The kudos form for Megan');
    const form = connector.received().at(-1)?.attachments?.[0]?.content as Card;
    expect(form.body.map((e) => e.id)).not.toContain('value');
    const inputs = Object.fromEntries(form.body.filter((e) => e.id).map((e) => [e.id, e.value]));
    const sent = await harness.execute('sendKudos', {
      ...form.actions[0]!.data,
      ...inputs,
      postToChannel: 'false',
    });
    expect(JSON.stringify(sent.body)).not.toContain('daily limit');
    expect(JSON.stringify(sent.body)).toContain('Celebration');
    const stored = [...harness.stores.recognitions.recognitions.values()];
    expect(stored.map((r) => [r.value.name, r.message])).toEqual([
      ['Teamwork', 'Thanks for the launch'],
      ['Celebration', 'Happy birthday, Megan!'],
    ]);
    await harness.background.drain();
  });
});

/** Megan's report: someone a reminder sent to Megan is about, and someone else for Alex. */
const LEE: Person = {
  tenantId: HARNESS_TENANT,
  id: '00000000-0000-4000-8000-0000000000c3',
  displayName: 'Lee Gu',
  managerId: MEGAN.id,
  timeZone: 'Europe/London',
  birthday: '03-14',
  celebrate: { birthday: 'public', anniversary: 'manager' },
};

/** A birthday reminder about `person`, delivered to `manager`; returns its delivery id. */
const birthdayReminder = (harness: BotHarness, person: Person, manager: Person) =>
  harness.delivered({
    id: `birthday:2027-03-14:${person.id}:${manager.id}`,
    kind: 'reminder',
    recipientId: manager.id,
    subject: {
      type: 'reminder',
      personId: person.id,
      kind: 'birthday',
      date: '2027-03-14',
      occursOn: '2027-03-14',
    },
  });

describe('A forged wishes submission', () => {
  let harness: BotHarness;
  const stored = () => [...harness.stores.recognitions.recognitions.values()];
  const text = (value: unknown) => JSON.stringify(value);
  /** What the wishes form sends, as a forger would fill it in: no value, and every wishes marker. */
  const wishes = (fields: Record<string, unknown>) => ({
    submissionId: 'f0f0f0f0-0000-4000-8000-00000000w0f1',
    message: 'Happy birthday!',
    postToChannel: 'false',
    occasion: 'wishes',
    ...fields,
  });

  beforeEach(async () => {
    harness = startBotHarness({ serviceUrl: connector.url });
    await harness.stores.people.save(structuredClone(LEE));
    const settings = await harness.stores.settings.tenant(HARNESS_TENANT);
    await harness.stores.settings.saveTenant({ ...settings!, dailyKudosLimit: 1 });
  });

  it('with no reminder at all is kudos: it needs a value, and counts towards the limit', async () => {
    const noValue = await harness.execute('sendKudos', wishes({ recipients: MEGAN.id }));
    expect(text(noValue.body)).toContain('Pick one of your company values.');
    expect(stored()).toEqual([]);

    const earlier = await harness.execute('sendKudos', {
      submissionId: 'f0f0f0f0-0000-4000-8000-00000000w0e1',
      recipients: MEGAN.id,
      value: 'teamwork',
      message: 'Thanks for the launch',
      postToChannel: 'false',
    });
    expect(text(earlier.body)).not.toContain('daily limit');
    const overLimit = await harness.execute('sendKudos', wishes({ recipients: MEGAN.id, value: 'teamwork' }));
    expect(text(overLimit.body)).toContain('daily limit');
    expect(stored().map((r) => [r.value.name, r.message])).toEqual([['Teamwork', 'Thanks for the launch']]);
    await harness.background.drain();
  });

  it.each([
    ['the chat form', 'chat'],
    ['the dialog', 'task'],
  ] as const)('naming another user’s reminder is refused in %s, and nothing is stored', async (_, via) => {
    const megansReminder = await birthdayReminder(harness, LEE, MEGAN);
    const forged = wishes({ recipients: LEE.id, reminderId: megansReminder });
    const { body } =
      via === 'chat'
        ? await harness.execute('sendKudos', forged)
        : await harness.invoke('composeExtension/submitAction', { commandId: 'sendKudos', data: forged });
    expect(text(body)).toContain(WISHES_NOT_YOURS);
    // Back as a kudos form, which asks for a value: what was written can still be sent as kudos.
    expect(text(body)).toContain('"id":"value"');
    expect(stored()).toEqual([]);
  });

  it.each([
    ['someone else', [LEE.id]],
    ['the person and someone else', [MEGAN.id, LEE.id]],
  ])('from a reminder about Megan to %s is refused in the form, and nothing is stored', async (_, to) => {
    const reminder = await birthdayReminder(harness, MEGAN, ALEX);
    const { body } = await harness.execute(
      'sendKudos',
      wishes({ recipients: to.join(','), reminderId: reminder }),
    );
    expect(text(body)).toContain(
      'Wishes from this reminder go to Megan Bowen alone, so nothing was sent. To thank someone else, send them kudos.',
    );
    // Still the wishes form, so that choosing Megan alone sends them.
    expect(text(body)).not.toContain('"id":"value"');
    expect(stored()).toEqual([]);
  });
});
