/**
 * Graph's calendar answers, checked with zod and turned into core's {@link CalendarEvent}: a JSON
 * batch's `responses`, a calendarView page, and each event on it. Graph gives times as
 * `{ dateTime: '2027-03-29T09:00:00.0000000', timeZone: 'UTC' }` (no offset, seven fractional
 * digits) when asked for UTC; they become ISO instants (`2027-03-29T09:00:00.000Z`).
 *
 * @packageDocumentation
 */

import { z } from 'zod';
import type { AttendeeResponse, CalendarAttendee, CalendarEvent } from '../../core/briefs';

/** A JSON batch's answer: one response per request id, in any order. */
export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.unknown()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

/** One page of calendarView: the events as they came (each checked on its own) and the next link. */
export const calendarPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().max(8000).optional(),
});

const text = z.string().max(2000);
const emailAddress = z.object({ address: text.nullish(), name: text.nullish() }).nullish();
const dateTimeTimeZone = z.object({ dateTime: z.string().max(40), timeZone: z.string().max(200).nullish() });

const graphEventSchema = z.object({
  id: z.string().min(1).max(1000),
  iCalUId: z.string().min(1).max(1000),
  subject: text.nullish(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  isAllDay: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).nullish(),
  seriesMasterId: z.string().max(1000).nullish(),
  organizer: z.object({ emailAddress }).nullish(),
  attendees: z
    .array(
      z.object({
        type: z.string().max(50).nullish(),
        status: z.object({ response: z.string().max(50).nullish() }).nullish(),
        emailAddress,
      }),
    )
    .max(5000)
    .nullish(),
  responseStatus: z.object({ response: z.string().max(50).nullish() }).nullish(),
});

const RESPONSES: ReadonlySet<string> = new Set<AttendeeResponse>([
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
]);
const responseOf = (value: string | null | undefined): AttendeeResponse =>
  value && RESPONSES.has(value) ? (value as AttendeeResponse) : 'none';

const UTC_ZONES = /^(utc|etc\/utc|tzone:\/\/microsoft\/utc)$/i;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?$/;

/**
 * The ISO instant of Graph's `dateTimeTimeZone`: a UTC `dateTime` without offset (what
 * `Prefer: outlook.timezone="UTC"` asks for), or one with an offset or `Z`. An all-day event keeps
 * its date at midnight UTC whatever zone Graph names (Graph gives all-day events in their own
 * zone whatever the `Prefer` header says; briefs skip them). Undefined when neither.
 */
export function instantOf(
  value: { dateTime: string; timeZone?: string | null },
  isAllDay = false,
): string | undefined {
  const local = LOCAL_DATE_TIME.exec(value.dateTime);
  if (local) {
    const zone = value.timeZone ?? 'UTC';
    if (!isAllDay && !UTC_ZONES.test(zone)) return undefined;
    const millis = (local[2] ?? '').padEnd(3, '0').slice(0, 3);
    const ms = Date.parse(`${local[1]}${local[1]?.length === 16 ? ':00' : ''}.${millis}Z`);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  }
  const ms = /(Z|[+-]\d{2}:\d{2})$/i.test(value.dateTime) ? Date.parse(value.dateTime) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

const emailOf = (value: { address?: string | null } | null | undefined) => {
  const email = value?.address?.trim().toLowerCase();
  return email ? email : undefined;
};

/** Core's event for one calendarView resource, or undefined when Graph left out what briefs need. */
export function toCalendarEvent(resource: unknown): CalendarEvent | undefined {
  const parsed = graphEventSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const event = parsed.data;
  const isAllDay = event.isAllDay ?? false;
  const start = instantOf(event.start, isAllDay);
  const end = instantOf(event.end, isAllDay);
  if (!start || !end) return undefined;
  const organizerEmail = emailOf(event.organizer?.emailAddress);
  const organizerName = event.organizer?.emailAddress?.name ?? undefined;
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    subject: event.subject ?? '',
    start,
    end,
    isAllDay,
    isCancelled: event.isCancelled ?? false,
    type: event.type ?? 'singleInstance',
    ...(event.seriesMasterId ? { seriesMasterId: event.seriesMasterId } : {}),
    organizer: {
      ...(organizerEmail ? { email: organizerEmail } : {}),
      ...(organizerName ? { name: organizerName } : {}),
    },
    attendees: (event.attendees ?? []).map((attendee): CalendarAttendee => {
      const email = emailOf(attendee.emailAddress);
      const name = attendee.emailAddress?.name ?? undefined;
      const type = attendee.type === 'optional' || attendee.type === 'resource' ? attendee.type : 'required';
      return {
        ...(email ? { email } : {}),
        ...(name ? { name } : {}),
        response: responseOf(attendee.status?.response),
        type,
      };
    }),
    ownerResponse: responseOf(event.responseStatus?.response),
  };
}
