import type { Person } from '../../core/people';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import type { PlaygroundClient } from '../support/playground';

// Everyone reachable, end to end: Moments is added to the team, Alex (a manager) never opens a
// personal chat with it, and his reminder arrives all the same, in a personal chat Moments opened
// itself through the Playground's Bot Connector (POST /v3/conversations) from the team's roster.
let app: TestApp;
let playground: PlaygroundClient;
const KUDOS = '19:product-team-kudos@thread.tacv2';
const textOf = (value: unknown) => JSON.stringify(value);
// Thursday 11 March 2027, 09:00 in London: three working days before Megan's birthday on the 16th.
const REMINDER_HOUR = new Date('2027-03-11T09:00:00Z');

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  const { people } = app.app.runtime.stores;
  const set = async (id: string, change: Partial<Person>) =>
    people.save({ ...(await people.get(DEMO_TENANT_ID, id))!, ...change });
  await set(DEMO_IDS.megan, {
    birthday: '03-16',
    celebrate: { birthday: 'manager', anniversary: 'manager' },
  });
}, 120_000);
afterAll(async () => app?.stop());

async function eventually<T>(
  read: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a manager who never opened a chat with Moments but is in the team', () => {
  it('gets the reminder in a personal chat Moments opens itself, whose reference is stored', async () => {
    const { runtime } = app.app;
    await playground.botAdded(KUDOS);
    // Adding Moments to the team reads its roster, which records how to reach Alex.
    const membership = await eventually(
      async () => (await runtime.stores.memberships.getMany(DEMO_TENANT_ID, [DEMO_IDS.alex]))[0],
      'Alex’s team membership',
    );
    expect(membership.seenIn).toContain(KUDOS);
    expect(
      await runtime.stores.conversations.get(DEMO_TENANT_ID, `personal:${DEMO_IDS.alex}`),
    ).toBeUndefined();

    const report = await runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [DEMO_TENANT_ID] });
    expect(
      report.sends.filter((s) => s.personName === 'Megan Bowen').map((s) => `${s.to} ${s.outcome}`),
    ).toEqual(['Alex Wilber sent']);
    const reminder = await playground.waitForMessage((m) =>
      textOf(m.attachments).includes('Megan Bowen’s birthday'),
    );
    const stored = await runtime.stores.conversations.get(DEMO_TENANT_ID, `personal:${DEMO_IDS.alex}`);
    expect(stored?.kind).toBe('personal');
    expect(reminder.conversationId.startsWith(stored!.conversationId)).toBe(true);
    expect(reminder.conversationId.startsWith(KUDOS)).toBe(false);
  });

  it('`reach` tells Alex, an admin, how many people Moments can reach, in plain text', async () => {
    const personal = playground.personalChatId();
    const before = playground.messages().length;
    await playground.send(personal, 'reach');
    const answer = await playground.waitForMessage(
      (m) => playground.messages().indexOf(m) >= before && /Moments can reach/.test(m.text ?? ''),
    );
    expect(answer.text).toMatch(/^Moments can reach \d+ of \d+ people\./);
    expect(answer.textFormat).toBe('plain');
  });
});
