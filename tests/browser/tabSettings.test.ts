/**
 * My settings and data in Chromium, against the local app with the tab (preview mode) and known
 * kudos stored through the runtime's stores: My data counts what was stored; a change saved from My
 * settings is what the people store then holds, a wrong time zone is refused and nothing saved;
 * Forget me asks first, Cancel keeps everything, and only the confirmation erases the person. All
 * from the keyboard too. axe-core finds nothing serious in any theme (with the dialog open as well).
 * Screenshots: test-artifacts/tab/settings-<theme>.png and settings-forget-dialog.png.
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import { browserTests } from '../support/browser';
import {
  DEMO_IDS,
  DEMO_TENANT_ID,
  axeAndScreenshotInEachTheme,
  isFocused,
  openTab,
  seriousViolations,
  sharedTabSession,
  tabScreenshot,
  tabTo,
  type TabSession,
} from '../support/tabBrowser';

jest.setTimeout(180_000);

const { browserTest } = browserTests('tab: My settings and data');
const { alex, megan } = DEMO_IDS;

const tabSession = sharedTabSession();

const person = (s: TabSession, id: string) => s.runtime.stores.people.get(DEMO_TENANT_ID, id);

/** My data's facts, term → value. */
async function facts(s: TabSession): Promise<Record<string, string>> {
  const terms = await s.page.locator('main dl dt').allInnerTexts();
  const values = await s.page.locator('main dl dd').allInnerTexts();
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
}

const savedNote = (s: TabSession) => s.page.getByText('Saved.', { exact: true });

browserTest(
  'My data counts the stored kudos; My settings saves what the store then holds, refuses a wrong zone',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const { page } = s;
    await openTab(s, alex, 'settings');
    await page.locator('main dl dd').first().waitFor();
    const received = s.world.kudos.filter((k) => k.recipientIds.includes(alex)).length;
    const given = s.world.kudos.filter((k) => k.giver.id === alex).length;
    expect(await facts(s)).toMatchObject({
      Name: 'Alex Wilber',
      Email: 'alexw@contoso.com',
      Manager: 'None',
      Birthday: 'May 14',
      'Direct reports': '4',
      'Moments admin': 'Yes',
      'Kudos received': String(received),
      'Kudos given': String(given),
    });

    // A wrong zone: the field says why, nothing is saved.
    const zone = page.getByRole('textbox', { name: 'Time zone' });
    await zone.fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a time zone such as Europe/Berlin.').waitFor();
    expect((await person(s, alex))!.timeZone).toBe('Europe/London');

    await zone.fill('Europe/Berlin');
    await page.getByRole('combobox', { name: 'Celebrate my birthday' }).click();
    await page.getByRole('option', { name: 'Only tell my manager' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await savedNote(s).waitFor();
    const stored = (await person(s, alex))!;
    expect(stored.timeZone).toBe('Europe/Berlin');
    expect(stored.celebrate.birthday).toBe('manager');
    expect(stored.celebrate.anniversary).toBe('public');

    // Read back on a fresh load: the form shows what is stored.
    await openTab(s, alex, 'settings');
    await expect(page.getByRole('textbox', { name: 'Time zone' }).inputValue()).resolves.toBe(
      'Europe/Berlin',
    );
    await expect(page.getByRole('combobox', { name: 'Celebrate my birthday' }).innerText()).resolves.toBe(
      'Only tell my manager',
    );
    expect(s.problems).toEqual([]);
  },
);

browserTest(
  'From the keyboard: a setting switched and saved; Forget me asks, Cancel keeps, Yes erases',
  async () => {
    const s = await tabSession();
    if (!s) return;
    const { page } = s;
    await openTab(s, megan, 'settings');
    await page.locator('main dl dd').first().waitFor();

    const nudge = page.getByRole('switch', { name: 'Remind me to recognise someone' });
    await tabTo(page, nudge);
    const wasOn = await nudge.isChecked();
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Save' }));
    await page.keyboard.press('Enter');
    await savedNote(s).waitFor();
    expect((await person(s, megan))!.weeklyNudge?.enabled).toBe(!wasOn);

    const forget = page.getByRole('button', { name: 'Forget me…' });
    await tabTo(page, forget);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Erase your data from Moments?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tabScreenshot(page, 'settings-forget-dialog', false);
    // Focus stays in the dialog; Cancel closes it, focus goes back to the button, nothing is erased.
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    await tabTo(page, cancel, 'Tab', 6);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await isFocused(forget)).toBe(true);
    expect(await person(s, megan)).toBeDefined();

    // Escape closes it too.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await person(s, megan)).toBeDefined();

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Yes, forget me' }), 'Tab', 6);
    await page.keyboard.press('Enter');
    await page.getByText('Done. Moments has forgotten you.').waitFor();
    expect(await person(s, megan)).toBeUndefined();
    // Her name is gone from the kudos she gave.
    const gave = s.world.kudos.find((k) => k.giver.id === megan)!;
    expect((await s.runtime.stores.recognitions.get(DEMO_TENANT_ID, gave.id))!.giver.name).not.toBe(
      'Megan Bowen',
    );
    expect(s.problems).toEqual([]);
  },
);

browserTest(
  'My settings and data in light, dark and high contrast: no serious axe violation; screenshots',
  async () => {
    const s = await tabSession();
    if (!s) return;
    await axeAndScreenshotInEachTheme(s, {
      personId: alex,
      tabPage: 'settings',
      name: 'settings',
      async ready(page) {
        await page.locator('main dl dd').first().waitFor();
        await page.getByRole('button', { name: 'Save' }).waitFor();
      },
    });
  },
);
