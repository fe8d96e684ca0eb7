import { myDataCard } from '../../../bot/privacy/privacyCards';
import { myDataCardData } from '../../../bot/privacy/myDataCard';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';

const en = translatorFor('en');
import { alex, data, expectValid, recognition, settings } from '../../support/privacyCardFixtures';

describe('my data card', () => {
  it('shows the record, kudos, conversations, the notes count and what expires', () => {
    const card = expandCard(myDataCard, myDataCardData(en, data(), settings));
    expectValid(card);
    const text = JSON.stringify(card);
    for (const expected of [
      '"text":"Alex Wilber"',
      'alexw@contoso.com',
      'Diego Siciliani',
      'Europe/London',
      '05-14 (14 May; no year is kept)',
      '2018-04-09',
      'Manager only: a reminder to my manager, no post',
      'Public: a reminder to my manager and a post in my team’s channel',
      'On: Mondays at 08:00, your time (your organisation’s default)',
      '4 people have you as their manager in Moments.',
      '"text":"12"',
      '"text":"3"',
      '"text":"5"',
      '2027-03-10 · Teamwork · to Megan Bowen: “Thanks for covering the launch while I was out.”',
      '2027-03-10 · Teamwork · from Megan Bowen',
      'Moments keeps 1 conversation reference for you',
      'Moments keeps 2 private notes that other people wrote about you; their text is private to their authors.',
      'expire after 90 days',
      'forget me',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says what applies to someone who has not chosen, and who set each celebration', () => {
    const facts = (person: typeof alex, tenant = settings) => {
      const card = myDataCardData(en, data({ person }), tenant);
      const all = card.sections.flatMap((s) => s.facts ?? []);
      return [
        all.find((f) => f.label === 'Birthday celebrated')?.value,
        all.find((f) => f.label === 'Work anniversary celebrated')?.value,
      ];
    };
    expect(facts({ ...alex, celebrate: {} })).toEqual([
      'Manager only: a reminder to my manager, no post (your organisation’s default)',
      'Manager only: a reminder to my manager, no post (your organisation’s default)',
    ]);
    expect(facts({ ...alex, celebrate: {} }, { ...settings, defaultCelebration: 'off' })).toEqual([
      'Off: nothing (your organisation’s default)',
      'Off: nothing (your organisation’s default)',
    ]);
    expect(facts({ ...alex, celebrate: { birthday: 'public' }, celebrateSource: 'import' })).toEqual([
      'Public: a reminder to my manager and a post in my team’s channel (from your organisation’s people data)',
      'Manager only: a reminder to my manager, no post (your organisation’s default)',
    ]);
    expect(
      facts({ ...alex, celebrate: { birthday: 'off', anniversary: 'public' }, celebrateSource: 'self' }),
    ).toEqual(['Off: nothing', 'Public: a reminder to my manager and a post in my team’s channel']);
  });

  it('shows the brief lead a manager chose and the weekly nudge as it applies', () => {
    const factsOf = (person: typeof alex, tenant = settings) =>
      Object.fromEntries(
        myDataCardData(en, data({ person }), tenant)
          .sections.flatMap((s) => s.facts ?? [])
          .map((f) => [f.label, f.value]),
      );
    expect(factsOf(alex)['Weekly nudge']).toBe('Off');
    expect(factsOf(alex)['Briefs before 1:1s']).toBeUndefined();
    expect(factsOf(alex, { ...settings, weeklyNudge: true })['Weekly nudge']).toBe(
      'On: Mondays at 08:00, your time (your organisation’s default)',
    );
    const chosen = factsOf({
      ...alex,
      calendarBriefs: { leadMinutes: 10 },
      weeklyNudge: { enabled: true, day: 5, hour: 15 },
    });
    expect(chosen['Briefs before 1:1s']).toBe('10 minutes before each 1:1 with your reports');
    expect(chosen['Weekly nudge']).toBe('On: Fridays at 15:00, your time');
  });

  it('tells someone who was forgotten what Moments still keeps: a hash of their id', () => {
    const card = expandCard(
      myDataCard,
      myDataCardData(en, data({ person: undefined, reportCount: 0, forgotten: true }), settings),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('it keeps only a one-way hash of your id');
  });

  it('renders for someone Moments does not know', () => {
    const card = expandCard(
      myDataCard,
      myDataCardData(
        en,
        data({
          person: undefined,
          reportCount: 0,
          isAdmin: false,
          kudosGiven: { count: 0, latest: [] },
          kudosReceived: { count: 0, latest: [] },
          celebrated: 0,
          conversations: 0,
          notesAboutThem: 0,
        }),
        settings,
      ),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('Moments has no directory record for you');
    expect(JSON.stringify(card)).toContain('Moments keeps 0 private notes');
    expect(JSON.stringify(card)).not.toContain('You asked Moments to forget you');
  });

  it('user text stays text: markdown, links and template syntax in names and messages', () => {
    const hostile = '**bold** [click](https://evil.example) ${person.email} {"type":"Action.OpenUrl"}';
    const card = expandCard(
      myDataCard,
      myDataCardData(
        en,
        data({
          person: { ...alex, displayName: hostile },
          kudosGiven: { count: 1, latest: [recognition('k1', { message: hostile })] },
        }),
        settings,
      ),
    );
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain(`"type":"TextRun","text":${JSON.stringify(hostile)}`);
    expect(text).not.toContain('"type":"Action.OpenUrl"');
    expect(card.actions).toBeUndefined();
  });
});
