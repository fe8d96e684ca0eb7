import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { Logger } from '../../../core/shared';
import { MAX_ACTIVITY_BYTES, type MessagesHandler } from '../../messages';
import { MAX_TAB_BODY_BYTES } from '../../tab/http';

/** An HTTP trigger's handler, as the Functions host calls it. */
type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/** The Moments tab on the local server: the handlers of its two triggers. */
export interface LocalTab {
  /** functions/tab/apiHandler.ts `tabApiHandler(runtime)`: /tab/api/*. */
  api: Handler;
  /** functions/tab/site.ts `tabSiteHandler({ folder, config })`, given the folder the tab was built in: /tab/*. */
  site: Handler;
}

/** A running local bot endpoint. */
export interface BotServer {
  url: string;
  port: number;
  /** `http://<host>:<port>/tab/`, when the server serves the tab. */
  tabUrl?: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** What {@link startBotServer} serves. */
export interface BotServerOptions {
  handler: MessagesHandler;
  logger: Logger;
  host: string;
  port: number;
  anonymous: boolean;
  /** Serve the tab too, through its triggers' handlers. */
  tab?: LocalTab;
}

/**
 * Serves POST /api/messages (and, given `tab`, /tab/ and /tab/api/*) on a plain node HTTP server by
 * calling the very handlers the Azure Functions HTTP triggers export, so local runs exercise the
 * deployed code path. Anonymous bots (no BOT_ID) may listen on loopback only.
 */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  if (options.anonymous && !isLoopback(options.host)) {
    throw new Error(
      `Refusing to serve an anonymous bot on ${options.host}: without BOT_ID the endpoint accepts unauthenticated ` +
        'requests, so it may only listen on loopback (HOST=127.0.0.1). Set BOT_ID and BOT_PASSWORD to listen elsewhere.',
    );
  }
  const server = http.createServer((req, res) => {
    void serve(req, res, options).catch((error: unknown) => {
      options.logger.error('local bot server failed a request', { error, path: req.url });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Moments could not process this request.' }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/api/messages`,
    port,
    ...(options.tab ? { tabUrl: `http://${options.host}:${port}/tab/` } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: BotServerOptions,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const method = req.method ?? 'GET';
  if (method === 'GET' && (path === '/' || path === '/health')) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Moments bot is running. Teams posts activities to /api/messages.\n');
    return;
  }
  const tab = options.tab;
  if (tab && path.startsWith('/tab/api/')) {
    await callHandler(req, res, tab.api, { name: 'tabApi', maxBytes: MAX_TAB_BODY_BYTES });
    return;
  }
  if (tab && (path === '/tab' || path.startsWith('/tab/'))) {
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Use GET\n');
      return;
    }
    await callHandler(req, res, tab.site, { name: 'tabSite', maxBytes: 0 });
    return;
  }
  if (path !== '/api/messages') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  if (method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Use POST\n');
    return;
  }
  await callHandler(req, res, options.handler, { name: 'messages', maxBytes: MAX_ACTIVITY_BYTES });
}

/** Calls a trigger's handler with the request as the Functions host would give it, and writes its answer. */
async function callHandler(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  handler: Handler,
  options: { name: string; maxBytes: number },
): Promise<void> {
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Read no more than the handler would: a larger body is refused here, before it is all in memory.
  const max = options.maxBytes;
  const chunks: Buffer[] = [];
  let size = Number(req.headers['content-length'] ?? 0) > max ? Infinity : 0;
  if (hasBody && size <= max) {
    for await (const chunk of req) {
      size += (chunk as Buffer).byteLength;
      if (size > max) break;
      chunks.push(chunk as Buffer);
    }
  }
  if (hasBody && size > max) {
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ error: `The request body is over ${max / 1024} KB.` }));
    req.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const request = new HttpRequest({
    method,
    url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
    headers,
    ...(hasBody ? { body: { string: Buffer.concat(chunks).toString('utf8') } } : {}),
  });
  const context = new InvocationContext({ invocationId: randomUUID(), functionName: options.name });
  const result = await handler(request, context);
  const responseHeaders: Record<string, string> = {};
  new Headers(result.headers as ConstructorParameters<typeof Headers>[0]).forEach(
    (value, name) => (responseHeaders[name] = value),
  );
  let body: string | Uint8Array | undefined;
  if (result.jsonBody !== undefined) {
    body = JSON.stringify(result.jsonBody);
    responseHeaders['content-type'] ??= 'application/json';
  } else if (typeof result.body === 'string' || result.body instanceof Uint8Array) {
    body = result.body;
  }
  res.writeHead(result.status ?? 200, responseHeaders);
  res.end(method === 'HEAD' ? undefined : body);
}
