import {
  effectiveDigest,
  effectiveWeeklyNudge,
  saveMySettings,
  type MySettingsInput,
} from '../../../core/privacy';
import { parsePeopleCsv, planImport, type Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import { MemoryPeopleDirectory } from '../../support/fakes';

const T = 'tenant-a';
const alex: Person = {
  tenantId: T,
  id: 'alex',
  displayName: 'Alex Wilber',
  email: 'alex@contoso.com',
  managerId: 'diego',
  timeZone: 'Europe/London',
  birthday: '05-14',
  hireDate: '2018-04-09',
  celebrate: { birthday: 'public', anniversary: 'public' },
  teamIds: ['team-1'],
};
const megan: Person = { ...alex, id: 'megan', displayName: 'Megan', managerId: 'alex', birthday: '01-02' };

const input = (overrides: Partial<MySettingsInput> = {}): MySettingsInput => ({
  birthdayMonth: '03',
  birthdayDay: '14',
  celebrateBirthday: 'manager',
  celebrateAnniversary: 'off',
  timeZone: 'America/New_York',
  ...overrides,
});

const save = (people: MemoryPeopleDirectory, overrides: Partial<MySettingsInput> = {}, personId = 'alex') =>
  saveMySettings(people, { tenantId: T, personId, displayName: 'Teams Name', input: input(overrides) });

describe('saveMySettings', () => {
  it('stores birthday, preferences and zone as their own choice, keeping everything else', async () => {
    const people = new MemoryPeopleDirectory([alex]);
    const result = await save(people);
    expect(result).toMatchObject({ ok: true, created: false });
    expect(await people.get(T, 'alex')).toEqual({
      ...alex,
      birthday: '03-14',
      celebrate: { birthday: 'manager', anniversary: 'off' },
      celebrateSource: 'self',
      timeZone: 'America/New_York',
      ownSettings: true,
    });
  });

  it.each([
    ['Europe/Prague', 'Europe/Prague'],
    ['europe/prague', 'Europe/Prague'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['Etc/UTC', 'UTC'],
  ])('stores the zone %s as %s', async (chosen, stored) => {
    const people = new MemoryPeopleDirectory([alex]);
    expect(await save(people, { timeZone: chosen })).toMatchObject({ ok: true });
    expect((await people.get(T, 'alex'))?.timeZone).toBe(stored);
  });

  it('refuses a zone outside the list, even one the runtime would read, and stores nothing', async () => {
    const people = new MemoryPeopleDirectory([alex]);
    for (const timeZone of ['US/Eastern', '+01:00', 'Europe/Prague/Old_Town']) {
      const result = await save(people, { timeZone });
      expect(result.ok || result.problems).toEqual([
        { field: 'timeZone', code: 'timeZoneUnknown', zone: timeZone },
      ]);
    }
    expect(await people.get(T, 'alex')).toEqual(alex);
  });

  it.each([
    [
      { birthdayMonth: '02', birthdayDay: '30' },
      { code: 'noSuchDay', month: 2, day: 30 },
    ],
    [
      { birthdayMonth: '04', birthdayDay: '31' },
      { code: 'noSuchDay', month: 4, day: 31 },
    ],
    [{ birthdayMonth: '13', birthdayDay: '01' }, { code: 'birthdayNotListed' }],
    [{ birthdayMonth: '3', birthdayDay: '14' }, { code: 'birthdayNotListed' }],
    [{ birthdayMonth: '03', birthdayDay: '' }, { code: 'birthdayIncomplete' }],
    [{ birthdayMonth: '', birthdayDay: '14' }, { code: 'birthdayIncomplete' }],
    [{ timeZone: 'Mars/Olympus' }, { code: 'timeZoneUnknown', zone: 'Mars/Olympus' }],
    [{ timeZone: '' }, { code: 'timeZoneMissing' }],
    [{ celebrateBirthday: 'everyone' }, { code: 'celebrationNotListed' }],
    [{ language: 'tlh' }, { code: 'languageNotListed' }],
  ])('refuses %j with what is wrong and stores nothing', async (overrides, problem) => {
    const people = new MemoryPeopleDirectory([alex]);
    const result = await save(people, overrides);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining(problem)]);
    expect(await people.get(T, 'alex')).toEqual(alex);
  });

  it('reports every problem at once', async () => {
    const result = await save(new MemoryPeopleDirectory([alex]), {
      birthdayMonth: '02',
      birthdayDay: '30',
      timeZone: 'Nowhere/Land',
    });
    expect(result.ok || result.problems.map((p) => p.field)).toEqual(['birthday', 'timeZone']);
  });

  it('keeps the chosen language, forgets it for automatic, and leaves it alone when not asked', async () => {
    const people = new MemoryPeopleDirectory([alex]);
    expect((await save(people, { language: 'de' })).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.language).toBe('de');
    expect((await save(people, {})).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.language).toBe('de');
    expect((await save(people, { language: '' })).ok).toBe(true);
    expect(await people.get(T, 'alex')).not.toHaveProperty('language');
  });

  it('accepts 29 February and clears the birthday when both are empty', async () => {
    const people = new MemoryPeopleDirectory([alex]);
    expect((await save(people, { birthdayMonth: '02', birthdayDay: '29' })).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.birthday).toBe('02-29');
    expect((await save(people, { birthdayMonth: '', birthdayDay: '' })).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.birthday).toBeUndefined();
  });

  it('replaces what the people file set, and later files leave their choice alone', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const fromFile: Person = { ...alex, id, celebrate: { birthday: 'public' }, celebrateSource: 'import' };
    const people = new MemoryPeopleDirectory([fromFile]);
    expect((await save(people, {}, id)).ok).toBe(true);
    const chosen = (await people.get(T, id)) as Person;
    expect(chosen).toMatchObject({
      celebrate: { birthday: 'manager', anniversary: 'off' },
      celebrateSource: 'self',
    });
    const hrFile = `id,displayName,celebrateBirthday,celebrateAnniversary\n${id},Alex Wilber,public,public`;
    const plan = planImport(parsePeopleCsv(hrFile, { tenantId: T }), [chosen]);
    expect(plan.counts.unchanged).toBe(1);
    expect(plan.writes).toEqual([]);
  });

  it('adds someone not in the directory under their id and Teams name', async () => {
    const people = new MemoryPeopleDirectory([]);
    const result = await save(people, {}, 'new-person');
    expect(result).toMatchObject({ ok: true, created: true });
    expect(await people.get(T, 'new-person')).toEqual({
      tenantId: T,
      id: 'new-person',
      displayName: 'Teams Name',
      birthday: '03-14',
      celebrate: { birthday: 'manager', anniversary: 'off' },
      celebrateSource: 'self',
      timeZone: 'America/New_York',
      ownSettings: true,
    });
  });

  it('stores the digest preference only for people with reports, and checks it', async () => {
    const people = new MemoryPeopleDirectory([alex, megan]);
    const digest = { enabled: false, day: '5', hour: '16' };
    expect((await save(people, { digest })).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.digest).toEqual({ enabled: false, day: 5, hour: 16 });
    // Megan has no reports: a digest in the submission is ignored.
    expect((await save(people, { digest }, 'megan')).ok).toBe(true);
    expect((await people.get(T, 'megan'))?.digest).toBeUndefined();
    for (const bad of [
      { enabled: true, day: '8', hour: '9' },
      { enabled: true, day: '1', hour: '24' },
      { enabled: true, day: '', hour: '9' },
    ]) {
      const result = await save(people, { digest: bad });
      expect(result.ok || result.problems[0]?.field).toBe('digest');
    }
    expect((await people.get(T, 'alex'))?.digest).toEqual({ enabled: false, day: 5, hour: 16 });
  });
});

