import type { TokenCredential } from '@azure/identity';
import { classifyEvents, type CalendarEvent, type CalendarRead } from '../../core/briefs';
import { demoCalendar, type MailboxEvent } from '../../functions/dev/local/demoCalendar';
import { demoPeople, DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { GraphCalendar, type GraphCalendarOptions } from '../../functions/graph/graphCalendar';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../support/fakeGraph';
import type { FakeCalendarOptions } from '../support/fakeGraphCalendar';

const TOKEN = 'app-token-for-calendars';
const TENANT = '22222222-2222-2222-2222-222222222222';
const FROM = new Date('2027-03-10T00:00:00Z');
const TO = new Date('2027-03-11T00:00:00Z');

const managerId = (i: number) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`;
const MANAGERS = Array.from({ length: 45 }, (_, i) => managerId(i + 1));

/** The `n`-th meeting of the day in `mailboxId`'s calendar: a 1:1 every quarter of an hour from 08:00Z. */
function event(mailboxId: string, n: number): MailboxEvent {
  const start = new Date(Date.parse('2027-03-10T08:00:00Z') + n * 15 * 60_000);
  return {
    mailboxId,
    event: {
      id: `${mailboxId}-evt-${n}`,
      iCalUId: `uid-${mailboxId}-${n}`,
      subject: `1:1 number ${n}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 15 * 60_000).toISOString(),
      isAllDay: false,
      isCancelled: false,
      type: n % 2 === 0 ? 'occurrence' : 'singleInstance',
      ...(n % 2 === 0 ? { seriesMasterId: `master-${n}` } : {}),
      organizer: { email: 'boss@contoso.com', name: 'The Boss' },
      attendees: [
        { email: `report-${n}@contoso.com`, name: `Report ${n}`, response: 'accepted', type: 'required' },
        { email: 'room-1@contoso.com', name: 'Room 1', response: 'accepted', type: 'resource' },
      ],
      ownerResponse: 'organizer',
    },
  };
}
const calendarOf = (mailboxId: string, count: number) =>
  Array.from({ length: count }, (_, n) => event(mailboxId, n));
const twoEach = MANAGERS.flatMap((id) => calendarOf(id, 2));

const servers: FakeGraph[] = [];
async function fakeGraph(calendar: FakeCalendarOptions, options: Partial<FakeGraphOptions> = {}) {
  const graph = await startFakeGraph({ users: [], token: TOKEN, calendar, ...options });
  servers.push(graph);
  return graph;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const credential: TokenCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 60 * 60_000 }),
};

/** A reader against `graph` whose waits are recorded, with how many calendar requests came before each. */
function reader(graph: FakeGraph, options: Partial<GraphCalendarOptions> = {}) {
  const waits: Array<{ ms: number; requestsBefore: number }> = [];
  const calendar = new GraphCalendar({
    credential,
    baseUrl: graph.baseUrl,
    random: () => 0,
    sleep: async (ms) => {
      waits.push({ ms, requestsBefore: graph.calendar.requests.length });
    },
    ...options,
  });
  return { calendar, waits };
}

const eventsOf = (read: CalendarRead | undefined): CalendarEvent[] =>
  read?.outcome === 'read' ? read.events : [];

