import { mySettingsCard } from '../../../bot/privacy/privacyCards';
import {
  mySettingsCardData,
  settingsValuesFrom,
  settingsValuesOf,
} from '../../../bot/privacy/mySettingsCard';
import { zoneChoices } from '../../../bot/privacy/timeZoneChoices';
import { mySettingsProblemText } from '../../../bot/privacy/wording';
import { timeZoneNames } from '../../../core/people';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';

const t = translatorFor('en');
import {
  alex,
  expectValid,
  inputById,
  inputs,
  now,
  settings,
  type Element,
} from '../../support/privacyCardFixtures';

describe('my settings card', () => {
  it('renders a person’s settings, the digest only for managers, and never asks for a year', () => {
    for (const isManager of [true, false]) {
      const card = expandCard(
        mySettingsCard,
        mySettingsCardData({
          t,
          person: alex,
          values: settingsValuesOf(alex, settings),
          isManager,
          calendarBriefs: true,
          now,
        }),
      );
      expectValid(card);
      expect(card.version).toBe('1.5');
      expect(inputById(card, 'birthdayMonth')?.value).toBe('05');
      expect(inputById(card, 'birthdayDay')?.value).toBe('14');
      expect(inputById(card, 'celebrateBirthday')?.value).toBe('manager');
      expect(inputById(card, 'celebrateAnniversary')?.value).toBe('public');
      expect(inputById(card, 'timeZone')?.value).toBe('Europe/London');
      expect(Boolean(inputById(card, 'digestEnabled'))).toBe(isManager);
      expect(Boolean(inputById(card, 'briefLead'))).toBe(isManager);
      // The weekly nudge is for everyone.
      expect(inputById(card, 'nudgeEnabled')?.value).toBe('false');
      expect(inputs(card).map((i) => i.id)).not.toContain('birthdayYear');
      expect(JSON.stringify(card)).not.toMatch(/year"|"id":"birthday"/i);
      const actions = card.actions as Element[];
      expect(actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'saveMySettings' })]);
    }
  });

  it('a refusal comes back in the card with the input kept, including a zone not in the list', () => {
    const values = settingsValuesFrom({
      birthdayMonth: '02',
      birthdayDay: '30',
      celebrateBirthday: 'off',
      celebrateAnniversary: 'manager',
      timeZone: 'Mars/Olympus',
    });
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        t,
        person: alex,
        values,
        isManager: false,
        calendarBriefs: true,
        now,
        error: 'There is no 30 February: check the day of your birthday. Nothing was saved.',
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('There is no 30 February');
    expect(inputById(card, 'birthdayMonth')?.value).toBe('02');
    expect(inputById(card, 'birthdayDay')?.value).toBe('30');
    expect(inputById(card, 'celebrateBirthday')?.value).toBe('off');
    expect(inputById(card, 'timeZone')?.value).toBe('Mars/Olympus');
  });

  it('offers every zone in a searchable list plus the person’s own, with offsets, and shows “Saved”', () => {
    const zones = zoneChoices(t, ['US/Eastern', 'Not/AZone'], now);
    const values = zones.map((z) => z.value);
    expect(values).toEqual(expect.arrayContaining([...timeZoneNames(), 'US/Eastern']));
    expect(values.length).toBeGreaterThan(400);
    expect(values).toEqual(
      expect.arrayContaining(['Europe/Prague', 'Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Kyiv', 'UTC']),
    );
    // One spelling each: the current name, not the runtime's old one as well.
    expect(values).not.toContain('Asia/Calcutta');
    expect(new Set(values).size).toBe(values.length);
    expect(values).not.toContain('Not/AZone');
    expect(zones.find((z) => z.value === 'Europe/Prague')?.title).toBe('(UTC+01:00) Europe/Prague');
    expect(zones.find((z) => z.value === 'Asia/Kathmandu')?.title).toBe('(UTC+05:45) Asia/Kathmandu');
    expect(zones.find((z) => z.value === 'America/New_York')?.title).toBe('(UTC−05:00) America/New_York');
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        t,
        person: { ...alex, timeZone: 'Asia/Kathmandu' },
        values: settingsValuesOf({ ...alex, timeZone: 'Asia/Kathmandu' }, settings),
        isManager: true,
        calendarBriefs: true,
        now,
        status: 'Saved: Moments uses these from now on.',
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('Saved: Moments uses these from now on.');
    expect(inputById(card, 'timeZone')?.choices?.map((c) => c.value)).toContain('Asia/Kathmandu');
    expect(inputById(card, 'timeZone')?.style).toBe('filtered');
  });

  it('shows a zone stored in an old spelling as the list’s current one', () => {
    expect(settingsValuesOf({ ...alex, timeZone: 'Asia/Calcutta' }, settings).timeZone).toBe('Asia/Kolkata');
  });

  it('for someone not in the directory it says saving adds them', () => {
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        t,
        person: undefined,
        values: settingsValuesOf(undefined, settings),
        isManager: false,
        calendarBriefs: true,
        now,
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('saving adds you');
    expect(inputById(card, 'timeZone')?.value).toBe('UTC');
  });

  it('offers what applies to someone who has not chosen: the organisation’s default', () => {
    const unchosen = { ...alex, celebrate: {} };
    expect(settingsValuesOf(unchosen, settings)).toMatchObject({
      celebrateBirthday: 'manager',
      celebrateAnniversary: 'manager',
    });
    expect(settingsValuesOf(undefined, { ...settings, defaultCelebration: 'off' })).toMatchObject({
      celebrateBirthday: 'off',
      celebrateAnniversary: 'off',
    });
    expect(
      settingsValuesOf(
        { ...alex, celebrate: { anniversary: 'public' } },
        { ...settings, defaultCelebration: 'off' },
      ),
    ).toMatchObject({ celebrateBirthday: 'off', celebrateAnniversary: 'public' });
  });

  it('words each refusal in one sentence, a day the month lacks in the reader’s language', () => {
    expect(mySettingsProblemText(t, { field: 'birthday', code: 'noSuchDay', month: 2, day: 30 })).toBe(
      'There is no 30 February: check the day of your birthday.',
    );
    expect(
      mySettingsProblemText(t, { field: 'timeZone', code: 'timeZoneUnknown', zone: 'Mars/Olympus' }),
    ).toBe('“Mars/Olympus” is not a time zone Moments knows: choose one from the list.');
    expect(mySettingsProblemText(t, { field: 'celebrate', code: 'celebrationNotListed' })).toBe(
      'Choose public, manager only or off for your birthday and your work anniversary.',
    );
    expect(
      mySettingsProblemText(translatorFor('de'), { field: 'birthday', code: 'noSuchDay', month: 2, day: 30 }),
    ).toContain('30. Februar');
  });
});
