import { mySettingsCard } from '../../../bot/privacy/privacyCards';
import {
  mySettingsCardData,
  settingsValuesFrom,
  settingsValuesOf,
} from '../../../bot/privacy/mySettingsCard';
import { COMMON_TIME_ZONES, zoneChoices } from '../../../bot/privacy/timeZoneChoices';
import { expandCard } from '../../../bot/teams/cardRender';
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
        mySettingsCardData({ person: alex, values: settingsValuesOf(alex, settings), isManager, now }),
      );
      expectValid(card);
      expect(card.version).toBe('1.5');
      expect(inputById(card, 'birthdayMonth')?.value).toBe('05');
      expect(inputById(card, 'birthdayDay')?.value).toBe('14');
      expect(inputById(card, 'celebrateBirthday')?.value).toBe('manager');
      expect(inputById(card, 'celebrateAnniversary')?.value).toBe('public');
      expect(inputById(card, 'timeZone')?.value).toBe('Europe/London');
      expect(Boolean(inputById(card, 'digestEnabled'))).toBe(isManager);
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
        person: alex,
        values,
        isManager: false,
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

  it('offers the common zones plus the person’s own, with offsets, and shows “Saved”', () => {
    const zones = zoneChoices(['Asia/Kathmandu', 'Not/AZone'], now);
    expect(zones.map((z) => z.value)).toEqual(
      expect.arrayContaining([...COMMON_TIME_ZONES, 'Asia/Kathmandu']),
    );
    expect(zones.map((z) => z.value)).not.toContain('Not/AZone');
    expect(zones.find((z) => z.value === 'Asia/Kathmandu')?.title).toBe('(UTC+05:45) Asia/Kathmandu');
    expect(zones.find((z) => z.value === 'America/New_York')?.title).toBe('(UTC−05:00) America/New_York');
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        person: { ...alex, timeZone: 'Asia/Kathmandu' },
        values: settingsValuesOf({ ...alex, timeZone: 'Asia/Kathmandu' }, settings),
        isManager: true,
        now,
        status: 'Saved: Moments uses these from now on.',
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('Saved: Moments uses these from now on.');
    expect(inputById(card, 'timeZone')?.choices?.map((c) => c.value)).toContain('Asia/Kathmandu');
  });

  it('for someone not in the directory it says saving adds them', () => {
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        person: undefined,
        values: settingsValuesOf(undefined, settings),
        isManager: false,
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
});
