import { addDays } from '../../../core/shared';
import {
  candidateQuery,
  findMilestoneCandidates,
  onOccasionDays,
  type OccasionDays,
  planMilestoneSends,
  type MilestoneCandidates,
  type MilestonePolicy,
  type PlannedSend,
} from '../../../core/milestones';
import type { CelebrationChoices, CelebrationPreference, Person } from '../../../core/people';
import { alex, HOUR, person, policy, TENANT } from '../../support/milestonePlanning';

/** The choices without the ones not made. */
const chosen = (choices: { birthday?: CelebrationPreference; anniversary?: CelebrationPreference }) =>
  Object.fromEntries(
    Object.entries(choices).filter(([, value]) => value !== undefined),
  ) as CelebrationChoices;

/** The candidates port over `people`, answering by the stores' rule. */
const directoryPort = (people: readonly Person[]): MilestoneCandidates => ({
  birthdaysOn: async (_tenantId, days) =>
    people.filter((p) => onOccasionDays(p.birthday, p.celebrate.birthday, days)),
  anniversariesOn: async (_tenantId, days) =>
    people.filter((p) => onOccasionDays(p.hireDate?.slice(5), p.celebrate.anniversary, days)),
  hiredOn: async (_tenantId, dates) => people.filter((p) => p.hireDate && dates.includes(p.hireDate)),
  managersOf: async (_tenantId, ids) => people.filter((p) => ids.includes(p.id)),
  zonesInUse: async () => [...new Set(people.flatMap((p) => (p.timeZone === undefined ? [] : [p.timeZone])))],
});

/** Every month-day a query reads for an occasion, whoever it reads on it. */
const allDays = (days: OccasionDays) => [...days.reminded, ...days.celebrated].sort();

