import {
  finishRun,
  runHourlyJob,
  type HourlyJobOptions,
  windowFor,
  type PlanningWindow,
  type ConversationRecord,
  chatsForRun,
  deliverOnce,
  reachOf,
  type Reached,
  type SendResult,
  type DeliveryAddress,
} from '../delivery';
import { localDateOf, inPool, type Language } from '../shared';
import type { CelebrationPreference, Person } from '../people';
import { tenantSettingsOf } from '../settings';
import { findMilestoneCandidates } from './candidates';
import { MILESTONE_JOB, type JobSend, type MilestoneJobDeps, type MilestoneJobReport } from './jobTypes';
import { planMilestoneSends, type PlannedSend } from './planner';
import { milestonePolicyFor } from './policy';
import { readerOf, tenantReader } from './reader';
import { readReminderContext } from './reminderContent';
import { readSnoozed, reminderSubject, resendSnoozed, type SnoozeResendRun } from './snoozeResend';
import type { ReminderSnooze } from './snoozes';

/**
 * The hourly milestone job: for each tenant, plans the reminders and celebrations due since its
 * last completed run (at most a day back), and delivers each exactly once through the ledger.
 * The run is recorded only when nothing is left to retry, so an interrupted or partly failed run
 * is planned again next hour and the ledger skips what was already sent.
 */
export async function runMilestoneJob(
  deps: MilestoneJobDeps,
  options: HourlyJobOptions,
): Promise<MilestoneJobReport> {
  return runHourlyJob(MILESTONE_JOB, deps, options, runForTenant);
}

/** What one tenant's run has to deliver: its plan, from the reads that find what is due. */
export interface TenantRunPlan {
  window: PlanningWindow;
  /** The tenant's default time zone. */
  defaultTimeZone: string;
  /** The tenant's language: of channel posts, and of people whose own is unknown. */
  defaultLanguage: Language;
  /** The celebration of people who have not chosen one. */
  defaultCelebration: CelebrationPreference;
  /** How many people have a milestone near the window. */
  candidates: number;
  planned: PlannedSend[];
  /** The people the plan names and their managers, by id. */
  people: Map<string, Person>;
  /** Snoozed reminders due to come back. */
  snoozes: ReminderSnooze[];
}

/**
 * Plans one tenant's run: reads its settings, last run, milestone candidates and due snoozes, and
 * nothing that a single send needs (chats, kudos, notes). The job starts with it; on its own it
 * measures what planning alone asks of the stores.
 */
export async function planTenantRun(
  deps: Pick<MilestoneJobDeps, 'settings' | 'runs' | 'candidates' | 'snoozes' | 'defaultTimeZone'>,
  tenantId: string,
  now: Date,
): Promise<TenantRunPlan> {
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  const policy = milestonePolicyFor(settings);
  const window = await windowFor(deps.runs, tenantId, MILESTONE_JOB, now);
  const { people, managers } = await findMilestoneCandidates(deps.candidates, tenantId, window, policy);
  const byId = new Map([...managers, ...people].map((p) => [p.id, p]));
  const planned = planMilestoneSends({ people, managers, window, policy }).filter((send) => {
    const manager = send.recipient === 'manager' ? byId.get(send.recipientId) : undefined;
    return !manager?.mutedReminders?.includes(send.milestone.person.id);
  });
  return {
    window,
    defaultTimeZone: settings.defaultTimeZone,
    defaultLanguage: settings.defaultLanguage,
    defaultCelebration: settings.defaultCelebration,
    candidates: people.length,
    planned,
    people: byId,
    snoozes: await deps.snoozes.dueBy(tenantId, now),
  };
}

/** One tenant's run as each of its sends sees it. */
interface TenantRun extends SnoozeResendRun {
  /** Someone's personal chat (opened when Moments can and has none yet), once per run however many sends go there. */
  chatWith(userId: string): Promise<Reached>;
  /** A team's recognition channel, read once per run. */
  channelOf(teamId: string): Promise<{ channelId: string; channel: ConversationRecord } | undefined>;
}

