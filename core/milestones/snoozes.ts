import { addDays, instantOfLocal, localDateOf } from '../shared';
import type { MilestoneKind } from './types';

/** A manager's reminder put off until `dueAt`. */
export interface ReminderSnooze {
  tenantId: string;
  /**
   * `snooze:<reminder delivery id>:<manager id>`: snoozing the same reminder twice moves it, never
   * doubles it, and nobody but the manager it was sent to can write that id.
   */
  id: string;
  /** The reminder's delivery id, which the card sent again refers to (absent on older snoozes). */
  deliveryId?: string;
  managerId: string;
  personId: string;
  kind: MilestoneKind;
  /** The milestone's date and real date, as on the original reminder. */
  date: string;
  occursOn: string;
  years?: number;
  /** ISO instant it comes back at. */
  dueAt: string;
}

/** The snoozes port. */
export interface SnoozeStore {
  save(snooze: ReminderSnooze): Promise<void>;
  /** Snoozes of the tenant due at or before `now`. */
  dueBy(tenantId: string, now: Date): Promise<ReminderSnooze[]>;
  remove(tenantId: string, id: string): Promise<void>;
}

/**
 * Snoozes a reminder until the manager's send hour tomorrow, in their own time zone.
 * @returns the snooze, or why it makes no sense: `day-already-here` when the milestone's day is today
 * (or past) in the manager's zone, so tomorrow morning would be too late.
 */
export function snoozeUntilTomorrow(
  reminder: Omit<ReminderSnooze, 'id' | 'dueAt' | 'deliveryId'> & { deliveryId: string },
  manager: { timeZone: string; sendHour: number },
  now: Date,
): { ok: true; snooze: ReminderSnooze } | { ok: false; reason: 'day-already-here' } {
  const tomorrow = addDays(localDateOf(now, manager.timeZone), 1);
  if (tomorrow > reminder.date) {
    return { ok: false, reason: 'day-already-here' };
  }
  return {
    ok: true,
    snooze: {
      ...reminder,
      id: snoozeId(reminder.deliveryId, reminder.managerId),
      dueAt: instantOfLocal(tomorrow, manager.sendHour, manager.timeZone).toISOString(),
    },
  };
}

/** The id of `managerId`'s snooze of the reminder delivered as `deliveryId`. */
export function snoozeId(deliveryId: string, managerId: string): string {
  return `snooze:${deliveryId}:${managerId}`;
}
