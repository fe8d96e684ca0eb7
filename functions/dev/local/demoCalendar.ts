/**
 * The demo organisation's calendar (functions/dev/local/demoOrg.ts), as a local fake of Microsoft
 * Graph serves it: Alex Wilber's recurring 1:1 with Megan Bowen and his weekly team meeting.
 * Plain data, so a fake calendar can serve it and a test can read it.
 */

import type { CalendarAttendee, CalendarEvent } from '../../../core/briefs';
import { addDays, instantOfLocal, localDateOf, weekdayOf } from '../../../core/shared';
import { demoPeople, DEMO_IDS } from './demoOrg';

/** One event in one mailbox: whose calendar holds it, and the event as that calendar's owner sees it. */
export interface MailboxEvent {
  /** The mailbox owner's AAD object id (`/users/{id}/calendarView`). */
  mailboxId: string;
  event: CalendarEvent;
}

/** The zone Alex sets his meetings in. */
const ZONE = 'Europe/London';
const MINUTE_MS = 60_000;

/** The 1:1: every weekday at 10:00 London time, 30 minutes. */
const ONE_ON_ONE = {
  uid: 'demo-series-alex-megan-1on1',
  subject: 'Alex / Megan 1:1',
  hour: 10,
  minute: 0,
  length: 30,
};
/** The team meeting: every Monday at 09:30 London time, 30 minutes. */
const TEAM = {
  uid: 'demo-series-alex-team-weekly',
  subject: 'Product team weekly',
  hour: 9,
  minute: 30,
  length: 30,
};

/**
 * The occurrences in Alex's calendar on the `days` London dates from the one `from` falls on:
 * the 1:1 with Megan each weekday at 10:00 and the team meeting with all his reports each Monday
 * at 09:30, both in London time (so an hour earlier in UTC in summer). Each series keeps one
 * iCalUId; each occurrence has its own event id.
 */
export function demoCalendar(from: Date, days: number): MailboxEvent[] {
  const people = demoPeople(from);
  const alex = people.find((person) => person.id === DEMO_IDS.alex);
  const reports = people.filter((person) => person.managerId === DEMO_IDS.alex);
  const guest = (email: string | undefined): CalendarAttendee => ({
    ...(email ? { email } : {}),
    response: 'accepted',
    type: 'required',
  });
  const occurrence = (
    series: typeof ONE_ON_ONE,
    date: string,
    attendees: CalendarAttendee[],
  ): MailboxEvent => {
    const start = new Date(instantOfLocal(date, series.hour, ZONE).getTime() + series.minute * MINUTE_MS);
    return {
      mailboxId: DEMO_IDS.alex,
      event: {
        id: `${series.uid}-${date}`,
        iCalUId: series.uid,
        subject: series.subject,
        start: start.toISOString(),
        end: new Date(start.getTime() + series.length * MINUTE_MS).toISOString(),
        isAllDay: false,
        isCancelled: false,
        type: 'occurrence',
        seriesMasterId: `${series.uid}-master`,
        organizer: { ...(alex?.email ? { email: alex.email } : {}), name: alex?.displayName ?? 'Alex' },
        attendees,
        ownerResponse: 'organizer',
      },
    };
  };
  const events: MailboxEvent[] = [];
  const first = localDateOf(from, ZONE);
  for (let day = 0; day < days; day++) {
    const date = addDays(first, day);
    const weekday = weekdayOf(date);
    if (weekday === 1) {
      events.push(
        occurrence(
          TEAM,
          date,
          reports.map((report) => guest(report.email)),
        ),
      );
    }
    if (weekday <= 5) {
      const megan = reports.find((person) => person.id === DEMO_IDS.megan);
      events.push(occurrence(ONE_ON_ONE, date, [guest(megan?.email)]));
    }
  }
  return events;
}
