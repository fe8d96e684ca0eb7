import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { Logger } from '../../../core/shared';
import { MAX_ACTIVITY_BYTES, type MessagesHandler } from '../../messages';

/** A running local bot endpoint. */
export interface BotServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/**
 * Serves POST /api/messages on a plain node HTTP server by calling the very handler the Azure
 * Functions HTTP trigger exports, so local runs exercise the deployed code path. Anonymous bots
 * (no BOT_ID) may listen on loopback only.
 */
export async function startBotServer(options: {
  handler: MessagesHandler;
  logger: Logger;
  host: string;
  port: number;
  anonymous: boolean;
}): Promise<BotServer> {
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
  options: { handler: MessagesHandler },
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && (path === '/' || path === '/health')) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Moments bot is running. Teams posts activities to /api/messages.\n');
    return;
  }
  if (path !== '/api/messages') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Use POST\n');
    return;
  }
  // Read no more than the handler would: a larger body is refused here, before it is all in memory.
  const chunks: Buffer[] = [];
  let size = Number(req.headers['content-length'] ?? 0) > MAX_ACTIVITY_BYTES ? Infinity : 0;
  if (size <= MAX_ACTIVITY_BYTES) {
    for await (const chunk of req) {
      size += (chunk as Buffer).byteLength;
      if (size > MAX_ACTIVITY_BYTES) break;
      chunks.push(chunk as Buffer);
    }
  }
  if (size > MAX_ACTIVITY_BYTES) {
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ error: `The request body is over ${MAX_ACTIVITY_BYTES / 1024} KB.` }));
    req.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const request = new HttpRequest({
    method: 'POST',
    url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/api/messages'}`,
    headers,
    body: { string: Buffer.concat(chunks).toString('utf8') },
  });
  const context = new InvocationContext({ invocationId: randomUUID(), functionName: 'messages' });
  const result = await options.handler(request, context);
  const responseHeaders: Record<string, string> = {};
  new Headers(result.headers as ConstructorParameters<typeof Headers>[0]).forEach(
    (value, name) => (responseHeaders[name] = value),
  );
  let body: string | undefined;
  if (result.jsonBody !== undefined) {
    body = JSON.stringify(result.jsonBody);
    responseHeaders['content-type'] = 'application/json';
  } else if (typeof result.body === 'string') {
    body = result.body;
  }
  res.writeHead(result.status ?? 200, responseHeaders);
  res.end(body);
}
