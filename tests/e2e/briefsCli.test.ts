import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { runJobsCli } from '../support/jobsCli';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type PlaygroundClient } from '../support/playground';

// `npm run job -- briefs --at …` beside a running `npm start`: the local calendar serves Alex's
// Monday team meeting at 09:30 and his 10:00 1:1 with Megan (London time), and he is opted in with
// a 10-minute lead, so the opener is due at 09:20 and the brief at 09:50.
jest.setTimeout(240_000);

let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const textOf = (value: unknown) => JSON.stringify(value);
// Monday 15 March 2027: London is on GMT until the 28th.
const OPENER_AT = '2027-03-15T09:20:00Z';
const BRIEF_AT = '2027-03-15T09:50:00Z';

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  // Megan's birthday on the Wednesday of that week: something for the opener to mark.
  const { people } = app.app.runtime.stores;
  await people.save({ ...(await people.get(DEMO_TENANT_ID, DEMO_IDS.megan))!, birthday: '03-17' });
  await playground.openConversationInstall(PERSONAL);
});
afterAll(async () => app?.stop());

const job = (at: string, ...more: string[]) =>
  runJobsCli(app.dataDir, 'briefs', '--at', at, '--tenant', DEMO_TENANT_ID, ...more);

describe('npm run job -- briefs', () => {
  it('delivers the opener before the team meeting, once across two runs', async () => {
    const dry = await job(OPENER_AT, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would send\s+opener before the team meeting/);

    const first = await job(OPENER_AT);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^\s+sent\s+opener before the team meeting/m);
    const card = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Before your team meeting at'),
    );
    expect(textOf(card.attachments)).toContain('Megan Bowen: birthday, Wednesday 17 March');
    expect(textOf(card.attachments)).toContain('Send kudos');
    const before = playground.messages().length;
    const again = await job(OPENER_AT);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^\s+sent/m);
    expect(await arrivedBeforeMarker(playground, PERSONAL, before)).toEqual([]);
  });

  it('delivers the brief before the 10:00 1:1 with Megan, once across two runs', async () => {
    const first = await job(BRIEF_AT);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^\s+sent\s+brief before a 1:1/m);
    expect(first.stdout).not.toMatch(/opener/);
    const card = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Brief: Megan Bowen'),
    );
    expect(textOf(card.attachments)).toContain('Things to ask');
    const before = playground.messages().length;
    const again = await job(BRIEF_AT);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already sent\s+brief before a 1:1/);
    expect(await arrivedBeforeMarker(playground, PERSONAL, before)).toEqual([]);
  });
});
