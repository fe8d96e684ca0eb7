import type { Recognition } from '../../../core/kudos';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';

// Celebrate stores the caller's +1 and refreshes the card for everyone in the conversation. Teams
// refuses to update a card the bot may not edit (one a giver inserted from the compose box): the
// celebration still counts, the caller still sees it, and the refusal is logged.

let connector: FakeConnector;
let harness: BotHarness;
beforeAll(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterAll(async () => connector.close());
beforeEach(async () => {
  connector.clearPlan();
  harness = startBotHarness({ serviceUrl: connector.url });
  await harness.stores.recognitions.create(kudos);
});

const kudos: Recognition = {
  tenantId: HARNESS_TENANT,
  id: 'kudos-launch',
  giver: { id: MEGAN.id, name: MEGAN.displayName },
  recipients: [{ id: ALEX.id, name: ALEX.displayName }],
  recipientIds: [ALEX.id],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'Thank you for the launch',
  place: { kind: 'groupChat', conversationId: '19:launch-crew@thread.v2' },
  postToChannel: false,
  createdAt: '2027-03-09T09:00:00.000Z',
  givenOn: '2027-03-09',
  celebrations: [],
};

const CELEBRATED = '🎉 1 · celebrated by Alex Wilber';
const REFRESH_FAILED = 'could not refresh the celebrated card for everyone';
const celebrate = () => harness.execute('celebrate', { recognitionId: kudos.id }, 'groupChat');
const storedCelebrations = async () =>
  (await harness.stores.recognitions.get(HARNESS_TENANT, kudos.id))?.celebrations.map((c) => c.id);

describe('celebrate', () => {
  it('refreshes the card in the conversation for everyone', async () => {
    const before = connector.received().length;
    const { body } = await celebrate();
    expect(JSON.stringify(body)).toContain(CELEBRATED);
    expect(await storedCelebrations()).toEqual([ALEX.id]);
    const [update] = connector.received().slice(before);
    expect(update).toMatchObject({
      kind: 'update',
      conversationId: '19:launch-crew@thread.v2',
      id: '1700000000000',
    });
    expect(JSON.stringify(update?.attachments)).toContain(CELEBRATED);
    expect(harness.logger.lines.map((l) => l.message)).not.toContain(REFRESH_FAILED);
  });

  it('when Teams refuses to update the card, still stores the celebration, shows it to the caller and logs why', async () => {
    connector.plan({
      fault: { status: 403, code: 'Forbidden' },
      when: (request) => request.method === 'PUT',
    });
    const before = connector.received().length;
    const { status, body } = await celebrate();
    expect(status).toBe(200);
    // The caller's own card shows the celebration; nobody else's card changed.
    expect(JSON.stringify(body)).toContain(CELEBRATED);
    expect(connector.received().slice(before)).toEqual([]);
    expect(await storedCelebrations()).toEqual([ALEX.id]);
    expect(harness.logger.lines.filter((l) => l.message === REFRESH_FAILED)).toEqual([
      expect.objectContaining({
        level: 'info',
        fields: expect.objectContaining({ recognitionId: kudos.id }),
      }),
    ]);
  });
});
