import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** A counter of the HTTP requests to one local Cosmos DB server, by container and kind. */
export interface RequestCounter {
  readonly total: number;
  /** Per `<container> <query|read|write>`. */
  readonly byKind: ReadonlyMap<string, number>;
  reset(): void;
  stop(): void;
}

/** What counting needs of a request, whichever end of it this process is. */
interface SeenRequest {
  path: string;
  method: string;
  header(name: string): unknown;
}

/**
 * Counts the requests the in-process local Cosmos server on `port` receives. Node publishes every
 * incoming HTTP(S) request on `http.server.request.start`; requests to other servers of the
 * process (the fake connector) are told apart by the local port.
 */
export function countCosmosRequests(port: number): RequestCounter {
  return countOn('http.server.request.start', (message) => {
    const { request } = message as { request: IncomingMessage };
    if (request.socket.localPort !== port) return undefined;
    return {
      path: request.url ?? '',
      method: request.method ?? 'GET',
      header: (name) => request.headers[name],
    };
  });
}

/**
 * Counts the requests this process sends to the Cosmos DB server on `port` of loopback (a server in
 * a process of its own). Node publishes every outgoing HTTP(S) request on
 * `http.client.request.start`; requests to other servers (the fake connector) are told apart by
 * the Host header.
 */
export function countCosmosRequestsSent(port: number): RequestCounter {
  return countOn('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    if (!String(request.getHeader('host') ?? '').endsWith(`:${port}`)) return undefined;
    return { path: request.path, method: request.method, header: (name) => request.getHeader(name) };
  });
}

function countOn(channel: string, see: (message: unknown) => SeenRequest | undefined): RequestCounter {
  let total = 0;
  const byKind = new Map<string, number>();
  const onRequest = (message: unknown) => {
    const request = see(message);
    if (!request) return;
    total += 1;
    const container = /\/colls\/([^/]+)/.exec(request.path)?.[1] ?? '(account)';
    const kind =
      request.header('x-ms-documentdb-isquery') !== undefined ||
      request.header('x-ms-cosmos-is-query-plan-request') !== undefined
        ? 'query'
        : request.method === 'GET'
          ? 'read'
          : 'write';
    const key = `${container} ${kind}`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  };
  diagnosticsChannel.subscribe(channel, onRequest);
  return {
    get total() {
      return total;
    },
    byKind,
    reset: () => {
      total = 0;
      byKind.clear();
    },
    stop: () => diagnosticsChannel.unsubscribe(channel, onRequest),
  };
}
