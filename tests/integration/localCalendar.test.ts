import { classifyEvents, type CalendarEvent } from '../../core/briefs';
import { demoPeople, DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import {
  startLocalCalendar,
  withLocalCalendar,
  type LocalCalendar,
} from '../../functions/dev/local/localCalendar';
import { createGraphCalendar } from '../../functions/graph/calendarOfConfig';

// What `npm start` and the jobs CLI serve as Graph's calendar, read by the real Graph reader.
let calendar: LocalCalendar;
beforeAll(async () => {
  calendar = await startLocalCalendar();
});
afterAll(async () => calendar?.close());

// Monday 15 March 2027, a working day on GMT.
const FROM = new Date('2027-03-15T00:00:00Z');
const TO = new Date('2027-03-16T00:00:00Z');

describe('the local calendar', () => {
  it('serves Alex’s Monday team meeting at 09:30 and his 10:00 1:1 with Megan, London time', async () => {
    const reader = createGraphCalendar({
      graph: { sync: false, baseUrl: calendar.baseUrl },
      deployed: false,
      local: true,
    });
    const [read, other] = await reader.eventsOf(DEMO_TENANT_ID, [DEMO_IDS.alex, DEMO_IDS.megan], FROM, TO);
    expect(read?.outcome).toBe('read');
    expect(other).toEqual({ managerId: DEMO_IDS.megan, outcome: 'read', events: [] });
    const events: CalendarEvent[] = read?.outcome === 'read' ? read.events : [];
    const people = demoPeople(FROM);
    const alex = people.find((p) => p.id === DEMO_IDS.alex)!;
    const reports = people.filter((p) => p.managerId === DEMO_IDS.alex);
    const meetings = classifyEvents(alex, reports, events).map((m) =>
      m.kind === 'oneOnOne'
        ? { kind: m.kind, start: m.event.start, with: m.report.id }
        : { kind: m.kind, start: m.event.start, with: m.attendees.length },
    );
    expect(meetings).toEqual([
      { kind: 'teamMeeting', start: '2027-03-15T09:30:00.000Z', with: reports.length },
      { kind: 'oneOnOne', start: '2027-03-15T10:00:00.000Z', with: DEMO_IDS.megan },
    ]);
  });

  it('is started only when neither calendar briefs, Graph nor a Cosmos DB account is configured', async () => {
    const started = await withLocalCalendar({});
    try {
      expect(started.env.CALENDAR_BRIEFS).toBe('graph');
      expect(started.env.GRAPH_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    } finally {
      await started.calendar?.close();
    }
    for (const env of [{ CALENDAR_BRIEFS: 'off' }, { COSMOS_ENDPOINT: 'https://a.documents.azure.com/' }]) {
      const kept = await withLocalCalendar(env);
      expect(kept).toEqual({ env });
    }
  });
});
