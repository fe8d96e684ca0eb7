/**
 * Managers' calendars read from Microsoft Graph through the Graph SDK, as the brief job's
 * {@link CalendarReader}.
 *
 * - **Permission**: app-only, the application permission `Calendars.ReadBasic` (the least one
 *   `calendarView` accepts: no bodies, attachments or extensions), scoped to managers' mailboxes
 *   by an Exchange application access policy or RBAC for Applications (README).
 * - **Requests**: `GET /users/{id}/calendarView` with `$select` and `Prefer: outlook.timezone="UTC"`,
 *   sent as JSON batches of at most 20 (one Graph request per 20 managers), then each calendar's
 *   further pages (`@odata.nextLink`), batched the same way.
 * - **Throttling**: a 429, 503 or 504 of the batch itself, or of one request inside it (whose
 *   `Retry-After` is in its own headers), is retried after `Retry-After` (else a backoff with
 *   jitter) up to `maxRetries` times; the SDK's own retry handler is off so that every wait goes
 *   through the injected `sleep`. A longer `Retry-After` than `maxRetryAfterSeconds` is not waited.
 * - **Per manager**: 403 is `forbidden`, 404 `missing`, anything else `failed`; one manager's
 *   calendar never stops the others', and nothing throws for one manager.
 *
 * @packageDocumentation
 */

import type { TokenCredential } from '@azure/identity';
import { GraphError as SdkGraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { CalendarEvent, CalendarRead, CalendarReader } from '../../core/briefs';
import { backoffDelayMs, chunks, parseRetryAfter, retry, type Logger } from '../../core/shared';
import { DEFAULT_GRAPH_BASE_URL } from '../config';
import { batchResponseSchema, calendarPageSchema, toCalendarEvent } from './graphCalendarEvents';
import { RETRYABLE_STATUSES } from './graphErrors';
import { createGraphSdkClient } from './graphSdkClient';

/** The Graph application permission calendar briefs need. */
export const CALENDAR_PERMISSION = 'Calendars.ReadBasic';
/** The event fields the briefs read. */
export const EVENT_SELECT =
  'subject,start,end,isAllDay,isCancelled,type,seriesMasterId,iCalUId,organizer,attendees,responseStatus';
/** Graph's limit of requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;
const PREFER_UTC = 'outlook.timezone="UTC"';

export interface GraphCalendarOptions {
  credential: TokenCredential;
  /** Default {@link DEFAULT_GRAPH_BASE_URL}; tests point it at a local server. */
  baseUrl?: string;
  /** `$top` of a calendar page (default 50). */
  pageSize?: number;
  /** Pages read of one calendar at most (default 20); a longer one is `failed`. */
  maxPages?: number;
  /** Retries of one batch, or of one request in it, after 429/503/504 (default 3). */
  maxRetries?: number;
  /** First backoff without `Retry-After`, in seconds (default 2), doubled for each retry. */
  retryDelaySeconds?: number;
  /** Longest `Retry-After` waited for, in seconds (default 60); a longer one fails the read. */
  maxRetryAfterSeconds?: number;
  /** Waits `ms` milliseconds. Default: `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Random numbers in [0, 1) for the backoff's jitter. Default: `Math.random`. */
  random?: () => number;
  logger?: Logger;
}

/** One calendar request still to make: a manager's first page, a further page, or a retry. */
interface Pending {
  index: number;
  managerId: string;
  /** Path and query under the base URL. */
  path: string;
  retries: number;
}

interface InnerAnswer {
  status: number;
  headers?: Record<string, unknown>;
  body?: unknown;
}

type Progress = { events: CalendarEvent[]; pages: number; read?: CalendarRead };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Microsoft Graph's calendarView, in JSON batches, as a {@link CalendarReader}. */
export class GraphCalendar implements CalendarReader {
  private readonly baseUrl: string;
  private readonly client: Client;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;
  private readonly baseDelayMs: number;

