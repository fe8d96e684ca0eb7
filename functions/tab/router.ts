import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { TabCaller } from '../../core/insights';
import type { TabRuntime } from './tabRuntime';

/** What a route is handed: the request, its query, the runtime, and who calls. */
export interface RouteContext {
  request: HttpRequest;
  query: URLSearchParams;
  runtime: TabRuntime;
  /** The caller, as the token (or the local preview) says; never from the request's body or query. */
  caller: TabCaller;
}

/** One route of the tab's API, under /tab/api/. */
export type TabRoute =
  | {
      method: 'GET' | 'POST';
      /** Relative to /tab/api/, e.g. `settings/tenant`. */
      path: string;
      open?: false;
      handle(context: RouteContext): Promise<HttpResponseInit>;
    }
  | {
      method: 'GET' | 'POST';
      path: string;
      /** Answers without a caller (the preview's list of people, which checks its own mode). */
      open: true;
      handle(context: Omit<RouteContext, 'caller'>): Promise<HttpResponseInit>;
    };

/** The route for `method` and `path`: `found`, `wrongMethod` (another method has it) or none. */
export function findRoute(
  routes: readonly TabRoute[],
  method: string,
  path: string,
): { found: TabRoute } | { wrongMethod: true } | undefined {
  const onPath = routes.filter((route) => route.path === path);
  const found = onPath.find((route) => route.method === method.toUpperCase());
  if (found) return { found };
  return onPath.length > 0 ? { wrongMethod: true } : undefined;
}

/** The path under /tab/api/ of a request URL, without a trailing slash; undefined outside it. */
export function apiPathOf(url: string): string | undefined {
  const { pathname } = new URL(url);
  const prefix = '/tab/api/';
  if (!pathname.startsWith(prefix)) return undefined;
  return pathname.slice(prefix.length).replace(/\/+$/, '');
}
