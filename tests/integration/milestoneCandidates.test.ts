import { silentLogger } from '../../core/shared';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Container } from '@azure/cosmos';
import { CosmosMilestoneCandidates } from '../../functions/cosmos/milestoneCandidates';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { fromPersonDocument, toPersonDocument } from '../../functions/cosmos/personDocument';
import {
  DEFAULT_MILESTONE_POLICY,
  findMilestoneCandidates,
  onOccasionDays,
  planMilestoneSends,
  type MilestonePolicy,
  type OccasionDays,
} from '../../core/milestones';
import type { Person } from '../../core/people';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { countCosmosRequests } from '../support/cosmosRequests';

const TENANT_A = 'tenant-a';
const TENANT_B = 'tenant-b';

// Counts the queries the local server receives: the server runs in this process, and Node
// publishes every incoming request on this channel.
let queries = 0;
const onRequest = (message: unknown) => {
  const { request } = message as { request: IncomingMessage };
  if (request.headers['x-ms-documentdb-isquery'] !== undefined) queries += 1;
};

let cosmos: TestCosmos;
let container: Container;
let candidates: CosmosMilestoneCandidates;
beforeAll(async () => {
  diagnosticsChannel.subscribe('http.server.request.start', onRequest);
  cosmos = await startTestCosmos();
  container = cosmos.database.container('people');
  candidates = new CosmosMilestoneCandidates(container, silentLogger);
  await store(known);
});
afterAll(async () => {
  diagnosticsChannel.unsubscribe('http.server.request.start', onRequest);
  await cosmos.close();
});

const person = (tenantId: string, id: string, fields: Partial<Person> = {}): Person => ({
  tenantId,
  id,
  displayName: id,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

async function store(people: Person[]): Promise<void> {
  for (let start = 0; start < people.length; start += 50) {
    await Promise.all(
      people.slice(start, start + 50).map((p) => container.items.upsert(toPersonDocument(p))),
    );
  }
}

const alex = person(TENANT_A, 'alex', { birthday: '11-02', hireDate: '2016-09-01' });
const megan = person(TENANT_A, 'megan', { managerId: 'alex', birthday: '03-17', hireDate: '2019-10-01' });
const veteran = person(TENANT_A, 'veteran', { managerId: 'alex', hireDate: '2020-03-17' });
const lee = person(TENANT_A, 'lee', { managerId: 'megan', hireDate: '2027-03-22' });
const other = person(TENANT_B, 'other', { managerId: 'alex', birthday: '03-17', hireDate: '2020-03-17' });
const otherAlex = person(TENANT_B, 'alex');
const known = [alex, megan, veteran, lee, other, otherAlex];

/** People with no milestone anywhere near March: what the job must not read. */
const fillers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const month = String(6 + (n % 6)).padStart(2, '0');
    const day = String(1 + (n % 28)).padStart(2, '0');
    return person(TENANT_A, `filler-${n}`, {
      managerId: 'alex',
      birthday: `${month}-${day}`,
      hireDate: `${2010 + (n % 10)}-${month}-${day}`,
    });
  });

const ids = (people: Person[]) => people.map((p) => p.id).sort();

/** Reminder days: whoever has not turned the occasion off. */
const reminded = (...days: string[]): OccasionDays => ({
  reminded: days,
  celebrated: [],
  defaultCelebration: 'manager',
});

describe('person documents', () => {
  it('carry hireMonthDay, which reading strips again', async () => {
    expect(toPersonDocument(veteran)).toEqual({ ...veteran, hireMonthDay: '03-17' });
    const { resource } = await container.item('veteran', [TENANT_A, 'veteran']).read();
    expect(resource).toMatchObject({ hireMonthDay: '03-17' });
    expect(fromPersonDocument(resource)).toEqual(veteran);
  });

  it('drop a stale hireMonthDay when the hire date goes', () => {
    const { hireDate: _hireDate, ...withoutHireDate } = veteran;
    const stale = { ...withoutHireDate, hireMonthDay: '03-17' } as Person;
    expect(toPersonDocument(stale)).toEqual(withoutHireDate);
  });
});

