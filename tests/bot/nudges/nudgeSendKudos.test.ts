import { nudgeDeliveryId } from '../../../core/nudges';
import { NOT_SENT_TO_YOU } from '../../../bot/milestones/wording';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, MEGAN, startBotHarness } from '../../support/botHarness';

// Send kudos on a weekly nudge opens the kudos form for the person it names, as a new message,
// only for the person the nudge was sent to and only for someone it listed.

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterAll(async () => connector.close());

type Card = { body: Array<{ id?: string; value?: unknown }> };

describe('Send kudos on a weekly nudge', () => {
  it('opens the kudos form for the person it listed, for the person it was sent to', async () => {
    const harness = startBotHarness({ serviceUrl: connector.url });
    const id = await harness.delivered({
      id: nudgeDeliveryId('2027-W11', ALEX.id),
      kind: 'nudge',
      recipientId: ALEX.id,
      subject: { type: 'nudge', personIds: [MEGAN.id] },
    });
    const { body } = await harness.execute('sendWishes', { deliveryId: id, personId: MEGAN.id });
    expect(JSON.stringify(body)).toContain('The kudos form for Megan');
    const form = connector.received().at(-1)?.attachments?.[0]?.content as Card;
    const inputs = Object.fromEntries(form.body.filter((e) => e.id).map((e) => [e.id, e.value]));
    expect(inputs.recipients).toBe(MEGAN.id);
    // A value is asked for: thanks from a nudge are kudos, not wishes.
    expect(form.body.map((e) => e.id)).toContain('value');
  });

  it('refuses someone the nudge did not list, and anyone it was not sent to', async () => {
    const harness = startBotHarness({ serviceUrl: connector.url });
    const id = await harness.delivered({
      id: nudgeDeliveryId('2027-W11', ALEX.id),
      kind: 'nudge',
      recipientId: ALEX.id,
      subject: { type: 'nudge', personIds: ['someone-else'] },
    });
    const before = connector.received().length;
    const listedNot = await harness.execute('sendWishes', { deliveryId: id, personId: MEGAN.id });
    expect(JSON.stringify(listedNot.body)).toContain(NOT_SENT_TO_YOU);
    const notYours = await harness.execute(
      'sendWishes',
      { deliveryId: id, personId: 'someone-else' },
      'personal',
      MEGAN,
    );
    expect(JSON.stringify(notYours.body)).toContain(NOT_SENT_TO_YOU);
    expect(connector.received()).toHaveLength(before);
  });
});
