/**
 * The Moments tab in Chromium, against the local app as `npm start` runs it with the tab (preview
 * mode): known kudos and notes stored through the runtime's stores, the tab opened as one of the demo
 * people in a theme, axe-core run on what it shows, and its tables read back as text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Recognition } from '../../core/kudos';
import type { Note } from '../../core/notes';
import type { Runtime } from '../../functions/composition';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { ARTIFACTS_DIR, launchBrowser, type BrowserSession } from './browser';
import { PROJECT_ROOT, startTestApp, type TestApp } from './localApp';

export { DEMO_IDS, DEMO_TENANT_ID };

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

const NAMES: Record<string, string> = {
  [DEMO_IDS.alex]: 'Alex Wilber',
  [DEMO_IDS.megan]: 'Megan Bowen',
  [DEMO_IDS.adele]: 'Adele Vance',
  [DEMO_IDS.lee]: 'Lee Gu',
  [DEMO_IDS.diego]: 'Diego Siciliani',
  [DEMO_IDS.isaiah]: 'Isaiah Langer',
};
const VALUES: Record<string, string> = {
  teamwork: 'Teamwork',
  'customer-first': 'Customer first',
  ownership: 'Ownership',
  innovation: 'Innovation',
  growth: 'Learning & growth',
};

export const DAY = 24 * 60 * 60 * 1000;
const ref = (id: string) => ({ id, name: NAMES[id]! });

/** A kudos at noon UTC `daysAgo` days before `now` (the same date in London, Alex's zone). */
export function kudos(
  now: Date,
  n: number,
  spec: {
    daysAgo: number;
    giver: string;
    to: string[];
    value: keyof typeof VALUES;
    kind?: Recognition['place']['kind'];
    celebratedBy?: string[];
  },
): Recognition {
  const at = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - spec.daysAgo * DAY,
  );
  const kind = spec.kind ?? 'channel';
  return {
    tenantId: DEMO_TENANT_ID,
    id: `tab-test-${n}`,
    giver: ref(spec.giver),
    recipients: spec.to.map(ref),
    recipientIds: spec.to,
    value: { id: spec.value, name: VALUES[spec.value]! },
    message: `Thanks number ${n}, from ${NAMES[spec.giver]}`,
    place: {
      kind,
      conversationId: `conv-${kind}`,
      ...(kind === 'channel' ? { teamId: 'team-1', channelId: 'channel-1' } : {}),
    },
    postToChannel: false,
    managerMaySee: kind === 'channel',
    createdAt: at.toISOString(),
    givenOn: at.toISOString().slice(0, 10),
    celebrations: (spec.celebratedBy ?? []).map((id) => ({ ...ref(id), at: at.toISOString() })),
  };
}

/**
 * The stored world the tests read back: 26 kudos Alex received or gave over 20 weeks (more than a
 * page of 20, so "Load more" shows), kudos among his reports, one of them given by Diego's report
 * Isaiah, and two open notes about Megan: Alex's own and Diego's.
 */
export function tabWorld(now: Date): { kudos: Recognition[]; notes: Note[] } {
  const { alex, megan, adele, lee, diego, isaiah } = DEMO_IDS;
  const values = ['teamwork', 'customer-first', 'ownership', 'innovation', 'growth'] as const;
  const list: Recognition[] = [];
  let n = 0;
  // Alex: received from his reports and given to them, every few days back to 130 days.
  for (let i = 0; i < 26; i += 1) {
    const report = [megan, adele, lee, diego][i % 4]!;
    const received = i % 3 !== 0;
    list.push(
      kudos(now, ++n, {
        daysAgo: 1 + i * 5,
        giver: received ? report : alex,
        to: received ? [alex] : [report],
        value: values[i % values.length]!,
        kind: (['channel', 'groupChat', 'personal'] as const)[i % 3],
        ...(i === 0 ? { celebratedBy: [lee, adele] } : {}),
      }),
    );
  }
  // Among the reports, Alex not on them.
  list.push(kudos(now, ++n, { daysAgo: 3, giver: megan, to: [adele, lee], value: 'innovation' }));
  list.push(kudos(now, ++n, { daysAgo: 17, giver: isaiah, to: [diego], value: 'growth' }));
  list.push(kudos(now, ++n, { daysAgo: 33, giver: lee, to: [megan], value: 'teamwork', kind: 'personal' }));
  list.push(kudos(now, ++n, { daysAgo: 45, giver: diego, to: [isaiah], value: 'ownership' }));
  const note = (authorId: string, text: string): Note => ({
    tenantId: DEMO_TENANT_ID,
    id: `note-${authorId.slice(-1)}`,
    authorId,
    subjectId: megan,
    subjectName: NAMES[megan]!,
    text,
    status: 'open',
    createdAt: new Date(now.getTime() - 2 * DAY).toISOString(),
    updatedAt: new Date(now.getTime() - 2 * DAY).toISOString(),
  });
  return {
    kudos: list,
    notes: [
      note(alex, 'Ask Megan about the conference talk'),
      note(diego, 'Diego private: Megan helped on the launch'),
    ],
  };
}

export type TabWorld = ReturnType<typeof tabWorld>;

/** Stores `world` through the runtime's stores. */
export async function storeWorld(runtime: Runtime, world: TabWorld): Promise<void> {
  for (const recognition of world.kudos) await runtime.stores.recognitions.create(recognition);
  for (const note of world.notes) await runtime.stores.notes.create(note);
}

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

/** The Monday (`YYYY-MM-DD`) of a UTC date's week. */
export function mondayOf(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY).toISOString().slice(0, 10);
}

/** A date in Alex's zone (Europe/London), `YYYY-MM-DD`. */
export const londonDate = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);

/** A Monday as the tab labels weeks in English: "Dec 7". */
export const weekLabel = (monday: string): string =>
  new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${monday}T00:00:00Z`),
  );

/** The Mondays of the 12 weeks the tab's weekly charts show (Alex's zone), oldest first. */
export function lastTwelveMondays(now: Date): string[] {
  const last = mondayOf(londonDate(now));
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.parse(`${last}T00:00:00Z`) - (11 - i) * 7 * DAY).toISOString().slice(0, 10),
  );
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