describe('CosmosMilestoneCandidates', () => {
  it('returns only the people matching each query, of the tenant asked for', async () => {
    expect(ids(await candidates.birthdaysOn(TENANT_A, reminded('03-16', '03-17')))).toEqual(['megan']);
    expect(ids(await candidates.anniversariesOn(TENANT_A, reminded('03-17')))).toEqual(['veteran']);
    expect(ids(await candidates.hiredOn(TENANT_A, ['2027-03-22', '2027-02-20']))).toEqual(['lee']);
    expect(ids(await candidates.managersOf(TENANT_A, ['alex', 'megan', 'nobody']))).toEqual([
      'alex',
      'megan',
    ]);
    expect(await candidates.birthdaysOn(TENANT_A, reminded('12-25'))).toEqual([]);
    expect(await candidates.birthdaysOn(TENANT_A, reminded('03-17'))).toEqual([megan]);
  });

  it('keeps tenants apart', async () => {
    expect(ids(await candidates.birthdaysOn(TENANT_B, reminded('03-17')))).toEqual(['other']);
    expect(ids(await candidates.anniversariesOn(TENANT_B, reminded('03-17')))).toEqual(['other']);
    expect(ids(await candidates.managersOf(TENANT_B, ['alex', 'megan']))).toEqual(['alex']);
    expect(await candidates.hiredOn(TENANT_B, ['2027-03-22'])).toEqual([]);
    expect(await candidates.birthdaysOn('tenant-c', reminded('03-17'))).toEqual([]);
  });

  it('sends no query for an empty list', async () => {
    const before = queries;
    expect(await candidates.birthdaysOn(TENANT_A, reminded())).toEqual([]);
    expect(await candidates.managersOf(TENANT_A, [])).toEqual([]);
    expect(queries).toBe(before);
  });

  it('reads as much for a directory of 500 as for one of 50: what is due, not who is stored', async () => {
    const policy: MilestonePolicy = { ...DEFAULT_MILESTONE_POLICY, defaultTimeZone: 'Europe/London' };
    // Friday 12 March 2027, 08:00-09:00 UTC: Megan's birthday reminder (Wednesday 17th) is due,
    // and the veteran's anniversary reminder; Lee's first-day reminder (Monday 22nd) comes later.
    const window = { since: new Date('2027-03-12T08:00:00Z'), now: new Date('2027-03-12T09:00:00Z') };
    const run = async () => {
      const before = queries;
      const found = await findMilestoneCandidates(candidates, TENANT_A, window, policy);
      return { found, queries: queries - before };
    };

    // The first run marks the tenant's zones from one pass over its directory; the runs compared
    // read the marks.
    await run();
    await store(fillers(0, 50));
    const small = await run();
    await store(fillers(50, 450));
    const large = await run();

    expect(small.queries).toBeGreaterThan(0);
    expect(large.queries).toBe(small.queries);
    expect(ids(large.found.people)).toEqual(ids(small.found.people));
    expect(ids(large.found.people)).toEqual(['megan', 'veteran']);
    expect(ids(large.found.managers)).toEqual(['alex']);

    const sends = planMilestoneSends({ ...large.found, window, policy });
    expect(sends.map((s) => s.deliveryId)).toEqual([
      'anniversary:2027-03-17:veteran:manager',
      'birthday:2027-03-17:megan:manager',
    ]);
    // The same plan as from the whole directory, which the job never reads.
    const { resources } = await container.items
      .query({
        query: 'SELECT * FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: TENANT_A }],
      })
      .fetchAll();
    const everyone = resources.map((r) => fromPersonDocument(r));
    expect(everyone.length).toBe(504);
    expect(planMilestoneSends({ people: everyone, managers: [], window, policy })).toEqual(sends);
  });
});

describe('the days and preferences a run reads', () => {
  const TENANT_P = 'tenant-preferences';
  const choices = [undefined, 'public', 'manager', 'off'] as const;
  /** Every pair of preferences on each of three days, for both occasions. */
  const everyChoice: Person[] = [];
  for (const day of ['05-01', '05-02', '05-03']) {
    for (const birthday of choices) {
      for (const anniversary of choices) {
        everyChoice.push(
          person(TENANT_P, `p-${day}-${birthday ?? 'unset'}-${anniversary ?? 'unset'}`, {
            birthday: day,
            hireDate: `2016-${day}`,
            celebrate: {
              ...(birthday ? { birthday } : {}),
              ...(anniversary ? { anniversary } : {}),
            },
          }),
        );
      }
    }
  }
  beforeAll(async () => store(everyChoice));

  it('selects on each day whom core’s rule selects, whatever the tenant’s default', async () => {
    const layouts = [
      { reminded: ['05-01'], celebrated: ['05-02'] },
      { reminded: ['05-01', '05-03'], celebrated: [] },
      { reminded: [], celebrated: ['05-02', '05-03'] },
    ];
    let selected = 0;
    for (const defaultCelebration of ['public', 'manager', 'off'] as const) {
      for (const layout of layouts) {
        const days: OccasionDays = { ...layout, defaultCelebration };
        const birthdays = everyChoice.filter((p) => onOccasionDays(p.birthday, p.celebrate.birthday, days));
        const anniversaries = everyChoice.filter((p) =>
          onOccasionDays(p.hireDate?.slice(5), p.celebrate.anniversary, days),
        );
        expect(ids(await candidates.birthdaysOn(TENANT_P, days))).toEqual(ids(birthdays));
        expect(ids(await candidates.anniversariesOn(TENANT_P, days))).toEqual(ids(anniversaries));
        selected += birthdays.length;
      }
    }
    // Neither nobody nor everybody.
    expect(selected).toBeGreaterThan(0);
    expect(selected).toBeLessThan(9 * everyChoice.length);
  });
});

