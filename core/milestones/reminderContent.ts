import type { Milestone } from './types';
import type { Reader } from './reader';
import { tenureYearsAt } from './timing';
import { notePairKey, type Note, type NoteStore } from '../notes';
import type { Person } from '../people';
import { textTravels, type Recognition, type RecognitionStore } from '../kudos';

/** How far back a reminder looks for the kudos its person received. */
export const REMINDER_KUDOS_DAYS = 90;

const DAY = 24 * 60 * 60 * 1000;

/** What a manager's reminder says. */
export interface ReminderContent {
  /** The reminder's delivery id, which its actions (snooze) refer to. */
  deliveryId: string;
  milestone: Milestone;
  manager: Person;
  /** The manager, as the reminder is worded for them: their language and zone. */
  reader: Reader;
  /** The manager's local date when the reminder is sent. */
  managerToday: string;
  /** Whole years since the hire date, when the milestone really occurs (see {@link tenureYearsAt}). */
  tenureYears?: number;
  /** The latest kudos' `message` is '' when its text may not leave its conversation (`textTravels`). */
  kudos90Days: { count: number; latest?: { giverName: string; valueName: string; message: string } };
  /** The manager's own open notes about the person (private to the manager, who gets this reminder). */
  openNotes: Array<{ text: string; followUpOn?: string }>;
}

/** A reminder before its context: which milestone, for which manager, on the manager's which day. */
export type Reminder = Pick<
  ReminderContent,
  'deliveryId' | 'milestone' | 'manager' | 'reader' | 'managerToday'
>;

/** A reminder's two people: who it is about, and the manager it goes to. */
export interface ReminderPair {
  personId: string;
  managerId: string;
}

/** What the reminders of one run show, read for all of them at once. */
export interface ReminderContext {
  /** The reminder with its context; `reminder` must be one of the pairs the context was read for. */
  contentFor(reminder: Reminder): ReminderContent;
}

/**
 * Reads the context of every reminder of a run in two batched reads, whatever the number of
 * reminders: the kudos all their people received in the last {@link REMINDER_KUDOS_DAYS} days, and
 * each manager's open notes about the person they are reminded of (never another author's).
 */
export async function readReminderContext(
  stores: { recognitions: RecognitionStore; notes: NoteStore },
  tenantId: string,
  pairs: readonly ReminderPair[],
  now: Date,
): Promise<ReminderContext> {
  const personIds = new Set(pairs.map((pair) => pair.personId));
  const [received, notes] = await Promise.all([
    stores.recognitions.forRecipientsSince(
      tenantId,
      [...personIds],
      new Date(now.getTime() - REMINDER_KUDOS_DAYS * DAY),
    ),
    stores.notes.openAboutSubjects(
      tenantId,
      pairs.map((pair) => ({ authorId: pair.managerId, subjectId: pair.personId })),
    ),
  ]);
  const kudos = new Map<string, Recognition[]>();
  for (const recognition of received) {
    for (const id of new Set(recognition.recipientIds)) {
      if (personIds.has(id)) append(kudos, id, recognition);
    }
  }
  const notesByPair = new Map<string, Note[]>();
  for (const note of notes) append(notesByPair, notePairKey(note), note);
  return {
    contentFor: (reminder) => {
      const { person } = reminder.milestone;
      const latest = kudos.get(person.id)?.[0];
      const tenure = tenureYearsAt(reminder.milestone);
      const openNotes = notesByPair.get(notePairKey({ authorId: reminder.manager.id, subjectId: person.id }));
      return {
        ...reminder,
        ...(tenure === undefined ? {} : { tenureYears: tenure }),
        kudos90Days: {
          count: kudos.get(person.id)?.length ?? 0,
          ...(latest
            ? {
                latest: {
                  giverName: latest.giver.name,
                  valueName: latest.value.name,
                  // Words said in a chat the manager is not in stay there, unless the giver let them.
                  message: textTravels(latest) ? latest.message : '',
                },
              }
            : {}),
        },
        openNotes: (openNotes ?? []).map((note) => ({
          text: note.text,
          ...(note.followUpOn ? { followUpOn: note.followUpOn } : {}),
        })),
      };
    },
  };
}

function append<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
