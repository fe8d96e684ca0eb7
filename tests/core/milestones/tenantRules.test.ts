// The rules a tenant's admin chooses (settings card, `settings set`), as the milestone planner,
// the candidate query and the job follow them.
import {
  candidateQuery,
  DEFAULT_MILESTONE_POLICY,
  milestonePolicyFor,
  milestonesBetween,
  planMilestoneSends,
  runMilestoneJob,
  type MilestonePolicy,
  type PlannedSend,
} from '../../../core/milestones';
import { defaultTenantSettings, withSettingValues, type SettingValues } from '../../../core/settings';
import { alex, HOUR, person } from '../../support/milestonePlanning';
import { setup, T } from '../../support/milestoneJobWorld';

function hourly(people: ReturnType<typeof person>[], start: string, hours: number, rules: MilestonePolicy) {
  const sends: PlannedSend[] = [];
  for (let hour = 0; hour < hours; hour++) {
    const since = new Date(new Date(start).getTime() + hour * HOUR);
    sends.push(
      ...planMilestoneSends({
        people,
        managers: [alex],
        window: { since, now: new Date(since.getTime() + HOUR) },
        policy: rules,
      }),
    );
  }
  return sends.map((s) => `${s.deliveryId} ${s.localDate}`);
}

/** The policy of a tenant whose admin chose `values`, in London. */
const tenantPolicy = (values: Partial<SettingValues>) =>
  milestonePolicyFor(withSettingValues(defaultTenantSettings(T, 'Europe/London'), values));

