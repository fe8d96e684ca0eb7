/**
 * Local data of `npm start`: the Cosmos DB snapshot in `<LOCAL_DATA_DIR>/data.json` survives a
 * restart, `--reset` starts clean (and seeds the demo organisation again), the file is written while
 * the app runs, and an anonymous bot refuses to listen beyond loopback. No Playground here: replies
 * go to a fake Bot Connector.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApp } from '../../functions/dev/local/localApp';
import { DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { LocalSnapshot } from '../../functions/dev/local/localSnapshot';
import { startTestCosmos } from '../support/cosmos';
import { personOf } from '../support/milestoneFixtures';
import {
  ALEX_AAD_ID,
  personalMessage,
  postActivity,
  PROJECT_ROOT,
  startFakeConnector,
  startTestApp,
  type FakeConnector,
  type TestApp,
} from '../support/localApp';
import { freePort } from '../support/ports';

jest.setTimeout(60_000);

const PERSONAL_RECORD = `personal:${ALEX_AAD_ID}`;

let dataDir: string;
let connector: FakeConnector;
let running: TestApp | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'moments-localdata-'));
  connector = await startFakeConnector();
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

afterAll(async () => {
  await connector?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function start(reset: boolean): Promise<TestApp> {
  running = await startTestApp({ dataDir, reset });
  return running;
}

async function pollUntil<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readSnapshot(file: string): Record<string, Array<{ id: string }>> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Array<{ id: string }>>;
  } catch {
    return undefined; // not written yet
  }
}

let storedAt: string | undefined;

test('a fresh start seeds the demo organisation; a message stores the reference and the snapshot is written', async () => {
  const { app } = await start(true);
  expect(app.dataFile).toBe(join(dataDir, 'data.json'));
  expect(app.seeded).toBe(6);
  expect(await app.runtime.stores.people.count(DEMO_TENANT_ID)).toBe(6);
  expect(await app.runtime.stores.conversations.get(DEMO_TENANT_ID, PERSONAL_RECORD)).toBeUndefined();

  const answer = await postActivity(app.botUrl, personalMessage(connector.serviceUrl, 'hello'));
  expect(answer.status).toBe(200);
  const reply = await connector.waitFor((c) => c.activity.text?.includes('Type “help”') === true);
  expect(reply.path).toMatch(/^\/v3\/conversations\/a:moments-personal-alexw\/activities\//);

  const record = await app.runtime.stores.conversations.get(DEMO_TENANT_ID, PERSONAL_RECORD);
  expect(record).toMatchObject({ kind: 'personal', reference: { serviceUrl: connector.serviceUrl } });
  storedAt = record?.updatedAt;

  // Written while running (shortly after the change), not only on stop.
  const snapshot = await pollUntil('the snapshot with the conversation record', () => {
    const s = readSnapshot(app.dataFile!);
    return s?.conversations?.some((c) => c.id === PERSONAL_RECORD) ? s : undefined;
  });
  expect(snapshot.people).toHaveLength(6);
});

test('a restart without reset keeps the data and does not seed the demo organisation again', async () => {
  expect(storedAt).toBeDefined();
  const { app } = await start(false);
  expect(app.seeded).toBe(0);
  expect(await app.runtime.stores.people.count(DEMO_TENANT_ID)).toBe(6);
  const record = await app.runtime.stores.conversations.get(DEMO_TENANT_ID, PERSONAL_RECORD);
  expect(record).toMatchObject({
    kind: 'personal',
    conversationId: 'a:moments-personal-alexw',
    userId: ALEX_AAD_ID,
    updatedAt: storedAt,
  });
});

test('a start with reset forgets the conversation and seeds the demo organisation afresh', async () => {
  const { app } = await start(true);
  expect(app.seeded).toBe(6);
  expect(await app.runtime.stores.people.count(DEMO_TENANT_ID)).toBe(6);
  expect(await app.runtime.stores.conversations.get(DEMO_TENANT_ID, PERSONAL_RECORD)).toBeUndefined();
  await running!.stop();
  running = undefined;
  expect(readSnapshot(join(dataDir, 'data.json'))?.conversations).toEqual([]);
});

// Reads (queries, query plans, readAll, point reads) must not count as changes, or every snapshot
// save would schedule the next and data.json would be rewritten forever. The server and the
// snapshot are wired as startLocalApp wires them; a marker write shows when every request before
// it has been seen, so no fixed wait is needed to tell that the reads signalled nothing.
test('while nothing changes, the snapshot is not rewritten: reads, its own included, are no changes', async () => {
  const cosmos = await startTestCosmos();
  const file = join(dataDir, 'reads', 'data.json');
  const failures: unknown[] = [];
  const snapshot = new LocalSnapshot(cosmos.database, file, (error) => failures.push(error));
  let changes = 0;
  cosmos.server.onWrite(() => {
    changes++;
    snapshot.changed();
  });
  const people = cosmos.database.container('people');
  const marker = (id: string) => people.items.upsert(personOf(DEMO_TENANT_ID, id));
  const snapshotWith = (id: string) =>
    pollUntil(`the snapshot with ${id}`, () => {
      const s = readSnapshot(file);
      return s?.people?.some((p) => p.id === id) ? s : undefined;
    });
  try {
    await marker('first');
    expect(changes).toBe(1);
    await snapshotWith('first');

    await people.items.query('SELECT * FROM c', { maxItemCount: 1 }).fetchAll();
    await people.items.query({ query: 'SELECT VALUE COUNT(1) FROM c' }).fetchAll();
    await people.item('first', [DEMO_TENANT_ID, 'first']).read();
    await people.items.readAll().fetchAll();
    await snapshot.save();
    await marker('second');
    // Only the two marker writes were changes: no read, and not the snapshot's own saves.
    expect(changes).toBe(2);
    expect((await snapshotWith('second')).people?.map((p) => p.id).sort()).toEqual(['first', 'second']);
    expect(failures).toEqual([]);
  } finally {
    await snapshot.close();
    await cosmos.close();
  }
});

test('HOST=0.0.0.0 without BOT_ID: startLocalApp refuses, and stops what it had started', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moments-refuse-'));
  const port = await freePort();
  try {
    await expect(
      startLocalApp({
        projectRoot: PROJECT_ROOT,
        env: { HOST: '0.0.0.0', PORT: String(port), LOCAL_DATA_DIR: dir, LOG_LEVEL: 'error' },
        playground: false,
        scheduler: false,
        reset: true,
      }),
    ).rejects.toThrow(
      /Refusing to serve an anonymous bot on 0\.0\.0\.0: .*it may only listen on loopback \(HOST=127\.0\.0\.1\)/,
    );
    expect(existsSync(join(dir, 'server.json'))).toBe(false);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
