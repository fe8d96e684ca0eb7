import type { Person } from '../../core/people';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { runJobsCli } from '../support/jobsCli';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type PlaygroundClient } from '../support/playground';

// `npm run job -- nudges --at …` beside a running `npm start`: Alex turned the weekly nudge on for
// Monday at 08:00 (London) and gets it in his personal chat in the Playground, once.
jest.setTimeout(240_000);

let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const textOf = (value: unknown) => JSON.stringify(value);
// Monday 15 March 2027, 08:00 in London (UTC until the 28th).
const MONDAY = '2027-03-15T08:00:00Z';

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  const { people } = app.app.runtime.stores;
  const set = async (id: string, change: Partial<Person>) =>
    people.save({ ...(await people.get(DEMO_TENANT_ID, id))!, ...change });
  await set(DEMO_IDS.alex, { weeklyNudge: { enabled: true, day: 1, hour: 8 } });
  // Megan's birthday on the Tuesday of that week; the other demo milestones well away from it.
  await set(DEMO_IDS.megan, { birthday: '03-16', hireDate: '2022-06-01', lastRecognisedOn: '2027-03-12' });
  await set(DEMO_IDS.adele, { birthday: '09-21', hireDate: '2024-10-10', lastRecognisedOn: '2027-01-14' });
  await set(DEMO_IDS.lee, { hireDate: '2026-01-05', lastRecognisedOn: '2027-03-10' });
  await set(DEMO_IDS.diego, { birthday: '09-09', hireDate: '2020-06-15', lastRecognisedOn: '2027-03-11' });
  await set(DEMO_IDS.isaiah, { birthday: '10-01', hireDate: '2026-11-01', lastRecognisedOn: '2027-03-09' });
  await playground.openConversationInstall(PERSONAL);
  // The welcome arrives first, so that what the job sends is all that arrives after it.
  await playground.waitForMessage((m) => m.conversationId === PERSONAL && textOf(m).includes('I’m Moments'));
});
afterAll(async () => app?.stop());

const job = (at: string, ...more: string[]) =>
  runJobsCli(app.dataDir, 'nudges', '--at', at, '--tenant', DEMO_TENANT_ID, ...more);

describe('npm run job -- nudges', () => {
  it('--dry-run prints what would be sent and sends nothing', async () => {
    const before = playground.messages().length;
    const run = await job(MONDAY, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/would send\s+nudge 2027-W11 \(2 to thank\) → Alex Wilber/);
    expect(await arrivedBeforeMarker(playground, PERSONAL, before)).toEqual([]);
  });

  it('delivers the nudge into the opted-in person’s personal chat; running it again delivers nothing', async () => {
    const first = await job(MONDAY);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/sent\s+nudge 2027-W11 \(2 to thank\) → Alex Wilber/);
    const card = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Who will you thank this week?'),
    );
    const text = textOf(card.attachments);
    expect(text).toContain('birthday on Tuesday 16 March');
    expect(text).toContain('Send kudos to Megan');
    expect(text).toContain('last kudos 60 days ago');
    expect(text).toContain('Send kudos to Adele');
    const before = playground.messages().length;
    const again = await job(MONDAY);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^\s+sent/m);
    expect(await arrivedBeforeMarker(playground, PERSONAL, before)).toEqual([]);
  });
});
