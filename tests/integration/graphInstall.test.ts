// Installing Moments for people through Microsoft Graph during the people sync: the Graph SDK
// client over real HTTP against the fake Graph, with the directory and stored chats in memory.
// Assertions are on what the fake Graph installed and on the sync's report.
import type { TokenCredential } from '@azure/identity';
import { ConversationBook } from '../../core/delivery';
import { syncPeople, type InstallPass } from '../../core/people';
import { GraphDirectory } from '../../functions/graph/graphDirectory';
import { GraphAppInstaller, INSTALL_PERMISSION } from '../../functions/graph/graphAppInstaller';
import { fakeDirectory, startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../support/fakeGraph';
import {
  MemoryConversationStore,
  MemoryErasureRegister,
  MemoryPeopleDirectory,
  RecordingLogger,
} from '../support/fakes';

const TOKEN = 'app-token-for-graph';
const TENANT = '22222222-2222-2222-2222-222222222222';
const CATALOG_ID = '1542629c-01b3-4a6d-8f76-1938b779e48d';
const NOW = new Date('2027-03-11T03:30:00Z');
// Six people; the sixth account is disabled.
const USERS = fakeDirectory(6, { disabledEvery: 6 });
const [withChat, alreadyInstalled, forgotten, ...others] = USERS.map((u) => u.id);

const credential: TokenCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 60 * 60_000 }),
};

const servers: FakeGraph[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function world(installs: Partial<NonNullable<FakeGraphOptions['installs']>> = {}, faults = {}) {
  const graph = await startFakeGraph({
    users: USERS,
    token: TOKEN,
    installs: { catalogId: CATALOG_ID, installedFor: [alreadyInstalled!], ...installs },
    ...faults,
  });
  servers.push(graph);
  const conversations = new ConversationBook(new MemoryConversationStore(), new RecordingLogger());
  await conversations.remember(
    {
      tenantId: TENANT,
      id: `personal:${withChat}`,
      kind: 'personal',
      conversationId: 'a:chat',
      userId: withChat!,
      reference: {},
    },
    NOW,
  );
  const erasures = new MemoryErasureRegister();
  await erasures.record(TENANT, forgotten!, NOW);
  const install: InstallPass = {
    installer: new GraphAppInstaller({
      credential,
      catalogId: CATALOG_ID,
      baseUrl: graph.baseUrl,
      retryDelaySeconds: 0.02,
    }),
    conversations,
    concurrency: 1,
  };
  const sync = () =>
    syncPeople(
      new MemoryPeopleDirectory(),
      new GraphDirectory({ credential, baseUrl: graph.baseUrl, retryDelaySeconds: 0.02 }),
      { tenantId: TENANT, now: NOW, erasures, install },
    );
  const installRequests = () => graph.requests.filter((r) => r.method === 'POST');
  return { graph, sync, installRequests };
}

describe('installing Moments for everyone during the people sync', () => {
  it('installs for enabled people without a chat (201); already installed (409) counts as done', async () => {
    const { graph, sync, installRequests } = await world();
    const report = await sync();
    expect(report.installs).toEqual({ installed: 2, alreadyInstalled: 1, failed: 0 });
    expect(graph.installedFor).toEqual([alreadyInstalled, others[0], others[1]]);
    // Never for the person with a chat, the forgotten one, or the disabled account.
    expect(installRequests().map((r) => r.url.split('/')[3])).toEqual([
      alreadyInstalled,
      others[0],
      others[1],
    ]);
    expect(installRequests().map((r) => r.status)).toEqual([409, 201, 201]);
  });

  it('waits as Graph asks when throttled (429 Retry-After), then installs', async () => {
    // Request 1 lists the users; request 2 is the first installation.
    const { graph, sync, installRequests } = await world(
      {},
      { faults: [{ request: 2, status: 429, retryAfter: 1 }] },
    );
    const report = await sync();
    expect(report.installs).toEqual({ installed: 2, alreadyInstalled: 1, failed: 0 });
    const [throttled, retried] = installRequests();
    expect(throttled?.status).toBe(429);
    expect(retried?.retryAttempt).toBe('1');
    expect(retried!.at - throttled!.at).toBeGreaterThanOrEqual(1000);
    expect(graph.installedFor).toEqual([alreadyInstalled, others[0], others[1]]);
  });

  it('reports a missing permission once, clearly, and tries nobody else (403)', async () => {
    const { graph, sync, installRequests } = await world({ forbidden: true });
    const report = await sync();
    expect(report.installs?.installed).toBe(0);
    expect(report.installs?.forbidden).toContain(INSTALL_PERMISSION);
    expect(report.installs?.forbidden).toContain('(403)');
    expect(installRequests()).toHaveLength(1);
    expect(graph.installedFor).toEqual([alreadyInstalled]);
    // The sync itself went on: everyone enabled and not forgotten is in the directory.
    expect(report.added).toBe(4);
  });
});
