/**
 * What one tab page costs the database: the Cosmos requests it sends and the documents the
 * answers carry (on an account RU follow the documents read; the local server charges 1 per
 * request), for My recognition, My team and Organisation through the API's real handler, against
 * what the page would cost without its queries: reading every kudos of the tenant, and for the
 * team and organisation pages the whole directory too, measured the same way in the same run.
 */
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { Runtime } from '../../functions/composition';
import type { TabApiHandler } from '../../functions/tab/apiHandler';
import type { RequestCounter } from '../../tests/support/cosmosRequests';
import { note } from '../lib/report';

/** Requests and documents of one read. */
export interface Cost {
  requests: number;
  documents: number;
  byContainer: string;
}

/** A page's cost beside the scan-all baseline's. */
export interface PageCost {
  page: 'recognition' | 'team' | 'organisation';
  ours: Cost;
  scan: Cost;
}

async function costOf(counter: RequestCounter, read: () => Promise<unknown>): Promise<Cost> {
  counter.reset();
  await read();
  return {
    requests: counter.total,
    documents: counter.documents,
    byContainer: [...counter.documentsByContainer].map(([c, n]) => `${c}=${n}`).join(', '),
  };
}

/** Every document of the tenant in `container`: the scan a page without queries would make. */
async function readAll(
  runtime: Pick<Runtime, 'cosmos'>,
  container: string,
  tenantId: string,
): Promise<number> {
  const { resources } = await runtime.cosmos.database
    .container(container)
    .items.query<unknown>(
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @tenantId',
        parameters: [{ name: '@tenantId', value: tenantId }],
      },
      { partitionKey: tenantId },
    )
    .fetchAll();
  return resources.length;
}

/** GET /tab/api/<path> through `api` with `token`; throws unless it answers 200. */
async function get(api: TabApiHandler, path: string, token: string): Promise<unknown> {
  const request = new HttpRequest({
    method: 'GET',
    url: `http://127.0.0.1/tab/api/${path}`,
    headers: { authorization: `Bearer ${token}` },
  });
  const context = new InvocationContext({ invocationId: `bench-${path}`, functionName: 'tabApi' });
  const answer = await api(request, context);
  if ((answer.status ?? 200) !== 200) {
    throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.jsonBody)}`);
  }
  return answer.jsonBody;
}

/**
 * The three pages (a manager's recognition and team, the admin's organisation; each read once
 * before, so the token's key set and the settings are warm as under load) and the scans.
 */
export async function pageCosts(
  runtime: Pick<Runtime, 'cosmos'>,
  api: TabApiHandler,
  counter: RequestCounter,
  options: { tenantId: string; managerToken: string; adminToken: string },
): Promise<PageCost[]> {
  const { tenantId, managerToken, adminToken } = options;
  const pages = [
    { page: 'recognition', token: managerToken, scans: ['recognitions'] },
    { page: 'team', token: managerToken, scans: ['recognitions', 'people'] },
    { page: 'organisation', token: adminToken, scans: ['recognitions', 'people'] },
  ] as const;
  const costs: PageCost[] = [];
  for (const { page, token, scans } of pages) {
    await get(api, page, token);
    const ours = await costOf(counter, () => get(api, page, token));
    const scan = await costOf(counter, () => Promise.all(scans.map((c) => readAll(runtime, c, tenantId))));
    note(
      `  ${page}: ${ours.requests} requests, ${ours.documents} documents returned [${ours.byContainer}]; ` +
        `scan of ${scans.join(' and ')}: ${scan.requests} requests, ${scan.documents} documents [${scan.byContainer}]`,
    );
    costs.push({ page, ours, scan });
  }
  return costs;
}
