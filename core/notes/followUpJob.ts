import {
  finishRun,
  runHourlyJob,
  type HourlyJobOptions,
  windowFor,
  type ConversationRecord,
  chatsForRun,
  deliverOnce,
  reachOf,
  type Unreachable,
  deliveryId,
  type SendResult,
  type HourlyJobReport,
  type HourlyJobDeps,
  type JobSendOutcome,
} from '../delivery';
import { addDays, instantOfLocal, utcDateOf, type Language } from '../shared';
import type { Note, NoteStore } from './note';
import { languageOf, type PeopleDirectory } from '../people';
import { tenantSettingsOf } from '../settings';

/** The job's name in the job-run records. */
export const FOLLOW_UP_JOB = 'followups';

/** Who reads a nudge: the note's author, in their language and time zone. */
export interface NudgeReader {
  language: Language;
  timeZone: string;
}

/**
 * What a nudge brings back: a note on its follow-up date (`followUp`), or a note marked for the
 * next 1:1 that is still marked {@link ONE_ON_ONE_WAIT_DAYS} days later (`oneOnOne`).
 */
export type NudgeKind = 'followUp' | 'oneOnOne';

/**
 * How long a note marked "Bring this up at our next 1:1" waits for a 1:1 to raise it (a brief that
 * showed it clears the mark) before it comes back as a nudge.
 */
export const ONE_ON_ONE_WAIT_DAYS = 14;

/** The outbound side of the job: renders the nudge and sends it to the author; at the Teams edge. */
export interface FollowUpNotifier {
  /** `kind` defaults to `followUp`. */
  nudge(
    conversation: ConversationRecord,
    note: Note,
    reader: NudgeReader,
    kind?: NudgeKind,
  ): Promise<SendResult>;
}

/** Everything the job reads and writes. */
export interface FollowUpJobDeps extends HourlyJobDeps {
  notes: NoteStore;
  people: PeopleDirectory;
  notifier: FollowUpNotifier;
}

/** One line of the job's report. Never carries the note's text. */
export interface FollowUpSend {
  tenantId: string;
  deliveryId: string;
  noteId: string;
  authorId: string;
  kind: NudgeKind;
  /** The local date the nudge is for: the follow-up date, or the 1:1 mark's date plus 14 days. */
  followUpOn: string;
  outcome: JobSendOutcome;
  /** Why, when the outcome is `unreachable`. */
  unreachable?: Unreachable;
}

export type FollowUpJobReport = HourlyJobReport<FollowUpSend>;

/** The ledger id of a note's nudge for one follow-up date. */
export function nudgeDeliveryId(note: Pick<Note, 'id' | 'followUpOn'>): string {
  return deliveryId('nudge', note.id, note.followUpOn ?? 'none');
}

/**
 * The ledger id of the nudge that brings back a note marked for the next 1:1 on one date: distinct
 * from its follow-up nudges, and once per marking (unticked and ticked again is a new marking).
 */
export function oneOnOneDeliveryId(note: Pick<Note, 'id' | 'nextOneOnOneSince'>): string {
  return deliveryId('oneOnOne', note.id, note.nextOneOnOneSince ?? 'none');
}

/** One nudge the run owes: which note, why, and the local date it is for. */
interface DueNudge {
  note: Note;
  kind: NudgeKind;
  on: string;
  id: string;
}

/**
 * The hourly follow-up job: for each tenant, nudges the author of every open note whose follow-up
 * date's send hour, in the author's own zone, fell since the tenant's last completed run (at most
 * a day back, so a missed run catches up once), and, the same way, of every open note still
 * marked for the next 1:1 {@link ONE_ON_ONE_WAIT_DAYS} days after it was marked. Each nudge is
 * claimed in the ledger and sent through the gate; the run is recorded only when nothing is left
 * to retry, so nudges the gate deferred while Teams kept failing go out on a later run.
 */
export async function runFollowUpJob(
  deps: FollowUpJobDeps,
  options: HourlyJobOptions,
): Promise<FollowUpJobReport> {
  return runHourlyJob(FOLLOW_UP_JOB, deps, options, runForTenant);
}

