import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { useFastQueries } from './fastQueries';
import { useLinearQueries } from './linearQueries';
import { answerQueryPlansAtOnce } from './queryPlans';

/** A running in-process Cosmos DB server for local development and tests. */
export interface LocalCosmosServer {
  endpoint: string;
  port: number;
  /** The server's process, when it runs in one of its own (cosmosProcess.ts). */
  pid?: number;
  /** Called after every request that may have changed data (creates, replaces, patches, deletes). */
  onWrite(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Starts `@vercel/cosmosdb-server` on loopback. It speaks the Cosmos REST API over HTTPS with a
 * self-signed certificate and keeps everything in memory (see localSnapshot.ts for persistence).
 */
export async function startLocalCosmos(
  options: { port?: number; host?: string } = {},
): Promise<LocalCosmosServer> {
  const host = options.host ?? '127.0.0.1';
  useLinearQueries();
  useFastQueries();
  // Keep-alive: without it every SDK request pays a fresh TLS handshake on both ends of this process.
  const server = createHttpsServer({ keepAlive: true });
  answerQueryPlansAtOnce(server);
  const listeners: Array<() => void> = [];
  server.on('request', (request: IncomingMessage) => {
    if (isWrite(request)) request.on('end', () => listeners.forEach((listener) => listener()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://${host}:${port}/`,
    port,
    onWrite: (listener) => listeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isWrite(request: IncomingMessage): boolean {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return false;
  // Queries and the SDK's query-plan requests are POSTs too, flagged by these headers; they change nothing.
  return (
    request.headers['x-ms-documentdb-isquery'] === undefined &&
    request.headers['x-ms-cosmos-is-query-plan-request'] === undefined
  );
}
