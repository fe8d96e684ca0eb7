import type { CalendarEvent } from '../../core/briefs';
import type { MailboxEvent } from '../../functions/dev/local/demoCalendar';

/** The calendars the fake Graph serves, and how each mailbox misbehaves. */
export interface FakeCalendarOptions {
  /** Every event of every mailbox (a plain list: tests and the demo inject theirs). */
  events: MailboxEvent[];
  /** Mailboxes answered 403 ErrorAccessDenied, as one an application access policy leaves out. */
  forbidden?: string[];
  /** Mailboxes answered 404 ErrorInvalidUser, as a deleted user's. */
  missing?: string[];
  /** A mailbox's first `times` calendar requests are answered 429, with `Retry-After` when given (s). */
  throttled?: Record<string, { times: number; retryAfter?: number }>;
  /** Largest page, whatever `$top` asks (default 1000). Graph's own default page is 10. */
  maxPageSize?: number;
}

/** One calendarView request, sent alone or inside a batch. */
export interface FakeCalendarRequest {
  mailboxId: string;
  /** Path and query under `/v1.0`. */
  url: string;
  /** The `Prefer` header it carried. */
  prefer?: string;
  viaBatch: boolean;
  status: number;
}

/** An answer for the fake Graph server to send. */
export interface FakeAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The calendar part of the fake Graph: `/users/{id}/calendarView` and `/$batch`. */
export interface FakeCalendar {
  requests: FakeCalendarRequest[];
  /** `POST /$batch` posts received. */
  batches: number;
  /** The answer to a request under `/v1.0`, or undefined when it is not the calendar's. */
  answer(method: string, url: URL, prefer: string | undefined, body: string): FakeAnswer | undefined;
}

const CALENDAR_VIEW = /^\/v1\.0\/users\/([^/]+)\/calendarView$/i;
const MAX_BATCH = 20;

const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: { error: { code, message } },
});

/** Graph's `dateTimeTimeZone` in UTC: no offset, seven fractional digits. */
const graphDateTime = (iso: string) => ({
  dateTime: new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$10000'),
  timeZone: 'UTC',
});

const emailAddress = (email?: string, name?: string) => ({ name: name ?? email ?? '', address: email ?? '' });

/** An event as Graph's calendarView lists it, with the `$select`ed fields only (and `id`). */
function graphEvent(event: CalendarEvent, select: string[] | undefined): Record<string, unknown> {
  const never = '0001-01-01T00:00:00Z';
  const full: Record<string, unknown> = {
    id: event.id,
    iCalUId: event.iCalUId,
    subject: event.subject,
    start: graphDateTime(event.start),
    end: graphDateTime(event.end),
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    type: event.type,
    seriesMasterId: event.seriesMasterId ?? null,
    organizer: { emailAddress: emailAddress(event.organizer.email, event.organizer.name) },
    attendees: event.attendees.map((a) => ({
      type: a.type,
      status: { response: a.response, time: never },
      emailAddress: emailAddress(a.email, a.name),
    })),
    responseStatus: { response: event.ownerResponse, time: never },
  };
  const fields = select ? ['id', ...select] : Object.keys(full);
  return { '@odata.etag': `W/"${event.id}"`, ...Object.fromEntries(fields.map((f) => [f, full[f] ?? null])) };
}

/**
 * Answers as Graph does for `GET /v1.0/users/{id}/calendarView` (the window's overlapping events
 * by start, `$select`, `$top`, absolute `@odata.nextLink`s with `$skip`, UTC times as
 * `Prefer: outlook.timezone="UTC"` asks) and for `POST /v1.0/$batch` (at most 20 GET requests with
 * unique ids, their answers, throttling included, in `responses`).
 */