describe('candidateQuery', () => {
  it('asks for the day whose send hour falls in the window somewhere, and the day reminded of ahead', () => {
    // 12:00-13:00 UTC on Wednesday 10 March: 09:00 on the 10th somewhere west of London (the
    // 11th has 09:00 nowhere yet); Wednesday's reminders are for Monday 15th.
    const query = candidateQuery(
      { since: new Date('2027-03-10T12:00:00Z'), now: new Date('2027-03-10T13:00:00Z') },
      policy,
    );
    expect(query.birthdays).toEqual({
      reminded: ['03-15'],
      celebrated: ['03-10'],
      defaultCelebration: policy.defaultCelebration,
    });
    expect(query.anniversaries).toEqual(query.birthdays);
    // Check-ins have no celebration: only the reminder day, less 0, 7, 30 and 90 days.
    expect(query.hireDates).toEqual(['2026-12-15', '2027-02-13', '2027-03-08', '2027-03-15']);
  });

  it('asks for two days in the hours when the send hour is on two dates on Earth', () => {
    // 20:00-21:00 UTC on Wednesday 10 March: 09:00 on Wednesday at UTC-11 and -12, and already
    // on Thursday at UTC+12 and +13.
    const query = candidateQuery(
      { since: new Date('2027-03-10T20:00:00Z'), now: new Date('2027-03-10T21:00:00Z') },
      policy,
    );
    expect(query.birthdays.celebrated).toEqual(['03-10', '03-11']);
    expect(query.birthdays.reminded).toEqual(['03-15', '03-16']);
  });

  it('asks for the weekend when a Friday reminds or celebrates it', () => {
    const friday = candidateQuery(
      { since: new Date('2027-03-12T12:00:00Z'), now: new Date('2027-03-12T13:00:00Z') },
      policy,
    );
    expect(friday.birthdays.celebrated).toEqual(['03-12', '03-13', '03-14']);
  });

  it('asks for 29 February birthdays on 28 February (or 1 March) in a non-leap year', () => {
    // Wednesday 28 February 2029.
    const window = { since: new Date('2029-02-28T08:00:00Z'), now: new Date('2029-02-28T09:00:00Z') };
    expect(allDays(candidateQuery(window, policy).birthdays)).toContain('02-29');
    expect(allDays(candidateQuery(window, { ...policy, feb29Rule: 'mar1' }).birthdays)).not.toContain(
      '02-29',
    );
    const march = { since: new Date('2029-03-01T08:00:00Z'), now: new Date('2029-03-01T09:00:00Z') };
    expect(allDays(candidateQuery(march, { ...policy, feb29Rule: 'mar1' }).birthdays)).toContain('02-29');
    // Sunday 28 February 2027 is marked on Friday the 26th, so that is when it is asked for.
    const friday = { since: new Date('2027-02-26T08:00:00Z'), now: new Date('2027-02-26T09:00:00Z') };
    expect(allDays(candidateQuery(friday, policy).birthdays)).toContain('02-29');
  });

  it('asks for nothing in the hours when none of the tenant’s zones is at its send hour', () => {
    const london = ['Europe/London'];
    const hour = (from: string) => ({ since: new Date(from), now: new Date(Date.parse(from) + HOUR) });
    // 09:00 in London is 09:00 UTC in March: the 08:00-09:00 run sends, the others do not.
    expect(allDays(candidateQuery(hour('2027-03-10T08:00:00Z'), policy, london).birthdays)).toEqual([
      '03-10',
      '03-15',
    ]);
    for (const from of ['2027-03-10T09:00:00Z', '2027-03-10T12:00:00Z', '2027-03-10T23:00:00Z']) {
      const query = candidateQuery(hour(from), policy, london);
      expect([...allDays(query.birthdays), ...query.hireDates]).toEqual([]);
    }
    // Anywhere on Earth, 09:00 falls in every hour on some date.
    expect(allDays(candidateQuery(hour('2027-03-10T12:00:00Z'), policy).birthdays)).not.toEqual([]);
  });

  it('counts people without a zone, or with one the runtime does not know, in the default zone', () => {
    // 09:00 in Tokyo is 00:00 UTC.
    const tokyo = { ...policy, defaultTimeZone: 'Asia/Tokyo' };
    const window = { since: new Date('2027-03-09T23:00:00Z'), now: new Date('2027-03-10T00:00:00Z') };
    expect(allDays(candidateQuery(window, tokyo, ['Mars/Olympus_Mons']).birthdays)).toEqual([
      '03-10',
      '03-15',
    ]);
    expect(allDays(candidateQuery(window, tokyo, []).birthdays)).toEqual(['03-10', '03-15']);
    expect(allDays(candidateQuery(window, policy, ['Mars/Olympus_Mons']).birthdays)).toEqual([]);
  });

  it('asks for nothing for an empty window', () => {
    const now = new Date('2027-03-12T12:00:00Z');
    const none = { reminded: [], celebrated: [], defaultCelebration: policy.defaultCelebration };
    expect(candidateQuery({ since: now, now }, policy)).toEqual({
      birthdays: none,
      anniversaries: none,
      hireDates: [],
    });
  });

  it('finds everyone the full directory would: random people, zones, windows and policies', async () => {
    let seed = 20270314;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const zones = [
      'Pacific/Auckland',
      'America/Los_Angeles',
      'Europe/London',
      'America/New_York',
      'Asia/Kathmandu',
      'Pacific/Kiritimati',
      'Etc/GMT+12',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
      'America/Santiago',
      // Counted in the tenant's default zone, as no zone is.
      'Mars/Olympus_Mons',
      '',
      undefined,
    ];
    // undefined: not chosen, the tenant's default applies.
    const preferences = ['public', 'public', 'manager', 'off', undefined] as const;
    const people: Person[] = [];
    for (let i = 0; i < 400; i++) {
      const monthDay = random() < 0.15 ? '02-29' : addDays('2027-02-15', Math.floor(random() * 40)).slice(5);
      const recent = random() < 0.5;
      const hireDate = recent
        ? addDays('2026-10-01', Math.floor(random() * 240))
        : `${2015 + Math.floor(random() * 12)}-${addDays('2027-02-15', Math.floor(random() * 40)).slice(5)}`;
      const hire = hireDate.endsWith('02-29') ? hireDate.replace('02-29', '02-28') : hireDate;
      const zone = pick(zones);
      people.push(
        person(`p${i}`, {
          ...(i > 0 && random() < 0.9 ? { managerId: `p${Math.floor(random() * i)}` } : {}),
          ...(zone ? { timeZone: zone } : {}),
          ...(random() < 0.8 ? { birthday: monthDay } : {}),
          ...(random() < 0.9 ? { hireDate: hire } : {}),
          celebrate: chosen({ birthday: pick(preferences), anniversary: pick(preferences) }),
        }),
      );
    }
    const port = directoryPort(people);
    let read = 0;
    let planned = 0;
    const runs = 60;
    for (let run = 0; run < runs; run++) {
      const year = random() < 0.5 ? 2027 : 2028;
      const since = new Date(
        new Date(`${year}-02-20T00:00:00Z`).getTime() + Math.floor(random() * 30 * 24) * HOUR,
      );
      // Half of them one hour, as the timer runs; the others catching up.
      const hours = random() < 0.5 ? 1 : 1 + Math.floor(random() * 30);
      const now = new Date(since.getTime() + hours * HOUR);
      const runPolicy: MilestonePolicy = {
        ...policy,
        reminderWorkingDaysAhead: pick([0, 1, 3, 5, 8]),
        weekendRule: pick(['previous-working-day', 'next-working-day', 'keep'] as const),
        feb29Rule: pick(['feb28', 'mar1'] as const),
        sendHour: pick([0, 1, 2, 9, 23]),
        birthdays: random() < 0.8,
        anniversaries: random() < 0.8,
        checkIns: pick([[0, 7, 30, 90], [0, 30], []] as const),
        defaultCelebration: pick(['public', 'manager', 'off'] as const),
        defaultTimeZone: pick(['Europe/London', 'Asia/Tokyo', 'America/Los_Angeles']),
      };
      const window = { since, now };
      const found = await findMilestoneCandidates(port, TENANT, window, runPolicy);
      const ids = (sends: PlannedSend[]) => sends.map((s) => s.deliveryId);
      const everyone = planMilestoneSends({ people, managers: people, window, policy: runPolicy });
      const fromCandidates = planMilestoneSends({ ...found, window, policy: runPolicy });
      expect(ids(fromCandidates)).toEqual(ids(everyone));
      read += found.people.length + found.managers.length;
      planned += everyone.length;
    }
    // Not a vacuous comparison, and not one that reads everyone.
    expect(planned).toBeGreaterThan(100);
    expect(read).toBeLessThan((runs * people.length) / 8);
  });
});