async function runForTenant(
  deps: FollowUpJobDeps,
  tenantId: string,
  now: Date,
  dryRun: boolean,
): Promise<FollowUpSend[]> {
  const logger = deps.logger.child({ job: FOLLOW_UP_JOB, tenantId });
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  const window = await windowFor(deps.runs, tenantId, FOLLOW_UP_JOB, now);
  // Every local date any zone (UTC-12 … UTC+14) can show during the window.
  const dates: string[] = [];
  for (let d = addDays(utcDateOf(window.since), -1); d <= addDays(utcDateOf(now), 1); d = addDays(d, 1)) {
    dates.push(d);
  }
  const [followUps, marked] = await Promise.all([
    deps.notes.followUpsDue(tenantId, dates),
    deps.notes.oneOnOnesMarkedOn(
      tenantId,
      dates.map((d) => addDays(d, -ONE_ON_ONE_WAIT_DAYS)),
    ),
  ]);
  const candidates = [...followUps, ...marked];
  const authors = new Map(
    (await deps.people.findMany(tenantId, [...new Set(candidates.map((n) => n.authorId))])).map((p) => [
      p.id,
      p,
    ]),
  );
  // The authors were read once for their zones; their languages come with them.
  const readerOf = (authorId: string): NudgeReader => {
    const author = authors.get(authorId);
    return {
      language: languageOf(author, settings.defaultLanguage),
      timeZone: author?.timeZone ?? settings.defaultTimeZone,
    };
  };
  const inWindow = (note: Note, on: string | undefined): on is string => {
    if (note.status !== 'open' || !on || note.tenantId !== tenantId) return false;
    const at = instantOfLocal(on, settings.sendHour, readerOf(note.authorId).timeZone).getTime();
    return at > window.since.getTime() && at <= now.getTime();
  };
  const due: DueNudge[] = [];
  for (const note of followUps) {
    if (inWindow(note, note.followUpOn)) {
      due.push({ note, kind: 'followUp', on: note.followUpOn, id: nudgeDeliveryId(note) });
    }
  }
  for (const note of marked) {
    const on = note.nextOneOnOneSince && addDays(note.nextOneOnOneSince, ONE_ON_ONE_WAIT_DAYS);
    if (inWindow(note, on)) due.push({ note, kind: 'oneOnOne', on, id: oneOnOneDeliveryId(note) });
  }
  const sends: FollowUpSend[] = [];
  const chatWith = chatsForRun(
    reachOf(deps),
    { tenantId, now, dryRun },
    due.map(({ note }) => note.authorId),
  );
  for (const { note, kind, on, id } of due) {
    const line = (outcome: FollowUpSend['outcome']): FollowUpSend => ({
      tenantId,
      deliveryId: id,
      noteId: note.id,
      authorId: note.authorId,
      kind,
      followUpOn: on,
      outcome,
    });
    const reached = await chatWith(note.authorId);
    if ('unreachable' in reached) {
      sends.push({ ...line('unreachable'), unreachable: reached.unreachable });
      continue;
    }
    if (dryRun || !('chat' in reached)) {
      sends.push(line('planned'));
      continue;
    }
    const { chat } = reached;
    const outcome = await deliverOnce(
      deps.deliveries,
      deps.logger,
      {
        tenantId,
        id,
        kind: 'nudge',
        now,
        gate: deps.gate,
        clock: deps.clock,
        recipientId: note.authorId,
        subject: { type: 'note', noteId: note.id },
      },
      () => deps.notifier.nudge(chat, note, readerOf(note.authorId), kind),
    );
    if (outcome === 'sent' && kind === 'followUp') {
      const current = await deps.notes.get(tenantId, note.authorId, note.id);
      if (current) await deps.notes.save({ ...current, nudgedFor: note.followUpOn });
    }
    sends.push(line(outcome));
  }
  const retry = await finishRun(deps.runs, { tenantId, job: FOLLOW_UP_JOB, now, dryRun }, sends);
  logger.info('follow-up job ran for tenant', {
    since: window.since.toISOString(),
    now: now.toISOString(),
    candidates: candidates.length,
    due: due.length,
    sent: sends.filter((s) => s.outcome === 'sent').length,
    retryNextRun: retry,
  });
  return sends;
}
