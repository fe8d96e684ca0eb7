import { CATALOGUES, SOURCE, type MessageKey } from '../../../bot/i18n/catalogues';
import { translatorFor } from '../../../bot/i18n/translator';
import { tenantSettingsCard, tenantSettingsCardData } from '../../../bot/settings/tenantSettingsCard';
import { tenantStartOf } from '../../../bot/settings/tenantStart';
import { settingProblemText } from '../../../bot/settings/wording';
import { settingProblemText as cliProblemText } from '../../../functions/dev/jobs/englishWording';
import { expandCard } from '../../../bot/teams/cardRender';
import {
  auditEntryId,
  AUDIT_ENTRIES_SHOWN,
  DEFAULT_VALUE_IDS,
  defaultTenantSettings,
  parseSettingValues,
  type AuditEntry,
} from '../../../core/settings';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { ALEX, HARNESS_TENANT, startBotHarness } from '../../support/botHarness';

const entry = (n: number): AuditEntry => ({
  tenantId: HARNESS_TENANT,
  id: auditEntryId(new Date(Date.UTC(2027, 2, 1, 9, n)), `n${n}`),
  at: new Date(Date.UTC(2027, 2, 1, 9, n)).toISOString(),
  by: { id: ALEX.id, name: 'A'.repeat(120), via: 'teams' },
  subject: 'settings',
  field: n % 2 ? 'managerCopy' : 'checkIns',
  from: n % 2 ? true : [0, 7, 30, 90],
  to: n % 2 ? false : [],
});

describe.each(EVERY_LANGUAGE)('the tenant settings card in %s', (language) => {
  it('renders cleanly within a bot message’s size with the latest changes and every message', () => {
    const card = expandCard(
      tenantSettingsCard,
      tenantSettingsCardData({
        t: translatorIn(language),
        settings: { ...defaultTenantSettings('t', 'UTC'), version: '"00000000-0000-0000-0000-000000000000"' },
        audit: Array.from({ length: AUDIT_ENTRIES_SHOWN }, (_, n) => entry(n)),
        status: 'x'.repeat(120),
        problems: Array.from({ length: 14 }, () => 'x'.repeat(200)),
      }),
    );
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
  });
});

test('in English, the card words every problem as the jobs CLI does', () => {
  const { problems } = parseSettingValues({
    dailyKudosLimit: '500',
    reminderLeadDays: '0',
    digestDay: 'Funday',
    weekendRule: 'sunday',
    birthdays: 'maybe',
    checkIns: '14',
    defaultLanguage: 'tlh',
    dailyLimit: '5',
  });
  expect(problems).toHaveLength(8);
  const en = translatorFor('en');
  expect(problems.map((problem) => settingProblemText(en, problem))).toEqual(problems.map(cliProblemText));
});

describe('an admin whose Teams speaks German', () => {
  const alexInGerman = { ...ALEX, locale: 'de-DE' };

  it('gets the settings card with German weekdays, dates and lists', async () => {
    const harness = startBotHarness();
    await harness.stores.settings.saveTenant({
      ...defaultTenantSettings(HARNESS_TENANT, 'Europe/London'),
      adminIds: [ALEX.id],
    });
    const { body } = await harness.post(
      { type: 'message', text: 'settings', deliveryMode: 'expectReplies' },
      'personal',
      alexInGerman,
    );
    const card = JSON.stringify(body);
    expect(card).toContain('"title":"Montag","value":"1"');
    expect(card).toContain('"title":"28. Februar","value":"feb28"');
    expect(card).toContain('"label":"In Jahren ohne 29. Februar gilt stattdessen der"');

    const saved = await harness.execute(
      'saveTenantSettings',
      { weekendRule: 'sunday', dailyKudosLimit: '20' },
      'personal',
      alexInGerman,
    );
    expect(JSON.stringify(saved.body)).toContain(
      'weekendRule muss previous-working-day, next-working-day oder keep sein; „sunday“ passt nicht.',
    );
  });
});

describe('a tenant met for the first time', () => {
  const NEW_TENANT = 'tenant-first-seen';

  it('through a de-DE activity speaks German and names its starting values from the German catalogue', async () => {
    const harness = startBotHarness();
    await harness.post({
      type: 'message',
      text: 'help',
      locale: 'de-DE',
      deliveryMode: 'expectReplies',
      conversation: { id: 'a:personal-new', conversationType: 'personal', tenantId: NEW_TENANT },
      channelData: { tenant: { id: NEW_TENANT } },
    });
    const stored = await harness.stores.settings.tenant(NEW_TENANT);
    expect(stored?.defaultLanguage).toBe('de');
    const key = (id: string) => `values.default.${id}` as MessageKey;
    expect(stored?.values.map((value) => value.name)).toEqual(
      DEFAULT_VALUE_IDS.map((id) => CATALOGUES.de[key(id)] ?? SOURCE[key(id)]),
    );
    expect(stored?.values.map((value) => value.id)).toEqual([...DEFAULT_VALUE_IDS]);
  });

  it('starts in the language Moments speaks for its locale, English when it speaks none', () => {
    expect(tenantStartOf({ locale: 'pt-PT' }).defaultLanguage).toBe('pt-BR');
    expect(tenantStartOf({ locale: 'ja-JP' }).defaultLanguage).toBe('ja');
    expect(tenantStartOf({ locale: 'zh-CN' })).toEqual({
      defaultLanguage: 'en',
      valueNames: {
        teamwork: 'Teamwork',
        'customer-first': 'Customer first',
        ownership: 'Ownership',
        innovation: 'Innovation',
        growth: 'Learning & growth',
        'above-and-beyond': 'Above and beyond',
      },
    });
    expect(tenantStartOf({}).defaultLanguage).toBe('en');
  });
});
