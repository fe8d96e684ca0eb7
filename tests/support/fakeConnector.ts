/**
 * A fake Bot Connector service for tests of proactive messaging: a real HTTP server on 127.0.0.1
 * that answers as the Teams Bot Connector does, keeps Teams' rate limits itself and fails on
 * request.
 *
 * - `POST /v3/conversations/{conversationId}/activities` (send) and
 *   `POST /v3/conversations/{conversationId}/activities/{replyToId}` (reply: what botbuilder uses
 *   for proactive sends, with a random `replyToId`) answer 201 `{ id }`;
 * - `PUT /v3/conversations/{conversationId}/activities/{activityId}` (update) answers 200 `{ id }`;
 * - `POST /v3/conversations` (createConversation: a personal chat with one member) answers 201
 *   `{ id }`, the same conversation for the same tenant and member every time, as Teams does;
 * - `GET /v3/conversations/{conversationId}/members/{memberId}` (a roster lookup) answers the
 *   member when the fake was given them (`members`), in whatever conversation;
 * - anything else answers 404 with a Bot Connector error body (a roster read finds no member),
 *   or a planned fault for a `GET`.
 *
 * Every accepted activity is recorded. Sends over a limit (per conversation, and per tenant, the
 * tenant read from `activity.conversation.tenantId` or `channelData.tenant.id`) answer 429 with
 * `Retry-After` and are counted, not recorded. A plan of faults answers chosen requests with an
 * HTTP status, or hangs, or drops the connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** At most `limit` accepted activities in any `windowMs` milliseconds. */
export interface FakeRateWindow {
  limit: number;
  windowMs: number;
}

/** The limits the fake enforces. */
export interface FakeConnectorLimits {
  conversation: readonly FakeRateWindow[];
  tenant: readonly FakeRateWindow[];
}

/**
 * Teams' published limits (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * per bot per conversation 7/1 s, 8/2 s, 60/30 s, 1800/1 h; per app per tenant 50/s.
 * Kept separate from the bot's own constant on purpose: the fake must not trust the code it tests.
 */
export const TEAMS_CONNECTOR_LIMITS: FakeConnectorLimits = {
  conversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ],
  tenant: [{ limit: 50, windowMs: 1_000 }],
};

/** What the fake answers instead of accepting a request. */
export type Fault =
  /** An HTTP status with a Bot Connector error body; `retryAfter` (seconds or an HTTP date) sets `Retry-After`. */
  | { status: number; retryAfter?: number | string; code?: string; message?: string }
  /** Never answers (until the client gives up or the fake closes). */
  | { hang: true }
  /** Destroys the connection without an answer. */
  | { drop: true };

/** One entry of a fault plan. */
export interface FaultRule {
  fault: Fault;
  /** Which requests the rule applies to. Default: every request. */
  when?: (request: FakeRequest) => boolean;
  /** How many matching requests it answers before it is used up. Default 1; `Infinity` for ever. */
  times?: number;
}

/** A request as the fault plan sees it. */
export interface FakeRequest {
  method: string;
  path: string;
  conversationId: string;
  /** `replyToId` of a reply, or the id of an updated activity. */
  activityId?: string;
  tenantId?: string;
  activity: Record<string, unknown>;
  /** The number of this request, from 1, over the fake's life. */
  seq: number;
}

/** An activity the fake accepted. */
export interface ReceivedActivity {
  kind: 'send' | 'update';
  /** The conversation id of the URL. */
  conversationId: string;
  /** The id the fake answered with (for an update: the updated activity's id). */
  id: string;
  /** The `replyToId` of the URL, when the activity was posted as a reply. */
  replyToId?: string;
  tenantId?: string;
  type?: string;
  text?: string;
  summary?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  /** The full body as received. */
  activity: Record<string, unknown>;
  /** The connector's clock (`Date.now()` unless it was given one) when it was accepted. */
  at: number;
  /** Whether the request carried an `Authorization` header (anonymous bots send none). */
  authorized: boolean;
  /** That header, when there was one (`Bearer <the bot's token>`). */
  authorization?: string;
}

/** A personal chat the fake opened (`POST /v3/conversations`). */
export interface CreatedConversation {
  /** The conversation id it answered with. */
  id: string;
  tenantId?: string;
  /** The member id the chat was opened with. */
  memberId: string;
  /** The bot account the request named as the sender. */
  botId?: string;
  /** The full body as received. */
  parameters: Record<string, unknown>;
}

/** Counters over the fake's life. */
export interface FakeConnectorStats {
  /** Requests that reached a route (accepted, throttled or faulted). */
  requests: number;
  accepted: number;
  /** 429s the fake answered because a rate limit was exceeded (not planned faults). */
  throttled: number;
  /** Requests answered from the fault plan. */
  faults: number;
}

/** A conversation member a roster lookup finds. */
export interface FakeMember {
  /** The Teams member id (`29:…`). */
  id: string;
  name: string;
  aadObjectId: string;
}

