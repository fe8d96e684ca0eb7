/**
 * In Chromium, against the app as `npm start` runs it, in Alex's personal chat of the Playground UI:
 * after Alex has given Megan kudos (through the message extension, via the Playground's API), typing
 * `digest` shows this week's digest card (title, a report's name, the suggested opener, "Send kudos");
 * then the digest job at Alex's Monday 08:00 delivers the proactive digest into the open chat, without
 * a reload. Screenshots: test-artifacts/digest.png and digest-proactive.png.
 *
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import type { Locator } from 'playwright-core';
import { addDays, instantOfLocal, localDateOf, weekdayOf } from '../../core/shared';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import {
  conversationCards,
  browserTests,
  launchBrowser,
  openPlaygroundChat,
  typeMessage,
  waitForText,
  type BrowserSession,
} from '../support/browser';
import { startTestApp, type TestApp } from '../support/localApp';

jest.setTimeout(120_000);

const { canRun, browserTest } = browserTests('digest UI test');

const PERSONAL = 'a:moments-personal-alexw';
const GENERAL = '19:product-team-general@thread.tacv2';
const LONDON = 'Europe/London';
const MESSAGE = 'turning that client call around';
const HEADLINE = 'Your weekly digest · 4 direct reports';
const OPENER = `Start the meeting by thanking Megan for “${MESSAGE}”, which Alex Wilber recognised this week (Customer first).`;

let t: TestApp | undefined;
let session: BrowserSession | null = null;

/** The first Monday 08:00 in London at or after `from` (so kudos given now are within its week). */
function nextMondayEight(from: Date): Date {
  for (let date = localDateOf(from, LONDON); ; date = addDays(date, 1)) {
    const at = instantOfLocal(date, 8, LONDON);
    if (weekdayOf(date) === 1 && at.getTime() > from.getTime()) return at;
  }
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const digestCards = (): Locator => conversationCards(session!.page).filter({ hasText: HEADLINE });

/** Waits until the conversation shows `count` digest cards. */
async function waitForDigestCards(count: number, timeoutMs = 15_000): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await digestCards().count();
    if (seen >= count) return digestCards().nth(count - 1);
    if (Date.now() > deadline)
      throw new Error(
        `expected ${count} digest card(s) in the chat within ${timeoutMs} ms; it shows ${seen}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a manager reads on the card, checked on its rendered text. */
async function expectDigestCard(card: Locator): Promise<void> {
  const text = flat(await card.innerText());
  expect(text).toContain(HEADLINE);
  expect(text).toContain('Megan Bowen');
  expect(text).toContain(`Suggested opener: ${OPENER}`);
  expect(text).toContain('Send kudos to Megan');
  expect(text).toContain('Add note');
  expect(text).not.toContain('Isaiah'); // Diego's report, not Alex's
  for (const visible of [
    card.getByText(HEADLINE, { exact: true }),
    card.getByText(OPENER, { exact: true }),
    card.getByText('Megan Bowen', { exact: true }).first(),
    card.getByRole('button', { name: 'Send kudos', exact: true }).first(),
  ])
    await visible.waitFor({ state: 'visible', timeout: 5_000 });
}

/**
 * Full-page screenshot with the whole `card` on screen: the chat is an inner scroll pane, so the
 * viewport is made tall enough for the card (at the usual 1280 px width), then restored.
 */
async function screenshotWithCard(name: string, card: Locator): Promise<string> {
  const page = session!.page;
  const normal = page.viewportSize() ?? { width: 1280, height: 800 };
  const box = await card.boundingBox();
  const height = Math.max(normal.height, Math.ceil((box?.height ?? 0) + 260));
  await page.setViewportSize({ width: normal.width, height });
  try {
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await card.waitFor({ state: 'visible' });
    return await session!.screenshot(name);
  } finally {
    await page.setViewportSize(normal);
  }
}

beforeAll(async () => {
  if (!canRun) return;
  session = await launchBrowser();
  if (!session) return; // launchBrowser printed the SKIPPED: notice
  t = await startTestApp({ playground: true });
  const pg = t.playground!;
  // Alex thanks Megan from the General channel's compose box (the message extension), as in Teams.
  const fetched = await pg.invoke({
    name: 'composeExtension/fetchTask',
    conversationId: GENERAL,
    value: { commandId: 'sendKudos', commandContext: 'compose', context: { theme: 'default' } },
  });
  const form = (
    fetched.task as { value: { card: { content: { actions: Array<{ data: { submissionId: string } }> } } } }
  ).value.card.content;
  await pg.invoke({
    name: 'composeExtension/submitAction',
    conversationId: GENERAL,
    value: {
      commandId: 'sendKudos',
      commandContext: 'compose',
      data: {
        verb: 'sendKudos',
        submissionId: form.actions[0]!.data.submissionId,
        recipients: DEMO_IDS.megan,
        value: 'customer-first',
        message: MESSAGE,
      },
    },
  });
  // Opening the personal chat in the UI installs Moments there (and stores Alex's conversation).
  await openPlaygroundChat(session.page, t.app.playgroundUrl!, 'Personal Chat');
  await waitForText(session.page, 'I’m Moments', 15_000);
}, 90_000);

afterAll(async () => {
  await session?.close();
  await t?.stop();
});

browserTest('`digest` typed in the personal chat shows this week’s digest card', async () => {
  if (!session || !t) return;
  const { page } = session;
  const started = Date.now();
  await typeMessage(page, 'digest');
  await waitForText(page, HEADLINE, 15_000);
  const card = await waitForDigestCards(1);
  const shownMs = Date.now() - started;
  await card.scrollIntoViewIfNeeded();
  await expectDigestCard(card);
  await t.playground!.waitForMessage(
    (m) => m.conversationId === PERSONAL && JSON.stringify(m.attachments).includes(HEADLINE),
  );
  const file = await screenshotWithCard('digest', card);
  console.log(`digest UI: typed → card ${shownMs} ms; screenshot ${file}`);
});

browserTest('the job at Alex’s Monday 08:00 delivers the digest into the open chat, no reload', async () => {
  if (!session || !t) return;
  const { page } = session;
  const before = await digestCards().count();
  expect(before).toBe(1);
  // A marker on the page's window: a reload or navigation would drop it.
  await page.evaluate(() => {
    (globalThis as unknown as { __digestMarker: string }).__digestMarker = 'still here';
  });
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });

  const monday = nextMondayEight(new Date());
  const started = Date.now();
  const report = await t.app.runtime.jobs.digest({ now: monday, tenantIds: [DEMO_TENANT_ID] });
  const jobMs = Date.now() - started;
  expect(report.sends.filter((s) => s.outcome === 'sent').map((s) => s.managerName)).toEqual(['Alex Wilber']);
  const card = await waitForDigestCards(before + 1);
  const arrivedMs = Date.now() - started;
  await card.scrollIntoViewIfNeeded();
  await expectDigestCard(card);

  expect(navigations).toBe(0);
  expect(
    await page.evaluate(() => (globalThis as unknown as { __digestMarker?: string }).__digestMarker),
  ).toBe('still here');
  const file = await screenshotWithCard('digest-proactive', card);
  console.log(`digest UI: job ${jobMs} ms, job start → card in the chat ${arrivedMs} ms; screenshot ${file}`);
});
