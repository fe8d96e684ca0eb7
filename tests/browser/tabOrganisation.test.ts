/**
 * Organisation in Chromium, against the local app with the tab (preview mode) and known kudos stored
 * through the runtime's stores: the participation table per week and the coverage per team equal the
 * counts of the stored kudos; refused import rows are worded; a settings change saved from the form
 * is in the settings store and the audit trail, a wrong value is refused, and a save over someone
 * else's names what they changed; the CSV export has a row per stored kudos of its range. Keyboard:
 * a chart's table, the settings form, the export. axe-core finds nothing serious in any theme.
 * Screenshots: test-artifacts/tab/organisation-<theme>.png.
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import { readFileSync } from 'node:fs';
import { changeTenantSettings } from '../../core/settings';
import { browserTests } from '../support/browser';
import {
  DEMO_IDS,
  DEMO_TENANT_ID,
  DAY,
  axeAndScreenshotInEachTheme,
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

const { browserTest } = browserTests('tab: Organisation');
const ALEX = DEMO_IDS.alex;
const PEOPLE = 6;
/** The demo's managers and their direct reports (functions/dev/local/demoOrg.ts). */
const REPORTS: Record<string, string[]> = {
  [ALEX]: [DEMO_IDS.megan, DEMO_IDS.adele, DEMO_IDS.lee, DEMO_IDS.diego],
  [DEMO_IDS.diego]: [DEMO_IDS.isaiah],
};

const tabSession = sharedTabSession();

