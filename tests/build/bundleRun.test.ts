// The built bundle, run: main.js as `npm run build` writes it (stubs in place of what Moments never
// runs, scripts/bundleStubs.ts) is loaded in a fresh node with the worker's `@azure/functions-core`
// (scripts/fakeFunctionsCore.cjs --plan), against the local Cosmos DB server and a fake Bot
// Connector, and every trigger runs: the timers, the people import, a bot turn, and a proactive
// send, anonymous and then signed in with a client secret (through the one msal-node of the bundle,
// scripts/bundleResolve.ts). A stub that something still needs throws, and its step fails here.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { buildFunctions } from '../../scripts/build';
import { silentLogger } from '../../core/shared';
import { CosmosNoteStore } from '../../functions/cosmos/noteRepository';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { defaultTenantSettings } from '../../core/settings';
import { FOLLOW_UP_JOB } from '../../core/notes';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { peopleCsv, personId } from '../support/peopleCsv';

const root = path.resolve(__dirname, '..', '..');
const fakeCore = path.join(root, 'scripts', 'fakeFunctionsCore.cjs');
const TENANT = '5f3e2a1b-0c4d-4e6f-8a9b-1c2d3e4f5a6b';
const ALEX = personId(1);
const NOTE_TEXT = 'ask how the soccer tournament went';

/**
 * The modules marked when the bundle evaluates them: the jobs runtime, the bot, teams-ai's
 * Application, and the card templates' expression language (bot/teams/cardRender.ts loads it with
 * the first card).
 */
const MARKED = [
  { filter: /[\\/]functions[\\/]composition\.ts$/, name: 'jobs runtime', loader: 'ts' },
  { filter: /[\\/]bot[\\/]app\.ts$/, name: 'bot', loader: 'ts' },
  {
    filter: /[\\/]@microsoft[\\/]teams-ai[\\/]lib[\\/]Application\.js$/,
    name: 'teams-ai Application',
    loader: 'js',
  },
  {
    filter: /[\\/]adaptive-expressions[\\/]lib[\\/]index\.js$/,
    name: 'card expressions',
    loader: 'js',
  },
] as const;

/** Records each of {@link MARKED} in `globalThis.__loadedModules` when the bundle evaluates it. */
const markModules: Plugin = {
  name: 'mark-modules',
  setup(b) {
    for (const { filter, name, loader } of MARKED) {
      b.onLoad({ filter }, (args) => ({
        contents: `${readFileSync(args.path, 'utf8')}\n;(globalThis.__loadedModules ??= []).push(${JSON.stringify(name)});`,
        loader,
        resolveDir: path.dirname(args.path),
      }));
    }
  },
};

/** The Etc/GMT zone where it is now 09:xx, the default send hour, and today's date there. */
function zoneAtNine(now: Date): { zone: string; today: string } {
  let offset = 9 - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT names count the other way: Etc/GMT-5 is UTC+5.
  const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  const today = new Date(now.getTime() + offset * 3_600_000).toISOString().slice(0, 10);
  return { zone, today };
}

interface Step {
  function: string;
  response?: { status: number; body?: unknown };
  error?: string;
  logs: Array<{ level: string; line: string }>;
  loadedModules: string[];
}

let tmp: string;
let outDir: string;
/** Today's date where it is now 09:xx, Alex's zone. */
let today: string;
let cosmos: TestCosmos;
let connector: FakeConnector;
let steps: Step[];
let run: { status: number | null; stderr: string };

/**
 * Runs `plan` (scripts/fakeFunctionsCore.cjs --plan) on the built main.js in a fresh node, against
 * the local Cosmos DB server, with `env` beside the settings every run has.
 */
