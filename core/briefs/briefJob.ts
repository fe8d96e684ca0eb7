import {
  catchUpWindow,
  chatsForRun,
  finishRun,
  reachOf,
  runHourlyJob,
  type ConversationRecord,
  type HourlyJobDeps,
  type HourlyJobOptions,
  type HourlyJobReport,
  type JobSendOutcome,
  type Reached,
  type SendResult,
  type Unreachable,
} from '../delivery';
import { inPool, type Language } from '../shared';
import type { RecognitionStore } from '../kudos';
import type { NoteStore } from '../notes';
import { languageOf, type PeopleDirectory, type Person } from '../people';
import { tenantSettingsOf, type NamedAdmins } from '../settings';
import type { Brief } from './brief';
import type { CalendarEvent, CalendarReader } from './calendar';
import { classifyEvents, isDue } from './classifyEvents';
import { noticeForbiddenCalendars } from './calendarNotice';
import { sendOneOnOneBrief, sendTeamOpener, type MeetingSend } from './meetingSends';
import type { TeamOpener } from './opener';

/** The job's name in the job-run records. */
export const BRIEFS_JOB = 'briefs';

/** How often the timer runs the job, in minutes. */
export const BRIEFS_RUN_MINUTES = 5;
/** The longest lead a manager can choose, in minutes. */
export const MAX_LEAD_MINUTES = 15;
/** A run catches up at most this far back (a killed run's briefs go out on the next run). */
export const BRIEFS_CATCH_UP_MS = 30 * 60 * 1000;
/** How far back the calendar is read, to find the last 1:1 with each report. */
export const BRIEFS_LOOK_BACK_DAYS = 8;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Finds the managers who opted in to calendar briefs, without reading everyone. */
export interface BriefManagers {
  /** The tenant's people with a brief lead chosen (bounded; one query). */
  optedIn(tenantId: string): Promise<Person[]>;
}

/** Whom a brief or opener is written for. */
export interface BriefReader {
  language: Language;
  timeZone: string;
}

/** The outbound side of the job: renders and sends, at the Teams edge. */
export interface BriefNotifier {
  /** The brief before a 1:1; `deliveryId` is what its buttons refer to. */
  sendBrief(
    chat: ConversationRecord,
    brief: Brief,
    deliveryId: string,
    reader: BriefReader,
  ): Promise<SendResult>;
  /** The opener before a team meeting. */
  sendOpener(
    chat: ConversationRecord,
    opener: TeamOpener,
    deliveryId: string,
    reader: BriefReader,
  ): Promise<SendResult>;
  /** Tells an admin that Graph refused to read managers' calendars (the permission is missing). */
  sendCalendarForbidden(chat: ConversationRecord, managers: number, reader: BriefReader): Promise<SendResult>;
}

/** Everything the job reads and writes. */
export interface BriefJobDeps extends HourlyJobDeps {
  people: PeopleDirectory;
  recognitions: RecognitionStore;
  notes: NoteStore;
  managers: BriefManagers;
  calendar: CalendarReader;
  notifier: BriefNotifier;
  /** `MOMENTS_ADMINS`: admins who hear of a refused calendar too. */
  namedAdmins: NamedAdmins;
  concurrency?: number;
}

/** One line of the job's report. Never carries kudos, note or meeting text. */
export interface BriefSend {
  tenantId: string;
  managerId: string;
  /** A 1:1's brief, a team meeting's opener, an admin's notice, or a calendar that could not be read. */
  kind: 'oneOnOne' | 'teamMeeting' | 'notice' | 'calendar';
  deliveryId?: string;
  /** The report a 1:1 brief is about. */
  personId?: string;
  outcome: JobSendOutcome;
  unreachable?: Unreachable;
}

export type BriefJobReport = HourlyJobReport<BriefSend>;

/**
 * The calendar briefs job, every five minutes: for each tenant with calendar briefs on, reads the
 * calendars of the managers who opted in (one query for them; Graph batches 20 calendars a request)
 * from {@link BRIEFS_LOOK_BACK_DAYS} back to the longest lead ahead, and sends each a brief before
 * a 1:1 with a report and an opener before their team meeting, at their own lead before it starts.
 * Each is claimed in the ledger per occurrence, so it goes out once however often or concurrently
 * this runs; a run that was missed or killed is caught up by the next (at most 30 minutes back),
 * never for a meeting already under way. A calendar Graph refuses (403) is told to the tenant's
 * admins once; a missing mailbox is logged and skipped; one tenant's failure never stops another.
 */
