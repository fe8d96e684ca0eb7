import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type PlaygroundClient } from '../support/playground';

// Tenant settings end to end: the Agents Playground's personal chat (Alex Wilber), the bot on its
// real endpoint, the local Cosmos DB server. A limit set in the card is the limit the next kudos
// meets. MOMENTS_ADMINS names nobody here, so the tenant's own list alone says who is an admin.
let app: TestApp;
let playground: PlaygroundClient;
beforeAll(async () => {
  app = await startTestApp({ playground: true, env: { MOMENTS_ADMINS: '' } });
  playground = app.playground!;
}, 120_000);
afterAll(async () => app?.stop());

const GENERAL = '19:product-team-general@thread.tacv2';
const PERSONAL = 'a:moments-personal-alexw';
const textOf = (value: unknown) => JSON.stringify(value);

type Element = { type?: string; id?: string; value?: string; verb?: string; data?: Record<string, string> };
function findAll(node: unknown, match: (e: Element) => boolean, found: Element[] = []): Element[] {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, match, found));
  else if (node && typeof node === 'object') {
    if (match(node as Element)) found.push(node as Element);
    Object.values(node).forEach((v) => findAll(v, match, found));
  }
  return found;
}

/** What Teams sends for the card's Save: the action's data and every input's value. */
function submission(card: unknown, changes: Record<string, string>): Record<string, unknown> {
  const [save] = findAll(card, (e) => e.type === 'Action.Execute');
  const inputs = Object.fromEntries(
    findAll(card, (e) => Boolean(e.type?.startsWith('Input.') && e.id)).map((e) => [e.id, e.value ?? '']),
  );
  return { ...save?.data, ...inputs, ...changes };
}

async function giveKudos(message: string) {
  const fetched = await playground.invoke({
    name: 'composeExtension/fetchTask',
    conversationId: GENERAL,
    value: { commandId: 'sendKudos', commandContext: 'compose' },
  });
  const form = (fetched.task as { value: { card: { content: unknown } } }).value.card.content;
  const [submit] = findAll(form, (e) => e.data?.submissionId !== undefined);
  return playground.invoke({
    name: 'composeExtension/submitAction',
    conversationId: GENERAL,
    value: {
      commandId: 'sendKudos',
      commandContext: 'compose',
      data: {
        verb: 'sendKudos',
        submissionId: submit?.data?.submissionId,
        recipients: DEMO_IDS.megan,
        value: 'teamwork',
        message,
      },
    },
  });
}

describe('tenant settings in the personal chat', () => {
  it('someone who is not an admin cannot open them and is told who the admins are', async () => {
    // The Playground's personal chat is Alex's: for this test Megan is the tenant's only admin.
    const { settings } = app.app.runtime.stores;
    const tenant = await settings.tenant(DEMO_TENANT_ID);
    await settings.saveTenant({ ...tenant!, adminIds: [DEMO_IDS.megan] });
    try {
      const before = playground.messages().length;
      await playground.send(PERSONAL, 'settings');
      await playground.waitForMessage(
        (m, i) =>
          i >= before &&
          m.conversationId === PERSONAL &&
          textOf(m).includes('Tenant settings are for Moments admins: Megan Bowen.'),
      );
      const arrived = await arrivedBeforeMarker(playground, PERSONAL, before);
      expect(arrived.some((m) => textOf(m.attachments).includes('saveTenantSettings'))).toBe(false);
    } finally {
      await settings.saveTenant(tenant!);
    }
  });

  it('the admin sets the daily limit to 2 in the card, and the third kudos that day is refused', async () => {
    const { settings } = app.app.runtime.stores;
    await settings.saveTenant({ ...(await settings.tenant(DEMO_TENANT_ID))!, adminIds: [DEMO_IDS.alex] });
    const sent = await playground.send(PERSONAL, 'settings');
    const reply = await playground.waitForMessage(
      (m) =>
        m.conversationId === PERSONAL &&
        Number(m.messageId) > Number(sent.messageId) &&
        textOf(m.attachments).includes('Tenant settings'),
    );
    const card = reply.attachments[0]?.content;
    expect(findAll(card, (e) => e.id === 'dailyKudosLimit')[0]?.value).toBe('20');

    const response = await playground.invoke({
      name: 'adaptiveCard/action',
      conversationId: PERSONAL,
      replyToId: reply.messageId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'saveTenantSettings',
          data: submission(card, { dailyKudosLimit: '2' }),
        },
      },
    });
    expect(textOf(response.value)).toContain('Saved 1 change');
    expect(textOf(response.value)).toContain('dailyKudosLimit: 20 → 2');
    expect((await app.app.runtime.stores.settings.tenant(DEMO_TENANT_ID))?.dailyKudosLimit).toBe(2);
    expect(await app.app.runtime.stores.audit.all(DEMO_TENANT_ID)).toEqual([
      expect.objectContaining({
        field: 'dailyKudosLimit',
        from: 20,
        to: 2,
        by: { id: DEMO_IDS.alex, name: 'Alex Wilber', via: 'teams' },
      }),
    ]);

    for (const message of ['Thanks for the review', 'Thanks for the demo']) {
      const given = await giveKudos(message);
      expect((given.composeExtension as { type: string }).type).toBe('result');
    }
    const third = await giveKudos('Thanks for the third thing');
    expect(textOf(third.task)).toContain('You have given 2 kudos today, the daily limit.');
  });
});
