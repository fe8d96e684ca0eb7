import { translatorFor } from '../../../bot/i18n/translator';
import { adminChangeText, adminListForAdmin, firstAdminHowTo } from '../../../bot/admins/wording';
import { defaultTenantSettings, type AdminChange, type TenantAdmin } from '../../../core/settings';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness } from '../../support/botHarness';

const en = translatorFor('en');
const megan = { id: MEGAN.id, name: 'Megan Bowen' };
const admins: TenantAdmin[] = [
  { id: ALEX.id, name: 'Alex Wilber', named: true, listed: false },
  { id: MEGAN.id, name: 'Megan Bowen', named: false, listed: true },
];

describe('admin changes in words', () => {
  // The refusal of a change made meanwhile used to add a second “Nothing was changed.” to its own.
  it.each<[string, AdminChange]>([
    ['Megan Bowen is now a Moments admin.', { ok: true, outcome: 'added', person: megan, admins }],
    [
      'Megan Bowen is no longer a Moments admin.',
      { ok: true, outcome: 'removed', person: megan, admins: [] },
    ],
    [
      'Alex Wilber is already an admin (named in MOMENTS_ADMINS). Nothing was changed.',
      { ok: true, outcome: 'unchanged', person: { id: ALEX.id, name: 'Alex Wilber' }, admins },
    ],
    [
      'Adele Vance is not an admin. Nothing was changed.',
      { ok: true, outcome: 'unchanged', person: { id: 'x', name: 'Adele Vance' }, admins },
    ],
    [
      'Alex Wilber is named in the MOMENTS_ADMINS app setting and stays an admin as long as it names them; only a change to that setting removes them. Nothing was changed.',
      { ok: false, code: 'ADMINS.NAMED_IN_SETTING', person: { id: ALEX.id, name: 'Alex Wilber' } },
    ],
    [
      'Nobody in this tenant’s directory has the e-mail sam@contoso.com. Import or sync people first, or give their Entra object id. Nothing was changed.',
      { ok: false, code: 'ADMINS.UNKNOWN_PERSON', target: 'sam@contoso.com', email: true },
    ],
    [
      '2 people in this tenant’s directory have the e-mail team@contoso.com; give the object id of the one you mean. Nothing was changed.',
      { ok: false, code: 'ADMINS.AMBIGUOUS_EMAIL', target: 'team@contoso.com', count: 2 },
    ],
    [
      'The admins or settings changed while this was being saved. Nothing was changed: try again.',
      { ok: false, code: 'ADMINS.CHANGED_MEANWHILE' },
    ],
  ])('%s', (text, change) => {
    expect(adminChangeText(en, change)).toBe(text);
  });

  it('the list and the first-admin how-to keep their English', () => {
    expect(adminListForAdmin(en, admins)).toBe(
      'Moments admins: Alex Wilber (from MOMENTS_ADMINS) and Megan Bowen.\n' +
        'Add one with “admins add @Name”, remove one with “admins remove @Name”. People named in MOMENTS_ADMINS are removed only by changing that app setting.',
    );
    const howTo = firstAdminHowTo('tenant-x', 'markdown', en);
    expect(howTo).toContain('Your organisation has no Moments admin yet.');
    expect(howTo).toContain('`npm run job -- admins add --tenant tenant-x {e-mail}`');
    expect(howTo).toContain('`az functionapp config appsettings set --resource-group {resource group}');
    expect(howTo).toContain('After that, admins add and remove admins here with “admins add @Name”.');
  });
});

test('`admins` from a German Teams client lists the admins the German way', async () => {
  const harness = startBotHarness();
  await harness.stores.settings.saveTenant({
    ...defaultTenantSettings(HARNESS_TENANT, 'Europe/London'),
    adminIds: [ALEX.id, MEGAN.id],
  });
  const replies = await harness.sayInChannel('admins', { ...ALEX, locale: 'de-DE' });
  expect(replies).toEqual([
    expect.objectContaining({
      textFormat: 'plain',
      text: expect.stringContaining('Moments-Admins: Alex Wilber und Megan Bowen.'),
    }),
  ]);
});
