/**
 * My team in Chromium, against the local app with the tab (preview mode) and known kudos and notes
 * stored through the runtime's stores: the weekly chart's table has, per week, the kudos Alex's
 * reports received and gave as counted here from what was stored; each report's row counts their
 * kudos of 90 days and shows Alex's own note, never Diego's about the same person; Diego sees only
 * his report; someone without reports has no My team. Keyboard: the charts' tables and the page
 * tabs. axe-core finds nothing serious in any theme. Screenshots: test-artifacts/tab/team-<theme>.png.
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import type { Recognition } from '../../core/kudos';
import { browserTests } from '../support/browser';
import {
  DAY,
  DEMO_IDS,
  axeAndScreenshotInEachTheme,
  isFocused,
  lastTwelveMondays,
  londonDate,
  mondayOf,
  openTab,
  sharedTabSession,
  showChartTable,
  tabTo,
  tableTexts,
  weekLabel,
  type TabSession,
} from '../support/tabBrowser';

jest.setTimeout(180_000);

const { browserTest } = browserTests('tab: My team');
const { alex, megan, adele, lee, diego } = DEMO_IDS;
const ALEX_REPORTS = [megan, adele, lee, diego];
const NAMES: Record<string, string> = {
  [megan]: 'Megan Bowen',
  [adele]: 'Adele Vance',
  [lee]: 'Lee Gu',
  [diego]: 'Diego Siciliani',
};

const tabSession = sharedTabSession();

/** Per week of the last 12 (oldest first): [label, received, given] for `reports`, from the stored kudos. */
function weeklyCounts(kudos: Recognition[], reports: string[], now: Date): string[][] {
  return lastTwelveMondays(now).map((monday) => {
    const inWeek = kudos.filter((k) => mondayOf(londonDate(new Date(k.createdAt))) === monday);
    const received = inWeek.filter((k) => k.recipientIds.some((id) => reports.includes(id))).length;
    const given = inWeek.filter((k) => reports.includes(k.giver.id)).length;
    return [weekLabel(monday), String(received), String(given)];
  });
}

const reportsTable = (s: TabSession) => s.page.getByRole('table', { name: 'Your reports' });

browserTest(
  'My team: weekly counts, kudos in 90 days and only the manager’s own notes, as stored',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const now = s.runtime.now();
    await openTab(s, alex, 'team');
    await reportsTable(s).waitFor();

    const weekly = s.page.getByRole('table', { name: 'Kudos received and given per week: data' });
    const [header, ...weeks] = await tableTexts(weekly);
    expect(header).toEqual(['Week of', 'Received', 'Given']);
    const expected = weeklyCounts(s.world.kudos, ALEX_REPORTS, now);
    expect(weeks).toEqual(expected);
    // The stored kudos do reach these weeks: the comparison is not of two empty charts.
    expect(expected.reduce((sum, [, r, g]) => sum + Number(r) + Number(g), 0)).toBeGreaterThan(10);

    const today = londonDate(now);
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - 89 * DAY).toISOString().slice(0, 10);
    const rows = (await tableTexts(reportsTable(s))).slice(1);
    expect(rows.map((row) => row[0]).sort()).toEqual(Object.values(NAMES).sort());
    for (const id of ALEX_REPORTS) {
      const row = rows.find((r) => r[0] === NAMES[id])!;
      const kudos90 = s.world.kudos.filter(
        (k) => k.recipientIds.includes(id) && londonDate(new Date(k.createdAt)) >= since,
      ).length;
      expect({ name: NAMES[id], kudos90: row[2] }).toEqual({ name: NAMES[id], kudos90: String(kudos90) });
      expect(row[4]).toBe(id === megan ? 'Ask Megan about the conference talk' : 'None');
    }
    const text = await s.page.locator('body').innerText();
    expect(text).not.toContain('Diego private');
    // No bot id in the local preview: the buttons that open the bot's chat are off, and say why.
    await s.page
      .getByText('The buttons open your chat with Moments once the bot is set up in Teams.')
      .waitFor();
    await expect(s.page.getByRole('button', { name: 'Brief about Megan Bowen' }).isDisabled()).resolves.toBe(
      true,
    );

    // Diego manages Isaiah only, and sees his own note's subject nowhere (Megan is not his report).
    await openTab(s, diego, 'team');
    await reportsTable(s).waitFor();
    const diegoRows = (await tableTexts(reportsTable(s))).slice(1);
    expect(diegoRows.map((row) => row[0])).toEqual(['Isaiah Langer']);
    expect(await s.page.locator('body').innerText()).not.toContain('Megan helped');
    const [, ...diegoWeeks] = await tableTexts(
      s.page.getByRole('table', { name: 'Kudos received and given per week: data' }),
    );
    expect(diegoWeeks).toEqual(weeklyCounts(s.world.kudos, [DEMO_IDS.isaiah], now));

    // Megan has no reports and is no admin: only her own pages, and #team opens My recognition.
    await openTab(s, megan, 'team');
    await expect(s.page.getByRole('tab').allInnerTexts()).resolves.toEqual([
      'My recognition',
      'My settings and data',
    ]);
    await s.page.getByRole('heading', { level: 1, name: 'My recognition' }).waitFor();
    expect(s.problems).toEqual([]);
  },
);

browserTest('My team from the keyboard: a chart’s table shown and hidden, on to the next page', async () => {
  const s = await tabSession();
  if (!s) return;
  const { page } = s;
  await openTab(s, alex, 'team');
  await reportsTable(s).waitFor();

  const { toggle, table } = await showChartTable(page, 'Kudos received and given per week', 'Enter');
  await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
  expect((await table.boundingBox())!.height).toBeGreaterThan(100);
  await expect(table.getByRole('row').count()).resolves.toBe(13);
  await page.keyboard.press('Enter');
  await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
  await page.locator('main figure').nth(2).waitFor();
  await expect(page.locator('main figure').count()).resolves.toBe(3);

  const values = await showChartTable(page, 'Values mix', 'Space');
  await values.table.getByRole('cell', { name: 'Teamwork' }).waitFor();

  const current = page.getByRole('tab', { name: 'My team' });
  await tabTo(page, current, 'Shift+Tab', 120);
  await page.keyboard.press('ArrowRight');
  expect(await isFocused(page.getByRole('tab', { name: 'Organisation' }))).toBe(true);
  await page.keyboard.press('Space');
  await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
  expect(s.problems).toEqual([]);
});

browserTest('My team in light, dark and high contrast: no serious axe violation; screenshots', async () => {
  const s = await tabSession();
  if (!s) return;
  await axeAndScreenshotInEachTheme(s, {
    personId: alex,
    tabPage: 'team',
    name: 'team',
    async ready(page) {
      await reportsTable(s).waitFor();
      await page.locator('main figure svg').nth(2).waitFor();
    },
  });
});
