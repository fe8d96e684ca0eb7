/**
 * In Chromium, against the app as `npm start` runs it, in the Product Team's General channel of the
 * Playground UI: the `sendKudos` message-extension action (compose box → Trigger Message Extension App
 * → Action Command → sendKudos) shows the kudos form; picking Megan Bowen, a value and a message and
 * pressing "Send kudos" puts the recognition card in the compose box; Post posts it; its Celebrate
 * button adds "celebrated by Alex Wilber". A whitespace-only message is refused in the form.
 * Screenshots: test-artifacts/kudos-form.png, kudos-compose.png, kudos-posted.png, kudos-celebrated.png,
 * kudos-refused.png.
 *
 * The Playground's people picker submits the mock users' member ids (`29:meganb`) where Teams'
 * picker submits AAD object ids; the app resolves member ids through the conversation roster, and
 * the first test goes through it.
 *
 * Skips (with a visible SKIPPED: notice) when no Chromium is installed, unless REQUIRE_BROWSER=1.
 */
import type { Locator, Page, Request } from 'playwright-core';
import type { Recognition } from '../../core/kudos';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import {
  composeBox,
  conversationCards,
  browserTests,
  launchBrowser,
  openActionCommand,
  openPlaygroundChat,
  type BrowserSession,
} from '../support/browser';
import { startTestApp, type TestApp } from '../support/localApp';

jest.setTimeout(120_000);

const { canRun, browserTest } = browserTests('kudos extension UI test');

const GENERAL = 'Product Team - General';
const MESSAGE = 'You turned that client call around.';

let t: TestApp | undefined;
let session: BrowserSession | null = null;

beforeAll(async () => {
  if (!canRun) return;
  session = await launchBrowser();
  if (!session) return; // launchBrowser printed the SKIPPED: notice
  t = await startTestApp({ playground: true });
  await openPlaygroundChat(session.page, t.app.playgroundUrl!, GENERAL);
}, 90_000);

afterAll(async () => {
  await session?.close();
  await t?.stop();
});

function storedKudos(): Promise<Recognition[]> {
  return t!.app.runtime.stores.recognitions.createdBetween(
    DEMO_TENANT_ID,
    new Date(0),
    new Date('2100-01-01'),
  );
}

/**
 * Records the `composeExtension/submitAction` data the UI posts from now on (as the page sends it,
 * before any route rewrite); `stop()` stops recording.
 */
function recordSubmissions(page: Page): { seen: Array<Record<string, unknown>>; stop(): void } {
  const seen: Array<Record<string, unknown>> = [];
  const listener = (request: Request) => {
    if (!request.url().endsWith('/_conversation/v1/invoke') || request.method() !== 'POST') return;
    const body = JSON.parse(request.postData() ?? '{}') as {
      name?: string;
      value?: { data?: Record<string, unknown> };
    };
    if (body.name === 'composeExtension/submitAction') seen.push(body.value?.data ?? {});
  };
  page.on('request', listener);
  return { seen, stop: () => page.off('request', listener) };
}

/** Picks people in the form's people picker (Fluent "People Picker" combobox; options in a layer). */
async function pickPerson(page: Page, form: Locator, name: string): Promise<void> {
  await form.getByRole('combobox', { name: 'People Picker' }).click();
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await form.getByRole('listitem').filter({ hasText: name }).waitFor({ timeout: 5_000 });
}

/** Chooses `title` in the compact "Which value did they show?" choice set (a Fluent combobox). */
async function pickValue(page: Page, form: Locator, title: string): Promise<void> {
  const combobox = form.getByRole('combobox', { name: /Which value did they show/ });
  await combobox.click();
  await page.getByRole('option', { name: title, exact: true }).click();
  expect(await combobox.inputValue()).toBe(title);
}

const messageBox = (form: Locator) => form.getByRole('textbox', { name: /Message/ });
const sendButton = (form: Locator) => form.getByRole('button', { name: 'Send kudos' });
const closeDialog = (form: Locator) => form.getByRole('button', { name: 'Close' }).click();
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

