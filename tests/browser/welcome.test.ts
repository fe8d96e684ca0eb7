/**
 * In Chromium, against the app as `npm start` runs it: opening the personal chat in the Playground UI
 * installs Moments (the UI posts the installation), the welcome shows; typing `help` shows the help
 * card. Screenshots: test-artifacts/welcome.png and help.png.
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import {
  browserTests,
  launchBrowser,
  openPlaygroundChat,
  typeMessage,
  waitForText,
  type BrowserSession,
} from '../support/browser';
import { startTestApp, type TestApp } from '../support/localApp';

jest.setTimeout(120_000);

const { browserTest } = browserTests('welcome UI test');

const PERSONAL = 'a:moments-personal-alexw';

let t: TestApp | undefined;
let session: BrowserSession | null = null;

afterAll(async () => {
  await session?.close();
  await t?.stop();
});

browserTest('opening the personal chat shows the welcome; help shows the help card', async () => {
  session = await launchBrowser();
  if (!session) return; // launchBrowser printed the SKIPPED: notice
  t = await startTestApp({ playground: true });
  const pg = t.playground!;
  const { page } = session;

  const started = Date.now();
  await openPlaygroundChat(page, t.app.playgroundUrl!, 'Personal Chat');
  await waitForText(page, 'I’m Moments', 15_000);
  const welcomeMs = Date.now() - started;
  const welcome = await pg.waitForMessage(
    (m) => m.conversationId === PERSONAL && !!m.text?.includes('I’m Moments'),
  );
  expect(welcome.text).toContain('Type **help**');
  // The bubble renders the markdown: "help" in bold, no literal asterisks. (The chat list's preview
  // line shows the raw text, truncated, as Teams does.)
  const bold = page.locator('strong', { hasText: /^help$/ }).first();
  await bold.waitFor({ timeout: 5_000 });
  const bubble = (await bold.locator('xpath=..').innerText()).replace(/\s+/g, ' ');
  expect(bubble).toContain('Type help to see what you can do here.');
  expect(bubble).not.toContain('**');
  const welcomeFile = await session.screenshot('welcome');

  const helpStarted = Date.now();
  await typeMessage(page, 'help');
  await waitForText(page, 'What Moments can do');
  const helpMs = Date.now() - helpStarted;
  await waitForText(page, 'Show this card.');
  await pg.waitForMessage((m) => m.conversationId === PERSONAL && m.attachments.length > 0);
  const helpFile = await session.screenshot('help');

  console.log(
    `welcome UI: open → welcome ${welcomeMs} ms, help → card ${helpMs} ms; screenshots ${welcomeFile}, ${helpFile}`,
  );
});