describe('briefs and the weekly nudge in my settings', () => {
  const tenant = { ...defaultTenantSettings(T, 'UTC'), weeklyNudge: false };
  const saveWith = (
    people: MemoryPeopleDirectory,
    overrides: Partial<MySettingsInput>,
    personId = 'alex',
    settings = tenant,
  ) =>
    saveMySettings(
      people,
      { tenantId: T, personId, displayName: 'Teams Name', input: input(overrides) },
      undefined,
      settings,
    );

  it('a manager chooses a brief lead of 5, 10 or 15 minutes or off; others cannot, and a wrong one is refused', async () => {
    const people = new MemoryPeopleDirectory([alex, megan]);
    expect((await saveWith(people, { calendarBriefs: '10' })).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.calendarBriefs).toEqual({ leadMinutes: 10 });
    const refused = await saveWith(people, { calendarBriefs: '7' });
    expect(refused).toEqual({
      ok: false,
      problems: [{ field: 'calendarBriefs', code: 'briefLeadNotListed' }],
    });
    expect((await people.get(T, 'alex'))?.calendarBriefs).toEqual({ leadMinutes: 10 });
    // Leaving it out keeps it; off removes it.
    expect((await saveWith(people, {})).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.calendarBriefs).toEqual({ leadMinutes: 10 });
    expect((await saveWith(people, { calendarBriefs: 'off' })).ok).toBe(true);
    expect((await people.get(T, 'alex'))?.calendarBriefs).toBeUndefined();
    // Megan has no reports: nothing to brief her about.
    expect((await saveWith(people, { calendarBriefs: '5' }, 'megan')).ok).toBe(true);
    expect((await people.get(T, 'megan'))?.calendarBriefs).toBeUndefined();
  });

  it('keeps the nudge choice only once it differs from the tenant’s, so the default keeps applying', async () => {
    const people = new MemoryPeopleDirectory([alex, megan]);
    const asShown = { enabled: false, day: '1', hour: '8' };
    expect((await saveWith(people, { weeklyNudge: asShown }, 'megan')).ok).toBe(true);
    expect((await people.get(T, 'megan'))?.weeklyNudge).toBeUndefined();
    // The tenant turns it on later: Megan, who never chose, gets it.
    const on = { ...tenant, weeklyNudge: true };
    expect(effectiveWeeklyNudge(await people.get(T, 'megan'), on)).toEqual({
      enabled: true,
      day: 1,
      hour: 8,
    });

    expect(
      (await saveWith(people, { weeklyNudge: { enabled: true, day: '5', hour: '15' } }, 'megan')).ok,
    ).toBe(true);
    expect((await people.get(T, 'megan'))?.weeklyNudge).toEqual({ enabled: true, day: 5, hour: 15 });
    // Once chosen, it stays chosen, even when it matches the tenant's again.
    expect((await saveWith(people, { weeklyNudge: asShown }, 'megan')).ok).toBe(true);
    expect((await people.get(T, 'megan'))?.weeklyNudge).toEqual({ enabled: false, day: 1, hour: 8 });

    const refused = await saveWith(people, { weeklyNudge: { enabled: true, day: '0', hour: '8' } }, 'megan');
    expect(refused).toEqual({ ok: false, problems: [{ field: 'weeklyNudge', code: 'nudgeNotListed' }] });
  });
});

describe('effectiveDigest', () => {
  const settings = defaultTenantSettings(T, 'UTC');
  it('falls back to the tenant’s day and hour, on by default', () => {
    expect(effectiveDigest(undefined, settings)).toEqual({ enabled: true, day: 1, hour: 8 });
    expect(effectiveDigest({ digest: { enabled: false } }, settings)).toEqual({
      enabled: false,
      day: 1,
      hour: 8,
    });
    expect(effectiveDigest({ digest: { enabled: true, day: 3, hour: 0 } }, settings)).toEqual({
      enabled: true,
      day: 3,
      hour: 0,
    });
  });
});
