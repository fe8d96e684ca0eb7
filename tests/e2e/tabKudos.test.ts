/**
 * Kudos given in the Agents Playground appear in the tab: the app as `npm start` runs it, with the
 * tab built and served in its local preview. Alex Wilber (the Playground's user) recognises Isaiah
 * Langer through the message extension in the Product Team's General channel; then, through the tab's
 * API as each demo person: Isaiah's My recognition shows it first, received from Alex; Alex's shows it
 * as given; Lee Gu, who is not on it and does not manage Isaiah, does not see it; Diego Siciliani,
 * Isaiah's manager, has it counted in this week's kudos received and in Isaiah's kudos in 90 days.
 * Then, in Chromium, Isaiah's My recognition page shows its words and its giver.
 *
 * The browser part skips (with a visible SKIPPED: notice) when no Chromium is installed, unless
 * REQUIRE_BROWSER=1.
 */
import type { RecognitionPage, TeamView } from '../../core/insights';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { browserTests, launchBrowser, type BrowserSession } from '../support/browser';
import { startTestApp, type TestApp } from '../support/localApp';

jest.setTimeout(120_000);

const GENERAL = '19:product-team-general@thread.tacv2';
const MESSAGE = 'Your onboarding notes saved the launch week.';

let app: TestApp;
let teamBefore: TeamView;
/** The stored kudos' id. */
let kudosId: string;
beforeAll(async () => {
  app = await startTestApp({ playground: true, tab: true });
  teamBefore = await asPerson<TeamView>(DEMO_IDS.diego, 'team');
  await giveKudosInPlayground();
  const stored = await app.app.runtime.stores.recognitions.createdBetween(
    DEMO_TENANT_ID,
    new Date(0),
    new Date('2100-01-01'),
  );
  kudosId = stored.find((kudos) => kudos.message === MESSAGE)!.id;
}, 180_000);
afterAll(async () => app?.stop());

/** GET /tab/api/<path> as `personId` of the demo tenant, in the local preview; the JSON body. */
async function asPerson<T>(personId: string, path: string): Promise<T> {
  const response = await fetch(new URL(`api/${path}`, app.app.tabUrl), {
    headers: { Accept: 'application/json', 'X-Moments-Preview-As': `${DEMO_TENANT_ID}/${personId}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as T;
}

const recognitionOf = (personId: string) => asPerson<RecognitionPage>(personId, 'recognition?period=30d');
const isaiahRow = (team: TeamView) => team.reports.find((row) => row.person.id === DEMO_IDS.isaiah);

/** Alex gives Isaiah kudos as a Teams user does: the message extension's form, then its submit. */
async function giveKudosInPlayground(): Promise<void> {
  const playground = app.playground!;
  const fetched = await playground.invoke({
    name: 'composeExtension/fetchTask',
    conversationId: GENERAL,
    value: { commandId: 'sendKudos', commandContext: 'compose', context: { theme: 'default' } },
  });
  const form = fetched.task as {
    value: { card: { content: { actions?: Array<{ data?: Record<string, unknown> }> } } };
  };
  const submissionId = form.value.card.content.actions?.[0]?.data?.submissionId;
  expect(typeof submissionId).toBe('string');
  const submitted = await playground.invoke({
    name: 'composeExtension/submitAction',
    conversationId: GENERAL,
    value: {
      commandId: 'sendKudos',
      commandContext: 'compose',
      data: {
        verb: 'sendKudos',
        submissionId,
        recipients: DEMO_IDS.isaiah,
        value: 'customer-first',
        message: MESSAGE,
      },
    },
  });
  expect((submitted.composeExtension as { type: string }).type).toBe('result');
}

describe('kudos given in the Playground, in the tab', () => {
  it("comes first on the recipient's My recognition, from its giver, with its value and words", async () => {
    const page = await recognitionOf(DEMO_IDS.isaiah);
    expect(page.items[0]).toMatchObject({
      id: kudosId,
      direction: 'received',
      giver: { id: DEMO_IDS.alex, name: 'Alex Wilber' },
      recipients: [{ id: DEMO_IDS.isaiah, name: 'Isaiah Langer' }],
      value: { id: 'customer-first', name: 'Customer first' },
      text: MESSAGE,
    });
    expect(page.counts).toContainEqual({
      value: { id: 'customer-first', name: 'Customer first' },
      received: 1,
      given: 0,
    });
  });

  it("is on the giver's My recognition as given", async () => {
    const page = await recognitionOf(DEMO_IDS.alex);
    const item = page.items.find((kudos) => kudos.id === kudosId);
    expect(item).toMatchObject({ direction: 'given', text: MESSAGE, recipients: [{ id: DEMO_IDS.isaiah }] });
  });

  it('is not on the page of someone who is not on it', async () => {
    const page = await recognitionOf(DEMO_IDS.lee);
    expect(page.items.map((kudos) => kudos.id)).not.toContain(kudosId);
    expect(JSON.stringify(page)).not.toContain(MESSAGE);
  });

  it("counts on the recipient's manager's My team: this week's kudos received and the report's 90 days", async () => {
    const team = await asPerson<TeamView>(DEMO_IDS.diego, 'team');
    expect(team.weeks.at(-1)!.received).toBe(teamBefore.weeks.at(-1)!.received + 1);
    expect(isaiahRow(team)!.kudos90).toBe(isaiahRow(teamBefore)!.kudos90 + 1);
    expect(team.values).toContainEqual({ value: { id: 'customer-first', name: 'Customer first' }, count: 1 });
  });
});

describe("the recipient's My recognition page in Chromium", () => {
  const { canRun, browserTest } = browserTests('the tab kudos page test');
  let session: BrowserSession | null = null;
  beforeAll(async () => {
    if (canRun) session = await launchBrowser();
  }, 60_000);
  afterAll(async () => session?.close());

  browserTest('shows the kudos’ words and who gave it, previewed as the recipient', async () => {
    if (!session) return; // launchBrowser printed the SKIPPED: notice
    const { page } = session;
    await page.goto(app.app.tabUrl!, { waitUntil: 'domcontentloaded' });
    await page.getByRole('combobox', { name: 'Preview as' }).click();
    await page.getByRole('option', { name: /Isaiah Langer/ }).click();
    const kudos = page.getByRole('listitem').filter({ hasText: MESSAGE });
    await kudos.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(kudos.textContent()).resolves.toContain('Alex Wilber to you');
    await expect(kudos.textContent()).resolves.toContain('Customer first');
    await session.screenshot('tab-kudos-recognition');
  });
});