async function runPlan(
  name: string,
  plan: unknown[],
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<{ run: { status: number | null; stderr: string }; steps: Step[] }> {
  const planPath = path.join(tmp, `${name}-plan.json`);
  writeFileSync(planPath, JSON.stringify(plan));
  const reportPath = path.join(tmp, `${name}-report.json`);
  // Asynchronous: the fake connector and the Cosmos DB server answer from this process.
  const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const p = spawn(
      process.execPath,
      // main.js is the entry the deployed package.json names; its chunks load as it needs them.
      [...(options.nodeArgs ?? []), fakeCore, path.join(outDir, 'main.js'), reportPath, '--plan', planPath],
      {
        cwd: tmp,
        env: {
          COSMOS_ENDPOINT: cosmos.server.endpoint,
          COSMOS_KEY: 'bG9jYWwtZGV2ZWxvcG1lbnQ=',
          COSMOS_DATABASE: cosmos.database.id,
          // The local server's certificate is self-signed; a real account's never is.
          NODE_TLS_REJECT_UNAUTHORIZED: '0',
          LOG_LEVEL: 'info',
          MOMENTS_LOCAL: '1',
          ...options.env,
        },
      },
    );
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (status) => resolve({ status, stderr }));
  });
  return { run, steps: (JSON.parse(readFileSync(reportPath, 'utf8')) as { steps: Step[] }).steps };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'moments-bundle-run-'));
  ({ outDir } = await buildFunctions({
    outDir: path.join(tmp, 'functions'),
    plugins: [markModules],
  }));
  cosmos = await startTestCosmos();
  connector = await startFakeConnector();
  const nine = zoneAtNine(new Date());
  const zone = nine.zone;
  today = nine.today;
  // A tenant Moments serves (the import refuses one it does not know).
  await new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger).saveTenant(
    defaultTenantSettings(TENANT, 'UTC'),
  );
  // A follow-up due now in Alex's zone: the follow-up timer nudges him in his personal chat.
  await new CosmosNoteStore(cosmos.database.container('notes'), silentLogger).create({
    tenantId: TENANT,
    id: 'note-1',
    authorId: ALEX,
    subjectId: personId(2),
    subjectName: 'Adele Vance',
    text: NOTE_TEXT,
    followUpOn: today,
    status: 'open',
    createdAt: '2027-01-01T09:00:00.000Z',
    updatedAt: '2027-01-01T09:00:00.000Z',
  });
  const activity = {
    type: 'message',
    id: 'activity-help-1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    text: 'help',
    locale: 'en-US',
    from: { id: '29:alex', name: 'Alex Wilber', aadObjectId: ALEX },
    recipient: { id: '28:moments-bot', name: 'Moments' },
    conversation: { id: 'a:alex', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  const plan = [
    // Before anything has happened: nothing to send, and the bot stays unloaded.
    { function: 'milestoneReminders' },
    { function: 'weeklyDigest' },
    { function: 'peopleSync' },
    {
      function: 'importPeople',
      request: {
        url: `http://127.0.0.1/api/manage/people?tenant=${TENANT}`,
        headers: { 'content-type': 'text/csv' },
        body: peopleCsv(
          `${ALEX},alex@contoso.com,Alex Wilber,,,2020-01-06,${zone},,,`,
          `${personId(2)},adele@contoso.com,Adele Vance,alex@contoso.com,,2021-02-01,${zone},,,`,
        ),
      },
    },
    {
      function: 'messages',
      request: {
        url: 'http://127.0.0.1/api/messages',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      },
    },
    { function: 'followUpNudges' },
    { function: 'tabSite', request: { method: 'GET', url: 'http://127.0.0.1/tab/' } },
  ];
  ({ run, steps } = await runPlan('first', plan));
}, 300_000);

