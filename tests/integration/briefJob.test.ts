import type { TokenCredential } from '@azure/identity';
import {
  runBriefJob,
  type Brief,
  type BriefJobDeps,
  type BriefNotifier,
  type CalendarEvent,
} from '../../core/briefs';
import { ConversationBook, type ConversationRecord, type SendResult } from '../../core/delivery';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import { silentLogger } from '../../core/shared';
import { CosmosBriefManagers } from '../../functions/cosmos/briefManagers';
import { CosmosConversationStore } from '../../functions/cosmos/conversationRepository';
import { CosmosDeliveryLedger } from '../../functions/cosmos/deliveryLedger';
import { CosmosNoteStore } from '../../functions/cosmos/noteRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { GraphCalendar } from '../../functions/graph/graphCalendar';
import type { MailboxEvent } from '../../functions/dev/local/demoCalendar';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

jest.setTimeout(120_000);

const TENANT = '33333333-3333-3333-3333-333333333333';
const TOKEN = 'app-token-for-briefs';
const id = (kind: number, i: number) =>
  `00000000-0000-4000-8000-${String(kind * 1000 + i).padStart(12, '0')}`;
const MANAGERS = 45;
// A tenant whose managers' mailboxes Graph refuses to read (no permission, or an access policy).
const REFUSED = '44444444-4444-4444-4444-444444444444';
const REFUSED_MANAGER = id(4, 1);
const REFUSED_ADMIN = id(4, 2);
// A 1:1 at 09:00Z on Monday 14 June 2027 (10:00 in London), briefed 10 minutes before.
const START = '2027-06-14T09:00:00.000Z';
const LAST_WEEK = '2027-06-07T09:00:00.000Z';

const person = (personId: string, fields: Partial<Person>): Person => ({
  tenantId: TENANT,
  id: personId,
  displayName: personId,
  timeZone: 'Europe/London',
  celebrate: {},
  ...fields,
});

function oneOnOne(manager: number, start: string): MailboxEvent {
  const event: CalendarEvent = {
    id: `evt-${manager}-${start}`,
    iCalUId: `series-${manager}`,
    subject: '1:1',
    start,
    end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    isAllDay: false,
    isCancelled: false,
    type: 'occurrence',
    organizer: { email: `manager-${manager}@contoso.com` },
    attendees: [{ email: `report-${manager}@contoso.com`, response: 'accepted', type: 'required' }],
    ownerResponse: 'organizer',
  };
  return { mailboxId: id(1, manager), event };
}

class RecordingNotifier implements BriefNotifier {
  readonly briefs: Array<{ to: string; brief: Brief }> = [];
  async sendBrief(chat: ConversationRecord, brief: Brief): Promise<SendResult> {
    this.briefs.push({ to: chat.userId ?? '', brief });
    return { ok: true };
  }
  async sendOpener(): Promise<SendResult> {
    return { ok: true };
  }
  readonly forbiddenNotices: Array<{ to: string; managers: number }> = [];
  async sendCalendarForbidden(chat: ConversationRecord, managers: number): Promise<SendResult> {
    this.forbiddenNotices.push({ to: chat.userId ?? '', managers });
    return { ok: true };
  }
}

let cosmos: TestCosmos;
let graph: FakeGraph;
let deps: BriefJobDeps;
let notifier: RecordingNotifier;
let ledger: CosmosDeliveryLedger;