export async function runBriefJob(deps: BriefJobDeps, options: HourlyJobOptions): Promise<BriefJobReport> {
  return runHourlyJob(BRIEFS_JOB, deps, options, runForTenant);
}

async function runForTenant(
  deps: BriefJobDeps & { gate: NonNullable<BriefJobDeps['gate']> },
  tenantId: string,
  now: Date,
  dryRun: boolean,
): Promise<BriefSend[]> {
  const logger = deps.logger.child({ job: BRIEFS_JOB, tenantId });
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  if (!settings.calendarBriefs) return [];
  const managers = (await deps.managers.optedIn(tenantId)).filter(
    (m) => m.tenantId === tenantId && m.calendarBriefs !== undefined,
  );
  const window = catchUpWindow(now, await deps.runs.lastRun(tenantId, BRIEFS_JOB), BRIEFS_CATCH_UP_MS);
  const windowMinutes = Math.max(BRIEFS_RUN_MINUTES, (now.getTime() - window.since.getTime()) / MINUTE);
  const reads = managers.length
    ? await deps.calendar.eventsOf(
        tenantId,
        managers.map((m) => m.id),
        new Date(now.getTime() - BRIEFS_LOOK_BACK_DAYS * DAY),
        new Date(now.getTime() + (MAX_LEAD_MINUTES + 1) * MINUTE),
      )
    : [];
  const byId = new Map(managers.map((m) => [m.id, m]));
  const sends: BriefSend[] = [];
  const forbidden: string[] = [];
  const due: Array<{ manager: Person; events: CalendarEvent[] }> = [];
  for (const read of reads) {
    const manager = byId.get(read.managerId);
    if (!manager) continue;
    if (read.outcome === 'read') {
      const lead = manager.calendarBriefs!.leadMinutes;
      if (read.events.some((e) => isDue(e, lead, now, windowMinutes)))
        due.push({ manager, events: read.events });
      continue;
    }
    logger.warn('a calendar could not be read for briefs', {
      managerId: manager.id,
      outcome: read.outcome,
      reason: read.reason,
    });
    if (read.outcome === 'forbidden') forbidden.push(manager.id);
    // A deleted mailbox is skipped; anything else is tried again by the next run.
    if (read.outcome === 'failed')
      sends.push({ tenantId, managerId: manager.id, kind: 'calendar', outcome: 'failed' });
  }

  const chatWith = chatsForRun(
    reachOf(deps),
    { tenantId, now, dryRun },
    due.map((d) => d.manager.id),
  );
  const results = await inPool(due, deps.concurrency ?? 8, async ({ manager, events }) => {
    const reports = (await deps.people.reportsOf(tenantId, manager.id)).filter((r) => r.id !== manager.id);
    const meetings = classifyEvents(manager, reports, events);
    const lead = manager.calendarBriefs!.leadMinutes;
    const reader = {
      language: languageOf(manager, settings.defaultLanguage),
      timeZone: manager.timeZone ?? settings.defaultTimeZone,
    };
    const run = { deps, tenantId, now, dryRun, manager, reader, chat: () => chatWith(manager.id) };
    const lines: BriefSend[] = [];
    for (const meeting of meetings) {
      if (!isDue(meeting.event, lead, now, windowMinutes)) continue;
      const line: MeetingSend =
        meeting.kind === 'oneOnOne'
          ? await sendOneOnOneBrief(run, meeting, meetings, settings)
          : await sendTeamOpener(run, meeting, settings);
      if (line) lines.push(line);
    }
    return lines;
  });
  sends.push(...results.flat());
  if (forbidden.length > 0) {
    sends.push(
      ...(await noticeForbiddenCalendars(deps, { tenantId, now, dryRun, settings }, forbidden.length)),
    );
  }
  const retry = await finishRun(deps.runs, { tenantId, job: BRIEFS_JOB, now, dryRun }, sends);
  logger.info('briefs job ran for tenant', {
    since: window.since.toISOString(),
    now: now.toISOString(),
    managers: managers.length,
    due: due.length,
    forbidden: forbidden.length,
    sent: sends.filter((s) => s.outcome === 'sent').length,
    retryNextRun: retry,
  });
  return sends;
}

/** A manager's chat for one run, as {@link chatsForRun} reaches it. */
export type ChatOf = () => Promise<Reached>;
