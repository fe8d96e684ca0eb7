import { silentLogger } from '../../core/shared';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { type Person, syncPeople, type DirectoryUser } from '../../core/people';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import {
  GraphAuthorizationError,
  GraphClient,
  GraphError,
  GraphThrottledError,
  graphTokenProvider,
  retryAfterMs,
  type GraphClientOptions,
  type GraphRetry,
} from '../../functions/graph/graphClient';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { fakeDirectory, startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../support/fakeGraph';

const TOKEN = 'app-token-for-graph';
const TENANT = '22222222-2222-2222-2222-222222222222';
const USERS = fakeDirectory(2500, { disabledEvery: 500 });

const servers: FakeGraph[] = [];
async function fakeGraph(options: Partial<FakeGraphOptions> = {}): Promise<FakeGraph> {
  const graph = await startFakeGraph({ users: USERS, token: TOKEN, ...options });
  servers.push(graph);
  return graph;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const client = (graph: FakeGraph, options: Partial<GraphClientOptions> = {}) =>
  new GraphClient({ getToken: async () => TOKEN, baseUrl: graph.baseUrl, baseDelayMs: 20, ...options });

async function all(source: { users(): AsyncIterable<DirectoryUser> }): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  for await (const user of source.users()) users.push(user);
  return users;
}

const skiptokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('$skiptoken');

describe('GraphClient against the fake Graph', () => {
  it('lists 2,500 users in pages of 999, managers expanded in the same requests', async () => {
    const graph = await fakeGraph();
    const users = await all(client(graph));

    expect(users).toHaveLength(2500);
    expect(new Set(users.map((user) => user.id)).size).toBe(2500);
    expect(users[0]).toEqual({
      id: USERS[0]?.id,
      displayName: 'User 1',
      mail: 'User.1@Contoso.example',
      userPrincipalName: 'user1@contoso.example',
      accountEnabled: true,
    });
    expect(users[24]).toMatchObject({ displayName: 'User 25', managerId: USERS[1]?.id });
    expect(users[9]?.mail).toBeUndefined(); // Graph's null

    // One request a page: 999 + 999 + 502, nothing per user.
    expect(graph.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const request of graph.requests) {
      expect(request.authorization).toBe(`Bearer ${TOKEN}`);
      const url = new URL(request.url, 'http://x');
      expect(url.pathname).toBe('/v1.0/users');
      expect(url.searchParams.get('$select')).toBe('id,displayName,mail,userPrincipalName,accountEnabled');
      expect(url.searchParams.get('$expand')).toBe('manager($select=id)');
      expect(url.searchParams.get('$top')).toBe('999');
    }
    expect(skiptokenOf(graph.requests[0]?.url ?? '')).toBeNull();
    expect(skiptokenOf(graph.requests[1]?.url ?? '')).not.toBeNull();
  });

  it('still gets everyone when Graph caps $expand pages at 100 (as it does), whatever $top says', async () => {
    const graph = await fakeGraph({ expandPageCap: 100 });
    const users = await all(client(graph));
    expect(new Set(users.map((user) => user.id)).size).toBe(2500);
    expect(graph.requests).toHaveLength(25);
  });

  it('honours Retry-After on a 429 and backs off a 503: each page fetched again, nothing lost or repeated', async () => {
    const graph = await fakeGraph({
      faults: [
        { request: 2, status: 429, retryAfter: 1 },
        { request: 4, status: 503 },
      ],
    });
    const retries: GraphRetry[] = [];
    const users = await all(client(graph, { onRetry: (retry) => retries.push(retry) }));

    expect(users).toHaveLength(2500);
    expect(new Set(users.map((user) => user.id)).size).toBe(2500);
    expect(users.map((user) => user.id)).toEqual(USERS.map((user) => user.id));

    const [first, throttled, again, unavailable, afterBackoff] = graph.requests;
    expect(graph.requests.map((r) => r.status)).toEqual([200, 429, 200, 503, 200]);
    expect(again?.url).toBe(throttled?.url);
    expect(skiptokenOf(throttled?.url ?? '')).not.toBeNull();
    expect((again?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(afterBackoff?.url).toBe(unavailable?.url);
    expect(first?.url).not.toBe(throttled?.url);

    expect(retries).toEqual([
      expect.objectContaining({ status: 429, retry: 1, delayMs: 1000, retryAfter: true }),
      expect.objectContaining({ status: 503, retry: 1, retryAfter: false }),
    ]);
    // Backoff without Retry-After: between half and all of baseDelayMs × 2^0.
    expect(retries[1]?.delayMs).toBeGreaterThanOrEqual(10);
    expect(retries[1]?.delayMs).toBeLessThanOrEqual(20);
  });

  it('gives up after the bounded number of retries', async () => {
    const graph = await fakeGraph({
      faults: [1, 2, 3].map((request) => ({ request, status: 503 as const })),
    });
    await expect(all(client(graph, { maxRetries: 2 }))).rejects.toThrow(GraphThrottledError);
    expect(graph.requests).toHaveLength(3);
  });

  it('fails at once when Retry-After asks for longer than it will wait', async () => {
    const graph = await fakeGraph({ faults: [{ request: 1, status: 429, retryAfter: 1 }] });
    await expect(all(client(graph, { maxRetryAfterMs: 500 }))).rejects.toThrow(/asked to wait 1 s/);
    expect(graph.requests).toHaveLength(1);
  });

  it('turns 401 into a clear error, without retrying', async () => {
    const graph = await fakeGraph();
    const error = await all(client(graph, { getToken: async () => 'expired-token' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphAuthorizationError);
    expect((error as GraphError).message).toMatch(/401 InvalidAuthenticationToken: Access token validation/);
    expect((error as GraphError).message).toMatch(/grant the app User\.Read\.All/);
    expect((error as GraphError).details).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(graph.requests).toHaveLength(1);

    // Without a bearer token at all, the fake answers as Graph does.
    const bare = await fetch(`${graph.baseUrl}/users`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('turns 403 into a clear error naming the permission', async () => {
    const graph = await fakeGraph({ forbidden: true });
    await expect(all(client(graph))).rejects.toThrow(
      /403 Authorization_RequestDenied.*grant the app User\.Read\.All/,
    );
  });

  it('never sends the token to a next link on another origin', async () => {
    const seen: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(
        JSON.stringify({
          value: [{ id: 'a', displayName: 'A' }],
          '@odata.nextLink': 'https://evil.example/users',
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    };
    const graphClient = new GraphClient({ getToken: async () => TOKEN, fetch: fetchStub });
    await expect(all(graphClient)).rejects.toThrow(/not sending the token there/);
    expect(seen).toEqual([graphClient.usersUrl()]);
    expect(seen[0]).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?/);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('1')).toBe(1000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(new Date(60_000).toUTCString(), 30_000)).toBe(30_000);
  });

  it('asks the credential for the Graph scope once and reuses the token until near expiry', async () => {
    const scopes: Array<string | string[]> = [];
    const credential = {
      getToken: async (scope: string | string[]) => {
        scopes.push(scope);
        return { token: `t${scopes.length}`, expiresOnTimestamp: Date.now() + 60 * 60_000 };
      },
    };
    const getToken = graphTokenProvider(credential);
    expect(await Promise.all([getToken(), getToken()])).toEqual(['t1', 't1']);
    expect(await getToken()).toBe('t1');
    expect(scopes).toEqual(['https://graph.microsoft.com/.default']);
  });
});

describe('syncPeople from Graph into Cosmos DB', () => {
  let cosmos: TestCosmos;
  // Counts what the local Cosmos server is asked: it runs in this process, and Node publishes every
  // incoming request on this channel. The fake Graph's requests carry none of these headers.
  const cosmosCalls = { queries: 0, upserts: 0, pointReads: 0 };
  const onRequest = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    if (request.headers['x-ms-documentdb-isquery'] !== undefined) cosmosCalls.queries += 1;
    else if (request.headers['x-ms-documentdb-is-upsert'] !== undefined) cosmosCalls.upserts += 1;
    else if (request.method === 'GET' && /\/colls\/people\/docs\/[^/]+$/.test(request.url ?? '')) {
      cosmosCalls.pointReads += 1;
    }
  };
  const resetCalls = () => Object.assign(cosmosCalls, { queries: 0, upserts: 0, pointReads: 0 });

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    diagnosticsChannel.subscribe('http.server.request.start', onRequest);
  });
  afterAll(async () => {
    diagnosticsChannel.unsubscribe('http.server.request.start', onRequest);
    await cosmos.close();
  });

  it('merges 2,500 users with the imported dates, and a second sync changes nothing', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    // What the HR CSV import stored: 50 people with dates and preferences, plus a leaver.
    const importedPerson = (index: number): Person => ({
      tenantId: TENANT,
      id: USERS[index]?.id ?? '',
      displayName: `HR name ${index + 1}`,
      birthday: '03-14',
      hireDate: '2019-09-02',
      timeZone: 'Europe/London',
      celebrate: { birthday: 'public', anniversary: 'off' },
    });
    const preImported = [...Array.from({ length: 50 }, (_, i) => importedPerson(i)), importedPerson(499)];
    for (const person of preImported) await people.save(person);

    const graph = await fakeGraph();
    const now = new Date('2025-06-02T03:00:00Z');
    resetCalls();
    const first = await syncPeople(people, client(graph), { tenantId: TENANT, now });
    expect(first).toEqual({
      tenantId: TENANT,
      syncedAt: now.toISOString(),
      added: 2445,
      updated: 50,
      unchanged: 0,
      disabled: 5,
      disabledInDirectory: [USERS[499]?.id],
      managersResolved: 2494,
      managersUnresolved: 0,
      duplicates: 0,
      forgotten: 0,
    });
    expect(cosmosCalls).toEqual({ queries: 25, upserts: 2495, pointReads: 0 });
    expect(await people.count(TENANT)).toBe(2496); // 2,445 added + the 51 imported

    // Dates and preferences stay as imported; names, emails and managers are Graph's.
    expect(await people.get(TENANT, USERS[24]?.id ?? '')).toEqual({
      ...importedPerson(24),
      displayName: 'User 25',
      email: 'user.25@contoso.example',
      managerId: USERS[1]?.id,
    });
    expect(await people.get(TENANT, USERS[499]?.id ?? '')).toEqual(importedPerson(499));
    expect(await people.get(TENANT, USERS[1989]?.id ?? '')).toEqual({
      tenantId: TENANT,
      id: USERS[1989]?.id,
      displayName: 'User 1990',
      email: 'user1990@contoso.example', // no mail: the UPN
      managerId: USERS[198]?.id,
      celebrate: { birthday: 'manager', anniversary: 'manager' },
    });

    resetCalls();
    const second = await syncPeople(people, client(graph), { tenantId: TENANT, now });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 2495, disabled: 5 });
    expect(cosmosCalls).toEqual({ queries: 25, upserts: 0, pointReads: 0 });
  }, 180_000); // 2 × 2,500 users through the in-process Cosmos server
});
