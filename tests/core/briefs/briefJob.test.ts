import {
  BRIEFS_JOB,
  briefDeliveryId,
  runBriefJob,
  type Brief,
  type BriefJobDeps,
  type BriefNotifier,
  type CalendarEvent,
  type CalendarRead,
  type CalendarReader,
  type TeamOpener,
} from '../../../core/briefs';
import { ConversationBook, type ConversationRecord, type SendResult } from '../../../core/delivery';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

const A = 'tenant-a';
const B = 'tenant-b';

const person = (tenantId: string, id: string, fields: Partial<Person> = {}): Person => ({
  tenantId,
  id,
  displayName: `${id[0]!.toUpperCase()}${id.slice(1)}`,
  email: `${id}@contoso.com`,
  timeZone: 'Europe/London',
  celebrate: {},
  ...fields,
});

const event = (
  uid: string,
  start: string,
  attendees: string[],
  fields: Partial<CalendarEvent> = {},
): CalendarEvent => ({
  id: `${uid}-${start}`,
  iCalUId: uid,
  subject: 'Meeting',
  start: new Date(start).toISOString(),
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  isAllDay: false,
  isCancelled: false,
  type: 'occurrence',
  organizer: { email: 'alex@contoso.com' },
  attendees: attendees.map((email) => ({
    email: `${email}@contoso.com`,
    response: 'accepted',
    type: 'required',
  })),
  ownerResponse: 'organizer',
  ...fields,
});

/** A calendar per tenant and mailbox, answering as the Graph reader does. */
class MemoryCalendar implements CalendarReader {
  readonly events = new Map<string, CalendarEvent[]>();
  readonly refused = new Map<string, 'forbidden' | 'missing' | 'failed'>();
  failTenant?: string;
  async eventsOf(tenantId: string, managerIds: string[], from: Date, to: Date): Promise<CalendarRead[]> {
    if (tenantId === this.failTenant) throw new Error('Graph is down for this tenant');
    return managerIds.map((managerId): CalendarRead => {
      const refused = this.refused.get(`${tenantId}/${managerId}`);
      if (refused) return { managerId, outcome: refused, reason: refused };
      const events = (this.events.get(`${tenantId}/${managerId}`) ?? []).filter(
        (e) => Date.parse(e.start) < to.getTime() && Date.parse(e.end) > from.getTime(),
      );
      return { managerId, outcome: 'read', events };
    });
  }
}

class RecordingNotifier implements BriefNotifier {
  readonly briefs: Array<{ to: string; brief: Brief }> = [];
  readonly openers: Array<{ to: string; opener: TeamOpener }> = [];
  readonly notices: Array<{ to: string; managers: number }> = [];
  async sendBrief(chat: ConversationRecord, brief: Brief): Promise<SendResult> {
    this.briefs.push({ to: chat.userId ?? '', brief });
    return { ok: true };
  }
  async sendOpener(chat: ConversationRecord, opener: TeamOpener): Promise<SendResult> {
    this.openers.push({ to: chat.userId ?? '', opener });
    return { ok: true };
  }
  async sendCalendarForbidden(chat: ConversationRecord, managers: number): Promise<SendResult> {
    this.notices.push({ to: chat.userId ?? '', managers });
    return { ok: true };
  }
}

