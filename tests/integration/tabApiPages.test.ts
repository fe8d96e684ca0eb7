// The tab's pages through its API (functions/tab/pageRoutes.ts → core/insights), on the runtime the
// Functions host builds, against the local Cosmos DB server, with tokens from the local Entra
// stand-in: who may open which page, and that each shows what is stored.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { loadConfig, localToolingEnv } from '../../functions/config';
import { createJobsRuntime, type JobsRuntime } from '../../functions/composition';
import { createJsonLogger } from '../../functions/logging';
import { tabApiHandler, type TabApiHandler } from '../../functions/tab/apiHandler';
import { pageRoutes } from '../../functions/tab/pageRoutes';
import { TAB_ROUTES } from '../../functions/tab/routes';
import type { Recognition } from '../../core/kudos';
import { defaultTenantSettings } from '../../core/settings';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startLocalEntra, type LocalEntra } from '../support/localEntra';
import { personOf } from '../support/milestoneFixtures';

const CLIENT_ID = '6a1f0e3c-2b4d-4c5e-9f60-7a8b9c0d1e2f';
const T = '33333333-3333-4333-8333-333333333333';
const OTHER_TENANT = '44444444-4444-4444-8444-444444444444';
const ALEX = 'a0000000-0000-4000-8000-00000000000a'; // manages Megan
const MEGAN = 'b0000000-0000-4000-8000-00000000000b';
const ANN = 'c0000000-0000-4000-8000-00000000000c'; // an admin
const DAY = 24 * 60 * 60 * 1000;

let cosmos: TestCosmos;
let entra: LocalEntra;
let runtime: JobsRuntime;
let api: TabApiHandler;

const kudos = (
  id: string,
  giver: [string, string],
  recipient: [string, string],
  daysAgo: number,
  place: Recognition['place'],
  message: string,
): Recognition => {
  const createdAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  return {
    tenantId: T,
    id,
    giver: { id: giver[0], name: giver[1] },
    recipients: [{ id: recipient[0], name: recipient[1] }],
    recipientIds: [recipient[0]],
    value: { id: 'teamwork', name: 'Teamwork' },
    message,
    place,
    postToChannel: false,
    createdAt,
    givenOn: createdAt.slice(0, 10),
    celebrations: [],
  };
};
const CHANNEL = { kind: 'channel' as const, conversationId: '19:general@thread.tacv2', teamId: '19:team' };
const CHAT = { kind: 'personal' as const, conversationId: 'a:chat' };

beforeAll(async () => {
  cosmos = await startTestCosmos();
  entra = await startLocalEntra(CLIENT_ID);
  const config = loadConfig(localToolingEnv({ TAB_CLIENT_ID: CLIENT_ID, ENTRA_LOGIN_HOST: entra.loginHost }));
  runtime = await createJobsRuntime(config, {
    cosmos: { kind: 'local', endpoint: cosmos.server.endpoint, database: cosmos.database.id },
    logger: createJsonLogger({ level: 'error', sink: () => undefined }),
  });
  await runtime.stores.settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), adminIds: [ANN] });
  await runtime.stores.people.save(personOf(T, ALEX, { displayName: 'Alex Wilber' }));
  await runtime.stores.people.save(personOf(T, MEGAN, { displayName: 'Megan Bowen', managerId: ALEX }));
  await runtime.stores.people.save(personOf(T, ANN, { displayName: 'Ann Admin' }));
  await runtime.stores.recognitions.create(
    kudos('k-channel', [ALEX, 'Alex Wilber'], [MEGAN, 'Megan Bowen'], 2, CHANNEL, 'Great launch, Megan'),
  );
  await runtime.stores.recognitions.create(
    kudos('k-chat', [MEGAN, 'Megan Bowen'], [ANN, 'Ann Admin'], 3, CHAT, 'Thanks for the review'),
  );
  await runtime.stores.recognitions.create(
    kudos('k-old', [ANN, 'Ann Admin'], [MEGAN, 'Megan Bowen'], 200, CHAT, 'Welcome aboard'),
  );
  api = tabApiHandler(runtime, [...TAB_ROUTES, ...pageRoutes]);
});
afterAll(async () => {
  await runtime?.close();
  await entra?.close();
  await cosmos?.close();
});

