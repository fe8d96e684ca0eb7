import { app } from '@azure/functions';
import { hostJobsRuntime, inInvocation } from './host';
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
  const runtime = await hostJobsRuntime();
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
  methods: ['GET', 'POST'],
  // The tab's Entra token is the authentication: every route but the preview's checks it.
  authLevel: 'anonymous',
  handler: (request, context) => inInvocation(context, () => tabApi(request, context)),
});
