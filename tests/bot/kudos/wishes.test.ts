import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness } from '../../support/botHarness';

// "Send wishes" on a birthday reminder: the form asks for no company value, and the wishes go out
// under the built-in Celebration value even when the giver has used up today's kudos.

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