describe('the tenant’s milestone rules', () => {
  it('milestonePolicyFor takes every rule from the tenant’s settings', () => {
    expect(milestonePolicyFor(defaultTenantSettings(T, 'UTC'))).toEqual(DEFAULT_MILESTONE_POLICY);
    expect(
      tenantPolicy({
        reminderLeadDays: 5,
        sendHour: 10,
        weekendRule: 'next-working-day',
        feb29Rule: 'mar1',
        birthdays: false,
        anniversaries: true,
        checkIns: [0, 90],
      }),
    ).toEqual({
      reminderWorkingDaysAhead: 5,
      weekendRule: 'next-working-day',
      feb29Rule: 'mar1',
      sendHour: 10,
      defaultTimeZone: 'Europe/London',
      birthdays: false,
      anniversaries: true,
      checkIns: [0, 90],
      defaultCelebration: 'manager',
    });
  });

  it('reminderLeadDays: the manager is reminded that many working days ahead', () => {
    // Wednesday 17 March 2027; 5 working days before is Wednesday 10th.
    const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-17' });
    expect(hourly([megan], '2027-03-08T00:00:00Z', 12 * 24, tenantPolicy({ reminderLeadDays: 5 }))).toEqual([
      'birthday:2027-03-17:megan:manager 2027-03-10',
      'birthday:2027-03-17:megan:celebration 2027-03-17',
    ]);
  });

  describe('weekendRule next-working-day', () => {
    const next = tenantPolicy({ weekendRule: 'next-working-day' });

    it('marks a Saturday or Sunday milestone on the Monday, and reminds from there', () => {
      // Saturday 13 and Sunday 14 March 2027: both marked on Monday 15th, reminded Wednesday 10th.
      const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-13' });
      const lee = person('lee', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-14' });
      expect(hourly([megan, lee], '2027-03-05T00:00:00Z', 12 * 24, next)).toEqual([
        'birthday:2027-03-13:megan:manager 2027-03-10',
        'birthday:2027-03-14:lee:manager 2027-03-10',
        'birthday:2027-03-13:megan:celebration 2027-03-15',
        'birthday:2027-03-14:lee:celebration 2027-03-15',
      ]);
    });

    it('celebrates on the Monday when the hours planned start after the weekend', () => {
      const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-13' });
      expect(hourly([megan], '2027-03-15T00:00:00Z', 24, next)).toEqual([
        'birthday:2027-03-13:megan:celebration 2027-03-15',
      ]);
      // The candidate query reads the weekend's birthdays on the Monday.
      const monday = { since: new Date('2027-03-15T08:00:00Z'), now: new Date('2027-03-15T09:00:00Z') };
      expect(candidateQuery(monday, next).birthdays.celebrated).toEqual(
        expect.arrayContaining(['03-13', '03-14']),
      );
    });

    it('shows a weekend milestone on the Monday in overviews such as the digest', () => {
      const megan = person('megan', { timeZone: 'Europe/London', birthday: '03-13' });
      expect(milestonesBetween(megan, '2027-03-15', '2027-03-19', next).map((m) => m.date)).toEqual([
        '2027-03-15',
      ]);
      expect(milestonesBetween(megan, '2027-03-08', '2027-03-12', next)).toEqual([]);
    });
  });

  it('feb29Rule: a 29 February birthday is marked on 1 March in other years when the tenant says so', () => {
    const diego = person('diego', { managerId: 'alex', timeZone: 'Europe/London', birthday: '02-29' });
    const celebrations = (rules: MilestonePolicy) =>
      hourly([diego], '2027-02-26T00:00:00Z', 5 * 24, rules).filter((s) => s.includes('celebration'));
    // 28 February 2027 is a Sunday, 1 March a Monday: keep the weekend so only the 29 Feb rule shows.
    expect(celebrations(tenantPolicy({ weekendRule: 'keep', feb29Rule: 'mar1' }))).toEqual([
      'birthday:2027-03-01:diego:celebration 2027-03-01',
    ]);
    expect(celebrations(tenantPolicy({ weekendRule: 'keep', feb29Rule: 'feb28' }))).toEqual([
      'birthday:2027-02-28:diego:celebration 2027-02-28',
    ]);
  });

  describe('milestones kept', () => {
    const megan = person('megan', {
      managerId: 'alex',
      timeZone: 'Europe/London',
      birthday: '03-17',
      hireDate: '2020-03-17',
    });

    it('birthdays off: no birthday reminder or celebration, anniversaries as before', () => {
      const sends = hourly([megan], '2027-03-10T00:00:00Z', 10 * 24, tenantPolicy({ birthdays: false }));
      expect(sends).toEqual([
        'anniversary:2027-03-17:megan:manager 2027-03-12',
        'anniversary:2027-03-17:megan:celebration 2027-03-17',
      ]);
      const window = { since: new Date('2027-03-12T08:00:00Z'), now: new Date('2027-03-12T09:00:00Z') };
      const { birthdays } = candidateQuery(window, tenantPolicy({ birthdays: false }));
      expect([...birthdays.reminded, ...birthdays.celebrated]).toEqual([]);
      expect(
        milestonesBetween(megan, '2027-03-15', '2027-03-19', tenantPolicy({ birthdays: false })).map(
          (m) => m.kind,
        ),
      ).toEqual(['anniversary']);
    });

    it('anniversaries off: no anniversary reminder or celebration', () => {
      const sends = hourly([megan], '2027-03-10T00:00:00Z', 10 * 24, tenantPolicy({ anniversaries: false }));
      expect(sends).toEqual([
        'birthday:2027-03-17:megan:manager 2027-03-12',
        'birthday:2027-03-17:megan:celebration 2027-03-17',
      ]);
    });

    it('a check-in day not kept gets no reminder', () => {
      // Hired Monday 5 April 2027: only the first day and day 30 are kept.
      const lee = person('lee', { managerId: 'alex', timeZone: 'Europe/London', hireDate: '2027-04-05' });
      const sends = hourly([lee], '2027-03-29T00:00:00Z', 110 * 24, tenantPolicy({ checkIns: [0, 30] }));
      expect(sends).toEqual([
        'first-day:2027-04-05:lee:manager 2027-03-31',
        'day-30:2027-05-05:lee:manager 2027-04-30',
      ]);
      expect(hourly([lee], '2027-03-29T00:00:00Z', 110 * 24, tenantPolicy({ checkIns: [] }))).toEqual([]);
    });
  });

  it('the milestone job follows the tenant’s stored settings: birthdays off sends nothing for them', async () => {
    const { deps, notifier, settings } = await setup();
    const stored = await settings.tenant(T);
    await settings.saveTenant(
      withSettingValues(stored ?? defaultTenantSettings(T, 'UTC'), { birthdays: false }),
    );
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    await runMilestoneJob(deps, { now: new Date('2027-03-16T09:00:00Z') });
    expect(notifier.sent).toEqual([]);
  });
});