  constructor(private readonly options: GraphCalendarOptions) {
    this.baseUrl = new URL(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).href.replace(/\/+$/, '');
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.maxRetries = Math.max(0, options.maxRetries ?? 3);
    this.maxRetryAfterMs = (options.maxRetryAfterSeconds ?? 60) * 1000;
    this.baseDelayMs = (options.retryDelaySeconds ?? 2) * 1000;
    // The SDK retries nothing itself: batches and the requests inside them are retried below.
    this.client = createGraphSdkClient({
      credential: options.credential,
      baseUrl: this.baseUrl,
      retryDelaySeconds: options.retryDelaySeconds ?? 2,
      maxRetries: 0,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
    });
  }

  async eventsOf(tenantId: string, managerIds: string[], from: Date, to: Date): Promise<CalendarRead[]> {
    const logger = this.options.logger?.child({ tenantId });
    const progress: Progress[] = managerIds.map(() => ({ events: [], pages: 0 }));
    const top = Math.min(1000, Math.max(1, Math.floor(this.options.pageSize ?? 50)));
    const window = `startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}`;
    let pending: Pending[] = managerIds.map((managerId, index) => ({
      index,
      managerId,
      path: `/users/${encodeURIComponent(managerId)}/calendarView?${window}&$select=${EVENT_SELECT}&$top=${top}`,
      retries: 0,
    }));
    while (pending.length > 0) {
      const next: Pending[] = [];
      let waitMs = 0;
      for (const batch of chunks(pending, MAX_BATCH_REQUESTS)) {
        const answers = await this.sendBatch(batch);
        batch.forEach((item, i) => {
          const answer: InnerAnswer | string =
            typeof answers === 'string'
              ? answers
              : (answers.get(String(i + 1)) ?? "Graph's batch gave no answer for this calendar");
          const state = progress[item.index] as Progress;
          const followUp = this.settle(item, answer, state, logger);
          if (followUp) {
            next.push(followUp.pending);
            waitMs = Math.max(waitMs, followUp.waitMs);
          }
        });
      }
      if (waitMs > 0) await this.sleep(waitMs);
      pending = next;
    }
    return managerIds.map((managerId, i) => {
      const state = progress[i] as Progress;
      return state.read ?? { managerId, outcome: 'read', events: state.events };
    });
  }

