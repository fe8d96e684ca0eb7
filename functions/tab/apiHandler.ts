import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { NotAllowed } from '../../core/insights';
import { withLogScope } from '../logging';
import { callerOf } from './caller';
import { ApiFailure, failureAnswer } from './http';
import { previewMode } from './preview';
import { apiPathOf, findRoute, type TabRoute } from './router';
import { TAB_ROUTES } from './routes';
import type { TabRuntime } from './tabRuntime';
import { TabTokens } from './tokens';

/** Headers on every answer of the API. */
const ALWAYS: Record<string, string> = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** A Functions HTTP handler. */
export type TabApiHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * The tab's API, /tab/api/*: who calls comes from the bearer token (or, in the local preview, its
 * header), then the route answers JSON. Every failure is `{ error: <code>, reference }`, the
 * reference being the correlation id of the request's log lines: 400, 401, 403 (core/insights
 * NotAllowed too), 404, 405 (with `Allow`), 413, 503 without `TAB_CLIENT_ID`, 500. HEAD answers
 * as GET without the body, OPTIONS with the path's methods. The local server (`npm start`) calls
 * this same handler.
 */
export function tabApiHandler(runtime: TabRuntime, routes: readonly TabRoute[] = TAB_ROUTES): TabApiHandler {
  const { config, logger } = runtime;
  const tokens = config.tab.clientId
    ? new TabTokens({ clientId: config.tab.clientId, loginHost: config.tab.loginHost })
    : undefined;
  const sources = { tokens, preview: previewMode(config), logger };

  const answer = (request: HttpRequest, context: InvocationContext) =>
    withLogScope({ fields: { correlationId: randomUUID() } }, async (): Promise<HttpResponseInit> => {
      const path = apiPathOf(request.url);
      try {
        const route = path === undefined ? undefined : findRoute(routes, request.method, path);
        if (!route) throw new ApiFailure(404, 'notFound');
        if ('wrongMethod' in route) {
          // OPTIONS says what the path takes; no CORS headers: the tab calls its own origin.
          if (request.method.toUpperCase() === 'OPTIONS') {
            return { status: 204, headers: { Allow: route.allow.join(', ') } };
          }
          throw new ApiFailure(405, 'methodNotAllowed', {}, { Allow: route.allow.join(', ') });
        }
        const query = new URL(request.url).searchParams;
        const { found } = route;
        if (found.open) return await found.handle({ request, query, runtime });
        const caller = await callerOf(request, sources);
        return await found.handle({ request, query, runtime, caller });
      } catch (error) {
        const failure =
          error instanceof ApiFailure
            ? error
            : error instanceof NotAllowed
              ? new ApiFailure(403, 'notAllowed')
              : undefined;
        if (failure) {
          logger.info('tab api refused a request', { status: failure.status, code: failure.code, path });
          return failureAnswer(failure);
        }
        logger.error('tab api request failed', { error, path, invocationId: context.invocationId });
        return failureAnswer(new ApiFailure(500, 'internal'));
      }
    });

  // Every answer is about one person: no cache keeps it, even where a route forgot to say so,
  // and no browser reads it as anything but its type. HEAD: GET's status and headers, no body.
  return async (request, context) => {
    const response = await answer(request, context);
    const headers = { ...ALWAYS, ...(response.headers as Record<string, string> | undefined) };
    if (request.method.toUpperCase() === 'HEAD') return { status: response.status, headers };
    return { ...response, headers };
  };
}