async function setup() {
  const settings = new MemorySettingsStore();
  const people = new MemoryPeopleDirectory();
  const store = new MemoryConversationStore();
  const logger = new RecordingLogger();
  for (const tenantId of [A, B]) {
    await settings.saveTenant({
      ...defaultTenantSettings(tenantId, 'UTC'),
      calendarBriefs: true,
      adminIds: ['admin'],
    });
    const all = [
      person(tenantId, 'alex', { calendarBriefs: { leadMinutes: 10 } }),
      person(tenantId, 'megan', { managerId: 'alex' }),
      person(tenantId, 'adele', { managerId: 'alex' }),
      person(tenantId, 'lee', { managerId: 'alex' }),
      person(tenantId, 'diego', { managerId: 'alex' }),
      person(tenantId, 'admin'),
    ];
    for (const p of all) {
      await people.save(p);
      await store.save({
        tenantId,
        id: `personal:${p.id}`,
        kind: 'personal',
        conversationId: `a:${p.id}`,
        userId: p.id,
        reference: {},
        updatedAt: '2027-01-01T00:00:00.000Z',
      });
    }
  }
  const calendar = new MemoryCalendar();
  const notes = new MemoryNoteStore();
  const notifier = new RecordingNotifier();
  const deliveries = new MemoryDeliveryLedger();
  const deps: BriefJobDeps = {
    settings,
    runs: settings,
    people,
    recognitions: new MemoryRecognitionStore(),
    notes,
    managers: {
      optedIn: async (tenantId) =>
        [...people.people.values()].filter((p) => p.tenantId === tenantId && p.calendarBriefs),
    },
    calendar,
    notifier,
    namedAdmins: [],
    conversations: new ConversationBook(store, logger),
    deliveries,
    logger,
    defaultTimeZone: 'UTC',
  };
  return { deps, calendar, notifier, deliveries, settings, people, notes };
}

const at = (iso: string) => new Date(iso);
// Summer: London is UTC+1, so a 10:00 London 1:1 starts at 09:00Z and its brief is due at 08:50Z.
const ONE_ON_ONE = '2027-06-14T09:00:00Z';
const TEAM = '2027-06-14T08:30:00Z';
const week = (days: number, iso: string) => new Date(Date.parse(iso) - days * 86_400_000).toISOString();

