/**
 * tab: the Moments tab's API and page, each figure beside a baseline measured in the same run.
 *
 * - `tab-api`: GET /tab/api/recognition (the first page) and GET /tab/api/team at 20 concurrent
 *   users, each a different manager with a token of their own, over a tenant of 20,000 people
 *   (2,000 managers of ~10 reports) and a year of kudos (60,000 over 365 days, the tenant's default
 *   values, a third celebrated): p50/p95/p99, throughput, errors and the server's CPU per request,
 *   against the messages endpoint (`help`, 20 people at once, as `messages-endpoint` measures it).
 *   The tokens are signed by a local stand-in for Entra ID (tests/support/localEntra.ts), so the
 *   API's real token checks (signature, issuer, audience, expiry, scope) are in every request. The
 *   API runs on the local server as `npm start` serves it, in a process of its own (bench/lib/
 *   target.ts), on a local Cosmos DB server in another, seeded from here.
 * - `tab-documents`: Cosmos requests and documents returned for one My recognition, one My team and
 *   one Organisation page, against reading every kudos of the tenant (and for team and
 *   organisation, the whole directory too): what a page would cost without its queries.
 * - `tab-page`: the built page (scripts/buildTab.ts) in headless Chromium: the JavaScript it
 *   transfers and the time to its first meaningful render (My recognition's heading and first
 *   kudos row), the median of 5 cold loads, against a static file of the same server; see
 *   bench/tab/page.ts.
 *
 * The local Cosmos server has no index: every query reads the whole container, so the API's times
 * here grow with the tenant where an account's would not; they are pessimistic.
 *
 *   BENCH_TAB_PEOPLE=2000 BENCH_TAB_KUDOS=6000 npm run bench -- tab    a quick check (defaults 20000, 60000)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, localToolingEnv } from '../functions/config';
import { createRuntime } from '../functions/composition';
import { startLocalCosmosProcess } from '../functions/dev/local/cosmosProcess';
import { tabApiHandler } from '../functions/tab/apiHandler';
import { countCosmosRequestsSent } from '../tests/support/cosmosRequests';
import { startLocalEntra } from '../tests/support/localEntra';
import { benchUsers, helpMessage } from './lib/activities';
import { withTarget, type BenchContext } from './lib/context';
import { countingLogger } from './lib/countingLogger';
import { measure, type LevelResult, type Plan } from './lib/measure';
import { emit, note } from './lib/report';
import { startTarget, type Target } from './lib/targetClient';
import { pageCosts } from './tab/documents';
import { TAB_TENANT, tabDirectory, seedTab, yearOfKudos } from './tab/fixtures';
import { benchPage } from './tab/page';

export const NAME = 'tab';
const PROJECT_ROOT = path.resolve(__dirname, '..');
const CLIENT_ID = '3c9d2f4e-6a1b-4c8d-9e0f-0a1b2c3d4e5f';
const DATABASE = 'moments-bench-tab';
const USERS = 20;
const SEED_CONCURRENCY = 32;

/** Sizes of one run, from BENCH_TAB_PEOPLE and BENCH_TAB_KUDOS (defaults 20,000 and 60,000). */
export function tabSizesFromEnv(env: NodeJS.ProcessEnv = process.env): { people: number; kudos: number } {
  const size = (name: string, fallback: number, min: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < min || value > 1_000_000) {
      throw new Error(`${name} must be an integer from ${min} to 1000000, got ${env[name]}`);
    }
    return value;
  };
  return {
    people: size('BENCH_TAB_PEOPLE', 20_000, 2 * USERS * 10 + 1),
    kudos: size('BENCH_TAB_KUDOS', 60_000, 100),
  };
}

