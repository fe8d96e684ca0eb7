import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeCalendar, type FakeCalendar, type FakeCalendarOptions } from './fakeGraphCalendar';

/** A user as the fake directory holds it. */
export interface FakeGraphUser {
  id: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName: string;
  accountEnabled: boolean;
  managerId?: string;
}

/** An answer the fake gives instead of the real one, for the `request`-th request (1-based). */
export interface FakeGraphFault {
  request: number;
  status: 429 | 503 | 504;
  /** `Retry-After` in seconds; none when undefined. */
  retryAfter?: number;
  /** Send `retryAfter` as an HTTP date that many seconds ahead instead of as seconds. */
  retryAfterAsDate?: boolean;
}

/** One request the fake received. */
export interface FakeGraphRequest {
  /** 1-based, in arrival order. */
  n: number;
  /** `Date.now()` on arrival. */
  at: number;
  method: string;
  /** Path and query, as sent. */
  url: string;
  authorization?: string;
  /** The `Retry-Attempt` header the Graph SDK puts on a retry: `1` for the first. */
  retryAttempt?: string;
  status: number;
}

export interface FakeGraphOptions {
  users: FakeGraphUser[];
  /** The bearer token accepted; anything else is 401. */
  token: string;
  /** Answer every authenticated request with 403 Authorization_RequestDenied. */
  forbidden?: boolean;
  faults?: FakeGraphFault[];
  /**
   * Largest page when `$expand` is used, whatever `$top` says; real Graph returns at most 100
   * directory objects a page with `$expand`. Default: no cap (pages are `$top`).
   */
  expandPageCap?: number;
  /**
   * Personal app installations (`POST /v1.0/users/{id}/teamwork/installedApps`): the catalog id
   * the app must be named by, the users who have it already (answered 409), and whether the
   * app lacks the permission to install (answered 403 while listing users still works).
   */
  installs?: { catalogId: string; installedFor?: string[]; forbidden?: boolean };
  /**
   * Teams' members (`GET /v1.0/teams/{group id}/members`), by the team's group id; a team in
   * `forbidden` answers 403, as Graph does when the team has not granted the app
   * `TeamMember.Read.Group`.
   */
  teams?: { members: Record<string, FakeTeamMember[]>; forbidden?: string[] };
  /** Mailboxes' calendars (`/users/{id}/calendarView`) and JSON batches (`/$batch`) of them. */
  calendar?: FakeCalendarOptions;
}

/** A member of a team as Graph lists it (an aadUserConversationMember). */
export interface FakeTeamMember {
  userId: string;
  displayName: string;
  /** `['owner']` for an owner, `[]` for a member, `['guest']` for a guest. */
  roles: string[];
}

export interface FakeGraph {
  /** `http://127.0.0.1:<port>/v1.0`: a `GRAPH_BASE_URL`. */
  baseUrl: string;
  requests: FakeGraphRequest[];
  /** The users Moments is installed for, in order: those given, then those installed for. */
  installedFor: string[];
  /** The calendar requests, alone or batched, and the batches received (none without `calendar`). */
  calendar: Pick<FakeCalendar, 'requests' | 'batches'>;
  close(): Promise<void>;
}

const SELECTABLE = new Set(['id', 'displayName', 'mail', 'userPrincipalName', 'accountEnabled']);

/**
 * A local HTTP server on 127.0.0.1 answering as Microsoft Graph does for `GET /v1.0/users`:
 * `$select`, `$top` (default 100, at most 999, else 400), paging through an absolute
 * `@odata.nextLink` to itself carrying the original query and an opaque `$skiptoken`,
 * `$expand=manager` or `manager($select=…)` (a `manager` object, or no property when the user
 * has none), Graph-shaped error bodies, a bearer-token check, and a plan of faults.
 */