/** Options of {@link startFakeConnector}. */
export interface FakeConnectorOptions {
  /** The members roster lookups find; default none. */
  members?: readonly FakeMember[];
  /** The limits to enforce, or `false` for none. Default: {@link TEAMS_CONNECTOR_LIMITS}. */
  limits?: FakeConnectorLimits | false;
  /** The `Retry-After` (seconds) of a rate-limit 429. Default 1. */
  retryAfterSeconds?: number;
  /**
   * The clock its rate limits and arrival stamps use, in milliseconds. Default `Date.now`; a test of
   * rates passes the fake clock the sender's rate limiter runs on.
   */
  now?: () => number;
}

/** A running fake connector. */
export interface FakeConnector {
  /** Base URL, e.g. `http://127.0.0.1:41234`: use it as the conversation reference's `serviceUrl`. */
  readonly url: string;
  /** Every accepted activity, oldest first (a copy). */
  received(): ReceivedActivity[];
  /** Every personal chat opened, oldest first, once each (a copy). */
  created(): CreatedConversation[];
  stats(): FakeConnectorStats;
  /** Appends fault rules; each request takes the first rule that matches it and is not used up. */
  plan(...rules: Array<Fault | FaultRule>): void;
  /** Drops whatever is left of the plan. */
  clearPlan(): void;
  /** Stops listening and destroys open connections (hung requests included). */
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CREATE_ROUTE = /^\/v3\/conversations\/?$/;
const MEMBER_ROUTE = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)\/?$/;

