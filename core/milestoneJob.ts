import { finishRun, forEachTenant, windowFor } from './hourlyJob';
import { localDateOf, yearsBetween } from './calendar';
import { inPool } from './pool';
import type { ConversationBook, ConversationRecord } from './conversations';
import { deliverOnce, type DeliveryLedger, type DeliveryOutcome, type SendResult } from './deliveries';
import type { Logger } from './logger';
import {
  findMilestoneCandidates,
  milestonePolicyFor,
  planMilestoneSends,
  type Milestone,
  type MilestoneCandidates,
  type PlannedSend,
} from './milestones';
import type { NoteStore } from './notes';
import type { PeopleDirectory, Person } from './people';
import type { RecognitionStore } from './recognitions';
import { tenantSettingsOf, type JobRuns, type SettingsStore } from './settings';
import type { ReminderSnooze, SnoozeStore } from './snoozes';

/** The job's name in the job-run records. */
export const MILESTONE_JOB = 'milestones';

/** What a manager's reminder says. */
export interface ReminderContent {
  /** The reminder's delivery id, which its actions (snooze) refer to. */
  deliveryId: string;
  milestone: Milestone;
  manager: Person;
  /** The manager's local date when the reminder is sent. */
  managerToday: string;
  /** Whole years since the hire date, at the milestone. */
  tenureYears?: number;
  kudos90Days: { count: number; latest?: { giverName: string; valueName: string; message: string } };
  /** The manager's own open notes about the person (private to the manager, who gets this reminder). */
  openNotes: Array<{ text: string; followUpOn?: string }>;
}

/** What a celebration on the day says. */
export interface CelebrationContent {
  milestone: Milestone;
}

/** The outbound side of the job: renders and sends; implemented at the Teams edge. */
export interface MilestoneNotifier {
  remind(conversation: ConversationRecord, content: ReminderContent): Promise<SendResult>;
  /** The post in a team's recognition channel. */
  celebrate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult>;
  /** The personal message to the person whose day it is. */
  congratulate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult>;
}

/** Everything the job reads and writes. */
export interface MilestoneJobDeps {
  settings: SettingsStore;
  runs: JobRuns;
  candidates: MilestoneCandidates;
  people: PeopleDirectory;
  snoozes: SnoozeStore;
  conversations: ConversationBook;
  recognitions: RecognitionStore;
  /** The manager's private notes, shown on their reminders. */
  notes: NoteStore;
  deliveries: DeliveryLedger;
  notifier: MilestoneNotifier;
  logger: Logger;
  defaultTimeZone: string;
  /** Sends in flight at once; the messenger keeps to Teams' limits whatever this is. */
  concurrency?: number;
}

/** One line of the job's report. */
export interface JobSend {
  tenantId: string;
  deliveryId: string;
  kind: 'reminder' | 'celebration' | 'congratulation';
  milestone: string;
  personName: string;
  to: string;
  outcome: DeliveryOutcome | 'planned' | 'unreachable';
}