describe('runBriefJob', () => {
  it('sends the brief at the lead time in the manager’s own zone, and the opener before the team meeting', async () => {
    const { deps, calendar, notifier, deliveries } = await setup();
    calendar.events.set(`${A}/alex`, [
      event('one', ONE_ON_ONE, ['megan']),
      event('team', TEAM, ['megan', 'adele', 'lee', 'diego']),
    ]);
    await runBriefJob(deps, { now: at('2027-06-14T08:15:00Z'), tenantIds: [A] });
    expect(notifier.openers).toEqual([]);
    await runBriefJob(deps, { now: at('2027-06-14T08:20:00Z'), tenantIds: [A] });
    expect(notifier.openers.map((o) => o.to)).toEqual(['alex']);
    expect(notifier.openers[0]!.opener.meetingStart).toBe(new Date(TEAM).toISOString());
    await runBriefJob(deps, { now: at('2027-06-14T08:45:00Z'), tenantIds: [A] });
    expect(notifier.briefs).toEqual([]);
    await runBriefJob(deps, { now: at('2027-06-14T08:50:00Z'), tenantIds: [A] });
    expect(notifier.briefs.map((b) => [b.to, b.brief.person.name])).toEqual([['alex', 'Megan']]);
    const id = briefDeliveryId('alex', { iCalUId: 'one', start: ONE_ON_ONE });
    expect(await deliveries.get(A, id)).toMatchObject({
      status: 'sent',
      kind: 'brief',
      recipientId: 'alex',
      subject: { type: 'brief', personId: 'megan' },
    });
  });

  it('sends each once across repeated and overlapping runs, and catches up after a killed run', async () => {
    const { deps, calendar, notifier, settings } = await setup();
    calendar.events.set(`${A}/alex`, [event('one', ONE_ON_ONE, ['megan'])]);
    // The run at 08:50 never finished: the last recorded run is 08:45.
    await settings.recordRun(A, BRIEFS_JOB, at('2027-06-14T08:45:00Z'));
    const runs = [0, 1, 2].map(() => runBriefJob(deps, { now: at('2027-06-14T08:55:00Z'), tenantIds: [A] }));
    await Promise.all(runs);
    await runBriefJob(deps, { now: at('2027-06-14T08:55:00Z'), tenantIds: [A] });
    await runBriefJob(deps, { now: at('2027-06-14T09:00:00Z'), tenantIds: [A] });
    expect(notifier.briefs).toHaveLength(1);
  });

  it('briefs a moved occurrence at its new time, and nothing for a cancelled one', async () => {
    const { deps, calendar, notifier } = await setup();
    const moved = '2027-06-14T13:00:00Z';
    calendar.events.set(`${A}/alex`, [
      event('one', moved, ['megan'], { type: 'exception' }),
      event('other', ONE_ON_ONE, ['adele'], { isCancelled: true }),
    ]);
    await runBriefJob(deps, { now: at('2027-06-14T08:50:00Z'), tenantIds: [A] });
    expect(notifier.briefs).toEqual([]);
    await runBriefJob(deps, { now: at('2027-06-14T12:50:00Z'), tenantIds: [A] });
    expect(notifier.briefs.map((b) => b.brief.person.id)).toEqual(['megan']);
  });

  it('sends nothing when the tenant has briefs off or the manager has not opted in', async () => {
    const { deps, calendar, notifier, settings, people } = await setup();
    calendar.events.set(`${A}/alex`, [event('one', ONE_ON_ONE, ['megan'])]);
    calendar.events.set(`${B}/alex`, [event('one', ONE_ON_ONE, ['megan'])]);
    await settings.saveTenant({ ...(await settings.tenant(A))!, calendarBriefs: false });
    const { calendarBriefs: _off, ...alexB } = (await people.get(B, 'alex'))!;
    await people.save(alexB);
    const report = await runBriefJob(deps, { now: at('2027-06-14T08:50:00Z') });
    expect(report.sends).toEqual([]);
    expect(notifier.briefs).toEqual([]);
  });

  it('uses the last 1:1 the calendar shows as the brief’s start, and unmarks the notes it raised', async () => {
    const { deps, calendar, notifier, notes } = await setup();
    calendar.events.set(`${A}/alex`, [
      event('one', week(7, ONE_ON_ONE), ['megan']),
      event('one', ONE_ON_ONE, ['megan']),
    ]);
    const note: Note = {
      tenantId: A,
      id: 'n1',
      authorId: 'alex',
      subjectId: 'megan',
      subjectName: 'Megan',
      text: 'Ask about the conference talk',
      status: 'open',
      nextOneOnOneSince: '2027-06-10',
      createdAt: '2027-06-10T09:00:00.000Z',
      updatedAt: '2027-06-10T09:00:00.000Z',
    };
    await notes.create(note);
    await runBriefJob(deps, { now: at('2027-06-14T08:50:00Z'), tenantIds: [A] });
    const { brief } = notifier.briefs[0]!;
    expect(brief.sinceLastOneOnOne).toBe(true);
    expect(brief.since).toBe('2027-06-07');
    expect(brief.thingsToAsk.rows).toMatchObject([{ noteId: 'n1', forNextOneOnOne: true }]);
    const stored = await notes.get(A, 'alex', 'n1');
    expect(stored?.nextOneOnOneSince).toBeUndefined();
    expect(stored?.status).toBe('open');
  });

  it('tells the tenant’s admins once when Graph refuses a calendar, and skips a missing mailbox', async () => {
    const { deps, calendar, notifier } = await setup();
    calendar.refused.set(`${A}/alex`, 'forbidden');
    calendar.refused.set(`${B}/alex`, 'missing');
    await runBriefJob(deps, { now: at('2027-06-14T08:50:00Z') });
    await runBriefJob(deps, { now: at('2027-06-14T08:55:00Z') });
    expect(notifier.notices).toEqual([{ to: 'admin', managers: 1 }]);
    expect(notifier.briefs).toEqual([]);
  });

  it('still serves the other tenants when one tenant’s run fails', async () => {
    const { deps, calendar, notifier } = await setup();
    calendar.failTenant = A;
    calendar.events.set(`${B}/alex`, [event('one', ONE_ON_ONE, ['megan'])]);
    const report = await runBriefJob(deps, { now: at('2027-06-14T08:50:00Z') });
    expect(report.failedTenants).toEqual([{ tenantId: A, error: 'Graph is down for this tenant' }]);
    expect(notifier.briefs.map((b) => b.brief.tenantId)).toEqual([B]);
  });
});