export async function runTab(context: BenchContext): Promise<void> {
  const sizes = tabSizesFromEnv();
  const plan: Plan = {
    levels: [USERS],
    warmup: (c) => Math.max(50, 5 * c),
    requests: context.requests,
    timeLimitMs: 120_000,
  };

  note(`${NAME}: baseline, the messages endpoint (help, Moments as npm start runs it)`);
  const users = benchUsers(USERS);
  const messages = await withTarget(context, 'moments', (target) =>
    measure(
      target,
      plan,
      (_i, worker) => ({ body: JSON.stringify(helpMessage(context.connector.serviceUrl, users[worker]!)) }),
      (status) => status >= 200 && status < 300,
      context.connector,
    ),
  );

  const entra = await startLocalEntra(CLIENT_ID);
  const cosmos = await startLocalCosmosProcess(PROJECT_ROOT);
  const logger = countingLogger();
  const env = { TAB_CLIENT_ID: CLIENT_ID, ENTRA_LOGIN_HOST: entra.loginHost };
  const runtime = await createRuntime(loadConfig(localToolingEnv(env)), {
    cosmos: { kind: 'local', endpoint: cosmos.endpoint, database: DATABASE },
    logger,
  });
  const counter = countCosmosRequestsSent(cosmos.port);
  try {
    const started = performance.now();
    const built = tabDirectory(TAB_TENANT, sizes.people, 16);
    const { kudos, people } = yearOfKudos({
      tenantId: TAB_TENANT,
      people: built.people,
      count: sizes.kudos,
      now: new Date(),
      seed: 17,
    });
    const directory = { ...built, people };
    // The admin manages nobody, so the managers' pages are not the admin's.
    const adminId = people[people.length - 1]!.id;
    await seedTab(runtime, {
      tenantId: TAB_TENANT,
      directory,
      kudos,
      adminId,
      concurrency: SEED_CONCURRENCY,
    });
    note(
      `${NAME}: stored ${people.length} people (${directory.managerIds.length} managers) and ${kudos.length} kudos ` +
        `over 365 days in ${((performance.now() - started) / 1000).toFixed(1)} s, ${SEED_CONCURRENCY} writes in flight`,
    );
    // 20 managers spread over the directory, person 0 (the top) left out.
    const step = Math.floor((directory.managerIds.length - 1) / USERS);
    const managers = Array.from({ length: USERS }, (_, i) => directory.managerIds[1 + i * step]!);
    const tokens = await Promise.all(managers.map((oid) => entra.tokenFor({ tid: TAB_TENANT, oid })));

    note(`${NAME}: documents per page, against the scan-all baseline`);
    const costs = await pageCosts(runtime, tabApiHandler(runtime), counter, {
      tenantId: TAB_TENANT,
      managerToken: tokens[0]!,
      adminToken: await entra.tokenFor({ tid: TAB_TENANT, oid: adminId }),
    });
    for (const { page, ours, scan } of costs) {
      emit('tab-documents', `${page}-documents`, ours.documents, 'documents', scan.documents);
      emit('tab-documents', `${page}-requests`, ours.requests, 'requests', scan.requests);
    }

    const tab = await startTarget('tab', context.workDir, {
      cosmosEndpoint: cosmos.endpoint,
      ...(cosmos.pid === undefined ? {} : { cosmosPid: cosmos.pid }),
      database: DATABASE,
      env,
      siteFolder: emptyFolder(context.workDir),
    });
    try {
      for (const route of ['recognition', 'team'] as const) {
        note(`${NAME}: GET /tab/api/${route}, ${USERS} managers at once`);
        const levels = await measureRoute(tab, plan, route, tokens, context);
        emitAgainst(route, levels, messages);
      }
    } finally {
      await tab.stop();
    }
    await benchPage({ context, cosmos, database: DATABASE, tenantId: TAB_TENANT, personId: managers[0]! });
    if (logger.counts.warn + logger.counts.error > 0) {
      note(`${NAME}: the runtime logged ${logger.counts.warn} warnings, ${logger.counts.error} errors`);
    }
  } finally {
    counter.stop();
    await runtime.close();
    await cosmos.close();
    await entra.close();
  }
}

/** The API's route under load: worker w is manager w, with their token. */
function measureRoute(
  target: Target,
  plan: Plan,
  route: 'recognition' | 'team',
  tokens: readonly string[],
  context: BenchContext,
): Promise<LevelResult[]> {
  return measure(
    target,
    plan,
    (_i, worker) => ({
      method: 'GET',
      path: `/tab/api/${route}`,
      headers: { authorization: `Bearer ${tokens[worker % tokens.length]!}` },
    }),
    (status, body) => status === 200 && body.startsWith('{'),
    context.connector,
  );
}

/** The route's figures against the messages endpoint's at the same concurrency. */
function emitAgainst(route: string, levels: readonly LevelResult[], messages: readonly LevelResult[]): void {
  for (const s of levels) {
    const b = messages.find((m) => m.concurrency === s.concurrency);
    if (!b) throw new Error(`no messages baseline at concurrency ${s.concurrency}`);
    const line = (metric: string, value: number, unit: string, baseline: number) =>
      emit('tab-api', `${route}-${metric}-c${s.concurrency}`, value, unit, baseline);
    line('p50', s.latency.p50, 'ms', b.latency.p50);
    line('p95', s.latency.p95, 'ms', b.latency.p95);
    line('p99', s.latency.p99, 'ms', b.latency.p99);
    line('throughput', s.rps, 'req/s', b.rps);
    line('errors', s.load.errors, 'count', b.load.errors);
    line('server-cpu-per-request', s.targetCpuPerRequest, 'ms', b.targetCpuPerRequest);
    line('cosmos-cpu-per-request', s.cosmosCpuPerRequest, 'ms', b.cosmosCpuPerRequest);
  }
}

function emptyFolder(workDir: string): string {
  const folder = path.join(workDir, 'tab-none');
  mkdirSync(folder, { recursive: true });
  return folder;
}
