import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CalendarEvent } from '../../../core/briefs';
import { demoCalendar } from './demoCalendar';

/** A running local stand-in for Microsoft Graph's calendar. */
export interface LocalCalendar {
  /** The base URL to use as `GRAPH_BASE_URL` (`http://127.0.0.1:<port>/v1.0`). */
  baseUrl: string;
  close(): Promise<void>;
}

const CALENDAR_VIEW = /^\/v1\.0\/users\/([^/]+)\/calendarView$/i;
const DAY = 24 * 60 * 60 * 1000;
const MAX_BATCH = 20;
const MAX_BODY = 64 * 1024;

type Answer = { status: number; body: unknown };

const graphDateTime = (iso: string) => ({ dateTime: iso.replace(/Z$/, '0000'), timeZone: 'UTC' });
const address = (email?: string, name?: string) => ({ address: email ?? '', name: name ?? email ?? '' });

/** An event as Graph's calendarView lists it in UTC. */
function graphEvent(event: CalendarEvent): Record<string, unknown> {
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    subject: event.subject,
    start: graphDateTime(event.start),
    end: graphDateTime(event.end),
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    type: event.type,
    seriesMasterId: event.seriesMasterId ?? null,
    organizer: { emailAddress: address(event.organizer.email, event.organizer.name) },
    attendees: event.attendees.map((a) => ({
      type: a.type,
      status: { response: a.response },
      emailAddress: address(a.email, a.name),
    })),
    responseStatus: { response: event.ownerResponse },
  };
}

/** `calendarView` of one mailbox: the demo calendar's events overlapping the window, paged by `$top`/`$skip`. */
function calendarView(url: URL, mailboxId: string, origin: string): Answer {
  const from = Date.parse(url.searchParams.get('startDateTime') ?? '');
  const to = Date.parse(url.searchParams.get('endDateTime') ?? '');
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from || to - from > 62 * DAY) {
    return {
      status: 400,
      body: { error: { code: 'ErrorInvalidParameter', message: 'Invalid time window.' } },
    };
  }
  const top = Math.min(Math.max(Number(url.searchParams.get('$top') ?? 10) || 10, 1), 1000);
  const skip = Math.max(Number(url.searchParams.get('$skip') ?? 0) || 0, 0);
  const days = Math.ceil((to - from) / DAY) + 2;
  const events = demoCalendar(new Date(from - DAY), days)
    .filter((e) => e.mailboxId === mailboxId)
    .map((e) => e.event)
    .filter((e) => Date.parse(e.start) < to && Date.parse(e.end) > from)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const body: Record<string, unknown> = { value: events.slice(skip, skip + top).map(graphEvent) };
  if (skip + top < events.length) {
    const next = new URL(url.pathname + url.search, origin);
    next.searchParams.set('$skip', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return { status: 200, body };
}

function answer(method: string, url: URL, text: string, origin: string): Answer {
  const view = CALENDAR_VIEW.exec(url.pathname);
  if (method === 'GET' && view) return calendarView(url, decodeURIComponent(view[1] ?? ''), origin);
  if (method !== 'POST' || url.pathname !== '/v1.0/$batch') {
    return {
      status: 404,
      body: { error: { code: 'NotFound', message: 'The local calendar serves calendarView only.' } },
    };
  }
  let requests: unknown;
  try {
    requests = (JSON.parse(text) as { requests?: unknown }).requests;
  } catch {
    requests = undefined;
  }
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > MAX_BATCH) {
    return { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid batch payload.' } } };
  }
  const responses = (requests as Array<{ id?: unknown; method?: unknown; url?: unknown }>).map((request) => {
    const inner = new URL(`/v1.0/${String(request.url ?? '').replace(/^\/+/, '')}`, origin);
    const done = answer(String(request.method ?? 'GET'), inner, '', origin);
    return { id: String(request.id ?? ''), status: done.status, headers: {}, body: done.body };
  });
  return { status: 200, body: { responses } };
}

/**
 * Serves the demo organisation's calendar (demoCalendar.ts) on loopback as Microsoft Graph's
 * `calendarView` and `$batch` do, so `npm start` and the jobs CLI run calendar briefs with no
 * tenant: Alex's 1:1 with Megan each weekday at 10:00 London time and his Monday team meeting.
 */
export async function startLocalCalendar(): Promise<LocalCalendar> {
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const done =
        size > MAX_BODY
          ? { status: 413, body: { error: { code: 'RequestTooLarge', message: 'Too large.' } } }
          : answer(
              req.method ?? 'GET',
              new URL(req.url ?? '/', origin),
              Buffer.concat(chunks).toString('utf8'),
              origin,
            );
      res.writeHead(done.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(done.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/v1.0`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The local tooling's environment with the local calendar: unless calendar briefs or Graph are
 * configured (`CALENDAR_BRIEFS`, `GRAPH_BASE_URL`) or a Cosmos DB account is named, starts
 * {@link startLocalCalendar} and points calendar briefs at it. Returns the calendar to close, if any.
 */
export async function withLocalCalendar(
  env: Record<string, string | undefined>,
): Promise<{ env: Record<string, string | undefined>; calendar?: LocalCalendar }> {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (set('CALENDAR_BRIEFS') || set('GRAPH_BASE_URL') || set('COSMOS_ENDPOINT')) return { env };
  const calendar = await startLocalCalendar();
  return { env: { ...env, CALENDAR_BRIEFS: 'graph', GRAPH_BASE_URL: calendar.baseUrl }, calendar };
}