describe('findMilestoneCandidates', () => {
  it('reads the three candidate lists and then only the managers it lacks', async () => {
    const megan = person('megan', { managerId: 'alex', birthday: '03-17' });
    const lee = person('lee', { managerId: 'megan', hireDate: '2027-03-22' });
    const calls: string[] = [];
    const port: MilestoneCandidates = {
      birthdaysOn: async (tenantId, days) => {
        calls.push(`birthdaysOn ${tenantId} ${allDays(days).length}`);
        return [megan];
      },
      anniversariesOn: async (tenantId) => {
        calls.push(`anniversariesOn ${tenantId}`);
        return [];
      },
      hiredOn: async (tenantId) => {
        calls.push(`hiredOn ${tenantId}`);
        return [lee, megan];
      },
      managersOf: async (tenantId, ids) => {
        calls.push(`managersOf ${tenantId} ${ids.join(',')}`);
        return [alex];
      },
      zonesInUse: async () => ['Europe/London'],
    };
    const window = { since: new Date('2027-03-12T08:00:00Z'), now: new Date('2027-03-12T09:00:00Z') };
    const found = await findMilestoneCandidates(port, TENANT, window, policy);
    expect(found.people.map((p) => p.id).sort()).toEqual(['lee', 'megan']);
    expect(found.managers).toEqual([alex]);
    expect(calls).toEqual([
      `birthdaysOn ${TENANT} ${allDays(candidateQuery(window, policy).birthdays).length}`,
      `anniversariesOn ${TENANT}`,
      `hiredOn ${TENANT}`,
      `managersOf ${TENANT} alex`,
    ]);
  });

  it('reads no manager for someone only celebrated in the window', async () => {
    // Thursday 11 March 2027, 08:00-09:00 UTC: Megan's birthday is celebrated at 09:00 in London;
    // Alex was reminded of it on Monday.
    const window = { since: new Date('2027-03-11T08:00:00Z'), now: new Date('2027-03-11T09:00:00Z') };
    const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-11' });
    const found = await findMilestoneCandidates(directoryPort([megan, alex]), TENANT, window, policy);
    expect(found).toEqual({ people: [megan], managers: [] });
    expect(planMilestoneSends({ ...found, window, policy }).map((s) => s.deliveryId)).toEqual([
      'birthday:2027-03-11:megan:celebration',
    ]);
  });

  it('reads nobody whose preference has nothing due on their day', async () => {
    const window = { since: new Date('2027-03-11T08:00:00Z'), now: new Date('2027-03-11T09:00:00Z') };
    // Celebrated today for the manager only (reminded on Monday), and a reminder day turned off.
    const lee = person('lee', { managerId: 'alex', birthday: '03-11', celebrate: { birthday: 'manager' } });
    const megan = person('megan', { managerId: 'alex', birthday: '03-16', celebrate: { birthday: 'off' } });
    // Not chosen: the tenant's default (manager only) applies, and today is a reminder day.
    const diego = person('diego', { managerId: 'alex', birthday: '03-16', celebrate: {} });
    const found = await findMilestoneCandidates(
      directoryPort([lee, megan, diego, alex]),
      TENANT,
      window,
      policy,
    );
    expect(found).toEqual({ people: [diego], managers: [alex] });
  });
});
