import { addDays } from '../../../core/shared';
import {
  candidateQuery,
  findMilestoneCandidates,
  planMilestoneSends,
  type MilestoneCandidates,
  type MilestonePolicy,
  type PlannedSend,
} from '../../../core/milestones';
import type { CelebrationPreference, Person } from '../../../core/people';
import { alex, HOUR, person, policy, TENANT } from '../../support/milestonePlanning';

describe('candidateQuery', () => {
  it('asks for the days celebrated in some zone now and the days reminded of ahead', () => {
    // 12:00-13:00 UTC on Wednesday 10 March: it is the 10th or 11th somewhere on Earth; the
    // reminders of those working days are for Monday 15th and Tuesday 16th.
    const query = candidateQuery(
      { since: new Date('2027-03-10T12:00:00Z'), now: new Date('2027-03-10T13:00:00Z') },
      policy,
    );
    expect(query.birthdayMonthDays).toEqual(['03-10', '03-11', '03-15', '03-16']);
    expect(query.hireMonthDays).toEqual(query.birthdayMonthDays);
    // Check-ins have no celebration: only the reminder days, less 0, 7, 30 and 90 days.
    expect(query.hireDates).toEqual([
      '2026-12-15',
      '2026-12-16',
      '2027-02-13',
      '2027-02-14',
      '2027-03-08',
      '2027-03-09',
      '2027-03-15',
      '2027-03-16',
    ]);
  });

  it('asks for the weekend when a Friday reminds or celebrates it', () => {
    const friday = candidateQuery(
      { since: new Date('2027-03-12T12:00:00Z'), now: new Date('2027-03-12T13:00:00Z') },
      policy,
    );
    expect(friday.birthdayMonthDays).toEqual(expect.arrayContaining(['03-12', '03-13', '03-14']));
  });

  it('asks for 29 February birthdays on 28 February (or 1 March) in a non-leap year', () => {
    // Wednesday 28 February 2029.
    const window = { since: new Date('2029-02-28T08:00:00Z'), now: new Date('2029-02-28T09:00:00Z') };
    expect(candidateQuery(window, policy).birthdayMonthDays).toContain('02-29');
    expect(candidateQuery(window, { ...policy, feb29Rule: 'mar1' }).birthdayMonthDays).not.toContain('02-29');
    const march = { since: new Date('2029-03-01T08:00:00Z'), now: new Date('2029-03-01T09:00:00Z') };
    expect(candidateQuery(march, { ...policy, feb29Rule: 'mar1' }).birthdayMonthDays).toContain('02-29');
    // Sunday 28 February 2027 is marked on Friday the 26th, so that is when it is asked for.
    const friday = { since: new Date('2027-02-26T08:00:00Z'), now: new Date('2027-02-26T09:00:00Z') };
    expect(candidateQuery(friday, policy).birthdayMonthDays).toContain('02-29');
  });

  it('asks for nothing for an empty window', () => {
    const now = new Date('2027-03-12T12:00:00Z');
    expect(candidateQuery({ since: now, now }, policy)).toEqual({
      birthdayMonthDays: [],
      hireMonthDays: [],
      hireDates: [],
    });
  });

  it('finds everyone the full directory would: random people, zones, windows and policies', () => {
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
      undefined,
    ];
    const preferences: CelebrationPreference[] = ['public', 'public', 'manager', 'off'];
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
          celebrate: { birthday: pick(preferences), anniversary: pick(preferences) },
        }),
      );
    }
    let planned = 0;
    for (let run = 0; run < 40; run++) {
      const year = random() < 0.5 ? 2027 : 2028;
      const since = new Date(
        new Date(`${year}-02-20T00:00:00Z`).getTime() + Math.floor(random() * 30 * 24) * HOUR,
      );
      const now = new Date(since.getTime() + (1 + Math.floor(random() * 30)) * HOUR);
      const runPolicy: MilestonePolicy = {
        ...policy,
        reminderWorkingDaysAhead: pick([0, 1, 3, 5, 8]),
        weekendRule: pick(['previous-working-day', 'next-working-day', 'keep'] as const),
        feb29Rule: pick(['feb28', 'mar1'] as const),
        sendHour: pick([0, 1, 2, 9, 23]),
        birthdays: random() < 0.8,
        anniversaries: random() < 0.8,
        checkIns: pick([[0, 7, 30, 90], [0, 30], []] as const),
      };
      const window = { since, now };
      const query = candidateQuery(window, runPolicy);
      const candidates = people.filter(
        (p) =>
          (p.birthday !== undefined && query.birthdayMonthDays.includes(p.birthday)) ||
          (p.hireDate !== undefined &&
            (query.hireMonthDays.includes(p.hireDate.slice(5)) || query.hireDates.includes(p.hireDate))),
      );
      const ids = (sends: PlannedSend[]) => sends.map((s) => s.deliveryId);
      const everyone = planMilestoneSends({ people, managers: people, window, policy: runPolicy });
      const fromCandidates = planMilestoneSends({
        people: candidates,
        managers: people,
        window,
        policy: runPolicy,
      });
      expect(ids(fromCandidates)).toEqual(ids(everyone));
      expect(candidates.length).toBeLessThan(people.length / 2);
      planned += everyone.length;
    }
    // Not a vacuous comparison.
    expect(planned).toBeGreaterThan(100);
  });
});

describe('findMilestoneCandidates', () => {
  it('reads the three candidate lists and then only the managers it lacks', async () => {
    const megan = person('megan', { managerId: 'alex', birthday: '03-17' });
    const lee = person('lee', { managerId: 'megan', hireDate: '2027-03-22' });
    const calls: string[] = [];
    const port: MilestoneCandidates = {
      birthdaysOn: async (tenantId, monthDays) => {
        calls.push(`birthdaysOn ${tenantId} ${monthDays.length}`);
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
    };
    const window = { since: new Date('2027-03-12T08:00:00Z'), now: new Date('2027-03-12T09:00:00Z') };
    const found = await findMilestoneCandidates(port, TENANT, window, policy);
    expect(found.people.map((p) => p.id).sort()).toEqual(['lee', 'megan']);
    expect(found.managers).toEqual([alex]);
    expect(calls).toEqual([
      `birthdaysOn ${TENANT} ${candidateQuery(window, policy).birthdayMonthDays.length}`,
      `anniversariesOn ${TENANT}`,
      `hiredOn ${TENANT}`,
      `managersOf ${TENANT} alex`,
    ]);
  });
});
