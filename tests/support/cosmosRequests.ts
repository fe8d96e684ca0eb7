import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';

/**
 * A counter of what one local Cosmos DB server is asked for: requests by container and kind, and
 * the documents its answers carry. Requests alone would miss a reader that fetches a whole
 * container in one query; documents read grow with what was read, however it was asked for.
 */
export interface RequestCounter {
  readonly total: number;
  /** Per `<container> <query|read|write>`. */
  readonly byKind: ReadonlyMap<string, number>;
  /**
   * Documents returned by queries, feeds and point reads (the server's `x-ms-item-count` of each
   * answered page, 1 per point read), counted as each answer goes out.
   */
  readonly documents: number;
  /** {@link documents} per container. */
  readonly documentsByContainer: ReadonlyMap<string, number>;
  reset(): void;
  stop(): void;
}

/** The status and headers of a request's answer. */
interface SeenAnswer {
  status: number;
  header(name: string): unknown;
}

/** What counting needs of a request, whichever end of it this process is. */
interface SeenRequest {
  path: string;
  method: string;
  header(name: string): unknown;
  /** Calls `listener` once the answer is complete (server side) or has arrived (client side). */
  onAnswer(listener: (answer: SeenAnswer) => void): void;
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
    const { response } = message as { response: ServerResponse };
    return {
      path: request.url ?? '',
      method: request.method ?? 'GET',
      header: (name) => request.headers[name],
      onAnswer: (listener) =>
        response.once('finish', () =>
          listener({ status: response.statusCode, header: (name) => response.getHeader(name) }),
        ),
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
    return {
      path: request.path,
      method: request.method,
      header: (name) => request.getHeader(name),
      onAnswer: (listener) =>
        request.once('response', (response: IncomingMessage) =>
          listener({ status: response.statusCode ?? 0, header: (name) => response.headers[name] }),
        ),
    };
  });
}

/**
 * Documents in a successful answer to a read: a query's or feed's page carries its count in
 * `x-ms-item-count`; a point read (GET of `…/docs/<id>`) returns one. Query plans, metadata reads
 * (containers, partition key ranges) and writes read no documents.
 */
function documentsIn(request: SeenRequest, answer: SeenAnswer): number {
  if (answer.status < 200 || answer.status >= 300) return 0;
  if (request.header('x-ms-cosmos-is-query-plan-request') !== undefined) return 0;
  const path = request.path.split('?')[0] ?? '';
  if (!/\/docs(\/|$)/.test(path)) return 0;
  const isQuery = request.header('x-ms-documentdb-isquery') !== undefined;
  if (!isQuery && request.method !== 'GET') return 0;
  const count = answer.header('x-ms-item-count');
  if (count !== undefined) return Number(count);
  return /\/docs\/[^/]+$/.test(path) ? 1 : 0;
}

function countOn(channel: string, see: (message: unknown) => SeenRequest | undefined): RequestCounter {
  let total = 0;
  const byKind = new Map<string, number>();
  let documents = 0;
  const documentsByContainer = new Map<string, number>();
  // Answers to requests made before a reset are not counted after it.
  let generation = 0;
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
    const asked = generation;
    request.onAnswer((answer) => {
      const read = documentsIn(request, answer);
      if (read === 0 || asked !== generation) return;
      documents += read;
      documentsByContainer.set(container, (documentsByContainer.get(container) ?? 0) + read);
    });
  };
  diagnosticsChannel.subscribe(channel, onRequest);
  return {
    get total() {
      return total;
    },
    byKind,
    get documents() {
      return documents;
    },
    documentsByContainer,
    reset: () => {
      total = 0;
      byKind.clear();
      documents = 0;
      documentsByContainer.clear();
      generation += 1;
    },
    stop: () => diagnosticsChannel.unsubscribe(channel, onRequest),
  };
}