/** Starts a {@link FakeConnector} on an ephemeral port of 127.0.0.1. */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const limits =
    options.limits === false ? { conversation: [], tenant: [] } : (options.limits ?? TEAMS_CONNECTOR_LIMITS);
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const clock = options.now ?? Date.now;
  const received: ReceivedActivity[] = [];
  const created = new Map<string, CreatedConversation>();
  const stats: FakeConnectorStats = { requests: 0, accepted: 0, throttled: 0, faults: 0 };
  let rules: Array<Required<Pick<FaultRule, 'fault' | 'times'>> & Pick<FaultRule, 'when'>> = [];
  const conversationStamps = new Map<string, number[]>();
  const tenantStamps = new Map<string, number[]>();
  const sockets = new Set<Socket>();
  let seq = 0;
  let nextId = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'InternalError', String(err));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** The first rule of the plan for `request`, used once. */
  function takeRule(request: FakeRequest) {
    const rule = rules.find((r) => r.times > 0 && (r.when?.(request) ?? true));
    if (rule) {
      rule.times--;
      rules = rules.filter((r) => r.times > 0);
      stats.faults++;
    }
    return rule;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = ROUTE.exec(path);
    const method = req.method ?? 'GET';
    if (method === 'POST' && CREATE_ROUTE.test(path)) {
      createConversation(req, res, body);
      return;
    }
    const isSend = method === 'POST';
    const isUpdate = method === 'PUT' && match?.[2] !== undefined;
    if (!match || !(isSend || isUpdate)) {
      // Reads (a roster lookup) know only the members given, and fail as planned: a throttled or
      // dropped read.
      const read: FakeRequest = { method, path, conversationId: '', activity: {}, seq: ++seq };
      const rule = method === 'GET' ? takeRule(read) : undefined;
      const memberId = method === 'GET' ? decodeURIComponent(MEMBER_ROUTE.exec(path)?.[1] ?? '') : '';
      const member = options.members?.find((m) => m.id === memberId);
      if (rule) answerFault(req, res, rule.fault);
      else if (member) {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(member));
      } else sendError(res, 404, 'NotFound', `No route for ${method} ${path}`);
      return;
    }
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(body) as Record<string, unknown>;
    } catch {
      sendError(res, 400, 'BadSyntax', 'The body is not JSON.');
      return;
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const tenantId = tenantOf(activity);
    stats.requests++;
    const request: FakeRequest = {
      method,
      path,
      conversationId,
      activityId,
      tenantId,
      activity,
      seq: ++seq,
    };

    const rule = takeRule(request);
    if (rule) {
      answerFault(req, res, rule.fault);
      return;
    }

    const now = clock();
    const conversationKey = `${tenantId ?? ''}\u0000${conversationId}`;
    const overConversation = exceeds(conversationStamps, conversationKey, limits.conversation, now);
    const overTenant = tenantId !== undefined && exceeds(tenantStamps, tenantId, limits.tenant, now);
    if (overConversation || overTenant) {
      stats.throttled++;
      sendError(
        res,
        429,
        'Throttled',
        overConversation
          ? 'Too many requests to this conversation.'
          : 'Too many requests from this app in this tenant.',
        { 'retry-after': String(retryAfterSeconds) },
      );
      return;
    }
    stamp(conversationStamps, conversationKey, limits.conversation, now);
    if (tenantId !== undefined) stamp(tenantStamps, tenantId, limits.tenant, now);

    const id = isUpdate && activityId ? activityId : `fake-${++nextId}`;
    stats.accepted++;
    received.push({
      kind: isUpdate ? 'update' : 'send',
      conversationId,
      id,
      ...(isSend && activityId ? { replyToId: activityId } : {}),
      ...(tenantId ? { tenantId } : {}),
      ...pick(activity),
      activity,
      at: now,
      authorized: typeof req.headers.authorization === 'string',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    res.writeHead(isUpdate ? 200 : 201, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ id }));
  }

  /** Opens (or finds) the personal chat with the one member named; faults apply as to sends. */
  function createConversation(req: IncomingMessage, res: ServerResponse, body: string): void {
    let parameters: Record<string, unknown>;
    try {
      parameters = JSON.parse(body) as Record<string, unknown>;
    } catch {
      sendError(res, 400, 'BadSyntax', 'The body is not JSON.');
      return;
    }
    const members = parameters.members as Array<{ id?: unknown }> | undefined;
    const memberId = members?.[0]?.id;
    const tenantId =
      typeof parameters.tenantId === 'string'
        ? parameters.tenantId
        : tenantOf(parameters as Record<string, unknown>);
    stats.requests++;
    const request: FakeRequest = {
      method: 'POST',
      path: '/v3/conversations',
      conversationId: '',
      tenantId,
      activity: parameters,
      seq: ++seq,
    };
    const rule = takeRule(request);
    if (rule) {
      answerFault(req, res, rule.fault);
      return;
    }
    if (typeof memberId !== 'string' || members?.length !== 1 || parameters.isGroup) {
      sendError(res, 400, 'BadArgument', 'A personal chat names exactly one member and is not a group.');
      return;
    }
    const key = `${tenantId ?? ''}\u0000${memberId}`;
    let chat = created.get(key);
    if (!chat) {
      const bot = parameters.bot as { id?: unknown } | undefined;
      chat = {
        id: `a:fake-chat-${created.size + 1}`,
        ...(tenantId ? { tenantId } : {}),
        memberId,
        ...(typeof bot?.id === 'string' ? { botId: bot.id } : {}),
        parameters,
      };
      created.set(key, chat);
    }
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ id: chat.id }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received.map((r) => ({ ...r })),
    created: () => [...created.values()].map((c) => ({ ...c })),
    stats: () => ({ ...stats }),
    plan: (...entries) => {
      for (const entry of entries) {
        const rule: FaultRule = 'fault' in entry ? entry : { fault: entry };
        rules.push({ fault: rule.fault, when: rule.when, times: rule.times ?? 1 });
      }
    },
    clearPlan: () => {
      rules = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answerFault(req: IncomingMessage, res: ServerResponse, fault: Fault): void {
  if ('hang' in fault) return; // the socket stays open until the client aborts or close() runs
  if ('drop' in fault) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  sendError(
    res,
    fault.status,
    fault.code ?? defaultCode(fault.status),
    fault.message ?? `Injected ${fault.status}.`,
    headers,
  );
}

function defaultCode(status: number): string {
  switch (status) {
    case 403:
      return 'BotNotInConversationRoster';
    case 404:
      return 'ConversationNotFound';
    case 429:
      return 'Throttled';
    default:
      return status >= 500 ? 'ServiceError' : 'BadArgument';
  }
}

/** Answers with the Bot Connector's error shape, `{ error: { code, message } }`. */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

function tenantOf(activity: Record<string, unknown>): string | undefined {
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = conversation?.tenantId ?? channelData?.tenant?.id;
  return typeof tenant === 'string' && tenant.length > 0 ? tenant : undefined;
}

function pick(activity: Record<string, unknown>): Partial<ReceivedActivity> {
  const out: Partial<ReceivedActivity> = {};
  if (typeof activity.type === 'string') out.type = activity.type;
  if (typeof activity.text === 'string') out.text = activity.text;
  if (typeof activity.summary === 'string') out.summary = activity.summary;
  if (Array.isArray(activity.attachments))
    out.attachments = activity.attachments as ReceivedActivity['attachments'];
  return out;
}

/** Whether one more activity at `now` would exceed a window (a stamp `x` counts while `now − windowMs < x`). */
function exceeds(
  stamps: Map<string, number[]>,
  key: string,
  windows: readonly FakeRateWindow[],
  now: number,
): boolean {
  const list = stamps.get(key) ?? [];
  return windows.some(({ limit, windowMs }) => {
    const oldest = list[list.length - limit];
    return oldest !== undefined && oldest > now - windowMs;
  });
}

function stamp(
  stamps: Map<string, number[]>,
  key: string,
  windows: readonly FakeRateWindow[],
  now: number,
): void {
  const list = stamps.get(key) ?? [];
  list.push(now);
  const keep = Math.max(0, ...windows.map((w) => w.limit));
  if (list.length > keep * 2) list.splice(0, list.length - keep);
  stamps.set(key, list);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