export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const requests: FakeGraphRequest[] = [];
  const faults = new Map((options.faults ?? []).map((fault) => [fault.request, fault]));
  const byId = new Map(options.users.map((user) => [user.id, user]));
  const installedFor = [...(options.installs?.installedFor ?? [])];
  let origin = '';
  const calendar = fakeCalendar(options.calendar ?? { events: [] }, () => origin);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; odata.metadata=minimal',
      'request-id': `fake-${requests.length}`,
      ...headers,
    });
    res.end(JSON.stringify(body));
    return status;
  };
  const graphError = (res: ServerResponse, status: number, code: string, message: string, headers = {}) =>
    send(
      res,
      status,
      { error: { code, message, innerError: { 'request-id': `fake-${requests.length}` } } },
      headers,
    );

  /** `POST /v1.0/users/{id}/teamwork/installedApps`, as Graph answers it. */
  const install = (res: ServerResponse, userId: string, body: string): number => {
    if (!options.installs) return graphError(res, 404, 'NotFound', 'The fake installs no apps.');
    if (options.installs.forbidden) {
      return graphError(res, 403, 'Forbidden', 'Missing role permissions on the request.');
    }
    if (!byId.has(userId)) {
      return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${userId}' does not exist.`);
    }
    let bind: unknown;
    try {
      bind = (JSON.parse(body) as Record<string, unknown>)['teamsApp@odata.bind'];
    } catch {
      return graphError(res, 400, 'BadRequest', 'The body is not JSON.');
    }
    if (bind !== `${origin}/v1.0/appCatalogs/teamsApps/${options.installs.catalogId}`) {
      return graphError(res, 400, 'BadRequest', `Unknown app binding ${String(bind)}.`);
    }
    if (installedFor.includes(userId)) {
      return graphError(res, 409, 'Conflict', 'App is already installed for the user.');
    }
    installedFor.push(userId);
    res.writeHead(201, { 'request-id': `fake-${requests.length}` });
    res.end();
    return 201;
  };

  /**
   * `GET /v1.0/teams/{id}/members`, with the one `$filter` Graph documents for finding a member by
   * their user id; any other filter is refused as Graph refuses what it does not support.
   */
  const teamMembers = (res: ServerResponse, teamId: string, url: URL): number => {
    const teams = options.teams;
    if (teams?.forbidden?.includes(teamId)) {
      return graphError(res, 403, 'Forbidden', 'Missing role permissions on the request.');
    }
    const members = teams?.members[teamId];
    if (!members) return graphError(res, 404, 'NotFound', `No team found with Group Id ${teamId}`);
    const filter = url.searchParams.get('$filter');
    let listed = members;
    if (filter !== null) {
      const byUser = /^\(microsoft\.graph\.aadUserConversationMember\/userId eq '([^']+)'\)$/.exec(filter);
      if (!byUser) return graphError(res, 400, 'BadRequest', `The fake does not support $filter=${filter}.`);
      listed = members.filter((m) => m.userId === byUser[1]);
    }
    return send(res, 200, {
      '@odata.context': `${origin}/v1.0/$metadata#teams('${teamId}')/members`,
      '@odata.count': listed.length,
      value: listed.map((m) => ({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: Buffer.from(`${teamId}##${m.userId}`).toString('base64url'),
        roles: m.roles,
        displayName: m.displayName,
        userId: m.userId,
        tenantId: 'fake-tenant',
      })),
    });
  };

  const answer = (req: IncomingMessage, res: ServerResponse, n: number, requestBody: string): number => {
    const fault = faults.get(n);
    if (fault) {
      const retryAfter =
        fault.retryAfter !== undefined && fault.retryAfterAsDate
          ? new Date(Date.now() + fault.retryAfter * 1000).toUTCString()
          : fault.retryAfter;
      const headers: Record<string, string> =
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
      return fault.status === 429
        ? graphError(res, 429, 'TooManyRequests', 'Too many requests.', headers)
        : graphError(res, fault.status, 'ServiceUnavailable', 'Service unavailable.', headers);
    }
    const authorization = req.headers.authorization;
    if (!authorization?.startsWith('Bearer ') || authorization.length === 'Bearer '.length) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (authorization !== `Bearer ${options.token}`) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    }
    if (options.forbidden) {
      return graphError(
        res,
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    }
    const url = new URL(req.url ?? '/', origin);
    const calendarAnswer = options.calendar
      ? calendar.answer(req.method ?? '', url, [req.headers.prefer].flat()[0], requestBody)
      : undefined;
    if (calendarAnswer) return send(res, calendarAnswer.status, calendarAnswer.body, calendarAnswer.headers);
    const installing = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(url.pathname);
    if (req.method === 'POST' && installing)
      return install(res, decodeURIComponent(installing[1] ?? ''), requestBody);
    const team = /^\/v1\.0\/teams\/([^/]+)\/members$/.exec(url.pathname);
    if (req.method === 'GET' && team) return teamMembers(res, decodeURIComponent(team[1] ?? ''), url);
    if (req.method !== 'GET' || url.pathname !== '/v1.0/users') {
      return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${url.pathname}' does not exist.`);
    }
    const query = url.searchParams;
    const top = query.has('$top') ? Number(query.get('$top')) : 100;
    if (!Number.isInteger(top) || top < 1 || top > 999) {
      return graphError(
        res,
        400,
        'Request_UnsupportedQuery',
        `Invalid page size specified: '${query.get('$top')}'. Must be between 1 and 999 inclusive.`,
      );
    }
    const select = query.get('$select')?.split(',').filter(Boolean);
    if (select?.some((field) => !SELECTABLE.has(field))) {
      return graphError(res, 400, 'Request_BadRequest', 'The fake knows only the sync’s fields.');
    }
    const expand = query.get('$expand');
    const managerSelect = expand ? /^manager(?:\(\$select=([^)]*)\))?$/.exec(expand) : undefined;
    if (expand && !managerSelect) {
      return graphError(res, 400, 'Request_BadRequest', `The fake expands only manager, not '${expand}'.`);
    }
    let offset = 0;
    const skiptoken = query.get('$skiptoken');
    if (skiptoken !== null) {
      const decoded = /^offset:(\d+)$/.exec(Buffer.from(skiptoken, 'base64url').toString());
      if (!decoded) return graphError(res, 400, 'Directory_InvalidSkipToken', 'Invalid skip token.');
      offset = Number(decoded[1]);
    }
    const size = expand && options.expandPageCap ? Math.min(top, options.expandPageCap) : top;
    const page = options.users.slice(offset, offset + size).map((user) => {
      const fields = select ?? ['id', 'displayName', 'mail', 'userPrincipalName', 'accountEnabled'];
      const resource: Record<string, unknown> = Object.fromEntries(
        fields.map((field) => [field, user[field as keyof FakeGraphUser] ?? null]),
      );
      const manager = user.managerId ? byId.get(user.managerId) : undefined;
      if (managerSelect && manager) {
        const managerFields = managerSelect[1]?.split(',').filter(Boolean) ?? ['id', 'displayName'];
        resource.manager = {
          '@odata.type': '#microsoft.graph.user',
          ...Object.fromEntries(
            managerFields.map((field) => [field, manager[field as keyof FakeGraphUser] ?? null]),
          ),
        };
      }
      return resource;
    });
    const body: Record<string, unknown> = { '@odata.context': `${origin}/v1.0/$metadata#users`, value: page };
    if (offset + size < options.users.length) {
      const next = new URL(url);
      next.searchParams.set('$skiptoken', Buffer.from(`offset:${offset + size}`).toString('base64url'));
      body['@odata.nextLink'] = decodeURIComponent(next.toString());
    }
    return send(res, 200, body);
  };

  const server = createServer((req, res) => {
    const n = requests.length + 1;
    const record: FakeGraphRequest = {
      n,
      at: Date.now(),
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      retryAttempt: req.headers['retry-attempt'] as string | undefined,
      status: 0,
    };
    requests.push(record);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      record.status = answer(req, res, n, Buffer.concat(chunks).toString('utf8'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1.0`,
    requests,
    installedFor,
    calendar,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `count` users `user-0001…` under a small hierarchy: user 1 has no manager, the rest report up. */
export function fakeDirectory(count: number, options: { disabledEvery?: number } = {}): FakeGraphUser[] {
  const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    const user: FakeGraphUser = {
      id: id(i),
      displayName: `User ${i}`,
      mail: i % 10 === 0 ? null : `User.${i}@Contoso.example`,
      userPrincipalName: `user${i}@contoso.example`,
      accountEnabled: !(options.disabledEvery && i % options.disabledEvery === 0),
    };
    if (i > 1) user.managerId = id(Math.max(1, Math.floor(i / 10)));
    return user;
  });
}
