/**
 * Which of a manager's meetings get a brief, and when: a 1:1 with one of their reports, or their
 * team meeting. Pure: the calendar comes in as {@link CalendarEvent}s (UTC instants), so the time
 * zone a meeting was created in, daylight saving and recurrence have already been resolved by the
 * calendar into the instant each occurrence starts.
 */

import type { CalendarAttendee, CalendarEvent } from './calendar';

/** Who a meeting can be with: a person of the directory, known by id and (for calendars) e-mail. */
export interface BriefPerson {
  id: string;
  email?: string;
}

/** A meeting that gets a brief. */
export type BriefMeeting<P extends BriefPerson = BriefPerson> =
  | { kind: 'oneOnOne'; event: CalendarEvent; report: P }
  | { kind: 'teamMeeting'; event: CalendarEvent; attendees: P[] };

/** The fewest reports a team meeting has, however small the team. */
export const TEAM_MEETING_MIN_REPORTS = 3;

const MINUTE_MS = 60_000;

const normalisedEmail = (email: string | undefined) => email?.trim().toLowerCase() || undefined;

/**
 * The ledger id of one occurrence: its iCalUId and the instant it starts. Reading the same
 * occurrence twice gives the same key; an occurrence moved to another time gives a new one, so it
 * gets its brief at the new time, and the old time's key is never due because nothing starts then.
 */
export function occurrenceKey(event: Pick<CalendarEvent, 'iCalUId' | 'start'>): string {
  return `${event.iCalUId}@${new Date(event.start).toISOString()}`;
}

/** When the brief for `event` is due: `leadMinutes` before it starts. */
export function dueAt(event: Pick<CalendarEvent, 'start'>, leadMinutes: number): Date {
  return new Date(Date.parse(event.start) - leadMinutes * MINUTE_MS);
}

/**
 * Whether a job that runs every `runWindowMinutes` should send the brief for `event` at `now`: its
 * {@link dueAt} falls in (now − window, now], so each due time belongs to exactly one run, and the
 * meeting has not started yet (a brief after the meeting began is no use). A run that was missed
 * does not send late briefs for meetings already under way.
 */
export function isDue(
  event: Pick<CalendarEvent, 'start'>,
  leadMinutes: number,
  now: Date,
  runWindowMinutes: number,
): boolean {
  const due = dueAt(event, leadMinutes).getTime();
  const at = now.getTime();
  return due > at - runWindowMinutes * MINUTE_MS && due <= at && at <= Date.parse(event.start);
}

/**
 * The people in `event` other than the manager, with how each answered: the attendees who are
 * people (rooms and equipment are `resource` attendees), and the organiser, who is often not
 * listed among the attendees. Each e-mail counts once; an attendee without one is an unknown
 * person, who still counts (a meeting with a stranger is not a 1:1).
 */
function otherPeople(event: CalendarEvent, managerEmail: string | undefined): CalendarAttendee[] {
  const seen = new Set<string>();
  const people: CalendarAttendee[] = [];
  const organizerEmail = normalisedEmail(event.organizer.email);
  const organizer: CalendarAttendee = { response: 'organizer', type: 'required' };
  if (organizerEmail) organizer.email = organizerEmail;
  for (const attendee of [organizer, ...event.attendees]) {
    if (attendee.type === 'resource') continue;
    const email = normalisedEmail(attendee.email);
    if (attendee === organizer && !email) continue; // an organiser nobody knows is not an extra person
    if (email !== undefined && email === managerEmail) continue;
    if (email !== undefined) {
      if (seen.has(email)) continue;
      seen.add(email);
    }
    people.push({ ...attendee, ...(email ? { email } : {}) });
  }
  return people;
}

/**
 * The meetings among `events` (one day of the manager's calendar) that get a brief:
 *
 * - a **1:1**: exactly one other person has not declined, and that person is one of `reports`
 *   (matched by e-mail; the organiser counts when the report sent the invitation);
 * - a **team meeting**: the people who have not declined include at least half of `reports`, and
 *   at least {@link TEAM_MEETING_MIN_REPORTS}.
 *
 * Nothing is briefed for a cancelled event, an all-day event, a series master (the calendar gives
 * its occurrences) or a meeting the manager declined. Each occurrence is briefed once even when
 * the calendar lists it twice (the same {@link occurrenceKey}). In the order of `events`.
 */
export function classifyEvents<P extends BriefPerson>(
  manager: BriefPerson,
  reports: readonly P[],
  events: readonly CalendarEvent[],
): BriefMeeting<P>[] {
  const managerEmail = normalisedEmail(manager.email);
  const reportsByEmail = new Map<string, P>();
  for (const report of reports) {
    const email = normalisedEmail(report.email);
    if (email && report.id !== manager.id) reportsByEmail.set(email, report);
  }
  const teamSize = new Set(reports.map((report) => report.id).filter((id) => id !== manager.id)).size;
  const teamThreshold = Math.max(TEAM_MEETING_MIN_REPORTS, Math.ceil(teamSize / 2));
  const briefed = new Set<string>();
  const meetings: BriefMeeting<P>[] = [];
  for (const event of events) {
    if (event.isCancelled || event.isAllDay || event.type === 'seriesMaster') continue;
    if (event.ownerResponse === 'declined') continue;
    if (!Number.isFinite(Date.parse(event.start))) continue;
    const key = occurrenceKey(event);
    if (briefed.has(key)) continue;
    const present = otherPeople(event, managerEmail).filter((person) => person.response !== 'declined');
    const presentReports = present.flatMap((person) => {
      const report = person.email ? reportsByEmail.get(person.email) : undefined;
      return report ? [report] : [];
    });
    let meeting: BriefMeeting<P> | undefined;
    if (present.length === 1 && presentReports.length === 1) {
      meeting = { kind: 'oneOnOne', event, report: presentReports[0] as P };
    } else if (presentReports.length >= teamThreshold) {
      meeting = { kind: 'teamMeeting', event, attendees: presentReports };
    }
    if (meeting) {
      briefed.add(key);
      meetings.push(meeting);
    }
  }
  return meetings;
}
