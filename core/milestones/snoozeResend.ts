import { deliverOnce, type ConversationRecord, type DeliverySubject } from '../delivery';
import { localDateOf, type Language } from '../shared';
import { effectiveCelebration, type CelebrationPreference, type Person } from '../people';
import type { JobSend, MilestoneJobDeps } from './jobTypes';
import { readerOf } from './reader';
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
  /** The tenant's language, for managers whose own is unknown. */
  defaultLanguage: Language;
  /** The celebration of people who have not chosen one. */
  defaultCelebration: CelebrationPreference;
  /** The kudos and notes the reminders show, read with the run's other reminders. */
  context: ReminderContext;
}

/**
 * The people and manager's chat of each due snooze, so the reminder context can be read for them
 * together with the run's planned reminders. People the run has read already (`known`: its
 * candidates and their managers) are taken from there; the others are read in one batch.
 */
export async function readSnoozed(
  deps: Pick<MilestoneJobDeps, 'people'>,
  tenantId: string,
  snoozes: readonly ReminderSnooze[],
  known: ReadonlyMap<string, Person>,
  chatWith: (userId: string) => Promise<ConversationRecord | undefined>,
): Promise<SnoozedReminder[]> {
  const missing = [...new Set(snoozes.flatMap((s) => [s.personId, s.managerId]))].filter(
    (id) => !known.has(id),
  );
  const read = missing.length > 0 ? await deps.people.findMany(tenantId, missing) : [];
  const people = new Map([...known, ...read.map((person) => [person.id, person] as const)]);
  const snoozed: SnoozedReminder[] = [];
  for (const snooze of snoozes) {
    const person = people.get(snooze.personId);
    const manager = people.get(snooze.managerId);
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
    const stale =
      !person ||
      !manager ||
      !stillFor(snooze, person, run.defaultCelebration) ||
      snooze.date < localDateOf(now, manager.timeZone ?? defaultTimeZone);
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
    const reader = readerOf(manager, run);
    const content = run.context.contentFor({
      // Older snoozes were keyed `snooze:<delivery id>` and did not keep it apart.
      deliveryId: snooze.deliveryId ?? snooze.id.replace(/^snooze:/, ''),
      milestone: milestoneOf(snooze, person),
      manager,
      reader,
      managerToday: localDateOf(now, reader.timeZone),
    });
    const outcome = await deliverOnce(
      deps.deliveries,
      deps.logger,
      {
        tenantId,
        id: line('planned').deliveryId,
        kind: 'reminder',
        now,
        gate: deps.gate,
        clock: deps.clock,
        recipientId: manager.id,
        subject: reminderSubject(content.milestone),
      },
      () => deps.notifier.remind(chat, content),
    );
    if (outcome === 'sent' || outcome === 'already-done') await deps.snoozes.remove(tenantId, snooze.id);
    lines.push(line(outcome));
  }
  return lines;
}

/** What a reminder's delivery records about its milestone, for the card's actions to read back. */
export function reminderSubject(milestone: Milestone): DeliverySubject {
  return {
    type: 'reminder',
    personId: milestone.person.id,
    kind: milestone.kind,
    date: milestone.date,
    occursOn: milestone.occursOn,
    ...(milestone.years !== undefined ? { years: milestone.years } : {}),
  };
}

/**
 * Whether a snoozed reminder may still go to the manager who snoozed it: the person still reports
 * to them, and has not since turned the celebration of that milestone off. The reminder shows
 * their hire date, tenure and kudos, which only their own manager may see.
 */
function stillFor(snooze: ReminderSnooze, person: Person, tenantDefault: CelebrationPreference): boolean {
  if (person.managerId !== snooze.managerId) return false;
  if (snooze.kind !== 'birthday' && snooze.kind !== 'anniversary') return true;
  return effectiveCelebration(person, snooze.kind, tenantDefault) !== 'off';
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