browserTest(
  'sendKudos from the channel compose box: form → card in the compose box → posted → celebrated',
  async () => {
    if (!session) return;
    const { page } = session;
    const openStarted = Date.now();
    const form = await openActionCommand(page, 'sendKudos');
    const openMs = Date.now() - openStarted;
    const formText = flat(await form.innerText());
    for (const label of [
      'Send kudos',
      'Thank someone for something specific',
      'Who are you recognising? *',
      'Which value did they show? *',
      'Message *',
    ])
      expect(formText).toContain(label);
    await sendButton(form).waitFor();
    const formFile = await session.screenshot('kudos-form');

    await pickPerson(page, form, 'Megan Bowen');
    await pickValue(page, form, 'Customer first');
    await messageBox(form).fill(MESSAGE);

    const submitStarted = Date.now();
    await sendButton(form).click();
    const inCompose = composeBox(page).locator('.ac-adaptiveCard').filter({ hasText: MESSAGE });
    await inCompose.waitFor({ timeout: 10_000 });
    await form.waitFor({ state: 'hidden', timeout: 5_000 });
    const submitMs = Date.now() - submitStarted;
    const composed = flat(await inCompose.innerText());
    expect(composed).toContain('Megan Bowen');
    expect(composed).toContain('recognised by Alex Wilber for Customer first');
    expect(composed).toContain(MESSAGE);
    const composeFile = await session.screenshot('kudos-compose');

    const postStarted = Date.now();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const posted = conversationCards(page).filter({ hasText: MESSAGE });
    await posted.waitFor({ timeout: 10_000 });
    const postMs = Date.now() - postStarted;
    expect(await composeBox(page).locator('.ac-adaptiveCard').count()).toBe(0);
    const postedText = flat(await posted.innerText());
    expect(postedText).toContain('Megan Bowen');
    expect(postedText).toContain('recognised by Alex Wilber for Customer first');
    expect(postedText).toContain(MESSAGE);
    expect(postedText).not.toContain('celebrated by');
    const postedFile = await session.screenshot('kudos-posted');

    const stored = await storedKudos();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      giver: { id: DEMO_IDS.alex, name: 'Alex Wilber' },
      recipientIds: [DEMO_IDS.megan],
      value: { id: 'customer-first' },
      message: MESSAGE,
      place: { kind: 'channel' },
    });

    const celebrateStarted = Date.now();
    await posted.getByRole('button', { name: /Celebrate/ }).click();
    await posted.getByText('celebrated by Alex Wilber').waitFor({ timeout: 10_000 });
    const celebrateMs = Date.now() - celebrateStarted;
    expect(flat(await posted.innerText())).toContain('1 · celebrated by Alex Wilber');
    await posted.getByRole('button', { name: /Celebrate \(1\)/ }).waitFor({ timeout: 5_000 });
    const celebratedFile = await session.screenshot('kudos-celebrated');
    expect((await storedKudos())[0]?.celebrations).toEqual([
      expect.objectContaining({ id: DEMO_IDS.alex, name: 'Alex Wilber' }),
    ]);

    console.log(
      `kudos UI: form ${openMs} ms, submit → compose ${submitMs} ms, post ${postMs} ms, celebrate ${celebrateMs} ms; ` +
        `screenshots ${[formFile, composeFile, postedFile, celebratedFile].join(', ')}`,
    );
  },
);

browserTest(
  'a whitespace-only message comes back in the form with “Add a message”; nothing stored',
  async () => {
    if (!session) return;
    const { page } = session;
    const before = (await storedKudos()).length;
    const { seen: submissions, stop } = recordSubmissions(page);
    try {
      const form = await openActionCommand(page, 'sendKudos');
      await pickPerson(page, form, 'Megan Bowen');
      await pickValue(page, form, 'Teamwork');

      // Empty: the card's own required-field check stops it in the browser; nothing reaches the bot.
      await sendButton(form).click();
      await form.getByText('Add a message of up to 500 characters.').waitFor({ timeout: 5_000 });
      expect(submissions).toHaveLength(0);

      // Whitespace passes the UI's check; the app refuses it and shows the form again.
      await messageBox(form).fill('   ');
      const started = Date.now();
      await sendButton(form).click();
      await form
        .getByText('Add a message: say what they did and why it mattered.')
        .waitFor({ timeout: 10_000 });
      const refusedMs = Date.now() - started;
      expect(submissions).toHaveLength(1);
      expect(submissions[0]).toMatchObject({ message: '   ', value: 'teamwork' });
      expect(flat(await form.innerText())).toContain('Who are you recognising?');
      expect(await composeBox(page).locator('.ac-adaptiveCard').count()).toBe(0);
      const file = await session.screenshot('kudos-refused');
      expect((await storedKudos()).length).toBe(before);
      console.log(`kudos UI refusal: ${refusedMs} ms; screenshot ${file}`);
      await closeDialog(form);
      await form.waitFor({ state: 'hidden', timeout: 5_000 });
    } finally {
      stop();
    }
  },
);
