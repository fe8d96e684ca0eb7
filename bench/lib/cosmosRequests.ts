import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { RequestCounter } from '../../tests/support/milestoneFixtures';

const CHANNEL = 'http.client.request.start';

/**
 * Counts the requests this process sends to the Cosmos DB server on `port` of loopback (a server in
 * a process of its own), by container and kind, as countCosmosRequests counts those an in-process
 * server receives. Node publishes every outgoing HTTP(S) request on `http.client.request.start`;
 * requests to other servers (the fake connector) are told apart by the Host header.
 */
export function countCosmosRequestsSent(port: number): RequestCounter {
  let total = 0;
  const byKind = new Map<string, number>();
  const onRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    const host = String(request.getHeader('host') ?? '');
    if (!host.endsWith(`:${port}`)) return;
    total += 1;
    const container = /\/colls\/([^/]+)/.exec(request.path)?.[1] ?? '(account)';
    const kind =
      request.getHeader('x-ms-documentdb-isquery') !== undefined ||
      request.getHeader('x-ms-cosmos-is-query-plan-request') !== undefined
        ? 'query'
        : request.method === 'GET'
          ? 'read'
          : 'write';
    const key = `${container} ${kind}`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  };
  diagnosticsChannel.subscribe(CHANNEL, onRequest);
  return {
    get total() {
      return total;
    },
    byKind,
    reset: () => {
      total = 0;
      byKind.clear();
    },
    stop: () => diagnosticsChannel.unsubscribe(CHANNEL, onRequest),
  };
}