describe('a person not due in this hour’s run', () => {
  const TENANT_H = 'tenant-this-hour';
  const policy: MilestonePolicy = { ...DEFAULT_MILESTONE_POLICY, defaultTimeZone: 'UTC' };
  // Thursday 11 March 2027, 08:00-09:00 UTC: 09:00 in London is the send hour of Thursday 11th,
  // whose reminders are for Tuesday 16th. 09:00 on Wednesday 10th was a day ago everywhere on
  // Earth, and Friday 12th has no 09:00 yet anywhere.
  const window = { since: new Date('2027-03-11T08:00:00Z'), now: new Date('2027-03-11T09:00:00Z') };
  const boss = person(TENANT_H, 'boss');
  const due = [
    person(TENANT_H, 'birthday-reminded', { managerId: 'boss', birthday: '03-16' }),
    person(TENANT_H, 'birthday-celebrated', { managerId: 'boss', birthday: '03-11' }),
    person(TENANT_H, 'anniversary-reminded', { managerId: 'boss', hireDate: '2019-03-16' }),
    person(TENANT_H, 'first-week', { managerId: 'boss', hireDate: '2027-03-09' }),
  ];
  const notDue = [
    // Celebrated yesterday; reminded of yesterday (Monday 15th's reminder was on the 10th).
    person(TENANT_H, 'celebrated-yesterday', { managerId: 'boss', birthday: '03-10' }),
    person(TENANT_H, 'reminded-yesterday', { managerId: 'boss', birthday: '03-15' }),
    // Celebrated tomorrow; reminded of tomorrow (for Wednesday 17th).
    person(TENANT_H, 'celebrated-tomorrow', { managerId: 'boss', birthday: '03-12' }),
    person(TENANT_H, 'reminded-tomorrow', { managerId: 'boss', hireDate: '2020-03-17' }),
    // Today, for the manager only: the reminder went on Monday, and there is no celebration.
    person(TENANT_H, 'manager-only-today', {
      managerId: 'boss',
      birthday: '03-11',
      celebrate: { birthday: 'manager' },
    }),
    // Reminder day, but turned off.
    person(TENANT_H, 'turned-off', { managerId: 'boss', birthday: '03-16', celebrate: { birthday: 'off' } }),
  ];
  beforeAll(async () => store([boss, ...due, ...notDue]));

  it('is not returned; everyone due is, and gets one send each', async () => {
    const found = await findMilestoneCandidates(candidates, TENANT_H, window, policy);
    expect(ids(found.people)).toEqual(ids(due));
    expect(ids(found.managers)).toEqual(['boss']);
    expect(
      planMilestoneSends({ ...found, window, policy })
        .map((s) => s.deliveryId)
        .sort(),
    ).toEqual([
      'anniversary:2027-03-16:anniversary-reminded:manager',
      'birthday:2027-03-11:birthday-celebrated:celebration',
      'birthday:2027-03-16:birthday-reminded:manager',
      'first-week:2027-03-16:first-week:manager',
    ]);
  });
});

describe('the tenant’s zones', () => {
  const TENANT_Z = 'tenant-zones';

  it('are marked as people are saved, built once from people stored before, and read from the marks', async () => {
    const directory = new CosmosPeopleDirectory(container, silentLogger);
    await directory.save(person(TENANT_Z, 'tokyo', { timeZone: 'Asia/Tokyo' }));
    await directory.addIfAbsent(person(TENANT_Z, 'new-york', { timeZone: 'America/New_York' }));
    await directory.save(person(TENANT_Z, 'tokyo-too', { timeZone: 'Asia/Tokyo' }));
    // Counted in the tenant's default zone by the job, as no zone is.
    await directory.save(person(TENANT_Z, 'mars', { timeZone: 'Mars/Olympus_Mons' }));
    // Stored before zones were marked.
    await container.items.upsert(toPersonDocument(person(TENANT_Z, 'paris', { timeZone: 'Europe/Paris' })));

    const counter = countCosmosRequests(cosmos.server.port);
    try {
      expect(await candidates.zonesInUse(TENANT_Z)).toEqual([
        'America/New_York',
        'Asia/Tokyo',
        'Europe/Paris',
      ]);
      // The one pass over the directory: each person's zone.
      expect(counter.documentsByContainer.get('people')).toBe(5);
      await directory.save(person(TENANT_Z, 'kolkata', { timeZone: 'Asia/Kolkata' }));
      counter.reset();
      expect(await candidates.zonesInUse(TENANT_Z)).toEqual([
        'America/New_York',
        'Asia/Kolkata',
        'Asia/Tokyo',
        'Europe/Paris',
      ]);
      // From then on, the marks alone: one a zone, and the one saying they were built.
      expect(counter.documentsByContainer.get('people')).toBeUndefined();
      expect(counter.documentsByContainer.get('settings')).toBe(5);
      expect(await candidates.zonesInUse('tenant-without-people')).toEqual([]);
    } finally {
      counter.stop();
    }
  });
});
