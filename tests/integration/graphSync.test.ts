import { silentLogger } from '../../core/shared';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { type Person, syncPeople, type DirectoryUser } from '../../core/people';
import { CosmosDigestDirectory } from '../../functions/cosmos/digestDirectory';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import {
  GraphDirectory,
  USER_SELECT,
  type GraphDirectoryOptions,
} from '../../functions/graph/graphDirectory';
import {
  GraphAuthorizationError,
  GraphError,
  GRAPH_SCOPE,
  GraphThrottledError,
} from '../../functions/graph/graphErrors';
import { cachedCredential } from '../../functions/graph/graphSdkClient';
import { createJsonLogger, withLogScope, type LogEntry } from '../../functions/logging';
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

/** A credential that always gives `token`, recording the scopes it was asked for. */
function fixedCredential(token: string, scopes: Array<string | string[]> = []): TokenCredential {
  return {
    getToken: async (scope) => {
      scopes.push(scope);
      return { token, expiresOnTimestamp: Date.now() + 60 * 60_000 };
    },
  };
}

const directory = (graph: FakeGraph, options: Partial<GraphDirectoryOptions> = {}) =>
  new GraphDirectory({
    credential: fixedCredential(TOKEN),
    baseUrl: graph.baseUrl,
    retryDelaySeconds: 0.02,
    ...options,
  });

async function all(source: { users(): AsyncIterable<DirectoryUser> }): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  for await (const user of source.users()) users.push(user);
  return users;
}

const skiptokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('$skiptoken');

