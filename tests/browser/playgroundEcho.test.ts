/**
 * In Chromium: the Playground UI, personal chat, one typed message, the echo bot's reply, a screenshot.
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
import { startEchoBot, type EchoBot } from '../../bench/lib/echoBot';
import { startPlayground, type Playground } from '../support/playground';

jest.setTimeout(90_000);

const { browserTest } = browserTests('Playground UI test');

let bot: EchoBot | undefined;
let playground: Playground | undefined;
let session: BrowserSession | null = null;

afterAll(async () => {
  await session?.close();
  await playground?.stop();
  await bot?.close();
});

browserTest('types in the personal chat and sees the echo', async () => {
  session = await launchBrowser();
  if (!session) return; // launchBrowser printed the SKIPPED: notice
  bot = await startEchoBot();
  playground = await startPlayground({ botEndpoint: bot.url });

  await openPlaygroundChat(session.page, playground.url, 'Personal Chat');
  const started = Date.now();
  await typeMessage(session.page, 'hello from the browser');
  await waitForText(session.page, 'echo: hello from the browser');
  const turnMs = Date.now() - started;

  await playground.waitForMessage((m) => m.text === 'echo: hello from the browser');
  // The reply bubble itself, not just the chat-list preview.
  await session.page
    .locator('p')
    .filter({ hasText: 'echo: hello from the browser' })
    .first()
    .waitFor({ timeout: 5_000 });
  const file = await session.screenshot('playground-echo');
  console.log(`UI turn ${turnMs} ms; screenshot ${file}`);
});