/** What a run did, per send. */
export interface MilestoneJobReport {
  tenants: number;
  sends: JobSend[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The hourly milestone job: for each tenant, plans the reminders and celebrations due since its
 * last completed run (at most a day back), and delivers each exactly once through the ledger.
 * The run is recorded only when nothing is left to retry, so an interrupted or partly failed run
 * is planned again next hour and the ledger skips what was already sent.
 */
export async function runMilestoneJob(
  deps: MilestoneJobDeps,
  options: { now: Date; tenantIds?: string[]; dryRun?: boolean },
): Promise<MilestoneJobReport> {
  return forEachTenant(deps.settings, options.tenantIds, (tenantId) =>
    runForTenant(deps, tenantId, options.now, options.dryRun ?? false),
  );
}

async function runForTenant(
  deps: MilestoneJobDeps,
  tenantId: string,
  now: Date,
  dryRun: boolean,
): Promise<JobSend[]> {
  const logger = deps.logger.child({ job: MILESTONE_JOB, tenantId });
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  const policy = milestonePolicyFor(settings);
  const window = await windowFor(deps.runs, tenantId, MILESTONE_JOB, now);
  const { people, managers } = await findMilestoneCandidates(deps.candidates, tenantId, window, policy);
  const managersById = new Map([...managers, ...people].map((p) => [p.id, p]));
  const planned = planMilestoneSends({ people, managers, window, policy }).filter((send) => {
    const manager = send.recipient === 'manager' ? managersById.get(send.recipientId) : undefined;
    return !manager?.mutedReminders?.includes(send.milestone.person.id);
  });
  const results = await inPool(planned, deps.concurrency ?? 8, (send) =>
    deliver(deps, tenantId, send, managersById, now, dryRun),
  );
  const sends = [
    ...results.flat(),
    ...(await resendSnoozed(deps, tenantId, now, dryRun, settings.defaultTimeZone)),
  ];
  const retry = await finishRun(deps.runs, { tenantId, job: MILESTONE_JOB, now, dryRun }, sends);
  logger.info('milestone job ran for tenant', {
    since: window.since.toISOString(),
    now: now.toISOString(),
    candidates: people.length,
    planned: planned.length,
    sent: sends.filter((s) => s.outcome === 'sent').length,
    retryNextRun: retry,
  });
  return sends;
}

async function deliver(
  deps: MilestoneJobDeps,
  tenantId: string,
  send: PlannedSend,
  managers: Map<string, Person>,
  now: Date,
  dryRun: boolean,
): Promise<JobSend[]> {
  const { milestone } = send;
  const line = (
    kind: JobSend['kind'],
    deliveryId: string,
    to: string,
    outcome: JobSend['outcome'],
  ): JobSend => ({
    tenantId,
    deliveryId,
    kind,
    milestone: `${milestone.kind} ${milestone.date}`,
    personName: milestone.person.displayName,
    to,
    outcome,
  });
  const once = (deliveryId: string, kind: 'reminder' | 'celebration', sendIt: () => Promise<SendResult>) =>
    dryRun
      ? Promise.resolve<JobSend['outcome']>('planned')
      : deliverOnce(deps.deliveries, deps.logger, { tenantId, id: deliveryId, kind, now }, sendIt);

  if (send.recipient === 'manager') {
    const manager = managers.get(send.recipientId);
    const chat = await deps.conversations.personalChat(tenantId, send.recipientId);
    const to = manager?.displayName ?? send.recipientId;
    if (!manager || !chat) return [line('reminder', send.deliveryId, to, 'unreachable')];
    const content = await reminderContent(
      deps.recognitions,
      deps.notes,
      deps.defaultTimeZone,
      send.deliveryId,
      milestone,
      manager,
      now,
    );
    return [
      line(
        'reminder',
        send.deliveryId,
        to,
        await once(send.deliveryId, 'reminder', () => deps.notifier.remind(chat, content)),
      ),
    ];
  }

  const lines: JobSend[] = [];
  for (const teamId of milestone.person.teamIds ?? []) {
    const channelId = (await deps.settings.team(tenantId, teamId))?.recognitionChannelId;
    const channel = channelId ? await deps.conversations.channel(tenantId, channelId) : undefined;
    if (!channel) continue;
    const id = `${send.deliveryId}:${channelId}`;
    lines.push(
      line(
        'celebration',
        id,
        'team channel',
        await once(id, 'celebration', () => deps.notifier.celebrate(channel, { milestone })),
      ),
    );
  }
  const chat = await deps.conversations.personalChat(tenantId, milestone.person.id);
  const personal = `${send.deliveryId}:person`;
  lines.push(
    chat
      ? line(
          'congratulation',
          personal,
          milestone.person.displayName,
          await once(personal, 'celebration', () => deps.notifier.congratulate(chat, { milestone })),
        )
      : line('congratulation', personal, milestone.person.displayName, 'unreachable'),
  );
  return lines;
}

/** Reminders whose snooze is over come back, once each; a snooze past its milestone is dropped. */
async function resendSnoozed(
  deps: MilestoneJobDeps,
  tenantId: string,
  now: Date,
  dryRun: boolean,
  defaultTimeZone: string,
): Promise<JobSend[]> {
  const lines: JobSend[] = [];
  for (const snooze of await deps.snoozes.dueBy(tenantId, now)) {
    const [person, manager] = await Promise.all([
      deps.people.get(tenantId, snooze.personId),
      deps.people.get(tenantId, snooze.managerId),
    ]);
    const chat = await deps.conversations.personalChat(tenantId, snooze.managerId);
    const stale = !person || !manager || snooze.date < localDateOf(now, manager.timeZone ?? defaultTimeZone);
    const line = (outcome: JobSend['outcome']): JobSend => ({
      tenantId,
      deliveryId: `${snooze.id}:${snooze.dueAt}`,
      kind: 'reminder',
      milestone: `${snooze.kind} ${snooze.date}`,
      personName: person?.displayName ?? snooze.personId,
      to: manager?.displayName ?? snooze.managerId,
      outcome,
    });
    if (dryRun) {
      lines.push(line(stale || !chat ? 'unreachable' : 'planned'));
      continue;
    }
    if (stale || !chat || !person || !manager) {
      await deps.snoozes.remove(tenantId, snooze.id);
      continue;
    }
    const milestone = milestoneOf(snooze, person);
    const content = await reminderContent(
      deps.recognitions,
      deps.notes,
      defaultTimeZone,
      snooze.id.replace(/^snooze:/, ''),
      milestone,
      manager,
      now,
    );
    const outcome = await deliverOnce(
      deps.deliveries,
      deps.logger,
      { tenantId, id: line('planned').deliveryId, kind: 'reminder', now },
      () => deps.notifier.remind(chat, content),
    );
    if (outcome === 'sent' || outcome === 'already-done') await deps.snoozes.remove(tenantId, snooze.id);
    lines.push(line(outcome));
  }
  return lines;
}

function milestoneOf(snooze: ReminderSnooze, person: Person): Milestone {
  return {
    kind: snooze.kind,
    person,
    date: snooze.date,
    occursOn: snooze.occursOn,
    ...(snooze.years !== undefined ? { years: snooze.years } : {}),
  };
}

async function reminderContent(
  recognitions: RecognitionStore,
  notes: NoteStore,
  defaultTimeZone: string,
  deliveryId: string,
  milestone: Milestone,
  manager: Person,
  now: Date,
): Promise<ReminderContent> {
  const { person } = milestone;
  const [received, notesAbout] = await Promise.all([
    recognitions.forRecipientsSince(person.tenantId, [person.id], new Date(now.getTime() - 90 * DAY)),
    notes.aboutSubject(person.tenantId, manager.id, person.id),
  ]);
  const latest = received[0];
  return {
    deliveryId,
    milestone,
    manager,
    managerToday: localDateOf(now, manager.timeZone ?? defaultTimeZone),
    ...(person.hireDate && person.hireDate <= milestone.date
      ? { tenureYears: yearsBetween(person.hireDate, milestone.date) }
      : {}),
    kudos90Days: {
      count: received.length,
      ...(latest
        ? { latest: { giverName: latest.giver.name, valueName: latest.value.name, message: latest.message } }
        : {}),
    },
    openNotes: notesAbout
      .filter((note) => note.status === 'open')
      .map((note) => ({ text: note.text, ...(note.followUpOn ? { followUpOn: note.followUpOn } : {}) })),
  };
}