beforeAll(async () => {
  cosmos = await startTestCosmos();
  const db = cosmos.database;
  const logger = silentLogger;
  const people = new CosmosPeopleDirectory(db.container('people'), logger);
  const settings = new CosmosSettingsStore(db.container('settings'), logger);
  const conversations = new CosmosConversationStore(db.container('conversations'), logger);
  ledger = new CosmosDeliveryLedger(db.container('deliveries'), logger);
  await settings.saveTenant({ ...defaultTenantSettings(TENANT, 'UTC'), calendarBriefs: true });
  const events: MailboxEvent[] = [];
  for (let i = 1; i <= MANAGERS; i++) {
    await people.save(
      person(id(1, i), { email: `manager-${i}@contoso.com`, calendarBriefs: { leadMinutes: 10 } }),
    );
    await people.save(person(id(2, i), { email: `report-${i}@contoso.com`, managerId: id(1, i) }));
    await conversations.save({
      tenantId: TENANT,
      id: `personal:${id(1, i)}`,
      kind: 'personal',
      conversationId: `a:${i}`,
      userId: id(1, i),
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    events.push(oneOnOne(i, LAST_WEEK), oneOnOne(i, START));
  }
  // Someone with reports who did not opt in: never read.
  await people.save(person(id(3, 1), { email: 'quiet@contoso.com' }));
  await people.save(person(id(3, 2), { managerId: id(3, 1) }));

  await settings.saveTenant({
    ...defaultTenantSettings(REFUSED, 'UTC'),
    calendarBriefs: true,
    adminIds: [REFUSED_ADMIN],
  });
  const refused = (personId: string, fields: Partial<Person>) => ({
    ...person(personId, fields),
    tenantId: REFUSED,
  });
  await people.save(
    refused(REFUSED_MANAGER, { email: 'boss@fabrikam.com', calendarBriefs: { leadMinutes: 5 } }),
  );
  await people.save(refused(id(4, 3), { managerId: REFUSED_MANAGER }));
  await people.save(refused(REFUSED_ADMIN, { email: 'admin@fabrikam.com' }));
  await conversations.save({
    tenantId: REFUSED,
    id: `personal:${REFUSED_ADMIN}`,
    kind: 'personal',
    conversationId: 'a:refused-admin',
    userId: REFUSED_ADMIN,
    reference: {},
    updatedAt: '2027-01-01T00:00:00.000Z',
  });

  graph = await startFakeGraph({
    users: [],
    token: TOKEN,
    calendar: { events, maxPageSize: 50, forbidden: [REFUSED_MANAGER] },
  });
  const credential: TokenCredential = {
    getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  notifier = new RecordingNotifier();
  deps = {
    settings,
    runs: settings,
    people,
    recognitions: new CosmosRecognitionStore(db.container('recognitions'), logger),
    notes: new CosmosNoteStore(db.container('notes'), logger),
    managers: new CosmosBriefManagers(db.container('people'), logger),
    calendar: new GraphCalendar({ credential, baseUrl: graph.baseUrl, sleep: async () => {} }),
    notifier,
    namedAdmins: [],
    conversations: new ConversationBook(conversations, logger),
    deliveries: ledger,
    logger,
    defaultTimeZone: 'UTC',
  };
});
afterAll(async () => {
  await graph?.close();
  await cosmos?.close();
});

describe('the calendar briefs job on Cosmos DB and Graph', () => {
  it('reads 45 managers’ calendars in 3 Graph requests and briefs each once across overlapping and repeated runs', async () => {
    const now = new Date('2027-06-14T08:50:00Z');
    const first = await runBriefJob(deps, { now, tenantIds: [TENANT] });
    expect(graph.calendar.batches).toBe(3);
    expect(graph.calendar.requests.every((r) => r.viaBatch)).toBe(true);
    expect(new Set(graph.calendar.requests.map((r) => r.mailboxId)).size).toBe(MANAGERS);
    expect(first.sends.filter((s) => s.outcome === 'sent')).toHaveLength(MANAGERS);

    await Promise.all([
      runBriefJob(deps, { now, tenantIds: [TENANT] }),
      runBriefJob(deps, { now, tenantIds: [TENANT] }),
    ]);
    await runBriefJob(deps, { now: new Date('2027-06-14T08:55:00Z'), tenantIds: [TENANT] });
    expect(notifier.briefs).toHaveLength(MANAGERS);
    expect(new Set(notifier.briefs.map((b) => b.to)).size).toBe(MANAGERS);
    // Each brief counts from the last 1:1 its calendar showed, a week earlier.
    expect(notifier.briefs.every((b) => b.brief.sinceLastOneOnOne && b.brief.since === '2027-06-07')).toBe(
      true,
    );

    const sent = await ledger.get(TENANT, first.sends[0]!.deliveryId!);
    expect(sent).toMatchObject({ status: 'sent', kind: 'brief', attempts: 1 });
  });

  it('tells the admins of a tenant whose calendars Graph refuses, once across runs, and sends no brief there', async () => {
    for (const at of ['2027-06-14T08:50:00Z', '2027-06-14T08:55:00Z', '2027-06-14T09:00:00Z'])
      await runBriefJob(deps, { now: new Date(at), tenantIds: [REFUSED] });
    expect(notifier.forbiddenNotices).toEqual([{ to: REFUSED_ADMIN, managers: 1 }]);
    expect(notifier.briefs.filter((b) => b.to === REFUSED_MANAGER)).toEqual([]);
    expect(await ledger.get(REFUSED, `notice:calendar-forbidden:${REFUSED_ADMIN}`)).toMatchObject({
      status: 'sent',
    });
  });
});
