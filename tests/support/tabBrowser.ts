/**
 * The Moments tab in Chromium, against the local app as `npm start` runs it with the tab (preview
 * mode): known kudos and notes stored through the runtime's stores, the tab opened as one of the demo
 * people in a theme, axe-core run on what it shows, and its tables read back as text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Runtime } from '../../functions/composition';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { ARTIFACTS_DIR, launchBrowser, type BrowserSession } from './browser';
import { PROJECT_ROOT, startTestApp, type TestApp } from './localApp';
import { storeWorld, tabWorld, type TabWorld } from './tabWorld';

export { DEMO_IDS, DEMO_TENANT_ID };
export * from './tabWorld';

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

/** The local app with the tab and {@link tabWorld} stored, and one Chromium page. */
export interface TabSession {
  app: TestApp;
  runtime: Runtime;
  tabUrl: string;
  page: Page;
  world: TabWorld;
  /** What went wrong in the page: uncaught errors and console errors (a CSP refusal is one). */
  problems: string[];
  stop(): Promise<void>;
}

/**
 * Starts Chromium and the local app with the tab, and stores {@link tabWorld}; null (after the
 * SKIPPED: notice of launchBrowser) when there is no Chromium.
 */
export async function startTabSession(): Promise<TabSession | null> {
  const browser: BrowserSession | null = await launchBrowser();
  if (!browser) return null;
  let app: TestApp;
  try {
    app = await startTestApp({ tab: true });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const { runtime } = app.app;
  const world = tabWorld(runtime.now());
  await storeWorld(runtime, world);
  const problems: string[] = [];
  browser.page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  browser.page.on('console', (message) => {
    // A 4xx the page expects and shows (a refused save) is logged as a failed load: not a problem.
    const failedLoad = message.text().startsWith('Failed to load resource');
    if (message.type() === 'error' && !failedLoad) problems.push(`console: ${message.text()}`);
  });
  return {
    app,
    runtime,
    tabUrl: app.app.tabUrl!,
    page: browser.page,
    world,
    problems,
    async stop() {
      await browser.close();
      await app.stop();
    },
  };
}

/**
 * The tab session a test file's tests share: the first to ask starts it (null without Chromium, after
 * the SKIPPED: notice), and it stops after the file's last test.
 */
export function sharedTabSession(): () => Promise<TabSession | null> {
  let started: Promise<TabSession | null> | undefined;
  afterAll(async () => {
    await (await started?.catch(() => null))?.stop();
  });
  return () => (started ??= startTabSession());
}

/**
 * Loads the tab afresh as `personId` (the preview remembers whom it acts as per browser tab, in
 * sessionStorage) on `tabPage` in `theme`, and waits for the page's heading.
 */
export async function openTab(
  session: Pick<TabSession, 'page' | 'tabUrl'>,
  personId: string,
  tabPage: string,
  theme: Theme = 'light',
): Promise<void> {
  const { page, tabUrl } = session;
  if (!page.url().startsWith(new URL(tabUrl).origin)) await page.goto(`${tabUrl}config.json`);
  await page.evaluate(
    `sessionStorage.setItem('moments.previewAs', ${JSON.stringify(`${DEMO_TENANT_ID}/${personId}`)})`,
  );
  await page.goto('about:blank');
  await page.goto(`${tabUrl}?theme=${theme}#${tabPage}`);
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 20_000 });
  // The preview took the theme asked for (its own picker says which).
  const shown = await page.getByRole('combobox', { name: 'Theme' }).innerText();
  if (shown !== THEME_LABELS[theme])
    throw new Error(`openTab: asked for the ${theme} theme, the page shows ${shown}`);
}

const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** A violation axe-core found, with where. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. Fluent's Tabster puts
 * focusable, empty `[data-tabster-dummy]` spans around dialogs and tab lists to keep focus in a trap;
 * they are hidden from assistive technology by design and are not the page's content, so they are
 * excluded.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Not page.addScriptTag: the tab's Content-Security-Policy (script-src 'self' …) refuses inline
  // scripts, as it should; a script evaluated through the DevTools protocol is not subject to it.
  if (!(await page.evaluate('"axe" in globalThis'))) await page.evaluate(`${AXE}\n;true`);
  return page.evaluate(async () => {
    interface AxeResults {
      violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
    }
    const { axe } = globalThis as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } };
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/**
 * The rows of a table as arrays of cell texts (header row first), whitespace collapsed, without
 * what is hidden from assistive technology and avatars (their initials).
 */
export async function tableTexts(table: Locator): Promise<string[][]> {
  return table.locator('tr').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        const copy = cell.cloneNode(true) as typeof cell;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .fui-Avatar')) hidden.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

/**
 * Opens `tabPage` as `personId` in each theme, waits for `ready`, expects axe-core to find nothing
 * serious, and takes a screenshot test-artifacts/tab/<name>-<theme>.png; then expects no page problems.
 */
export async function axeAndScreenshotInEachTheme(
  s: TabSession,
  view: { personId: string; tabPage: string; name: string; ready(page: Page): Promise<unknown> },
): Promise<void> {
  for (const theme of THEMES) {
    await openTab(s, view.personId, view.tabPage, theme);
    await view.ready(s.page);
    expect({ theme, violations: await seriousViolations(s.page) }).toEqual({ theme, violations: [] });
    await tabScreenshot(s.page, `${view.name}-${theme}`);
  }
  expect(s.problems).toEqual([]);
}

/**
 * Reaches a chart's "Show as table" button with Tab and presses `key` on it; returns the button and
 * the chart's data table.
 */
export async function showChartTable(
  page: Page,
  chart: string,
  key: 'Enter' | 'Space',
): Promise<{ toggle: Locator; table: Locator }> {
  const toggle = page.getByRole('button', { name: `Show as table: ${chart}` });
  await tabTo(page, toggle);
  await page.keyboard.press(key);
  return { toggle, table: page.getByRole('table', { name: `${chart}: data` }) };
}

/** Whether `target` has the keyboard focus. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false);
}

/**
 * A screenshot at test-artifacts/tab/<name>.png, of the full page unless `fullPage` is false (a
 * dialog's backdrop covers the viewport only); returns the path.
 */
export async function tabScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const dir = join(ARTIFACTS_DIR, 'tab');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Presses `key` until `target` has the focus, at most `max` times; throws naming what had it. */
export async function tabTo(page: Page, target: Locator, key = 'Tab', max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  const focused = await page.evaluate<string>('document.activeElement?.outerHTML.slice(0, 200) ?? "nothing"');
  throw new Error(`tabTo: ${max} × ${key} never reached the target; the focus is on ${focused}`);
}
