import type { Person } from '../../core/people';
import { addDays, instantOfLocal, localDateOf, weekdayOf } from '../../core/shared';
import { translatorFor } from '../../bot/i18n/translator';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { runJobsCli } from '../support/jobsCli';
import { startTestApp, type TestApp } from '../support/localApp';
import type { BotMessage, PlaygroundClient } from '../support/playground';

// Moments in the person's language, end to end: the app as `npm start` runs it, the Agents
// Playground as the Teams client sending activities in the `de-DE` and `ja-JP` locales, the jobs CLI
// and the digest job delivering into the personal chat.
jest.setTimeout(300_000);

let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const GENERAL = '19:product-team-general@thread.tacv2';
const de = translatorFor('de');
const ja = translatorFor('ja');
const en = translatorFor('en');
const textOf = (value: unknown) => JSON.stringify(value);
const alex = () => app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.alex);

/** The next bot message in `conversation` after `marker` messages whose text or card has `includes`. */
async function nextAfter(marker: number, conversation: string, includes: string): Promise<BotMessage> {
  return playground.waitForMessage(
    (m, index) =>
      index >= marker &&
      m.conversationId.startsWith(conversation) &&
      textOf([m.text, m.attachments]).includes(includes),
  );
}

/** Sends `text` in Alex's personal chat from a Teams client in `locale`; the reply with `includes`. */
async function say(text: string, locale: string, includes: string): Promise<BotMessage> {
  const marker = playground.messages().length;
  await playground.send(PERSONAL, text, { locale });
  return nextAfter(marker, PERSONAL, includes);
}

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  const { people, settings } = app.app.runtime.stores;
  const set = async (id: string, change: Partial<Person>) =>
    people.save({ ...(await people.get(DEMO_TENANT_ID, id))!, ...change });
  // Tuesday 16 March 2027: Megan's birthday; every other demo milestone well away from it.
  await set(DEMO_IDS.megan, { birthday: '03-16', hireDate: '2022-06-01' });
  await set(DEMO_IDS.lee, { hireDate: '2026-01-05' });
  await set(DEMO_IDS.adele, { birthday: '09-21', hireDate: '2024-10-10' });
  await set(DEMO_IDS.isaiah, { birthday: '10-01', hireDate: '2026-11-01' });
  await set(DEMO_IDS.diego, { birthday: '09-09', hireDate: '2020-06-15' });
  await playground.openConversationInstall(PERSONAL);
  // A German organisation: what many read (kudos posted in a channel) is in German.
  const tenant = (await settings.tenant(DEMO_TENANT_ID))!;
  await settings.saveTenant({ ...tenant, defaultLanguage: 'de' });
});
afterAll(async () => app?.stop());

describe('Moments in German and Japanese', () => {
  it('kudos for a channel are in the tenant’s language', async () => {
    const fetched = await playground.invoke({
      name: 'composeExtension/fetchTask',
      conversationId: GENERAL,
      value: { commandId: 'sendKudos', commandContext: 'compose', context: { theme: 'default' } },
    });
    const form = (
      fetched.task as { value: { card: { content: { actions: Array<{ data: { submissionId: string } }> } } } }
    ).value.card.content;
    const submitted = await playground.invoke({
      name: 'composeExtension/submitAction',
      conversationId: GENERAL,
      value: {
        commandId: 'sendKudos',
        commandContext: 'compose',
        data: {
          verb: 'sendKudos',
          submissionId: form.actions[0]!.data.submissionId,
          recipients: DEMO_IDS.megan,
          value: 'customer-first',
          message: 'turning that client call around',
        },
      },
    });
    // The card goes into the compose box, for Alex to post to the channel.
    const card = textOf(submitted);
    const celebrate = de.text('kudos.card.celebrate', { count: 0 });
    expect(celebrate).not.toBe(en.text('kudos.card.celebrate', { count: 0 }));
    expect(card).toContain(celebrate);
    expect(card).toContain('turning that client call around');
  });

  it('`hilfe` from a German Teams client answers with the help card in German, and the locale is kept', async () => {
    const help = await say('hilfe', 'de-DE', de.text('help.title'));
    expect(textOf(help.attachments)).toContain(de.text('help.section.kudos'));
    expect(textOf(help.attachments)).not.toContain(en.text('help.title'));
    expect((await alex())?.locale).toBe('de-DE');
  });

  it('the kudos form opens in German from the German command word', async () => {
    const form = await say('lob', 'de-DE', de.text('kudos.form.title'));
    expect(textOf(form.attachments)).not.toContain(en.text('kudos.form.title'));
  });

  it('the reminder the jobs CLI delivers is in Alex’s language: German dates', async () => {
    const marker = playground.messages().length;
    const run = await runJobsCli(
      app.dataDir,
      'milestones',
      '--at',
      '2027-03-11T09:00:00Z',
      '--tenant',
      DEMO_TENANT_ID,
    );
    expect(run.code).toBe(0);
    const reminder = await nextAfter(marker, PERSONAL, de.day('2027-03-16', 'long'));
    expect(textOf(reminder.attachments)).toContain('Megan Bowen');
    expect(textOf(reminder.attachments)).not.toContain(en.day('2027-03-16', 'long'));
  });

  it('from a Japanese Teams client, help and the weekly digest come in Japanese', async () => {
    const help = await say('ヘルプ', 'ja-JP', ja.text('help.title'));
    expect(textOf(help.attachments)).toContain(ja.text('help.section.kudos'));
    const monday = nextMondayEight(new Date());
    const marker = playground.messages().length;
    const report = await app.app.runtime.jobs.digest({ now: monday, tenantIds: [DEMO_TENANT_ID] });
    expect(report.sends.filter((s) => s.outcome === 'sent').map((s) => s.managerName)).toEqual([
      'Alex Wilber',
    ]);
    const digest = await nextAfter(marker, PERSONAL, ja.text('digest.headline', { count: 4 }));
    // The week it covers ends on the Monday it is sent.
    expect(textOf(digest.attachments)).toContain(ja.day(localDateOf(monday, 'Europe/London'), 'long'));
  });

  it('choosing Deutsch in `my settings` makes the next message German, whatever the client’s locale', async () => {
    const card = await say('個人設定', 'ja-JP', ja.text('privacy.settings.title'));
    const response = await playground.invoke({
      name: 'adaptiveCard/action',
      conversationId: PERSONAL,
      replyToId: card.messageId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'saveMySettings',
          data: {
            birthdayMonth: '05',
            birthdayDay: '14',
            celebrateBirthday: 'public',
            celebrateAnniversary: 'manager',
            timeZone: 'Europe/London',
            language: 'de',
            digestEnabled: 'true',
            digestDay: '1',
            digestHour: '8',
          },
        },
      },
    });
    expect(textOf(response.value)).toContain(de.text('privacy.settings.title'));
    expect((await alex())?.language).toBe('de');
    const help = await say('ヘルプ', 'ja-JP', de.text('help.title'));
    expect(textOf(help.attachments)).not.toContain(ja.text('help.title'));
  });
});

/** The first Monday 08:00 in London after `from`. */
function nextMondayEight(from: Date): Date {
  for (let date = localDateOf(from, 'Europe/London'); ; date = addDays(date, 1)) {
    const at = instantOfLocal(date, 8, 'Europe/London');
    if (weekdayOf(date) === 1 && at.getTime() > from.getTime()) return at;
  }
}
