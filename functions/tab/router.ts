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

/**
 * The methods a client may use on `path`, as an `Allow` header lists them: its routes' methods,
 * HEAD wherever GET is (answered as GET without the body), and OPTIONS; empty for an unknown path.
 */
export function methodsOf(routes: readonly TabRoute[], path: string): string[] {
  const methods = new Set<string>(routes.filter((route) => route.path === path).map((route) => route.method));
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return ['GET', 'HEAD', 'POST', 'OPTIONS'].filter((method) => methods.has(method));
}

/**
 * The route for `method` and `path` (HEAD finds GET's): `found`, `wrongMethod` (other methods
 * have it; `allow` lists them) or none.
 */
export function findRoute(
  routes: readonly TabRoute[],
  method: string,
  path: string,
): { found: TabRoute } | { wrongMethod: true; allow: string[] } | undefined {
  const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const found = routes.find((route) => route.path === path && route.method === wanted);
  if (found) return { found };
  const allow = methodsOf(routes, path);
  return allow.length > 0 ? { wrongMethod: true, allow } : undefined;
}

/** The path under /tab/api/ of a request URL, without a trailing slash; undefined outside it. */
export function apiPathOf(url: string): string | undefined {
  const { pathname } = new URL(url);
  const prefix = '/tab/api/';
  if (!pathname.startsWith(prefix)) return undefined;
  return pathname.slice(prefix.length).replace(/\/+$/, '');
}