  /**
   * What one answer means for its manager: events taken and the next page to read, a retry after
   * a wait, or the manager's outcome (`state.read`).
   */
  private settle(
    item: Pending,
    answer: InnerAnswer | string,
    state: Progress,
    logger: Logger | undefined,
  ): { pending: Pending; waitMs: number } | undefined {
    const { managerId } = item;
    if (typeof answer === 'string') {
      state.read = { managerId, outcome: 'failed', reason: answer };
      return undefined;
    }
    if (answer.status === 200) {
      const page = calendarPageSchema.safeParse(answer.body);
      if (!page.success) {
        state.read = {
          managerId,
          outcome: 'failed',
          reason: 'Graph answered the calendar without a value array',
        };
        return undefined;
      }
      for (const resource of page.data.value) {
        const event = toCalendarEvent(resource);
        if (event) state.events.push(event);
        else logger?.warn('Skipped a calendar event Graph described incompletely', { managerId });
      }
      state.pages += 1;
      const nextLink = page.data['@odata.nextLink'];
      if (!nextLink) return undefined;
      const path = this.pathOf(nextLink);
      if (path === undefined) {
        const reason = `Graph's next link is not under ${this.baseUrl}: not sending the token there`;
        state.read = { managerId, outcome: 'failed', reason };
        return undefined;
      }
      if (state.pages >= (this.options.maxPages ?? 20)) {
        const reason = `the calendar has more than ${state.pages} pages in the window`;
        state.read = { managerId, outcome: 'failed', reason };
        return undefined;
      }
      return { pending: { ...item, path, retries: 0 }, waitMs: 0 };
    }
    const said = describeAnswer(answer);
    if (RETRYABLE_STATUSES.has(answer.status)) {
      const retryAfterMs = parseRetryAfter(answer.headers, Date.now());
      if (item.retries >= this.maxRetries || (retryAfterMs ?? 0) > this.maxRetryAfterMs) {
        const why =
          item.retries >= this.maxRetries ? `after ${item.retries} retries` : 'and asked for too long a wait';
        state.read = { managerId, outcome: 'failed', reason: `Graph still answered ${said} ${why}` };
        return undefined;
      }
      const waitMs = backoffDelayMs(
        item.retries + 1,
        { baseDelayMs: this.baseDelayMs, maxDelayMs: this.maxRetryAfterMs },
        this.random,
        retryAfterMs,
      );
      logger?.warn('Graph calendar request will be retried', {
        managerId,
        status: answer.status,
        attempt: item.retries + 1,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      return { pending: { ...item, retries: item.retries + 1 }, waitMs };
    }
    if (answer.status === 403) {
      const reason = `Graph refused this mailbox (${said}): grant the app ${CALENDAR_PERMISSION} and check that the application access policy includes it`;
      state.read = { managerId, outcome: 'forbidden', reason };
    } else if (answer.status === 404) {
      state.read = { managerId, outcome: 'missing', reason: `Graph knows no such mailbox (${said})` };
    } else {
      state.read = { managerId, outcome: 'failed', reason: `Graph answered ${said}` };
    }
    return undefined;
  }

  /**
   * Posts one batch, retrying it when the batch itself is throttled. The answers by request id, or
   * why the whole batch failed (then every calendar in it failed).
   */
  private async sendBatch(batch: Pending[]): Promise<Map<string, InnerAnswer> | string> {
    const body = {
      requests: batch.map((item, i) => ({
        id: String(i + 1),
        method: 'GET',
        url: item.path,
        headers: { Prefer: PREFER_UTC },
      })),
    };
    const outcome = await retry(() => this.client.api('/$batch').post(body) as Promise<unknown>, {
      maxAttempts: this.maxRetries + 1,
      baseDelayMs: this.baseDelayMs,
      maxDelayMs: this.maxRetryAfterMs,
      maxRetryAfterMs: this.maxRetryAfterMs,
      retryable: (error) => error instanceof SdkGraphError && RETRYABLE_STATUSES.has(error.statusCode),
      retryAfterMs: (error) => parseRetryAfter((error as SdkGraphError).headers, Date.now()),
      onRetry: ({ attempt, delayMs }) =>
        this.options.logger?.warn('Graph calendar batch will be retried', { attempt, delayMs }),
      sleep: this.sleep,
      random: this.random,
    });
    if (!outcome.ok) {
      const { error } = outcome;
      if (!(error instanceof SdkGraphError) || error.statusCode < 0) {
        return `Microsoft Graph could not be reached: ${error instanceof Error ? error.message : String(error)}`;
      }
      const said = describeAnswer({
        status: error.statusCode,
        body: { error: { code: error.code, message: error.message } },
      });
      const why =
        outcome.stoppedBy === 'attempts-exhausted'
          ? ` after ${outcome.attempts - 1} retries`
          : outcome.stoppedBy === 'retry-after-too-long'
            ? ' and asked for too long a wait'
            : '';
      return `Graph answered the batch ${said}${why}`;
    }
    const parsed = batchResponseSchema.safeParse(outcome.value);
    if (!parsed.success) return 'Graph answered the batch without a responses array';
    return new Map(parsed.data.responses.map((response) => [response.id, response]));
  }

  /** The path of a next link under the base URL, or undefined when it points elsewhere. */
  private pathOf(next: string): string | undefined {
    let url: URL;
    try {
      url = new URL(next, this.baseUrl);
    } catch {
      return undefined;
    }
    return url.href.startsWith(`${this.baseUrl}/`) ? url.href.slice(this.baseUrl.length) : undefined;
  }
}

/** `403 ErrorAccessDenied: Access is denied.` from an inner answer's error body. */
function describeAnswer(answer: InnerAnswer): string {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? ` ${error.code}` : '';
  const message = typeof error?.message === 'string' ? `: ${error.message.slice(0, 300)}` : '';
  return `${answer.status}${code}${message}`;
}