describe('GraphCalendar against the fake Graph', () => {
  it('reads 45 managers in 3 batches, each calendar in UTC instants as it was written', async () => {
    const graph = await fakeGraph({ events: twoEach });
    const { calendar } = reader(graph);

    const reads = await calendar.eventsOf(TENANT, MANAGERS, FROM, TO);

    expect(graph.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('POST /v1.0/$batch'));
    expect(reads.map((read) => read.managerId)).toEqual(MANAGERS);
    expect(reads.every((read) => read.outcome === 'read')).toBe(true);
    expect(eventsOf(reads[7])).toEqual([event(managerId(8), 0).event, event(managerId(8), 1).event]);
    const batched = graph.calendar.requests;
    expect(batched).toHaveLength(45);
    expect(batched.every((r) => r.viaBatch && r.prefer === 'outlook.timezone="UTC"')).toBe(true);
    expect(new URL(batched[0]?.url ?? '', 'http://x').searchParams.get('startDateTime')).toBe(
      FROM.toISOString(),
    );
  });

  it('follows a long calendar’s next links, batched with nothing else pending', async () => {
    const graph = await fakeGraph({ events: [...twoEach, ...calendarOf('long-calendar', 60)] });
    const { calendar } = reader(graph, { pageSize: 25 });

    const reads = await calendar.eventsOf(TENANT, [...MANAGERS, 'long-calendar'], FROM, TO);

    const long = eventsOf(reads[45]);
    expect(long).toHaveLength(60);
    expect(long.map((e) => e.subject)).toEqual(Array.from({ length: 60 }, (_, n) => `1:1 number ${n}`));
    const pages = graph.calendar.requests.filter((r) => r.mailboxId === 'long-calendar');
    expect(pages.map((r) => new URL(r.url, 'http://x').searchParams.get('$skip'))).toEqual([
      null,
      '25',
      '50',
    ]);
    expect(graph.calendar.batches).toBe(3 + 2);
    expect(reads.slice(0, 45).every((read) => eventsOf(read).length === 2)).toBe(true);
  });

  it('waits out a throttled calendar’s Retry-After, then reads it', async () => {
    const throttled = managerId(30);
    const graph = await fakeGraph({
      events: twoEach,
      throttled: { [throttled]: { times: 1, retryAfter: 2 } },
    });
    const { calendar, waits } = reader(graph);

    const reads = await calendar.eventsOf(TENANT, MANAGERS, FROM, TO);

    expect(eventsOf(reads[29])).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]?.ms).toBeGreaterThanOrEqual(2000);
    const attempts = graph.calendar.requests.flatMap((r, i) =>
      r.mailboxId === throttled ? [[i, r.status]] : [],
    );
    expect(attempts).toEqual([
      [expect.any(Number), 429],
      [expect.any(Number), 200],
    ]);
    expect(attempts[1]?.[0]).toBeGreaterThanOrEqual(waits[0]?.requestsBefore ?? Infinity);
    expect(graph.calendar.batches).toBe(4);
  });

  it('waits out a throttled batch’s Retry-After, then sends it again', async () => {
    const graph = await fakeGraph(
      { events: twoEach },
      { faults: [{ request: 1, status: 429, retryAfter: 3 }] },
    );
    const { calendar, waits } = reader(graph);

    const reads = await calendar.eventsOf(TENANT, MANAGERS, FROM, TO);

    expect(reads.every((read) => eventsOf(read).length === 2)).toBe(true);
    expect(waits.map((wait) => wait.ms)).toEqual([3000]);
    expect(graph.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
  });

  it('fails the calendars of a batch Graph kept refusing, and reads the other batches', async () => {
    const unavailable = [1, 2, 3].map((request) => ({ request, status: 503 as const }));
    const graph = await fakeGraph({ events: twoEach }, { faults: unavailable });
    const { calendar, waits } = reader(graph, { maxRetries: 2 });

    const reads = await calendar.eventsOf(TENANT, MANAGERS, FROM, TO);

    expect(reads.slice(0, 20).map((read) => read.outcome)).toEqual(Array(20).fill('failed'));
    expect(reads[0]).toMatchObject({
      reason: expect.stringMatching(/^Graph answered the batch 503.* after 2 retries$/),
    });
    expect(reads.slice(20).every((read) => eventsOf(read).length === 2)).toBe(true);
    expect(waits).toHaveLength(2);
  });

  it('gives up on a calendar still throttled after the last retry, and reads the others', async () => {
    const throttled = managerId(3);
    const graph = await fakeGraph({
      events: twoEach,
      throttled: { [throttled]: { times: 10, retryAfter: 1 } },
    });
    const { calendar, waits } = reader(graph, { maxRetries: 2 });

    const reads = await calendar.eventsOf(TENANT, MANAGERS, FROM, TO);

    expect(reads[2]).toEqual({
      managerId: throttled,
      outcome: 'failed',
      reason: expect.stringContaining('429 ApplicationThrottled'),
    });
    expect(graph.calendar.requests.filter((r) => r.mailboxId === throttled)).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(reads.filter((read) => read.outcome === 'read')).toHaveLength(44);
  });

  it('reports a mailbox the app may not read as forbidden and a deleted one as missing; reads the rest', async () => {
    const refused = managerId(12);
    const deleted = managerId(40);
    const graph = await fakeGraph({ events: twoEach, forbidden: [refused], missing: [deleted] });
    const { calendar } = reader(graph);

    const reads = await calendar.eventsOf(TENANT, MANAGERS, FROM, TO);

    expect(reads[11]).toEqual({
      managerId: refused,
      outcome: 'forbidden',
      reason: expect.stringContaining('Calendars.ReadBasic'),
    });
    expect(reads[39]).toEqual({
      managerId: deleted,
      outcome: 'missing',
      reason: expect.stringContaining('404'),
    });
    expect(reads.filter((read) => eventsOf(read).length === 2)).toHaveLength(43);
  });

  it('serves the demo organisation’s week: five 1:1s with Megan and Monday’s team meeting', async () => {
    const monday = new Date('2027-03-29T00:00:00Z'); // the Monday after the clocks go forward
    const graph = await fakeGraph({ events: demoCalendar(monday, 7) });
    const { calendar } = reader(graph);
    const people = demoPeople(monday);
    const alex = people.find((person) => person.id === DEMO_IDS.alex);
    const reports = people.filter((person) => person.managerId === DEMO_IDS.alex);

    const [read] = await calendar.eventsOf(
      DEMO_TENANT_ID,
      [DEMO_IDS.alex],
      monday,
      new Date('2027-04-05T00:00:00Z'),
    );
    const meetings = classifyEvents(alex ?? { id: DEMO_IDS.alex }, reports, eventsOf(read));

    expect(
      meetings.map((m) =>
        m.kind === 'oneOnOne'
          ? `${m.event.start} 1:1 with ${m.report.displayName}`
          : `${m.event.start} team meeting with ${m.attendees.length} reports`,
      ),
    ).toEqual([
      '2027-03-29T08:30:00.000Z team meeting with 4 reports',
      '2027-03-29T09:00:00.000Z 1:1 with Megan Bowen',
      '2027-03-30T09:00:00.000Z 1:1 with Megan Bowen',
      '2027-03-31T09:00:00.000Z 1:1 with Megan Bowen',
      '2027-04-01T09:00:00.000Z 1:1 with Megan Bowen',
      '2027-04-02T09:00:00.000Z 1:1 with Megan Bowen',
    ]);
  });
});
