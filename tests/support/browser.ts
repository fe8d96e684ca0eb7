/**
 * Headless Chromium for UI tests against the Agents Playground, through `playwright-core` and the
 * system's Chromium (Debian's `chromium` package). Nothing is downloaded: every request that is not to
 * 127.0.0.1 / localhost is aborted (the Playground UI asks a font CDN, which cannot load here).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Where {@link BrowserSession.screenshot} writes: `<repo>/test-artifacts` (git-ignored). */
export const ARTIFACTS_DIR = resolve(__dirname, '..', '..', 'test-artifacts');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A launched browser: one page in a persistent context on a fresh temp profile. */
export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Closes the browser (all its processes) and deletes the temp profile. Idempotent. */
  close(): Promise<void>;
  /** Full-page PNG at `test-artifacts/<name>.png`; returns the path. */
  screenshot(name: string): Promise<string>;
}

/** True for URLs the browser may load: loopback http(s)/ws(s), plus data:/blob:/about:. */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/**
 * The Chromium executable to use: `$CHROMIUM_PATH` if set, else `/usr/bin/chromium`; null if it does
 * not exist.
 */
export function findChromium(): string | null {
  const candidate = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return existsSync(candidate) ? candidate : null;
}

/**
 * Launches headless Chromium with a fresh profile and a page that can only reach loopback addresses.
 *
 * @returns the session, or null (after a visible `SKIPPED:` warning) when no Chromium is installed.
 * @throws when no Chromium is installed and `REQUIRE_BROWSER=1`, or when the launch itself fails.
 */
export async function launchBrowser(): Promise<BrowserSession | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    const looked = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
    const notice = `no Chromium found at ${looked} (set CHROMIUM_PATH, or: apt-get install -y chromium); browser tests did not run`;
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${notice}`);
    console.warn(`SKIPPED: ${notice}`);
    return null;
  }

  const profileDir = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true, // playwright passes --headless
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
  } catch (err) {
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(
      `launchBrowser: Chromium at ${executablePath} failed to start: ${(err as Error).message}`,
    );
  }
  await context.route('**/*', (route) =>
    isLocalUrl(route.request().url()) ? route.continue() : route.abort(),
  );
  await context.routeWebSocket(
    (url) => !isLocalUrl(url.toString()),
    (ws) => ws.close(),
  );
  const page = context.pages()[0] ?? (await context.newPage());

  let closed: Promise<void> | undefined;
  return {
    page,
    context,
    close() {
      closed ??= (async () => {
        try {
          await context.close();
        } finally {
          rmSync(profileDir, { recursive: true, force: true });
        }
      })();
      return closed;
    },
    async screenshot(name: string) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}

/** Selector of the Playground's compose box (a Lexical editor). */
const COMPOSE_BOX = '[data-lexical-editor="true"][role="textbox"]';

/**
 * Loads the Playground UI and opens a conversation, resolving once its compose box is ready and the
 * UI's conversation websocket is open (so bot replies reach the page).
 *
 * @param chat the conversation's entry in the left rail: `Personal Chat` (default), the group chat's
 *   name, or `<team> - <channel>` (e.g. `Product Team - Kudos`).
 */
export async function openPlaygroundChat(
  page: Page,
  playgroundUrl: string,
  chat = 'Personal Chat',
  timeoutMs = 30_000,
): Promise<void> {
  const wsOpened = page.waitForEvent('websocket', {
    predicate: (ws) => ws.url().includes('/_ws_conversation/'),
    timeout: timeoutMs,
  });
  await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  const entry = page.getByRole('treeitem', { name: chat, exact: true });
  try {
    await entry.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const known = await page.getByRole('treeitem').allTextContents();
    throw new Error(
      `openPlaygroundChat: no conversation "${chat}" in the Playground UI; it lists: ${known.join(' | ')}`,
    );
  }
  await entry.click();
  await page.locator(COMPOSE_BOX).waitFor({ state: 'visible', timeout: timeoutMs });
  const ws = await wsOpened;
  if (ws.isClosed()) throw new Error('openPlaygroundChat: the UI conversation websocket closed right away');
}

/**
 * The open conversation's compose box(es). In a channel there are two: the "Start a new post" box
 * (first) and the reply box under the thread; a chat has one. A message-extension result card is
 * inserted into the box whose button opened it.
 */
export function composeBox(page: Page): Locator {
  return page.locator(COMPOSE_BOX);
}

/** Adaptive Cards shown in the conversation itself (posted messages), not those still in a compose box. */
export function conversationCards(page: Page): Locator {
  return page.locator(`.ac-adaptiveCard:not(${COMPOSE_BOX} .ac-adaptiveCard)`);
}

/**
 * Opens a message extension's action command through the Playground UI as a user does: the compose
 * box's "Trigger Message Extension App" button (in a channel, the new-post box's) → Action Command →
 * the command id → Create. The Playground then asks the bot for the task module
 * (`composeExtension/fetchTask`) and shows its Adaptive Card in a dialog.
 *
 * @returns the task-module dialog, once its card is visible.
 */
export async function openActionCommand(page: Page, commandId: string, timeoutMs = 10_000): Promise<Locator> {
  await page
    .getByRole('button', { name: 'Trigger Message Extension App' })
    .first()
    .click({ timeout: timeoutMs });
  await page.getByRole('menuitem', { name: 'Action Command' }).click({ timeout: timeoutMs });
  const options = page.getByRole('dialog', { name: 'Command ID option dialog' });
  await options.getByRole('textbox', { name: 'Command ID' }).fill(commandId, { timeout: timeoutMs });
  await options.getByRole('button', { name: 'Create' }).click({ timeout: timeoutMs });
  const dialog = page.getByRole('dialog').filter({ has: page.locator('.ac-adaptiveCard') });
  try {
    await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const shown = await page
      .getByRole('dialog')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(
      `openActionCommand: no task-module card for "${commandId}" within ${timeoutMs} ms; dialogs: ${shown.join(' | ').replace(/\s+/g, ' ') || '(none)'}`,
    );
  }
  return dialog;
}

/** Types `text` into the compose box of the open conversation and presses Enter to send it. */
export async function typeMessage(page: Page, text: string): Promise<void> {
  const box = page.locator(COMPOSE_BOX);
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Waits until some visible element contains `text`.
 *
 * @throws with the visible page text when it does not appear within `timeoutMs`.
 */
export async function waitForText(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  try {
    await page
      .getByText(text)
      .filter({ visible: true })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const visible = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 1500);
    throw new Error(
      `waitForText: "${text}" did not appear within ${timeoutMs} ms; the page shows: ${visible}`,
    );
  }
}

/**
 * Whether a browser test can run here, and the `test` to declare it with: `test.skip` with a
 * visible SKIPPED: notice when no Chromium is found, unless REQUIRE_BROWSER=1 (then the test runs
 * and fails for want of one).
 */
export function browserTests(what: string): { canRun: boolean; browserTest: jest.It } {
  const canRun = findChromium() !== null || process.env.REQUIRE_BROWSER === '1';
  if (!canRun) {
    console.warn(
      `SKIPPED: no Chromium found (set CHROMIUM_PATH or apt-get install -y chromium); ${what} skipped`,
    );
  }
  return { canRun, browserTest: canRun ? test : test.skip };
}