async function runForTenant(
  deps: MilestoneJobDeps,
  tenantId: string,
  now: Date,
  dryRun: boolean,
): Promise<JobSend[]> {
  const logger = deps.logger.child({ job: MILESTONE_JOB, tenantId });
  const plan = await planTenantRun(deps, tenantId, now);
  // Every personal chat the run may send to, planned together (a run can reach thousands).
  const chatWith = chatsForRun(reachOf(deps), { tenantId, now, dryRun }, [
    ...plan.planned.map((send) =>
      send.recipient === 'manager' ? send.recipientId : send.milestone.person.id,
    ),
    ...plan.snoozes.map((snooze) => snooze.managerId),
  ]);
  const channelOf = readOnce(async (teamId) => {
    const channelId = (await deps.settings.team(tenantId, teamId))?.recognitionChannelId;
    const channel = channelId ? await deps.conversations.channel(tenantId, channelId) : undefined;
    return channelId && channel ? { channelId, channel } : undefined;
  });
  // A snoozed reminder goes back to the chat it came from.
  const snoozed = await readSnoozed(deps, tenantId, plan.snoozes, plan.people, async (userId) => {
    const reached = await chatWith(userId);
    return 'chat' in reached ? reached.chat : undefined;
  });
  const reminders = [
    ...plan.planned.flatMap((send) =>
      send.recipient === 'manager'
        ? [{ personId: send.milestone.person.id, managerId: send.recipientId }]
        : [],
    ),
    ...snoozed.map(({ snooze }) => ({ personId: snooze.personId, managerId: snooze.managerId })),
  ];
  const context = await readReminderContext(deps, tenantId, reminders, now);
  const run: TenantRun = {
    tenantId,
    now,
    dryRun,
    defaultTimeZone: plan.defaultTimeZone,
    defaultLanguage: plan.defaultLanguage,
    defaultCelebration: plan.defaultCelebration,
    chatWith,
    channelOf,
    context,
  };
  const results = await inPool(plan.planned, deps.concurrency ?? 8, (send) =>
    deliver(deps, run, send, plan.people),
  );
  const sends = [...results.flat(), ...(await resendSnoozed(deps, run, snoozed))];
  const retry = await finishRun(deps.runs, { tenantId, job: MILESTONE_JOB, now, dryRun }, sends);
  logger.info('milestone job ran for tenant', {
    since: plan.window.since.toISOString(),
    now: now.toISOString(),
    candidates: plan.candidates,
    planned: plan.planned.length,
    sent: sends.filter((s) => s.outcome === 'sent').length,
    retryNextRun: retry,
  });
  return sends;
}

async function deliver(
  deps: MilestoneJobDeps,
  run: TenantRun,
  send: PlannedSend,
  people: Map<string, Person>,
): Promise<JobSend[]> {
  const { tenantId, now } = run;
  const { milestone } = send;
  const line = (
    kind: JobSend['kind'],
    deliveryId: string,
    to: string,
    outcome: JobSend['outcome'] | Reached,
  ): JobSend => ({
    tenantId,
    deliveryId,
    kind,
    milestone: `${milestone.kind} ${milestone.date}`,
    personName: milestone.person.displayName,
    to,
    ...(typeof outcome === 'string'
      ? { outcome }
      : 'unreachable' in outcome
        ? { outcome: 'unreachable', unreachable: outcome.unreachable }
        : { outcome: 'planned' }),
  });
  const once = (
    deliveryId: string,
    kind: 'reminder' | 'celebration',
    address: DeliveryAddress,
    sendIt: () => Promise<SendResult>,
  ) =>
    run.dryRun
      ? Promise.resolve<JobSend['outcome']>('planned')
      : deliverOnce(
          deps.deliveries,
          deps.logger,
          { tenantId, id: deliveryId, kind, now, gate: deps.gate, clock: deps.clock, ...address },
          sendIt,
        );
  const celebration: DeliveryAddress['subject'] = { type: 'celebration', personId: milestone.person.id };

  if (send.recipient === 'manager') {
    const manager = people.get(send.recipientId);
    const to = manager?.displayName ?? send.recipientId;
    if (!manager) return [line('reminder', send.deliveryId, to, { unreachable: 'no-chat' })];
    const reached = await run.chatWith(send.recipientId);
    if (!('chat' in reached)) return [line('reminder', send.deliveryId, to, reached)];
    const { chat } = reached;
    const reader = readerOf(manager, run);
    const content = run.context.contentFor({
      deliveryId: send.deliveryId,
      milestone,
      manager,
      reader,
      managerToday: localDateOf(now, reader.timeZone),
    });
    return [
      line(
        'reminder',
        send.deliveryId,
        to,
        await once(
          send.deliveryId,
          'reminder',
          { recipientId: manager.id, subject: reminderSubject(milestone) },
          () => deps.notifier.remind(chat, content),
        ),
      ),
    ];
  }

  const lines: JobSend[] = [];
  for (const teamId of milestone.person.teamIds ?? []) {
    const team = await run.channelOf(teamId);
    if (!team) continue;
    const id = `${send.deliveryId}:${team.channelId}`;
    lines.push(
      line(
        'celebration',
        id,
        'team channel',
        await once(id, 'celebration', { subject: celebration }, () =>
          deps.notifier.celebrate(team.channel, { milestone, reader: tenantReader(run) }),
        ),
      ),
    );
  }
  const reached = await run.chatWith(milestone.person.id);
  const personal = `${send.deliveryId}:person`;
  lines.push(
    'chat' in reached
      ? line(
          'congratulation',
          personal,
          milestone.person.displayName,
          await once(
            personal,
            'celebration',
            { recipientId: milestone.person.id, subject: celebration },
            () =>
              deps.notifier.congratulate(reached.chat, {
                milestone,
                reader: readerOf(milestone.person, run),
              }),
          ),
        )
      : line('congratulation', personal, milestone.person.displayName, reached),
  );
  return lines;
}

/** `read` remembered per key: each key is read once, however many callers ask, even at once. */
function readOnce<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const reads = new Map<string, Promise<V>>();
  return (key) => {
    const pending = reads.get(key) ?? read(key);
    reads.set(key, pending);
    return pending;
  };
}