const percent = (share: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

const tenantSettings = async (s: TabSession) => (await s.runtime.stores.settings.tenant(DEMO_TENANT_ID))!;
const saved = (s: TabSession) => s.page.getByText('Saved. The change is in the audit trail.');
const auditRows = async (s: TabSession) =>
  (await tableTexts(s.page.getByRole('table', { name: 'Recent changes' }))).slice(1);

/** The audit trail's rows without their time, once the newest is `newest` (it reloads after a save). */
async function auditAfterSave(s: TabSession, newest: string[]): Promise<string[][]> {
  const deadline = Date.now() + 10_000;
  let rows: string[][] = [];
  while (Date.now() < deadline) {
    rows = (await auditRows(s).catch(() => [])).map((row) => row.slice(1));
    if (JSON.stringify(rows[0]) === JSON.stringify(newest)) break;
    await s.page.waitForTimeout(100);
  }
  return rows;
}

browserTest(
  'Organisation: participation and coverage as stored, import refusals in words, settings saved and audited',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const { page } = s;
    const now = s.runtime.now();
    await s.runtime.stores.importStatus.record({
      tenantId: DEMO_TENANT_ID,
      at: new Date(now.getTime() - DAY).toISOString(),
      source: 'csv',
      added: 2,
      updated: 4,
      refused: [
        { line: 3, reason: 'managerCycle' },
        { line: 9, reason: 'unknownEmail' },
      ],
    });
    await openTab(s, ALEX, 'organisation');
    const participation = page.getByRole('table', { name: 'Givers and receivers per week: data' });
    await participation.waitFor({ state: 'attached' });

    const expected = lastTwelveMondays(now).map((monday) => {
      const week = s.world.kudos.filter((k) => mondayOf(londonDate(new Date(k.createdAt))) === monday);
      const givers = new Set(week.map((k) => k.giver.id));
      const receivers = new Set(week.flatMap((k) => k.recipientIds));
      const anyone = new Set([...givers, ...receivers]);
      return [weekLabel(monday), String(givers.size), String(receivers.size), percent(anyone.size / PEOPLE)];
    });
    expect(await tableTexts(participation)).toEqual([
      ['Week of', 'Givers', 'Receivers', 'Share of people'],
      ...expected,
    ]);

    const since = now.getTime() - 30 * DAY;
    const teamRow = (manager: string, name: string) => {
      const reports = REPORTS[manager]!;
      const recognised = reports.filter((id) =>
        s.world.kudos.some((k) => k.recipientIds.includes(id) && Date.parse(k.createdAt) >= since),
      ).length;
      return [
        `${name}’s team`,
        String(reports.length),
        String(recognised),
        percent(recognised / reports.length),
      ];
    };
    const teams = await tableTexts(
      page.getByRole('table', { name: 'Recognised in the last 30 days, per team: data' }),
    );
    expect(teams.slice(1).sort()).toEqual(
      [teamRow(ALEX, 'Alex Wilber'), teamRow(DEMO_IDS.diego, 'Diego Siciliani')].sort(),
    );

    await page.getByText('6 people in the directory').waitFor();
    expect(await tableTexts(page.getByRole('table', { name: 'Refused rows' }))).toEqual([
      ['Row', 'Why'],
      ['3', 'The managers go round in a circle: someone needs a manager outside it.'],
      ['9', 'No id, and no one in the directory has this email.'],
    ]);

    // A setting changed in the form is stored and shows in the audit trail.
    await page.getByRole('switch', { name: 'Weekly nudge for everyone' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await saved(s).waitFor();
    expect((await tenantSettings(s)).weeklyNudge).toBe(true);
    const nudge = ['Alex Wilber, in this tab', 'Weekly nudge for everyone', 'Off', 'On'];
    expect(await auditAfterSave(s, nudge)).toEqual([nudge]);

    // Someone else saves meanwhile: the save is refused and names what they changed; the admin's own
    // change is kept, and a second save stores it.
    const before = await tenantSettings(s);
    const other = await changeTenantSettings(
      {
        settings: s.runtime.stores.settings,
        audit: s.runtime.stores.audit,
        now: new Date(),
        defaultTimeZone: s.runtime.config.defaultTimeZone,
      },
      {
        tenantId: DEMO_TENANT_ID,
        by: { id: 'ops', name: 'Operations', via: 'cli' },
        fields: { sendHour: '11' },
      },
    );
    expect(other.ok).toBe(true);
    await page.getByRole('textbox', { name: 'Digest hour' }).fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(
        'Someone else saved the settings meanwhile and changed Send hour. The form now shows their values',
      )
      .waitFor();
    expect((await tenantSettings(s)).digestHour).toBe(before.digestHour);
    await expect(page.getByRole('textbox', { name: 'Send hour' }).inputValue()).resolves.toBe('11');
    await expect(page.getByRole('textbox', { name: 'Digest hour' }).inputValue()).resolves.toBe('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await saved(s).waitFor();
    expect(await tenantSettings(s)).toMatchObject({ sendHour: 11, digestHour: 7 });
    const digest = ['Alex Wilber, in this tab', 'Digest hour', String(before.digestHour), '7'];
    expect(await auditAfterSave(s, digest)).toEqual([
      digest,
      ['Operations, with the jobs tool', 'Send hour', String(before.sendHour), '11'],
      nudge,
    ]);
    expect(s.problems).toEqual([]);
  },
);

browserTest(
  'Organisation from the keyboard: a chart’s table, a setting refused then saved, the CSV export',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const { page } = s;
    await openTab(s, ALEX, 'organisation');

    const { toggle, table } = await showChartTable(page, 'Givers and receivers per week', 'Enter');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    expect((await table.boundingBox())!.height).toBeGreaterThan(100);

    const limit = page.getByRole('textbox', { name: 'Kudos per person per day' });
    await tabTo(page, limit, 'Tab', 120);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await page.getByText('Enter a whole number from 1 to 100.').waitFor();
    expect((await tenantSettings(s)).dailyKudosLimit).toBe(20);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await saved(s).waitFor();
    expect((await tenantSettings(s)).dailyKudosLimit).toBe(7);
    const limitRow = ['Alex Wilber, in this tab', 'Kudos per person per day', '20', '7'];
    expect((await auditAfterSave(s, limitRow))[0]).toEqual(limitRow);

    // The export's default range: the last 90 days up to today.
    const button = page.getByRole('button', { name: 'Export CSV' });
    await tabTo(page, button);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    const from = new Date(s.runtime.now().getTime() - 90 * DAY).toISOString().slice(0, 10);
    const inRange = s.world.kudos.filter((k) => k.createdAt.slice(0, 10) >= from);
    expect(lines.length - 1).toBe(inRange.length);
    // Each kudos' words only when they may travel: given in a channel here, not in a chat.
    for (const k of inRange) {
      const text = lines.some((line) => line.includes(k.message));
      expect({ id: k.id, text }).toEqual({ id: k.id, text: k.place.kind === 'channel' });
    }
    await page.getByText('The file is downloaded.').waitFor();
    expect(s.problems).toEqual([]);
  },
);

browserTest(
  'Organisation in light, dark and high contrast: no serious axe violation; screenshots',
  async () => {
    const s = await tabSession();
    if (!s) return;
    await axeAndScreenshotInEachTheme(s, {
      personId: ALEX,
      tabPage: 'organisation',
      name: 'organisation',
      async ready(page) {
        await page.getByRole('table', { name: 'Recent changes' }).waitFor();
        await page.locator('main figure svg').nth(3).waitFor();
      },
    });
  },
);
