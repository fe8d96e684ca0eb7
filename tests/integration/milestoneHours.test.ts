// The milestone job hour after hour, as the timer runs it, on a tenant whose people live in five
// zones and some in the tenant's default (no zone, or one the runtime does not know): every send due in an hour goes out
// in that hour's run, once, exactly as planning over the whole directory says; and the runs of the
// hours when none of the tenant's zones is at its send hour read nobody.
import { MILESTONE_JOB, milestonePolicyFor, planMilestoneSends } from '../../core/milestones';
import type { CelebrationPreference, Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createRuntime, type Runtime } from '../../functions/composition';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { RecordingLogger } from '../support/fakes';
import {
  countCosmosRequests,
  inBatches,
  personalChatRecord,
  personOf,
  receivedPerConversation,
} from '../support/milestoneFixtures';

const TENANT = 'tenant-hours';
const HOUR = 60 * 60 * 1000;
/** Wednesday 10 March 2027, 00:00 UTC: the runs cover Wednesday and Thursday. */
const START = Date.parse('2027-03-10T00:00:00Z');
const RUNS = 48;
/** The tenant's default zone: people with no zone, or one the runtime does not know, live there. */
const DEFAULT_ZONE = 'Asia/Tokyo';
/**
 * The UTC hours at which a run's window holds 09:00 in one of the tenant's zones in these days:
 * Tokyo (00:00), Kolkata (03:30), London (09:00), São Paulo (12:00), New York (14:00) and Auckland
 * (20:00 the day before).
 */
const SEND_HOURS = new Set([0, 4, 9, 12, 14, 20]);

const MANAGER_ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
const REPORT_ZONES = [...MANAGER_ZONES, 'America/Sao_Paulo', 'Mars/Olympus_Mons', undefined];
const PREFERENCES: Array<CelebrationPreference | undefined> = ['public', 'manager', 'off', undefined];

/** A work anniversary on some day from 8 to 19 March, or a first week, month or 90 days on the 15th. */
const hireDateOf = (n: number): string =>
  [`201${n % 10}-03-${String(19 - (n % 12)).padStart(2, '0')}`, '2027-03-08', '2027-02-13', '2026-12-15'][
    n % 4
  ] as string;

/** Managers in four zones, each with a report in every zone, milestones from 8 to 19 March. */
function directory(): Person[] {
  const people: Person[] = [];
  MANAGER_ZONES.forEach((zone, m) => {
    const managerId = `manager-${m}`;
    people.push(personOf(TENANT, managerId, { timeZone: zone }));
    REPORT_ZONES.forEach((reportZone, r) => {
      const n = m * REPORT_ZONES.length + r;
      const birthday = PREFERENCES[n % PREFERENCES.length];
      const anniversary = PREFERENCES[(n + 1) % PREFERENCES.length];
      const { timeZone: _utc, ...report } = personOf(TENANT, `report-${n}`, {
        managerId,
        birthday: `03-${String(8 + (n % 12)).padStart(2, '0')}`,
        hireDate: hireDateOf(n),
        celebrate: { ...(birthday ? { birthday } : {}), ...(anniversary ? { anniversary } : {}) },
      });
      people.push(reportZone ? { ...report, timeZone: reportZone } : report);
    });
  });
  // Celebrated at 09:00 in the default zone.
  const { timeZone: _utc, ...noZone } = personOf(TENANT, 'no-zone', {
    managerId: 'manager-0',
    birthday: '03-12',
  });
  people.push(noZone, personOf(TENANT, 'unknown-zone', { timeZone: 'Mars/Olympus_Mons', birthday: '03-11' }));
  return people;
}

let cosmos: TestCosmos;
let runtime: Runtime;
let connector: FakeConnector;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  runtime = await createRuntime(loadConfig(localToolingEnv({})), {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: new RecordingLogger(),
  });
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector?.close();
  await runtime?.close();
  await cosmos?.close();
});

describe('the milestone job, every hour for two days across six zones', () => {
  it('sends each due milestone once, in its hour, and reads nobody in the hours with nothing due', async () => {
    const settings = defaultTenantSettings(TENANT, DEFAULT_ZONE);
    await runtime.stores.settings.saveTenant(settings);
    const people = directory();
    await inBatches(people, 10, async (person) => {
      await runtime.stores.people.save(person);
      await runtime.stores.conversations.save(personalChatRecord(TENANT, person.id, connector.url));
    });
    await runtime.stores.settings.recordRun(TENANT, MILESTONE_JOB, new Date(START));
    const policy = milestonePolicyFor(settings);
    const zoned = people.filter((p) => p.timeZone !== undefined).length;

    const expected = new Map<string, number>();
    const expectedSends: string[] = [];
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      for (let run = 1; run <= RUNS; run++) {
        const window = { since: new Date(START + (run - 1) * HOUR), now: new Date(START + run * HOUR) };
        const planned = planMilestoneSends({ people, managers: people, window, policy });
        counter.reset();
        const report = await runtime.jobs.milestones({ now: window.now, tenantIds: [TENANT] });
        // Reminders keep their delivery id; a celebration, with no team, is the congratulation.
        const sent = report.sends.map((s) => `${s.deliveryId.replace(/:person$/, '')} ${s.outcome}`);
        expect(sent.sort()).toEqual(planned.map((s) => `${s.deliveryId} sent`).sort());
        for (const send of planned) {
          const chat = `a:${send.recipient === 'manager' ? send.recipientId : send.milestone.person.id}`;
          expected.set(chat, (expected.get(chat) ?? 0) + 1);
        }
        expectedSends.push(...planned.map((s) => `${s.deliveryId} ${window.now.toISOString()}`));
        if (!SEND_HOURS.has(window.now.getUTCHours())) {
          expect(planned).toEqual([]);
          // The first run reads each person's zone once, to mark the zones of people stored
          // before zones were marked (here, none: the saves marked them already).
          expect(counter.documentsByContainer.get('people') ?? 0).toBe(run === 1 ? zoned : 0);
        }
      }
    } finally {
      counter.stop();
    }
    // Not a vacuous run: reminders and celebrations in every zone went out, once each, those of
    // the default zone at 09:00 in Tokyo.
    expect(expectedSends.length).toBeGreaterThan(20);
    expect(expectedSends).toEqual(
      expect.arrayContaining([
        'birthday:2027-03-11:unknown-zone:celebration 2027-03-11T00:00:00.000Z',
        'birthday:2027-03-12:no-zone:celebration 2027-03-12T00:00:00.000Z',
      ]),
    );
    expect(receivedPerConversation(connector.received())).toEqual(expected);
  }, 120_000);
});