afterAll(async () => {
  await connector?.close();
  await cosmos?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const step = (name: string) => steps.find((s) => s.function === name)!;
const lines = (s: Step) => s.logs.map((l) => JSON.parse(l.line) as Record<string, unknown>);

describe('the built bundle, every trigger run', () => {
  it('runs every step without an error', () => {
    expect(run.status).toBe(0);
    expect(steps.map((s) => [s.function, s.error ?? 'ok'])).toEqual(steps.map((s) => [s.function, 'ok']));
  });

  it("runs the timers on the jobs runtime, without the bot's chunk or the card expressions while they send nothing", () => {
    for (const name of ['milestoneReminders', 'weeklyDigest', 'peopleSync']) {
      expect(step(name).loadedModules).toEqual(['jobs runtime']);
    }
    expect(lines(step('milestoneReminders')).map((l) => l.message)).toContain('milestone job ran');
  });

  it('serves the tab from the deployed folder: its page with a nonce and its hashed entry', () => {
    const page = step('tabSite').response;
    expect(page?.status).toBe(200);
    expect(String(page?.body)).toMatch(/<meta name="csp-nonce" content="[A-Za-z0-9+/=]{16,}">/);
    expect(String(page?.body)).toMatch(/src="\/tab\/assets\/main-[A-Z0-9]+\.js"/);
  });

  it('imports people over HTTP', () => {
    expect(step('importPeople').response?.status).toBe(200);
  });

  it('answers a bot turn: the help reply reaches the chat, the bot and the card expressions loaded then', () => {
    expect(step('messages').response?.status).toBe(200);
    expect([...step('messages').loadedModules].sort()).toEqual([
      'bot',
      'card expressions',
      'jobs runtime',
      'teams-ai Application',
    ]);
    const reply = connector.received().find((r) => r.conversationId === 'a:alex');
    // The help card, rendered from its template (adaptivecards-templating runs in the bundle).
    expect(JSON.stringify(reply?.attachments)).toContain('What Moments can do');
  });

  it('sends proactively: the follow-up nudge reaches Alex, with the correlation id on its lines', () => {
    const received = connector.received().filter((r) => r.conversationId === 'a:alex');
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(received.at(-1)?.activity)).toContain(NOTE_TEXT);
    const logged = lines(step('followUpNudges'));
    expect(logged.length).toBeGreaterThan(0);
    // The plan's sixth step: its invocation id is the run's correlation id.
    for (const line of logged)
      expect(line).toMatchObject({ correlationId: 'plan-5', invocationId: 'plan-5' });
  });
});

describe('the built bundle, its bot signed in with a client secret', () => {
  const APP_ID = 'c0ffee00-0000-4000-8000-000000000001';
  const SECRET = 'client-secret-of-the-test';
  const TOKEN = 'token-from-entra-id';
  const LATER_NOTE = 'ask how the marathon training is going';
  let later: { run: { status: number | null; stderr: string }; steps: Step[] };
  let tokenRequests: Array<Record<string, string | null>>;

  beforeAll(async () => {
    // A later instance: the follow-up timer last ran a day ago, and Alex has another follow-up due.
    await new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger).recordRun(
      TENANT,
      FOLLOW_UP_JOB,
      new Date(Date.now() - 86_400_000),
    );
    await new CosmosNoteStore(cosmos.database.container('notes'), silentLogger).create({
      tenantId: TENANT,
      id: 'note-2',
      authorId: ALEX,
      subjectId: personId(2),
      subjectName: 'Adele Vance',
      text: LATER_NOTE,
      followUpOn: today,
      status: 'open',
      createdAt: '2027-01-02T09:00:00.000Z',
      updatedAt: '2027-01-02T09:00:00.000Z',
    });
    const log = path.join(tmp, 'entra-token-requests.jsonl');
    writeFileSync(log, '');
    later = await runPlan('client-secret', [{ function: 'followUpNudges' }], {
      // msal-node asks Entra ID for the token through fetch; the fake answers for it.
      nodeArgs: ['--require', path.join(root, 'tests', 'support', 'fakeEntraToken.cjs')],
      env: {
        BOT_ID: APP_ID,
        BOT_PASSWORD: SECRET,
        BOT_TYPE: 'SingleTenant',
        BOT_TENANT_ID: TENANT,
        FAKE_ENTRA_LOG: log,
        FAKE_ENTRA_TOKEN: TOKEN,
      },
    });
    tokenRequests = readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, string | null>);
  }, 120_000);

  it("gets the bot's token from Entra ID with its secret (msal-node, as botframework-connector calls it)", () => {
    expect(later.run.status).toBe(0);
    expect(later.steps.map((s) => [s.function, s.error ?? 'ok'])).toEqual([['followUpNudges', 'ok']]);
    expect(tokenRequests).toEqual([
      {
        tenant: TENANT,
        client_id: APP_ID,
        client_secret: SECRET,
        scope: 'https://api.botframework.com/.default',
        grant_type: 'client_credentials',
      },
    ]);
  });

  it('sends the nudge with that token', () => {
    const nudge = connector.received().find((r) => JSON.stringify(r.activity).includes(LATER_NOTE));
    expect(nudge?.conversationId).toBe('a:alex');
    expect(nudge?.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
