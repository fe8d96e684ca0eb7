import { addDays, localTimeOf } from '../../../core/shared';
import { catchUpWindow } from '../../../core/delivery';
import {
  DEFAULT_MILESTONE_POLICY,
  milestonePolicyFor,
  planMilestoneSends,
  type MilestonePolicy,
  type PlannedSend,
} from '../../../core/milestones';
import type { CelebrationPreference, Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import { alex, HOUR, person, policy } from '../../support/milestonePlanning';

function hourly(
  people: Person[],
  start: string,
  hours: number,
  options: { managers?: Person[]; policy?: MilestonePolicy } = {},
): PlannedSend[] {
  const sends: PlannedSend[] = [];
  for (let hour = 0; hour < hours; hour++) {
    const since = new Date(new Date(start).getTime() + hour * HOUR);
    const now = new Date(since.getTime() + HOUR);
    sends.push(
      ...planMilestoneSends({
        people,
        managers: options.managers ?? [alex],
        window: { since, now },
        policy: options.policy ?? policy,
      }),
    );
  }
  return sends;
}

const summary = (sends: PlannedSend[]) =>
  sends.map((s) => `${s.deliveryId} ${s.recipientId} ${s.localDate} ${s.sendAt.toISOString()}`);

describe('planMilestoneSends', () => {
  it('reminds the manager 3 working days ahead and celebrates on the day, at 09:00 local', () => {
    // Wednesday 17 March 2027: the reminder is on Friday 12th, the weekend not counted.
    const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-17' });
    const sends = hourly([megan], '2027-03-10T00:00:00Z', 10 * 24);
    expect(summary(sends)).toEqual([
      'birthday:2027-03-17:megan:manager alex 2027-03-12 2027-03-12T09:00:00.000Z',
      'birthday:2027-03-17:megan:celebration megan 2027-03-17 2027-03-17T09:00:00.000Z',
    ]);
    expect(sends[0]).toMatchObject({ kind: 'reminder', recipient: 'manager', timeZone: 'Europe/London' });
    expect(sends[1]).toMatchObject({ kind: 'celebration', recipient: 'channel' });
    expect(sends[1]?.milestone).toMatchObject({
      kind: 'birthday',
      date: '2027-03-17',
      occursOn: '2027-03-17',
    });
  });

  it('on the same UTC hour, celebrates in Auckland but not yet in Los Angeles', () => {
    const aroha = person('aroha', { timeZone: 'Pacific/Auckland', birthday: '03-17' });
    const lucia = person('lucia', { timeZone: 'America/Los_Angeles', birthday: '03-17' });
    const plan = (since: string) =>
      planMilestoneSends({
        people: [aroha, lucia],
        managers: [],
        window: { since: new Date(since), now: new Date(new Date(since).getTime() + HOUR) },
        policy,
      }).map((s) => s.deliveryId);
    // 20:00 UTC on the 16th is 09:00 on the 17th in Auckland (NZDT) and 13:00 on the 16th in LA.
    expect(plan('2027-03-16T19:00:00Z')).toEqual(['birthday:2027-03-17:aroha:celebration']);
    // 16:00 UTC on the 17th is 09:00 PDT.
    expect(plan('2027-03-17T15:00:00Z')).toEqual(['birthday:2027-03-17:lucia:celebration']);
  });

  it('sends the reminder at the manager’s local hour, the celebration at the person’s', () => {
    const kiri = person('kiri', { timeZone: 'Pacific/Auckland' });
    const lucia = person('lucia', { managerId: 'kiri', timeZone: 'America/Los_Angeles', birthday: '03-17' });
    const sends = hourly([lucia], '2027-03-10T00:00:00Z', 10 * 24, { managers: [kiri] });
    expect(summary(sends)).toEqual([
      // Friday 12th, 09:00 in Auckland (UTC+13) is Thursday 11th 20:00 UTC.
      'birthday:2027-03-17:lucia:manager kiri 2027-03-12 2027-03-11T20:00:00.000Z',
      'birthday:2027-03-17:lucia:celebration lucia 2027-03-17 2027-03-17T16:00:00.000Z',
    ]);
    expect(sends.map((s) => s.timeZone)).toEqual(['Pacific/Auckland', 'America/Los_Angeles']);
  });

  it('uses the tenant’s default zone for a person with no zone, or one it does not know', () => {
    const noZone = person('nozone', { birthday: '03-17' });
    const badZone = person('badzone', { birthday: '03-17', timeZone: 'Mars/Olympus_Mons' });
    const sends = hourly([noZone, badZone], '2027-03-17T00:00:00Z', 24, {
      policy: { ...policy, defaultTimeZone: 'America/New_York' },
    });
    expect(sends.map((s) => s.sendAt.toISOString())).toEqual([
      '2027-03-17T13:00:00.000Z',
      '2027-03-17T13:00:00.000Z',
    ]);
  });

  describe('weekends', () => {
    // Saturday 13 March 2027.
    const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-13' });

    it('moves a Saturday milestone to the Friday before, and counts the reminder from there', () => {
      expect(summary(hourly([megan], '2027-03-05T00:00:00Z', 10 * 24))).toEqual([
        'birthday:2027-03-13:megan:manager alex 2027-03-09 2027-03-09T09:00:00.000Z',
        'birthday:2027-03-13:megan:celebration megan 2027-03-12 2027-03-12T09:00:00.000Z',
      ]);
    });

    it('keeps it on the Saturday under the keep rule; the reminder still falls on a working day', () => {
      const keep = { ...policy, weekendRule: 'keep' as const };
      expect(summary(hourly([megan], '2027-03-05T00:00:00Z', 10 * 24, { policy: keep }))).toEqual([
        'birthday:2027-03-13:megan:manager alex 2027-03-10 2027-03-10T09:00:00.000Z',
        'birthday:2027-03-13:megan:celebration megan 2027-03-13 2027-03-13T09:00:00.000Z',
      ]);
      const sameDay = { ...keep, reminderWorkingDaysAhead: 0 };
      expect(summary(hourly([megan], '2027-03-05T00:00:00Z', 10 * 24, { policy: sameDay }))[0]).toBe(
        'birthday:2027-03-13:megan:manager alex 2027-03-12 2027-03-12T09:00:00.000Z',
      );
    });

    it('honours another reminder lead', () => {
      const oneDay = { ...policy, reminderWorkingDaysAhead: 1 };
      const wednesday = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-17' });
      expect(hourly([wednesday], '2027-03-10T00:00:00Z', 10 * 24, { policy: oneDay })[0]?.localDate).toBe(
        '2027-03-16',
      );
    });
  });

  describe('29 February', () => {
    const diego = person('diego', { managerId: 'alex', timeZone: 'America/New_York', birthday: '02-29' });
    const keep = { ...policy, weekendRule: 'keep' as const };
    const celebrations = (start: string, rule: MilestonePolicy['feb29Rule']) =>
      hourly([diego], start, 5 * 24, { policy: { ...keep, feb29Rule: rule } })
        .filter((s) => s.kind === 'celebration')
        .map((s) => `${s.deliveryId} ${s.localDate}`);

    it('is celebrated on the day in a leap year', () => {
      expect(celebrations('2028-02-27T00:00:00Z', 'feb28')).toEqual([
        'birthday:2028-02-29:diego:celebration 2028-02-29',
      ]);
    });

    it('is celebrated on 28 February in a non-leap year, or on 1 March if so configured', () => {
      expect(celebrations('2027-02-26T00:00:00Z', 'feb28')).toEqual([
        'birthday:2027-02-28:diego:celebration 2027-02-28',
      ]);
      expect(celebrations('2027-02-26T00:00:00Z', 'mar1')).toEqual([
        'birthday:2027-03-01:diego:celebration 2027-03-01',
      ]);
    });

    it('counts the years of a 29 February hire date in non-leap years too', () => {
      const leapHire = person('leap', { timeZone: 'Europe/London', hireDate: '2024-02-29' });
      const sends = hourly([leapHire], '2027-02-26T00:00:00Z', 5 * 24, { policy: keep });
      expect(sends.map((s) => [s.deliveryId, s.milestone.years])).toEqual([
        ['anniversary:2027-02-28:leap:celebration', 3],
      ]);
    });
  });

  describe('daylight saving never skips or doubles a send', () => {
    const keep = { ...policy, weekendRule: 'keep' as const };
    it.each([
      ['Europe/London', '2027-03-28', 'spring forward', 1],
      ['Europe/London', '2027-10-31', 'fall back', undefined],
      ['America/New_York', '2027-03-14', 'spring forward', 2],
      ['America/New_York', '2027-11-07', 'fall back', undefined],
    ])('%s on %s (%s), at every send hour, across 48 hourly windows', (zone, day, _change, missingHour) => {
      for (let sendHour = 0; sendHour < 24; sendHour++) {
        const birthday = person('p', { timeZone: zone, birthday: day.slice(5) });
        const sends = hourly([birthday], `${addDays(day, -1)}T12:00:00Z`, 48, {
          policy: { ...keep, sendHour },
        });
        expect(sends.map((s) => s.deliveryId)).toEqual([`birthday:${day}:p:celebration`]);
        const local = localTimeOf(sends[0]!.sendAt, zone);
        expect(local.date).toBe(day);
        // The hour that does not exist goes out at the first hour after the gap.
        expect(local.hour).toBe(sendHour === missingHour ? sendHour + 1 : sendHour);
      }
    });

    it('sends once, at the first 01:00, when 01:00 happens twice', () => {
      const birthday = person('p', { timeZone: 'America/New_York', birthday: '11-07' });
      const sends = hourly([birthday], '2027-11-06T12:00:00Z', 48, { policy: { ...keep, sendHour: 1 } });
      expect(sends.map((s) => s.sendAt.toISOString())).toEqual(['2027-11-07T05:00:00.000Z']);
    });
  });

  describe('hire dates', () => {
    it('plans the four check-ins for a future hire, to the manager only, and no anniversary', () => {
      // Monday 5 April 2027; day 90 is Sunday 4 July, marked on Friday 2 July.
      const lee = person('lee', { managerId: 'alex', timeZone: 'Europe/London', hireDate: '2027-04-05' });
      const sends = hourly([lee], '2027-03-29T00:00:00Z', 110 * 24);
      expect(sends.map((s) => `${s.deliveryId} ${s.localDate} ${s.milestone.date}`)).toEqual([
        'first-day:2027-04-05:lee:manager 2027-03-31 2027-04-05',
        'first-week:2027-04-12:lee:manager 2027-04-07 2027-04-12',
        'day-30:2027-05-05:lee:manager 2027-04-30 2027-05-05',
        'day-90:2027-07-04:lee:manager 2027-06-29 2027-07-02',
      ]);
      expect(sends.every((s) => s.recipient === 'manager' && s.kind === 'reminder')).toBe(true);
    });

    it('plans only the check-ins the policy names', () => {
      const lee = person('lee', { managerId: 'alex', timeZone: 'Europe/London', hireDate: '2027-04-05' });
      const sends = hourly([lee], '2027-03-29T00:00:00Z', 50 * 24, { policy: { ...policy, checkIns: [30] } });
      expect(sends.map((s) => s.milestone.kind)).toEqual(['day-30']);
    });

    it('counts a past hire date’s anniversary years; the hire day itself is no anniversary', () => {
      const veteran = person('veteran', {
        managerId: 'alex',
        timeZone: 'Europe/London',
        hireDate: '2020-03-17',
      });
      const oneYear = person('one', { managerId: 'alex', timeZone: 'Europe/London', hireDate: '2026-03-17' });
      const newcomer = person('new', {
        managerId: 'alex',
        timeZone: 'Europe/London',
        hireDate: '2027-03-17',
      });
      const sends = hourly([veteran, oneYear, newcomer], '2027-03-10T00:00:00Z', 10 * 24, {
        policy: { ...policy, checkIns: [0] },
      });
      expect(sends.map((s) => [s.deliveryId, s.milestone.years])).toEqual([
        ['anniversary:2027-03-17:one:manager', 1],
        ['anniversary:2027-03-17:veteran:manager', 7],
        ['first-day:2027-03-17:new:manager', undefined],
        ['anniversary:2027-03-17:one:celebration', 1],
        ['anniversary:2027-03-17:veteran:celebration', 7],
      ]);
    });

    it('has no anniversary for a hire date after now', () => {
      const future = person('future', { timeZone: 'Europe/London', hireDate: '2028-03-17' });
      expect(hourly([future], '2027-03-10T00:00:00Z', 10 * 24)).toEqual([]);
    });
  });

  describe('managers', () => {
    it('gives people without a manager no reminders, only their public celebration', () => {
      const ceo = person('ceo', { timeZone: 'Europe/London', birthday: '03-17', hireDate: '2027-03-01' });
      const sends = hourly([ceo], '2027-02-20T00:00:00Z', 30 * 24);
      expect(sends.map((s) => s.deliveryId)).toEqual(['birthday:2027-03-17:ceo:celebration']);
    });

    it('skips the reminder when the manager is not in the directory, or is the person', () => {
      const orphan = person('orphan', { managerId: 'gone', timeZone: 'Europe/London', birthday: '03-17' });
      const self = person('self', { managerId: 'self', timeZone: 'Europe/London', birthday: '03-17' });
      const sends = hourly([orphan, self], '2027-03-10T00:00:00Z', 10 * 24);
      expect(sends.map((s) => s.kind)).toEqual(['celebration', 'celebration']);
    });

    it('finds a manager among the people as well as among the managers, within the tenant only', () => {
      const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-17' });
      const otherAlex = { ...alex, tenantId: 'tenant-b' };
      const withPeople = hourly([megan, alex], '2027-03-10T00:00:00Z', 10 * 24, { managers: [] });
      expect(withPeople.filter((s) => s.kind === 'reminder').map((s) => s.recipientId)).toEqual(['alex']);
      const crossTenant = hourly([megan], '2027-03-10T00:00:00Z', 10 * 24, { managers: [otherAlex] });
      expect(crossTenant.filter((s) => s.kind === 'reminder')).toEqual([]);
    });
  });

  describe('preferences', () => {
    const plan = (birthday: CelebrationPreference, anniversary: CelebrationPreference) =>
      hourly(
        [
          person('megan', {
            managerId: 'alex',
            timeZone: 'Europe/London',
            birthday: '03-17',
            hireDate: '2020-03-18',
            celebrate: { birthday, anniversary },
          }),
        ],
        '2027-03-10T00:00:00Z',
        10 * 24,
      ).map((s) => s.deliveryId.replace(/:megan:/, ':'));

    it('public: the reminder and the celebration', () => {
      expect(plan('public', 'public')).toEqual([
        'birthday:2027-03-17:manager',
        'anniversary:2027-03-18:manager',
        'birthday:2027-03-17:celebration',
        'anniversary:2027-03-18:celebration',
      ]);
    });

    it('manager: the reminder only', () => {
      expect(plan('manager', 'public')).toEqual([
        'birthday:2027-03-17:manager',
        'anniversary:2027-03-18:manager',
        'anniversary:2027-03-18:celebration',
      ]);
    });

    it('off: nothing', () => {
      expect(plan('off', 'manager')).toEqual(['anniversary:2027-03-18:manager']);
      expect(plan('off', 'off')).toEqual([]);
    });

    describe('not chosen: the tenant’s default celebration', () => {
      const unchosen = (celebrate: Person['celebrate'], defaultCelebration?: CelebrationPreference) =>
        hourly(
          [
            person('megan', {
              managerId: 'alex',
              timeZone: 'Europe/London',
              birthday: '03-17',
              hireDate: '2020-03-18',
              celebrate,
            }),
          ],
          '2027-03-10T00:00:00Z',
          10 * 24,
          { policy: defaultCelebration ? { ...policy, defaultCelebration } : policy },
        ).map((s) => s.deliveryId.replace(/:megan:/, ':'));

      it('is manager only unless the tenant changes it: the reminder, no public post', () => {
        expect(policy.defaultCelebration).toBe('manager');
        expect(unchosen({})).toEqual(['birthday:2027-03-17:manager', 'anniversary:2027-03-18:manager']);
      });

      it('follows the tenant’s public or off', () => {
        expect(unchosen({}, 'public')).toEqual([
          'birthday:2027-03-17:manager',
          'anniversary:2027-03-18:manager',
          'birthday:2027-03-17:celebration',
          'anniversary:2027-03-18:celebration',
        ]);
        expect(unchosen({}, 'off')).toEqual([]);
      });

      it('applies to each occasion left unset; a set one is kept whatever the default', () => {
        expect(unchosen({ anniversary: 'public' })).toEqual([
          'birthday:2027-03-17:manager',
          'anniversary:2027-03-18:manager',
          'anniversary:2027-03-18:celebration',
        ]);
        expect(unchosen({ birthday: 'off' }, 'public')).toEqual([
          'anniversary:2027-03-18:manager',
          'anniversary:2027-03-18:celebration',
        ]);
      });
    });

    it('a change after the reminder went out stops the celebration', () => {
      const before = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-17' });
      const after: Person = { ...before, celebrate: { ...before.celebrate, birthday: 'off' } };
      const reminder = hourly([before], '2027-03-12T00:00:00Z', 24);
      const rest = hourly([after], '2027-03-13T00:00:00Z', 6 * 24);
      expect(reminder.map((s) => s.kind)).toEqual(['reminder']);
      expect(rest).toEqual([]);
    });
  });

  describe('catching up', () => {
    const megan = person('megan', { managerId: 'alex', timeZone: 'Europe/London', birthday: '03-17' });
    const lucia = person('lucia', { managerId: 'alex', timeZone: 'America/Los_Angeles', birthday: '03-17' });
    const people = [megan, lucia];

    it('a missed 6-hour stretch is caught up by the next run, exactly once', () => {
      const start = new Date('2027-03-17T00:00:00Z').getTime();
      const baseline = hourly(people, '2027-03-17T00:00:00Z', 24).map((s) => s.deliveryId);
      // Runs at 01:00 … 06:00, then the host is down until 12:00; each run plans from the last.
      const runs = [1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
      let last = new Date(start);
      const sent: string[] = [];
      for (const hour of runs) {
        const window = catchUpWindow(new Date(start + hour * HOUR), last);
        sent.push(
          ...planMilestoneSends({ people, managers: [alex], window, policy }).map((s) => s.deliveryId),
        );
        last = window.now;
      }
      expect(baseline).toEqual([
        'birthday:2027-03-17:megan:celebration',
        'birthday:2027-03-17:lucia:celebration',
      ]);
      expect(sent).toEqual(baseline);
      expect(new Set(sent).size).toBe(sent.length);
    });

    it('sends a missed reminder before the day, and drops what is stale', () => {
      // Down from 08:00 to 20:00 on Friday 12th: the 20:00 run still sends the 09:00 reminder.
      const lateReminder = planMilestoneSends({
        people: [megan],
        managers: [alex],
        window: catchUpWindow(new Date('2027-03-12T20:00:00Z'), new Date('2027-03-12T08:00:00Z')),
        policy,
      });
      expect(lateReminder.map((s) => s.deliveryId)).toEqual(['birthday:2027-03-17:megan:manager']);
      // A reminder due Tuesday 09:00 but first seen on the birthday itself is stale.
      const oneDayAhead = { ...policy, reminderWorkingDaysAhead: 1 };
      const onTheDay = (since: string, now: string) =>
        planMilestoneSends({
          people: [megan],
          managers: [alex],
          window: { since: new Date(since), now: new Date(now) },
          policy: oneDayAhead,
        }).map((s) => s.deliveryId);
      expect(onTheDay('2027-03-16T08:00:00Z', '2027-03-16T12:00:00Z')).toEqual([
        'birthday:2027-03-17:megan:manager',
      ]);
      expect(onTheDay('2027-03-16T08:00:00Z', '2027-03-17T08:00:00Z')).toEqual([]);
      expect(onTheDay('2027-03-16T10:00:00Z', '2027-03-17T10:00:00Z')).toEqual([
        'birthday:2027-03-17:megan:celebration',
      ]);
      // A celebration missed until the next local day is not sent at all.
      expect(onTheDay('2027-03-17T08:00:00Z', '2027-03-18T01:00:00Z')).toEqual([]);
    });

    it('limits the window to the catch-up limit, and does not trust a last run dated in the future', () => {
      const now = new Date('2027-03-17T12:00:00Z');
      expect(catchUpWindow(now, undefined).since.toISOString()).toBe('2027-03-16T12:00:00.000Z');
      expect(catchUpWindow(now, new Date('2027-03-10T00:00:00Z')).since.toISOString()).toBe(
        '2027-03-16T12:00:00.000Z',
      );
      expect(catchUpWindow(now, new Date('2027-03-17T11:00:00Z'), 6 * HOUR).since.toISOString()).toBe(
        '2027-03-17T11:00:00.000Z',
      );
      // A run at a future --at says nothing of what the real runs covered: back the full limit
      // (the delivery ledger keeps whatever that run sent from going twice).
      const ahead = catchUpWindow(now, new Date('2027-03-17T13:00:00Z'));
      expect(ahead).toEqual({ since: new Date('2027-03-16T12:00:00.000Z'), now });
    });

    it('overlapping windows plan the same sends with the same delivery ids', () => {
      const plan = (since: string, now: string) =>
        planMilestoneSends({
          people,
          managers: [alex],
          window: { since: new Date(since), now: new Date(now) },
          policy,
        });
      const first = plan('2027-03-17T06:00:00Z', '2027-03-17T12:00:00Z');
      const second = plan('2027-03-17T08:00:00Z', '2027-03-17T18:00:00Z');
      expect(first.map((s) => s.deliveryId)).toEqual(['birthday:2027-03-17:megan:celebration']);
      expect(second.map((s) => s.deliveryId)).toEqual([
        'birthday:2027-03-17:megan:celebration',
        'birthday:2027-03-17:lucia:celebration',
      ]);
      expect(second[0]).toEqual(first[0]);
    });
  });

  it('refuses a policy it cannot follow', () => {
    const window = { since: new Date('2027-03-17T00:00:00Z'), now: new Date('2027-03-17T01:00:00Z') };
    const bad = (changes: Partial<MilestonePolicy>) => () =>
      planMilestoneSends({ people: [], managers: [], window, policy: { ...policy, ...changes } });
    expect(bad({ sendHour: 24 })).toThrow(/sendHour/);
    expect(bad({ reminderWorkingDaysAhead: -1 })).toThrow(/reminderWorkingDaysAhead/);
    expect(bad({ defaultTimeZone: 'Nowhere/Land' })).toThrow(/defaultTimeZone/);
  });

  it('takes the send hour, default zone and default celebration from tenant settings', () => {
    expect(
      milestonePolicyFor({
        ...defaultTenantSettings('t', 'Asia/Tokyo'),
        sendHour: 10,
        defaultCelebration: 'public',
      }),
    ).toEqual({
      ...DEFAULT_MILESTONE_POLICY,
      sendHour: 10,
      defaultTimeZone: 'Asia/Tokyo',
      defaultCelebration: 'public',
    });
  });
});
