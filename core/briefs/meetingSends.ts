import { deliverOnce, deliveryId, type DeliverySubject, type SendResult } from '../delivery';
import { milestonePolicyFor } from '../milestones';
import type { Person } from '../people';
import type { TenantSettings } from '../settings';
import type { BriefJobDeps, BriefReader, BriefSend, ChatOf } from './briefJob';
import { briefFor } from './briefFor';
import { occurrenceKey, type BriefMeeting } from './classifyEvents';
import type { CalendarEvent } from './calendar';
import { buildOpener } from './opener';

const DAY = 24 * 60 * 60 * 1000;

/**
 * How long a claim of a brief protects its send: short, because a brief is due minutes before its
 * meeting, and a run killed while holding one must leave it to the next run in time.
 */
export const BRIEF_LEASE_MS = 2 * 60 * 1000;

/** One manager's part of a run. */
export interface MeetingRun {
  deps: BriefJobDeps;
  tenantId: string;
  now: Date;
  dryRun: boolean;
  manager: Person;
  reader: BriefReader;
  chat: ChatOf;
}

export type MeetingSend = BriefSend | undefined;

/**
 * The ledger id of one manager's brief or opener for one occurrence (see {@link occurrenceKey}):
 * the same however often, or however concurrently, the calendar is read.
 */
export function briefDeliveryId(managerId: string, event: Pick<CalendarEvent, 'iCalUId' | 'start'>): string {
  return deliveryId('brief', managerId, occurrenceKey(event).replace(/[/\\#?]/g, '_'));
}

/** Reaches the manager, or says why not (a dry run plans only). */
async function reached(run: MeetingRun, line: BriefSend) {
  const found = await run.chat();
  if ('unreachable' in found)
    return { line: { ...line, outcome: 'unreachable' as const, unreachable: found.unreachable } };
  if (run.dryRun || !('chat' in found)) return { line: { ...line, outcome: 'planned' as const } };
  return { chat: found.chat };
}

/** Sends a brief or an opener once, claimed in the ledger under `id` for the run's manager. */
function deliverBrief(
  run: MeetingRun,
  id: string,
  subject: DeliverySubject,
  send: () => Promise<SendResult>,
): ReturnType<typeof deliverOnce> {
  const { deps, tenantId, now, manager } = run;
  return deliverOnce(
    deps.deliveries,
    deps.logger,
    {
      tenantId,
      id,
      kind: 'brief',
      now,
      leaseMs: BRIEF_LEASE_MS,
      ...(deps.gate ? { gate: deps.gate } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
      recipientId: manager.id,
      subject,
    },
    send,
  );
}

/**
 * The brief before a 1:1 with `meeting.report`, its kudos since the last 1:1 with them that the
 * calendar shows (else the default window). Once sent, the notes it showed as "bring this up at our
 * next 1:1" are no longer marked: the 1:1 raises them. A note marked again after the brief was
 * built stays marked.
 */
export async function sendOneOnOneBrief(
  run: MeetingRun,
  meeting: Extract<BriefMeeting<Person>, { kind: 'oneOnOne' }>,
  meetings: ReadonlyArray<BriefMeeting<Person>>,
  settings: TenantSettings,
): Promise<MeetingSend> {
  const { deps, tenantId, now, manager } = run;
  const id = briefDeliveryId(manager.id, meeting.event);
  const line: BriefSend = {
    tenantId,
    managerId: manager.id,
    kind: 'oneOnOne',
    deliveryId: id,
    personId: meeting.report.id,
    outcome: 'already-done',
  };
  if ((await deps.deliveries.get(tenantId, id))?.status === 'sent') return line;
  const start = Date.parse(meeting.event.start);
  const previous = meetings
    .filter(
      (m) => m.kind === 'oneOnOne' && m.report.id === meeting.report.id && Date.parse(m.event.start) < start,
    )
    .map((m) => Date.parse(m.event.start))
    .sort((a, b) => b - a)[0];
  const result = await briefFor(
    { ...deps, defaultTimeZone: settings.defaultTimeZone },
    {
      tenantId,
      readerId: manager.id,
      personId: meeting.report.id,
      now,
      ...(previous !== undefined ? { since: new Date(previous) } : {}),
    },
  );
  if (!result.ok) return undefined;
  const { brief } = result;
  const target = await reached(run, line);
  if ('line' in target) return target.line;
  const outcome = await deliverBrief(run, id, { type: 'brief', personId: meeting.report.id }, () =>
    deps.notifier.sendBrief(target.chat, brief, id, run.reader),
  );
  if (outcome === 'sent') {
    const raised = brief.thingsToAsk.rows.filter((thing) => thing.forNextOneOnOne).map((t) => t.noteId);
    await Promise.all(raised.map((noteId) => unmarkNote(deps, tenantId, manager.id, noteId, brief.today)));
  }
  return { ...line, outcome };
}

/** Clears "bring this up at our next 1:1" on a note the brief showed, unless it was marked after `shownOn` (a local date, as notes keep it). */
async function unmarkNote(
  deps: BriefJobDeps,
  tenantId: string,
  authorId: string,
  noteId: string,
  shownOn: string,
): Promise<void> {
  const note = await deps.notes.get(tenantId, authorId, noteId);
  if (!note?.nextOneOnOneSince || note.nextOneOnOneSince > shownOn) return;
  const { nextOneOnOneSince: _raised, ...rest } = note;
  await deps.notes.save(rest);
}

/** The opener before the manager's team meeting, from the last week's kudos to the people in it. */
export async function sendTeamOpener(
  run: MeetingRun,
  meeting: Extract<BriefMeeting<Person>, { kind: 'teamMeeting' }>,
  settings: TenantSettings,
): Promise<MeetingSend> {
  const { deps, tenantId, now, manager } = run;
  const id = briefDeliveryId(manager.id, meeting.event);
  const line: BriefSend = {
    tenantId,
    managerId: manager.id,
    kind: 'teamMeeting',
    deliveryId: id,
    outcome: 'already-done',
  };
  if ((await deps.deliveries.get(tenantId, id))?.status === 'sent') return line;
  const attendees = meeting.attendees;
  const received = await deps.recognitions.forRecipientsSince(
    tenantId,
    attendees.map((a) => a.id),
    new Date(now.getTime() - 7 * DAY),
  );
  const opener = buildOpener({
    manager,
    attendees,
    received,
    meetingStart: new Date(meeting.event.start),
    now,
    defaultTimeZone: settings.defaultTimeZone,
    options: { policy: milestonePolicyFor(settings) },
  });
  const target = await reached(run, line);
  if ('line' in target) return target.line;
  // Its Send kudos buttons act as a digest's do: on one of the people it named.
  const subject = { type: 'digest' as const, managerId: manager.id, personIds: opener.personIds };
  const outcome = await deliverBrief(run, id, subject, () =>
    deps.notifier.sendOpener(target.chat, opener, id, run.reader),
  );
  return { ...line, outcome };
}
