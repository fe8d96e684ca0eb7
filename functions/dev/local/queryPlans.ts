/**
 * Answers the SDK's query-plan requests at once, without evaluating the query.
 *
 * `@azure/cosmos` asks for a query plan beside every query (a POST to the container's documents
 * flagged `x-ms-cosmos-is-query-plan-request`) and reads the plan only when the query itself fails
 * for want of one (a cross-partition query Cosmos DB cannot run as sent). The local server answers
 * every query whole, so the plan is never read; but `@vercel/cosmosdb-server` takes the request for
 * the query itself and evaluates it over the whole container, which doubled the time of every query.
 *
 * {@link answerQueryPlansAtOnce} puts a handler in front of the server's own that replies 400 (the
 * local server has no query planner) to those requests and passes every other request on. The
 * requests still reach the server, so counts of requests stay what an account would be sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

const QUERY_PLAN_HEADER = 'x-ms-cosmos-is-query-plan-request';

/** Wraps `server`'s request listeners (call it before adding others that should see every request). */
export function answerQueryPlansAtOnce(server: Server): void {
  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers[QUERY_PLAN_HEADER] === undefined) {
      for (const handler of handlers) handler.call(server, request, response);
      return;
    }
    request.resume();
    request.on('end', () => {
      response.writeHead(400, {
        'content-type': 'application/json',
        connection: 'keep-alive',
        'x-ms-request-charge': '1',
      });
      response.end(
        JSON.stringify({ code: 'BadRequest', message: 'the local Cosmos DB server does not plan queries' }),
      );
    });
  });
}
