// Who owns a team, through the Graph SDK client over real HTTP against the fake Graph on loopback:
// owners, members, a team that has not granted TeamMember.Read.Group (403), and throttling (429).
import type { TokenCredential } from '@azure/identity';
import { GraphTeamRoles, TEAM_MEMBERS_PERMISSION } from '../../functions/graph/graphTeamRoles';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../support/fakeGraph';

const TOKEN = 'app-token-for-graph';
const TENANT = '22222222-2222-2222-2222-222222222222';
const TEAM = '0f2c7a6e-1f4b-4a57-9d1e-5c7b8a9d0e11';
const LOCKED_TEAM = '7c1d9e2a-3b4c-4d5e-8f60-718293a4b5c6';
const OWNER = '00000000-0000-4000-8000-0000000000a1';
const MEMBER = '00000000-0000-4000-8000-0000000000b2';
const STRANGER = '00000000-0000-4000-8000-0000000000c3';

const credential: TokenCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 60 * 60_000 }),
};

const servers: FakeGraph[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function world(faults: FakeGraphOptions['faults'] = []) {
  const graph = await startFakeGraph({
    users: [],
    token: TOKEN,
    faults,
    teams: {
      members: {
        [TEAM]: [
          { userId: OWNER, displayName: 'Alex Wilber', roles: ['owner'] },
          { userId: MEMBER, displayName: 'Megan Bowen', roles: [] },
        ],
        [LOCKED_TEAM]: [{ userId: OWNER, displayName: 'Alex Wilber', roles: ['owner'] }],
      },
      forbidden: [LOCKED_TEAM],
    },
  });
  servers.push(graph);
  const roles = new GraphTeamRoles({ credential, baseUrl: graph.baseUrl, retryDelaySeconds: 0.02 });
  return { graph, roles };
}

describe('team owners from Microsoft Graph', () => {
  it('an owner is one; a member or someone outside the team is not; one small request each', async () => {
    const { graph, roles } = await world();
    await expect(roles.isOwner(TENANT, TEAM, OWNER)).resolves.toEqual({ kind: 'owner' });
    await expect(roles.isOwner(TENANT, TEAM, MEMBER)).resolves.toEqual({ kind: 'not-owner' });
    await expect(roles.isOwner(TENANT, TEAM, STRANGER)).resolves.toEqual({ kind: 'not-owner' });
    expect(graph.requests.map((r) => `${r.method} ${decodeURIComponent(r.url)} ${r.status}`)).toEqual([
      `GET /v1.0/teams/${TEAM}/members?$filter=(microsoft.graph.aadUserConversationMember/userId eq '${OWNER}') 200`,
      `GET /v1.0/teams/${TEAM}/members?$filter=(microsoft.graph.aadUserConversationMember/userId eq '${MEMBER}') 200`,
      `GET /v1.0/teams/${TEAM}/members?$filter=(microsoft.graph.aadUserConversationMember/userId eq '${STRANGER}') 200`,
    ]);
    expect(graph.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('a team that has not granted the permission is reported as such, not as “not an owner”', async () => {
    const { roles } = await world();
    await expect(roles.isOwner(TENANT, LOCKED_TEAM, OWNER)).resolves.toEqual({
      kind: 'unknown',
      because: { cause: 'no-permission', permission: TEAM_MEMBERS_PERMISSION },
    });
  });

  it('429 with Retry-After is retried as the SDK does, after the wait asked for', async () => {
    const { graph, roles } = await world([{ request: 1, status: 429, retryAfter: 1 }]);
    await expect(roles.isOwner(TENANT, TEAM, OWNER)).resolves.toEqual({ kind: 'owner' });
    expect(graph.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(graph.requests[1]!.retryAttempt).toBe('1');
    expect(graph.requests[1]!.at - graph.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('throttling that outlasts the retries says to try again, and claims nothing about the caller', async () => {
    const { graph, roles } = await world([
      { request: 1, status: 429, retryAfter: 0 },
      { request: 2, status: 429, retryAfter: 0 },
      { request: 3, status: 429, retryAfter: 0 },
    ]);
    await expect(roles.isOwner(TENANT, TEAM, OWNER)).resolves.toEqual({
      kind: 'unknown',
      because: { cause: 'busy', status: 429 },
    });
    expect(graph.requests).toHaveLength(3);
  });
});