export function fakeCalendar(options: FakeCalendarOptions, origin: () => string): FakeCalendar {
  const requests: FakeCalendarRequest[] = [];
  const throttledSoFar = new Map<string, number>();
  const fake: FakeCalendar = { requests, batches: 0, answer };

  function calendarView(
    url: URL,
    mailboxId: string,
    prefer: string | undefined,
    viaBatch: boolean,
  ): FakeAnswer {
    const record: FakeCalendarRequest = {
      mailboxId,
      url: url.pathname.replace(/^\/v1\.0/, '') + url.search,
      viaBatch,
      status: 0,
      ...(prefer !== undefined ? { prefer } : {}),
    };
    requests.push(record);
    const answer = viewOf(url, mailboxId);
    record.status = answer.status;
    return answer;
  }

  function viewOf(url: URL, mailboxId: string): FakeAnswer {
    const throttle = options.throttled?.[mailboxId];
    const throttled = throttledSoFar.get(mailboxId) ?? 0;
    if (throttle && throttled < throttle.times) {
      throttledSoFar.set(mailboxId, throttled + 1);
      const headers: Record<string, string> =
        throttle.retryAfter !== undefined ? { 'Retry-After': String(throttle.retryAfter) } : {};
      return error(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', headers);
    }
    if (options.forbidden?.includes(mailboxId)) {
      return error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    if (options.missing?.includes(mailboxId)) {
      return error(404, 'ErrorInvalidUser', `The requested user '${mailboxId}' is invalid.`);
    }
    const query = url.searchParams;
    const from = Date.parse(query.get('startDateTime') ?? '');
    const to = Date.parse(query.get('endDateTime') ?? '');
    if (!Number.isFinite(from) || !Number.isFinite(to)) {
      return error(
        400,
        'ErrorInvalidParameter',
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      );
    }
    const top = Math.min(Number(query.get('$top') ?? 10), options.maxPageSize ?? 1000);
    const skip = Number(query.get('$skip') ?? 0);
    if (!Number.isInteger(top) || top < 1 || !Number.isInteger(skip) || skip < 0) {
      return error(400, 'ErrorInvalidParameter', 'Invalid $top or $skip.');
    }
    const select = query.get('$select')?.split(',').filter(Boolean);
    const inView = options.events
      .filter(
        ({ mailboxId: id, event }) =>
          id === mailboxId && Date.parse(event.start) < to && Date.parse(event.end) > from,
      )
      .map(({ event }) => event)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const body: Record<string, unknown> = {
      '@odata.context': `${origin()}/v1.0/$metadata#users('${mailboxId}')/calendarView`,
      value: inView.slice(skip, skip + top).map((event) => graphEvent(event, select)),
    };
    if (skip + top < inView.length) {
      const next = new URL(url.pathname + url.search, origin());
      next.searchParams.set('$skip', String(skip + top));
      body['@odata.nextLink'] = decodeURIComponent(next.toString());
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  }

  function batch(text: string): FakeAnswer {
    fake.batches += 1;
    let payload: { requests?: unknown };
    try {
      payload = JSON.parse(text) as { requests?: unknown };
    } catch {
      return error(400, 'BadRequest', 'Invalid batch payload format.');
    }
    const inner = payload.requests;
    if (!Array.isArray(inner) || inner.length === 0)
      return error(400, 'BadRequest', 'Invalid batch payload format.');
    if (inner.length > MAX_BATCH) {
      return error(400, 'BadRequest', `Number of batch requests exceeds the limit of ${MAX_BATCH}.`);
    }
    const ids = inner.map((r) => String((r as { id?: unknown }).id ?? ''));
    if (ids.some((id) => id === '') || new Set(ids).size !== ids.length) {
      return error(400, 'BadRequest', 'Batch request ids must be present and unique.');
    }
    const responses = (
      inner as Array<{ id: string; method?: string; url?: string; headers?: Record<string, string> }>
    ).map((request) => {
      const relative = String(request.url ?? '');
      const prefer = Object.entries(request.headers ?? {}).find(
        ([name]) => name.toLowerCase() === 'prefer',
      )?.[1];
      const url = new URL(`/v1.0/${relative.replace(/^\/+/, '')}`, origin());
      const view = CALENDAR_VIEW.exec(url.pathname);
      const answered =
        /^https?:/i.test(relative) || request.method !== 'GET' || !view
          ? error(
              400,
              'BadRequest',
              `The fake batches only GET calendarView, not ${request.method} ${relative}.`,
            )
          : calendarView(url, decodeURIComponent(view[1] ?? ''), prefer, true);
      return { id: request.id, status: answered.status, headers: answered.headers, body: answered.body };
    });
    return { status: 200, headers: {}, body: { responses } };
  }

  function answer(
    method: string,
    url: URL,
    prefer: string | undefined,
    body: string,
  ): FakeAnswer | undefined {
    if (method === 'POST' && url.pathname === '/v1.0/$batch') return batch(body);
    const view = CALENDAR_VIEW.exec(url.pathname);
    if (method === 'GET' && view) return calendarView(url, decodeURIComponent(view[1] ?? ''), prefer, false);
    return undefined;
  }

  return fake;
}
