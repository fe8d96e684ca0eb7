/**
 * My recognition in Chromium, against the local app with the tab (preview mode) and known kudos
 * stored through the runtime's stores: the list, the totals and the per-value chart's table equal
 * what was stored for the viewer; the filters, the chart's table and "Load more" work from the
 * keyboard alone; axe-core finds nothing serious in any theme. Screenshots:
 * test-artifacts/tab/recognition-<theme>.png.
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import type { Recognition } from '../../core/kudos';
import { browserTests } from '../support/browser';
import {
  DAY,
  DEMO_IDS,
  axeAndScreenshotInEachTheme,
  isFocused,
  openTab,
  sharedTabSession,
  showChartTable,
  tabTo,
  tableTexts,
  type TabSession,
} from '../support/tabBrowser';

jest.setTimeout(180_000);

const { browserTest } = browserTests('tab: My recognition');
const ALEX = DEMO_IDS.alex;

const tabSession = sharedTabSession();

/** Alex's kudos since `days` ago (all of them without), newest first, as My recognition lists them. */
function alexKudos(world: TabSession['world'], now: Date, days?: number): Recognition[] {
  const since = days === undefined ? 0 : now.getTime() - days * DAY;
  return world.kudos
    .filter((k) => k.giver.id === ALEX || k.recipientIds.includes(ALEX))
    .filter((k) => Date.parse(k.createdAt) >= since)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** What a list entry shows: who to whom, the value, the words. */
function shown(k: Recognition): string[] {
  const received = k.recipientIds.includes(ALEX);
  const headline = received
    ? `${k.giver.name} to you`
    : `You to ${k.recipients.map((r) => r.name).join(', ')}`;
  return [headline, k.value.name, k.message];
}

async function listed(s: TabSession): Promise<string[][]> {
  const rows: string[][] = [];
  for (const item of await s.page.locator('main ul > li').all()) {
    rows.push([
      (await item.locator('[aria-label]').first().getAttribute('aria-label')) ?? '',
      (await item.locator('.fui-Badge').first().textContent()) ?? '',
      (await item.locator('p').first().textContent()) ?? '',
    ]);
  }
  return rows;
}

const kudosList = (s: TabSession) => s.page.locator('main ul > li');
const showing = (s: TabSession, count: number) =>
  s.page.getByText(`Showing ${count} kudos`, { exact: true }).waitFor({ timeout: 15_000 });

browserTest(
  'My recognition lists exactly the stored kudos, and its chart table counts them per value',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const now = s.runtime.now();
    // The default period: the last 90 days.
    const expected = alexKudos(s.world, now, 90);
    await openTab(s, ALEX, 'recognition');
    await showing(s, expected.length);
    expect(await listed(s)).toEqual(expected.map(shown));
    await s.page.getByText('Celebrated by Lee Gu and Adele Vance').waitFor();

    const received = expected.filter((k) => k.recipientIds.includes(ALEX));
    const given = expected.filter((k) => k.giver.id === ALEX && !k.recipientIds.includes(ALEX));
    const stat = (label: string) =>
      s.page.locator('main').getByText(label, { exact: true }).first().locator('..');
    expect(await stat('Received').innerText()).toContain(String(received.length));
    expect(await stat('Given').innerText()).toContain(String(given.length));

    const perValue = new Map<string, [number, number]>();
    for (const k of expected) {
      const counts = perValue.get(k.value.name) ?? [0, 0];
      counts[k.recipientIds.includes(ALEX) ? 0 : 1] += 1;
      perValue.set(k.value.name, counts);
    }
    const table = s.page.getByRole('table', { name: 'Kudos by value: data' });
    const [header, ...rows] = await tableTexts(table);
    expect(header).toEqual(['Value', 'Received', 'Given']);
    expect(rows.sort()).toEqual([...perValue].map(([name, [r, g]]) => [name, String(r), String(g)]).sort());

    // A value filter: only that value's kudos.
    await s.page.getByRole('combobox', { name: 'Value' }).click();
    await s.page.getByRole('option', { name: 'Ownership', exact: true }).click();
    const ownership = expected.filter((k) => k.value.id === 'ownership');
    await showing(s, ownership.length);
    expect(await listed(s)).toEqual(ownership.map(shown));
    expect(s.problems).toEqual([]);
  },
);

browserTest(
  'My recognition from the keyboard: period filter, chart table, Load more, the page tabs',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const { page } = s;
    const all = alexKudos(s.world, s.runtime.now());
    expect(all.length).toBeGreaterThan(20);
    await openTab(s, ALEX, 'recognition');
    await showing(s, alexKudos(s.world, s.runtime.now(), 90).length);

    // Period: Last 90 days → All time (the last option), with arrows and Enter.
    const period = page.getByRole('combobox', { name: 'Period' });
    await tabTo(page, period);
    await page.keyboard.press('Enter');
    await page.locator('.fui-Dropdown__listbox').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(period.innerText()).resolves.toBe('All time');
    await showing(s, 20);

    // The chart's table, shown and hidden with Space.
    const { toggle, table } = await showChartTable(page, 'Kudos by value', 'Space');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    expect((await table.boundingBox())!.height).toBeGreaterThan(40);
    expect(await page.locator('main figure').count()).toBe(0);
    await page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.locator('main figure').first().waitFor();

    // Load more: the rest of the kudos, then no more button.
    const more = page.getByRole('button', { name: 'Load more' });
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    await showing(s, all.length);
    expect(await kudosList(s).count()).toBe(all.length);
    expect(await listed(s)).toEqual(all.map(shown));
    await expect(more.count()).resolves.toBe(0);

    // The page tabs: back to the selected tab, an arrow to the next, Enter opens it.
    const current = page.getByRole('tab', { name: 'My recognition' });
    await tabTo(page, current, 'Shift+Tab', 120);
    await page.keyboard.press('ArrowRight');
    expect(await isFocused(page.getByRole('tab', { name: 'My team' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My team' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#team');
    expect(s.problems).toEqual([]);
  },
);

browserTest('Preview as, from the keyboard: another person, their own kudos', async () => {
  const s = await tabSession();
  if (!s) return;
  const { page } = s;
  await openTab(s, ALEX, 'recognition');
  const person = page.getByRole('combobox', { name: 'Preview as' });
  await tabTo(page, person);
  await page.keyboard.press('Enter');
  await page.locator('.fui-Dropdown__listbox').waitFor();
  // The people by name: Megan Bowen is the last.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByText('Hello, Megan Bowen').waitFor();
  await expect(person.innerText()).resolves.toBe('Megan Bowen');
  const megan = DEMO_IDS.megan;
  const since = s.runtime.now().getTime() - 90 * DAY;
  const hers = s.world.kudos.filter(
    (k) => (k.giver.id === megan || k.recipientIds.includes(megan)) && Date.parse(k.createdAt) >= since,
  );
  await showing(s, hers.length);
  await expect(page.getByRole('tab').allInnerTexts()).resolves.toEqual([
    'My recognition',
    'My settings and data',
  ]);
  expect(s.problems).toEqual([]);
});

browserTest(
  'My recognition in light, dark and high contrast: no serious axe violation; screenshots',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const count = alexKudos(s.world, s.runtime.now(), 90).length;
    await axeAndScreenshotInEachTheme(s, {
      personId: ALEX,
      tabPage: 'recognition',
      name: 'recognition',
      async ready(page) {
        await showing(s, count);
        await page.locator('main figure svg').first().waitFor();
      },
    });
  },
);
