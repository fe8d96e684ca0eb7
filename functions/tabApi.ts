import { randomUUID } from 'node:crypto';
import { app } from '@azure/functions';
import { hostJobsRuntime, inInvocation } from './host';
import { createJsonLogger } from './logging';
import type { TabApiHandler } from './tab/apiHandler';
import type { TabRuntime } from './tab/tabRuntime';

export type { TabApiHandler };

// One handler per runtime: its token checker keeps each tenant's signing keys between requests.
const handlers = new WeakMap<TabRuntime, TabApiHandler>();

/**
 * The tab's API, /tab/api/* (functions/tab/apiHandler.ts), on the host's runtime without the bot.
 * Its modules (the token checker, the routes, core's use cases) load on the first request, so
 * registering the trigger loads nothing more than the others do.
 */
export async function tabApi(...[request, context]: Parameters<TabApiHandler>) {
  let runtime: TabRuntime;
  try {
    runtime = await hostJobsRuntime();
  } catch (error) {
    // The runtime (Cosmos DB's client) could not start: answered like any other failure, with
    // the reference of its line in the invocation's log; the next request tries again.
    const reference = randomUUID();
    createJsonLogger({ level: 'error', fields: { app: 'moments' } }).error('the tab api could not start', {
      error,
      correlationId: reference,
    });
    return { status: 503, jsonBody: { error: 'unavailable', reference } };
  }
  let handler = handlers.get(runtime);
  if (!handler) {
    const { tabApiHandler } = await import('./tab/apiHandler');
    handler = tabApiHandler(runtime);
    handlers.set(runtime, handler);
  }
  return handler(request, context);
}

app.http('tabApi', {
  route: 'tab/api/{*path}',
  methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
  // The tab's Entra token is the authentication: every route but the preview's checks it.
  authLevel: 'anonymous',
  handler: (request, context) => inInvocation(context, () => tabApi(request, context)),
});
