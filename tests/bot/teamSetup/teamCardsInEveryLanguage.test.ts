// The team set-up cards, written in every language Moments speaks, are valid cards within Teams'
// size limits with nothing left unbound; numbers, weekdays and lists follow the reader's language
// already, though the catalogues other than English are not translated yet.
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
import type { RecognitionStats, StatsAnswer } from '../../../core/kudos';
import { defaultTenantSettings, type TenantAdmin } from '../../../core/settings';
import { translatorFor } from '../../../bot/i18n/translator';
import { expandCard } from '../../../bot/teams/cardRender';
import { settingsCard, statsCard } from '../../../bot/teamSetup/teamCards';
import { settingsCardData } from '../../../bot/teamSetup/settingsWording';
import { statsCardData } from '../../../bot/teamSetup/statsWording';
import { ALEX, HARNESS_TEAM, HARNESS_TENANT, startBotHarness } from '../../support/botHarness';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

function expectValid(card: Record<string, unknown>) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
  expect(JSON.stringify(card)).not.toContain('${');
}

const admins: TenantAdmin[] = [
  { id: 'alex', name: 'Alex Wilber', listed: true, named: false },
  { id: 'megan', name: 'Megan Bowen', listed: false, named: true },
];

/** A busy organisation: thousands of people, many waiting for a thank-you, three top values. */
const busy: RecognitionStats = {
  kudosThisMonth: 1234,
  topValues: [
    { name: 'Teamwork', count: 1020 },
    { name: 'Customer first', count: 96 },
    { name: 'Ownership', count: 7 },
  ],
  peopleRecognised: 1811,
  groupSize: 5000,
  notRecognisedCount: 1200,
  notRecognisedIn30Days: Array.from({ length: 12 }, (_, i) => `Person Number ${i + 1} With A Long Name`),
};

describe.each(EVERY_LANGUAGE)('team set-up cards in %s', (language) => {
  const t = translatorIn(language, 'Europe/London');
  const settings = defaultTenantSettings('t', 'Europe/London');
  const retired = {
    ...settings,
    values: settings.values.map((v, i) => (i === 0 ? { ...v, retired: true } : v)),
  };

  it('the settings card, for an admin, an owner and anyone else, in a channel and elsewhere', () => {
    const team = { tenantId: 't', teamId: '19:team', recognitionChannelId: '19:kudos' };
    const places = [
      { isAdmin: true },
      {
        isAdmin: false,
        team,
        teamId: '19:team',
        channelId: '19:kudos',
        right: { allowed: true, as: 'owner' },
      },
      {
        isAdmin: false,
        teamId: '19:team',
        channelId: '19:general',
        right: { allowed: false, why: 'not-owner' },
      },
    ] as const;
    for (const place of places) {
      expectValid(expandCard(settingsCard, settingsCardData(t, retired, admins, place)));
      expectValid(
        expandCard(settingsCard, settingsCardData(t, { ...settings, dailyKudosLimit: null }, [], place)),
      );
    }
  });

  it('the stats card, with names, without them, and with nobody waiting', () => {
    const answers: StatsAnswer[] = [
      { scope: 'organisation', names: true, stats: busy },
      { scope: 'conversation', names: false, stats: { ...busy, notRecognisedIn30Days: [] } },
      {
        scope: 'reports',
        names: true,
        stats: { ...busy, topValues: [], notRecognisedCount: 0, notRecognisedIn30Days: [] },
      },
    ];
    for (const answer of answers) {
      for (const conversation of ['personal', 'groupChat', 'channel'] as const) {
        expectValid(expandCard(statsCard, statsCardData(answer, conversation, t)));
      }
    }
  });
});

describe('numbers, weekdays and lists in the reader’s language', () => {
  it('stats in German write thousands the German way', () => {
    const card = JSON.stringify(
      expandCard(
        statsCard,
        statsCardData({ scope: 'organisation', names: true, stats: busy }, 'personal', translatorFor('de')),
      ),
    );
    expect(card).toContain('"value":"1.234"');
    for (const number of ['1.811', '5.000', '(1.020)', '1.200', '1.188']) expect(card).toContain(number);
    expect(card).not.toMatch(/1,234|1,811|5,000|1,020|1,200|1,188/);
  });

  it('the settings card in Japanese names the digest day and lists the admins the Japanese way', () => {
    const settings = defaultTenantSettings('t', 'Asia/Tokyo');
    const card = JSON.stringify(
      expandCard(
        settingsCard,
        settingsCardData(translatorFor('ja', 'Asia/Tokyo'), settings, admins, { isAdmin: true }),
      ),
    );
    expect(card).toContain('月曜日');
    expect(card).toContain('08:00');
    expect(card).toContain('Alex Wilber、Megan Bowen');
    expect(card).not.toContain('Monday');
  });

  it('`settings` asked in a German turn in the team channel shows the German weekday', async () => {
    const harness = startBotHarness();
    await harness.stores.settings.saveTeam({
      tenantId: HARNESS_TENANT,
      teamId: HARNESS_TEAM.id,
      recognitionChannelId: HARNESS_TEAM.channelId,
    });
    const replies = await harness.sayInChannel('settings', { ...ALEX, locale: 'de-DE' });
    const card = JSON.stringify(replies);
    expect(card).toContain('Montag');
    expect(card).toContain('08:00');
    expect(card).toContain('09:00');
    expect(card).not.toContain('Monday');
  });
});
