/**
 * Admins end to end in the Agents Playground, the app started as `npm start` starts it with
 * MOMENTS_ADMINS naming Alex Wilber: a tenant with no admin is told in the welcome how to make its
 * first one; Alex is an admin through the setting and makes Megan one with a mention; Megan, before
 * that, could not; the change is in the audit trail.
 */
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import type { BotMessage, PlaygroundClient } from '../support/playground';

jest.setTimeout(90_000);

let app: TestApp;
let playground: PlaygroundClient;
beforeAll(async () => {
  app = await startTestApp({ playground: true, env: { MOMENTS_ADMINS: 'AlexW@contoso.com' } });
  playground = app.playground!;
}, 120_000);
afterAll(async () => app?.stop());

const PERSONAL = 'a:moments-personal-alexw';
const GROUP = '19:launch-crew@thread.v2';
const FRESH_TENANT = '9a8b7c6d-0000-4000-8000-00000000f00d';

const after = async (action: () => Promise<unknown>, predicate: (m: BotMessage) => boolean) => {
  const from = playground.messages().length;
  await action();
  return playground.waitForMessage((m, i) => i >= from && predicate(m));
};

/** A message in the group chat that @mentions the bot and `people`, as Teams sends it, from `sender`. */
async function inGroup(
  text: string,
  people: Array<{ id: string; name: string }>,
  sender = { id: '29:alexw', name: 'Alex Wilber', aadObjectId: DEMO_IDS.alex },
) {
  const config = await playground.config();
  const base = await playground.mockTemplate(GROUP);
  const botMention = `<at>${config.bot.name}</at>`;
  await playground.sendCustomActivity({
    ...base,
    type: 'message',
    text: `${botMention} ${text}`,
    textFormat: 'plain',
    from: sender,
    entities: [
      { type: 'mention', mentioned: { id: config.bot.id, name: config.bot.name }, text: botMention },
      ...people.map((p) => ({ type: 'mention', mentioned: p, text: `<at>${p.name}</at>` })),
    ],
    channelData: { tenant: { id: config.tenantId } },
  });
}

const MEGAN = { id: '29:meganb', name: 'Megan Bowen' };
const ADELE = { id: '29:adelev', name: 'Adele Vance' };
const ALEX = { id: '29:alexw', name: 'Alex Wilber' };
const AS_MEGAN = { id: '29:meganb', name: 'Megan Bowen', aadObjectId: DEMO_IDS.megan };

describe('the first admin', () => {
  it('installed in a tenant with no admin, the welcome says how to make the first one', async () => {
    const install = await playground.mockTemplate(PERSONAL, 'botAdded');
    const welcome = await after(
      () =>
        playground.sendCustomActivity({
          ...install,
          conversation: { ...install.conversation!, tenantId: FRESH_TENANT },
          channelData: { ...install.channelData, tenant: { id: FRESH_TENANT } },
        }),
      (m) => m.conversationId === PERSONAL && (m.text ?? '').includes('I’m Moments'),
    );
    expect(welcome.text).toContain('Your organisation has no Moments admin yet.');
    expect(welcome.text).toContain('`MOMENTS_ADMINS`');
    expect(welcome.text).toContain('`az functionapp config appsettings set');
    expect(welcome.text).toContain(`\`npm run job -- admins add --tenant ${FRESH_TENANT} {e-mail}\``);
  });

  it('in the demo tenant, where MOMENTS_ADMINS names Alex, the welcome says nothing of it', async () => {
    const welcome = await after(
      () => playground.openConversationInstall(PERSONAL),
      (m) => m.conversationId === PERSONAL && (m.text ?? '').includes('I’m Moments'),
    );
    expect(welcome.text).not.toContain('no Moments admin');
  });
});

describe('admins in Teams', () => {
  it('Alex is an admin through MOMENTS_ADMINS, and `admins` says so', async () => {
    const reply = await after(
      () => playground.send(PERSONAL, 'admins'),
      (m) => m.conversationId === PERSONAL && (m.text ?? '').startsWith('Moments admins'),
    );
    expect(reply.textFormat).toBe('plain');
    expect(reply.text).toBe(
      'Moments admins: Alex Wilber (from MOMENTS_ADMINS).\n' +
        'Add one with “admins add @Name”, remove one with “admins remove @Name”. People named in MOMENTS_ADMINS are removed only by changing that app setting.',
    );
  });

  it('Megan, not an admin, cannot add one: she is told who the admins are', async () => {
    const reply = await after(
      () => inGroup('admins add <at>Adele Vance</at>', [ADELE], AS_MEGAN),
      (m) => m.rootConversationId === GROUP && (m.text ?? '').includes('Only Moments admins'),
    );
    expect(reply.text).toBe(
      'Only Moments admins can add or remove admins, so nothing was changed. The Moments admins are Alex Wilber. Ask one of them.',
    );
    expect((await app.app.runtime.stores.settings.tenant(DEMO_TENANT_ID))?.adminIds).toEqual([]);
  });

  it('Alex makes Megan an admin with a mention; the audit trail keeps it', async () => {
    const reply = await after(
      () => inGroup('admins add <at>Megan Bowen</at>', [MEGAN]),
      (m) => m.rootConversationId === GROUP && (m.text ?? '').includes('is now a Moments admin'),
    );
    expect(reply.text).toBe('Megan Bowen is now a Moments admin.');
    expect((await app.app.runtime.stores.settings.tenant(DEMO_TENANT_ID))?.adminIds).toEqual([
      DEMO_IDS.megan,
    ]);
    const trail = await app.app.runtime.stores.audit.all(DEMO_TENANT_ID);
    expect(trail).toEqual([
      expect.objectContaining({
        subject: 'admins',
        field: DEMO_IDS.megan,
        to: 'Megan Bowen',
        by: { id: DEMO_IDS.alex, name: 'Alex Wilber', via: 'teams' },
      }),
    ]);

    const list = await after(
      () => playground.send(PERSONAL, 'admins'),
      (m) => m.conversationId === PERSONAL && (m.text ?? '').startsWith('Moments admins'),
    );
    expect(list.text).toContain('Moments admins: Alex Wilber (from MOMENTS_ADMINS) and Megan Bowen.');
  });

  it('nobody removes an admin MOMENTS_ADMINS names from Teams', async () => {
    const reply = await after(
      () => inGroup('admins remove <at>Alex Wilber</at>', [ALEX], AS_MEGAN),
      (m) => m.rootConversationId === GROUP && (m.text ?? '').includes('MOMENTS_ADMINS app setting'),
    );
    expect(reply.text).toBe(
      'Alex Wilber is named in the MOMENTS_ADMINS app setting and stays an admin as long as it names them; only a change to that setting removes them. Nothing was changed.',
    );
    expect(await app.app.runtime.stores.audit.all(DEMO_TENANT_ID)).toHaveLength(1);
  });
});
