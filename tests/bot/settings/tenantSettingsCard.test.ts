import { expandCard } from '../../../bot/teams/cardRender';
import { tenantSettingsCard, tenantSettingsCardData } from '../../../bot/settings/tenantSettingsCard';
import { translatorFor } from '../../../bot/i18n/translator';

const t = translatorFor('en');
import {
  auditEntryId,
  AUDIT_ENTRIES_SHOWN,
  defaultTenantSettings,
  settingTexts,
  type AuditEntry,
  type TenantSettings,
} from '../../../core/settings';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';

/** Every input of a card, by id, with the value it is filled with. */
function inputsOf(card: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as { type?: string; id?: string; value?: unknown };
      if (element.type?.startsWith('Input.') && element.id) found[element.id] = String(element.value ?? '');
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The card an Action.Execute answered with, or the text when it answered with a message. */
const answer = (body: unknown) => (body as { value: unknown }).value;
const saveData = (card: unknown) =>
  ((card as { actions: Array<{ data: Record<string, string> }> }).actions[0]?.data ?? {}) as Record<
    string,
    string
  >;

const entry = (n: number, name = 'Alex Wilber'): AuditEntry => ({
  tenantId: HARNESS_TENANT,
  id: auditEntryId(new Date(Date.UTC(2027, 2, 1, 9, n)), `n${n}`),
  at: new Date(Date.UTC(2027, 2, 1, 9, n)).toISOString(),
  by: { id: ALEX.id, name, via: 'teams' },
  subject: 'settings',
  field: 'checkIns',
  from: [0, 7, 30, 90],
  to: [0, 30],
});

describe('the tenant settings card', () => {
  it('renders cleanly within a bot message’s size with the 20 latest changes and every message', () => {
    const settings = {
      ...defaultTenantSettings('t', 'UTC'),
      version: '"00000000-0000-0000-0000-000000000000"',
    };
    const card = expandCard(
      tenantSettingsCard,
      tenantSettingsCardData({
        t,
        settings,
        audit: Array.from({ length: AUDIT_ENTRIES_SHOWN }, (_, n) => entry(n, 'A'.repeat(120))),
        status: 'Saved 3 changes: Moments uses them from now on.',
        problems: Array.from({ length: 14 }, () => 'x'.repeat(200)),
      }),
    );
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
  });

  it('fills each input with the current value and shows the audit trail as plain text runs', () => {
    const settings: TenantSettings = {
      ...defaultTenantSettings('t', 'UTC'),
      dailyKudosLimit: null,
      milestones: { birthdays: false, anniversaries: true, checkIns: [0, 30] },
    };
    const card = expandCard(
      tenantSettingsCard,
      tenantSettingsCardData({ t, settings, audit: [entry(1, '**Alex** [x](https://evil.example)')] }),
    );
    expect(inputsOf(card)).toEqual(settingTexts(settings));
    expect(inputsOf(card)).toMatchObject({ dailyKudosLimit: 'off', birthdays: 'off', checkIns: '0,30' });
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun","text":"**Alex** [x](https://evil.example) (in Teams): "');
    expect(json).toContain('"text":"checkIns: 0,7,30,90 → 0,30"');
  });
});

describe('settings in a personal chat, through the bot', () => {
  let harness: BotHarness;
  beforeEach(async () => {
    harness = startBotHarness();
    await harness.stores.settings.saveTenant({
      ...defaultTenantSettings(HARNESS_TENANT, 'Europe/London'),
      adminIds: [ALEX.id],
    });
  });

  /** The card as `settings` would show it to Alex now. */
  const shownCard = async () => {
    const settings = await harness.stores.settings.tenant(HARNESS_TENANT);
    return expandCard(tenantSettingsCard, tenantSettingsCardData({ t, settings: settings!, audit: [] }));
  };
  const save = async (card: unknown, changes: Record<string, string>) =>
    harness.execute('saveTenantSettings', { ...saveData(card), ...inputsOf(card), ...changes });

  it('an admin saves: the settings change, the audit names them, and the card shows the change', async () => {
    const { body } = await save(await shownCard(), { dailyKudosLimit: '2', digestDay: '5' });
    const card = answer(body);
    expect(JSON.stringify(card)).toContain('Saved 2 changes: Moments uses them from now on.');
    expect(inputsOf(card)).toMatchObject({ dailyKudosLimit: '2', digestDay: '5' });
    expect(JSON.stringify(card)).toContain('"text":"dailyKudosLimit: 20 → 2"');
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({
      dailyKudosLimit: 2,
      digestDay: 5,
    });
    expect(await harness.stores.audit.all(HARNESS_TENANT)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'dailyKudosLimit',
          from: 20,
          to: 2,
          by: { id: ALEX.id, name: ALEX.displayName, via: 'teams' },
        }),
      ]),
    );
  });

  it('an admin turns calendar briefs and the weekly nudge on from the card: off until then', async () => {
    const shown = await shownCard();
    expect(inputsOf(shown)).toMatchObject({ calendarBriefs: 'off', weeklyNudge: 'off' });
    expect(JSON.stringify(shown)).toContain('before their 1:1s and team meetings');
    const { body } = await save(shown, { calendarBriefs: 'on', weeklyNudge: 'on' });
    expect(inputsOf(answer(body))).toMatchObject({ calendarBriefs: 'on', weeklyNudge: 'on' });
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({
      calendarBriefs: true,
      weeklyNudge: true,
    });
  });

  it('a wrong field: the card comes back with a message for it, the admin’s entries kept, nothing saved', async () => {
    const { body } = await save(await shownCard(), { dailyKudosLimit: '500', sendHour: '7' });
    const card = answer(body);
    expect(JSON.stringify(card)).toContain(
      'dailyKudosLimit must be a whole number from 1 to 100, or off for no limit; “500” is not.',
    );
    expect(JSON.stringify(card)).toContain('Nothing was saved.');
    expect(inputsOf(card)).toMatchObject({ dailyKudosLimit: '500', sendHour: '7' });
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({
      dailyKudosLimit: 20,
      sendHour: 9,
    });
    expect(harness.stores.audit.entries).toEqual([]);
  });

  it('the second of two admins saving at once is told what changed and loses nothing', async () => {
    const card = await shownCard();
    await save(card, { dailyKudosLimit: '2' });
    const { body } = await save(card, { sendHour: '7' });
    const second = answer(body);
    expect(JSON.stringify(second)).toContain(
      'Someone saved these settings while you were choosing, so nothing was saved: Kudos a day is now 2.',
    );
    // Their own entry is kept; the first admin's change is filled in where they changed nothing.
    expect(inputsOf(second)).toMatchObject({ sendHour: '7', dailyKudosLimit: '2' });
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({
      dailyKudosLimit: 2,
      sendHour: 9,
    });
    // Saving that card again keeps both changes.
    const again = answer((await save(second, {})).body);
    expect(JSON.stringify(again)).toContain('Saved 1 change');
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({
      dailyKudosLimit: 2,
      sendHour: 7,
    });
  });

  it('refuses an unreadable card and saves nothing', async () => {
    const { body } = await harness.execute('saveTenantSettings', { sendHour: 'x'.repeat(200) });
    expect(JSON.stringify(body)).toContain(t.text('settings.unreadable'));
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({ sendHour: 9 });
  });

  it('someone who is not an admin is told who the admins are, and nothing is saved', async () => {
    await harness.stores.settings.saveTenant({
      ...defaultTenantSettings(HARNESS_TENANT, 'Europe/London'),
      adminIds: [MEGAN.id],
    });
    const { body } = await save(await shownCard(), { dailyKudosLimit: '2' });
    expect(JSON.stringify(body)).toContain('Tenant settings are for Moments admins: Megan Bowen.');
    expect(await harness.stores.settings.tenant(HARNESS_TENANT)).toMatchObject({ dailyKudosLimit: 20 });
  });
});