let invocations = 0;
async function get(path: string, oid: string, tid = T): Promise<HttpResponseInit & { status: number }> {
  const request = new HttpRequest({
    method: 'GET',
    url: `http://127.0.0.1:3978/tab/api/${path}`,
    headers: { authorization: `Bearer ${await entra.tokenFor({ tid, oid })}` },
  });
  const context = new InvocationContext({ invocationId: `pages-${++invocations}`, functionName: 'tabApi' });
  const response = await api(request, context);
  return { ...response, status: response.status ?? 200 };
}

describe('GET recognition', () => {
  it('lists the viewer\u2019s kudos, newest first, with counts; the period filters them', async () => {
    const all = await get('recognition', MEGAN);
    expect(all.status).toBe(200);
    const page = all.jsonBody as { items: Array<{ id: string; direction: string }>; totals: unknown };
    expect(page.items.map((item) => [item.id, item.direction])).toEqual([
      ['k-channel', 'received'],
      ['k-chat', 'given'],
      ['k-old', 'received'],
    ]);
    expect(page.totals).toEqual({ received: 2, given: 1 });
    const recent = (await get('recognition?period=30d', MEGAN)).jsonBody as { items: Array<{ id: string }> };
    expect(recent.items.map((item) => item.id)).toEqual(['k-channel', 'k-chat']);
  });

  it('refuses a query it does not make: 400', async () => {
    expect((await get('recognition?period=7y', MEGAN)).jsonBody).toMatchObject({ error: 'badRequest' });
    expect((await get('recognition?cursor=forged', MEGAN)).status).toBe(400);
  });

  it('shows another tenant\u2019s caller nothing of this tenant', async () => {
    const stranger = await get('recognition', MEGAN, OTHER_TENANT);
    expect(stranger.jsonBody).toMatchObject({ items: [], totals: { received: 0, given: 0 } });
  });
});

describe('GET team and organisation', () => {
  it('team: 403 for someone without reports; a manager sees their report', async () => {
    expect(await get('team', MEGAN)).toMatchObject({ status: 403, jsonBody: { error: 'notAllowed' } });
    const team = await get('team', ALEX);
    expect(team.status).toBe(200);
    expect(team.jsonBody).toMatchObject({ reports: [{ person: { id: MEGAN, name: 'Megan Bowen' } }] });
  });

  it('organisation: 403 for anyone but an admin; an admin sees 12 weeks', async () => {
    expect((await get('organisation', ALEX)).status).toBe(403);
    const organisation = await get('organisation', ANN);
    expect(organisation.status).toBe(200);
    expect((organisation.jsonBody as { weeks: unknown[] }).weeks).toHaveLength(12);
  });
});

describe('GET organisation/export', () => {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);

  it('an admin gets a CSV attachment of the range, with the words only where they may travel', async () => {
    const answer = await get(`organisation/export?from=${monthAgo}&to=${today}`, ANN);
    expect(answer.status).toBe(200);
    const headers = new Headers(answer.headers as Record<string, string>);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="moments-recognitions-${monthAgo}-${today}.csv"`,
    );
    const csv = String(answer.body);
    expect(csv).toContain('Great launch, Megan');
    expect(csv).not.toContain('Thanks for the review');
    expect(csv).not.toContain('Welcome aboard');
  });

  it('anyone else: 403, whatever the range; an admin with a bad range: 400', async () => {
    expect((await get(`organisation/export?from=${monthAgo}&to=${today}`, ALEX)).status).toBe(403);
    expect((await get('organisation/export?from=nonsense', ALEX)).status).toBe(403);
    expect((await get(`organisation/export?from=${today}&to=${monthAgo}`, ANN)).status).toBe(400);
  });
});
