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
 * @returns the snooze, or a reason it makes no sense (the day is already here).
 */
export function snoozeUntilTomorrow(
  reminder: Omit<ReminderSnooze, 'id' | 'dueAt' | 'deliveryId'> & { deliveryId: string },
  manager: { timeZone: string; sendHour: number },
  now: Date,
): { ok: true; snooze: ReminderSnooze } | { ok: false; message: string } {
  const tomorrow = addDays(localDateOf(now, manager.timeZone), 1);
  if (tomorrow > reminder.date) {
    return { ok: false, message: 'That day is already here, so there is nothing to snooze.' };
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