describe('GraphDirectory (Graph SDK) against the fake Graph', () => {
  it('lists 2,500 users in pages of 999, managers expanded in the same requests', async () => {
    const graph = await fakeGraph();
    const users = await all(directory(graph));

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
    const users = await all(directory(graph));
    expect(new Set(users.map((user) => user.id)).size).toBe(2500);
    expect(graph.requests).toHaveLength(25);
  });

  it("logs each retry once, with its status, its wait and the run's correlation id", async () => {
    const graph = await fakeGraph({ faults: [{ request: 2, status: 429, retryAfter: 1 }] });
    const lines: LogEntry[] = [];
    const logger = createJsonLogger({ level: 'info', sink: (_level, entry) => lines.push(entry) });
    const users = await withLogScope({ fields: { correlationId: 'inv-sync-1' } }, () =>
      all(directory(graph, { logger })),
    );

    expect(users).toHaveLength(2500);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'Graph request will be retried',
        correlationId: 'inv-sync-1',
        status: 429,
        attempt: 1,
        retryAfterSeconds: 1,
        path: '/v1.0/users',
      }),
    ]);
    // No query in the line: it would carry the next page's skiptoken.
    expect(JSON.stringify(lines)).not.toContain('skiptoken');
  });

  it('honours Retry-After on a 429 and backs off a 503: each page fetched again, nothing lost or repeated', async () => {
    const graph = await fakeGraph({
      faults: [
        { request: 2, status: 429, retryAfter: 1 },
        { request: 4, status: 503 },
      ],
    });
    const users = await all(directory(graph));

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

    // Each retry is the first of its request, and says so; the pages after a retry start afresh.
    expect(graph.requests.map((r) => r.retryAttempt)).toEqual([undefined, undefined, '1', undefined, '1']);
    // Backoff without Retry-After: at least the retry delay (20 ms here), plus the SDK's jitter.
    expect((afterBackoff?.at ?? 0) - (unavailable?.at ?? 0)).toBeGreaterThanOrEqual(20);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const graph = await fakeGraph({
      faults: [{ request: 1, status: 429, retryAfter: 2, retryAfterAsDate: true }],
    });
    expect(await all(directory(graph))).toHaveLength(2500);
    const [throttled, again] = graph.requests;
    expect(graph.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
    expect(again?.url).toBe(throttled?.url);
    // The date has whole seconds, so it is between 1 and 2 s ahead when sent.
    expect((again?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('gives up after the bounded number of retries', async () => {
    const graph = await fakeGraph({
      faults: [1, 2, 3].map((request) => ({ request, status: 503 as const })),
    });
    await expect(all(directory(graph, { maxRetries: 2 }))).rejects.toThrow(GraphThrottledError);
    expect(graph.requests).toHaveLength(3);
  });

  it('gives up with a clear error when Graph keeps throttling', async () => {
    const graph = await fakeGraph({
      faults: [1, 2, 3, 4].map((request) => ({ request, status: 429 as const, retryAfter: 0 })),
    });
    const error = await all(directory(graph, { maxRetries: 3 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect((error as GraphError).message).toMatch(
      /^Microsoft Graph still answered 429 after 3 retries for http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\?.*; try the sync again later$/,
    );
    expect((error as GraphError).details).toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(graph.requests.map((r) => r.status)).toEqual([429, 429, 429, 429]);
  });

  it('fails at once when Retry-After asks for longer than it will wait', async () => {
    const graph = await fakeGraph({ faults: [{ request: 1, status: 429, retryAfter: 1 }] });
    await expect(all(directory(graph, { maxRetryAfterSeconds: 0.5 }))).rejects.toThrow(/asked to wait 1 s/);
    expect(graph.requests).toHaveLength(1);
  });

  it('turns 401 into a clear error, without retrying', async () => {
    const graph = await fakeGraph();
    const error = await all(directory(graph, { credential: fixedCredential('expired-token') })).catch(
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
    await expect(all(directory(graph))).rejects.toThrow(
      /403 Authorization_RequestDenied.*grant the app User\.Read\.All/,
    );
  });

  it('says when it cannot get a token, and asks Graph nothing', async () => {
    const graph = await fakeGraph();
    const credential: TokenCredential = {
      getToken: async () => {
        throw new Error('Please run az login to set up an account');
      },
    };
    await expect(all(directory(graph, { credential }))).rejects.toThrow(
      /^Could not get an access token for Microsoft Graph \(https:\/\/graph\.microsoft\.com\/\.default\): Please run az login/,
    );
    expect(graph.requests).toHaveLength(0);
  });

  it('says when Graph cannot be reached', async () => {
    const graph = await startFakeGraph({ users: USERS, token: TOKEN });
    await graph.close();
    const error = await all(directory(graph)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).message).toMatch(/^Microsoft Graph could not be reached: /);
  });

  it('never sends the token to a next link on another origin', async () => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const fetchStub = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return new Response(
        JSON.stringify({
          value: [{ id: 'a', displayName: 'A' }],
          '@odata.nextLink': 'https://evil.example/users',
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    });
    try {
      const graphDirectory = new GraphDirectory({ credential: fixedCredential(TOKEN) });
      await expect(all(graphDirectory)).rejects.toThrow(/not sending the token there/);
    } finally {
      fetchStub.mockRestore();
    }
    // The SDK sent the one request through Node's fetch, to the public Graph by default.
    expect(seen).toEqual([
      {
        url: `https://graph.microsoft.com/v1.0/users?$select=${USER_SELECT}&$expand=manager($select=id)&$top=999`,
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
  });

  it('asks the credential for the Graph scope once and reuses the token until near expiry', async () => {
    const scopes: Array<string | string[]> = [];
    const credential = cachedCredential({
      getToken: async (scope) => {
        scopes.push(scope);
        return { token: `t${scopes.length}`, expiresOnTimestamp: Date.now() + 60 * 60_000 };
      },
    });
    const token = async () => ((await credential.getToken(GRAPH_SCOPE)) as AccessToken).token;
    expect(await Promise.all([token(), token()])).toEqual(['t1', 't1']);
    expect(await token()).toBe('t1');
    expect(scopes).toEqual(['https://graph.microsoft.com/.default']);

    // A whole sync of 25 pages asks once.
    const asked: Array<string | string[]> = [];
    const graph = await fakeGraph({ expandPageCap: 100 });
    expect(
      await all(directory(graph, { credential: cachedCredential(fixedCredential(TOKEN, asked)) })),
    ).toHaveLength(2500);
    expect(graph.requests).toHaveLength(25);
    expect(asked).toEqual([['https://graph.microsoft.com/.default']]);

    // Within five minutes of its expiry, a token is not reused.
    const shortLived = cachedCredential({
      getToken: async (scope) => {
        scopes.push(scope);
        return { token: `t${scopes.length}`, expiresOnTimestamp: Date.now() + 4 * 60_000 };
      },
    });
    expect((await shortLived.getToken(GRAPH_SCOPE))?.token).toBe('t2');
    expect((await shortLived.getToken(GRAPH_SCOPE))?.token).toBe('t3');
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
    const first = await syncPeople(people, directory(graph), { tenantId: TENANT, now });
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
    // One write per person merged, and one per manager of each page merged (249 managers, 269 in
    // all over the 25 pages) for the digest's list of managers.
    expect(cosmosCalls).toEqual({ queries: 25, upserts: 2495 + 269, pointReads: 0 });
    expect(await people.count(TENANT)).toBe(2496); // 2,445 added + the 51 imported
    const { resources: managerIds } = await cosmos.database
      .container('people')
      .items.query<string>({
        query: 'SELECT VALUE c.managerId FROM c WHERE c.tenantId = @t AND IS_STRING(c.managerId)',
        parameters: [{ name: '@t', value: TENANT }],
      })
      .fetchAll();
    const managers = [...new Set(managerIds)].sort();
    expect(managers).toHaveLength(249);
    expect(await new CosmosDigestDirectory(cosmos.database.container('people')).managerIds(TENANT)).toEqual(
      managers,
    );

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
      celebrate: {}, // nothing chosen: the tenant's default celebration applies
    });

    resetCalls();
    const second = await syncPeople(people, directory(graph), { tenantId: TENANT, now });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 2495, disabled: 5 });
    expect(cosmosCalls).toEqual({ queries: 25, upserts: 0, pointReads: 0 });
  }, 180_000); // 2 × 2,500 users through the in-process Cosmos server
});
