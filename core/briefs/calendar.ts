/**
 * A manager's calendar as the brief job reads it: only the fields it needs, times as UTC instants.
 * The Graph adapter (`functions/graph/`) maps `calendarView` to these; nothing else in `core/`
 * knows where a calendar comes from.
 */

/** How an attendee answered. `organizer` is the meeting's own organiser. */
export type AttendeeResponse =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface CalendarAttendee {
  /** Lower-cased e-mail address, when Graph gave one. */
  email?: string;
  name?: string;
  response: AttendeeResponse;
  /** `resource` attendees (rooms, equipment) are never people. */
  type: 'required' | 'optional' | 'resource';
}

/** One occurrence on the calendar (a recurring series comes as its occurrences). */
export interface CalendarEvent {
  /** Graph's event id of this occurrence. */
  id: string;
  /**
   * The same across every copy of the meeting (organiser's and attendees'). Graph documents it as
   * different for each occurrence of a series; the ledger keys on it with the start, which holds
   * either way.
   */
  iCalUId: string;
  subject: string;
  /** ISO 8601 UTC instants (`…Z`). */
  start: string;
  end: string;
  isAllDay: boolean;
  isCancelled: boolean;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string;
  organizer: { email?: string; name?: string };
  attendees: CalendarAttendee[];
  /** How the calendar's owner answered (their own copy); `organizer` when they organised it. */
  ownerResponse: AttendeeResponse;
}

/** One manager's calendar for a window, or why it could not be read. */
export type CalendarRead =
  | { managerId: string; outcome: 'read'; events: CalendarEvent[] }
  | {
      managerId: string;
      /**
       * `forbidden`: the app lacks the permission (or an access policy excludes the mailbox);
       * `missing`: no such mailbox (a deleted or unlicensed user); `failed`: anything else.
       */
      outcome: 'forbidden' | 'missing' | 'failed';
      reason: string;
    };

/** The calendar port: every read names the tenant. */
export interface CalendarReader {
  /**
   * Each manager's events that overlap [from, to), in as few requests as the source allows (Graph:
   * one JSON batch per 20 managers, then each calendar's further pages). One result per manager id,
   * in the order given; a manager whose calendar cannot be read never stops the others.
   */
  eventsOf(tenantId: string, managerIds: string[], from: Date, to: Date): Promise<CalendarRead[]>;
}
