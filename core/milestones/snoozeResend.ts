import { deliverOnce, type ConversationRecord } from '../delivery';
import { localDateOf } from '../shared';
import type { Person } from '../people';
import type { JobSend, MilestoneJobDeps } from './jobTypes';
import type { ReminderContext } from './reminderContent';
import type { ReminderSnooze } from './snoozes';
import type { Milestone } from './types';

/** A snoozed reminder with the people and chat it needs, read before anything is sent. */
export interface SnoozedReminder {
  snooze: ReminderSnooze;
  person?: Person;
  manager?: Person;
  chat?: ConversationRecord;
}

/** What the resend needs to know of the tenant's run. */
export interface SnoozeResendRun {
  tenantId: string;
  now: Date;
  dryRun: boolean;
  /** The tenant's default time zone, for people whose own is unknown. */
  defaultTimeZone: string;
  /** The kudos and notes the reminders show, read with the run's other reminders. */
  context: ReminderContext;
}

/**
 * The people and manager's chat of each due snooze, one snooze after another, so the reminder
 * context can be read for them together with the run's planned reminders.
 */
export async function readSnoozed(
  deps: Pick<MilestoneJobDeps, 'people'>,
  tenantId: string,
  snoozes: readonly ReminderSnooze[],
  chatWith: (userId: string) => Promise<ConversationRecord | undefined>,
): Promise<SnoozedReminder[]> {
  const snoozed: SnoozedReminder[] = [];
  for (const snooze of snoozes) {
    const [person, manager] = await Promise.all([
      deps.people.get(tenantId, snooze.personId),
      deps.people.get(tenantId, snooze.managerId),
    ]);
    const chat = await chatWith(snooze.managerId);
    snoozed.push({
      snooze,
      ...(person ? { person } : {}),
      ...(manager ? { manager } : {}),
      ...(chat ? { chat } : {}),
    });
  }
  return snoozed;
}

/**
 * Reminders whose snooze is over come back, once each through the ledger, and their snooze is
 * removed once sent; a snooze past its milestone, or whose people or chat are gone, is dropped.
 */
export async function resendSnoozed(
  deps: Pick<MilestoneJobDeps, 'snoozes' | 'deliveries' | 'logger' | 'notifier' | 'gate' | 'clock'>,
  run: SnoozeResendRun,
  snoozed: readonly SnoozedReminder[],
): Promise<JobSend[]> {
  const { tenantId, now, defaultTimeZone } = run;
  const lines: JobSend[] = [];
  for (const { snooze, person, manager, chat } of snoozed) {
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
    if (run.dryRun) {
      lines.push(line(stale || !chat ? 'unreachable' : 'planned'));
      continue;
    }
    if (stale || !chat || !person || !manager) {
      await deps.snoozes.remove(tenantId, snooze.id);
      continue;
    }
    const content = run.context.contentFor({
      deliveryId: snooze.id.replace(/^snooze:/, ''),
      milestone: milestoneOf(snooze, person),
      manager,
      managerToday: localDateOf(now, manager.timeZone ?? defaultTimeZone),
    });
    const outcome = await deliverOnce(
      deps.deliveries,
      deps.logger,
      { tenantId, id: line('planned').deliveryId, kind: 'reminder', now, gate: deps.gate, clock: deps.clock },
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
