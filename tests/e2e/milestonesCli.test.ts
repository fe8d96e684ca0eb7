import type { Person } from '../../core/people';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { runJobsCli } from '../support/jobsCli';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type PlaygroundClient } from '../support/playground';

// `npm run job -- milestones --at …` beside a running `npm start`: it shares the app's Cosmos DB
// server and reaches the Playground through the stored conversation references.
jest.setTimeout(240_000);

let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const KUDOS = '19:product-team-kudos@thread.tacv2';
const textOf = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  const { people } = app.app.runtime.stores;
  const set = async (id: string, change: Partial<Person>) =>
    people.save({ ...(await people.get(DEMO_TENANT_ID, id))!, ...change });
  // Tuesday 16 March 2027: Megan's birthday; every other demo milestone well away from it.
  await set(DEMO_IDS.megan, { birthday: '03-16', hireDate: '2022-06-01' });
  await set(DEMO_IDS.lee, { hireDate: '2026-01-05' });
  await set(DEMO_IDS.adele, { birthday: '09-21', hireDate: '2024-10-10' });
  await set(DEMO_IDS.isaiah, { birthday: '10-01', hireDate: '2026-11-01' });
  await set(DEMO_IDS.diego, { birthday: '09-09', hireDate: '2020-06-15' });
  await playground.openConversationInstall(PERSONAL);
  await playground.send(KUDOS, 'use this channel for kudos', { mentionBot: true });
  await playground.waitForMessage(
    (m) => m.conversationId.startsWith(KUDOS) && textOf(m).includes('Done: kudos'),
  );
});
afterAll(async () => app?.stop());

const job = (at: string, ...more: string[]) =>
  runJobsCli(app.dataDir, 'milestones', '--at', at, '--tenant', DEMO_TENANT_ID, ...more);

describe('npm run job -- milestones', () => {
  it('--dry-run prints what would be sent and sends nothing', async () => {
    const before = playground.messages().length;
    const run = await job('2027-03-11T09:00:00Z', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/would send\s+reminder\s+birthday 2027-03-16\s+Megan Bowen → Alex Wilber/);
    expect(await arrivedBeforeMarker(playground, PERSONAL, before)).toEqual([]);
  });

  it('delivers the reminder card into the manager’s personal chat; running it again delivers nothing', async () => {
    const first = await job('2027-03-11T09:00:00Z');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/sent\s+reminder\s+birthday 2027-03-16\s+Megan Bowen → Alex Wilber/);
    const card = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Megan Bowen’s birthday'),
    );
    expect(textOf(card.attachments)).toContain('Tuesday 16 March, in 5 days');
    const before = playground.messages().length;
    const again = await job('2027-03-11T09:00:00Z');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^\s+sent/m);
    expect(await arrivedBeforeMarker(playground, PERSONAL, before)).toEqual([]);
  });

  it('on the day, delivers the celebration post into the team’s recognition channel, once', async () => {
    const run = await job('2027-03-16T09:00:00Z');
    expect(run.code).toBe(0);
    const post = await playground.waitForMessage(
      (m) =>
        m.conversationId.startsWith(KUDOS) && textOf(m.attachments).includes('Happy birthday, Megan Bowen!'),
    );
    expect(post).toBeDefined();
    const before = playground.messages().length;
    const again = await job('2027-03-16T09:00:00Z');
    expect(again.code).toBe(0);
    expect(
      (await arrivedBeforeMarker(playground, KUDOS, before)).filter((m) =>
        m.conversationId.startsWith(KUDOS),
      ),
    ).toEqual([]);
  });
});
