import type { Request, Response, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';

/** An inbound bot request, independent of the web framework that received it. */
export interface BotHttpRequest {
  method: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** What to answer the Bot Framework service (or the Playground) with. */
export interface BotHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Runs one Bot Framework request through the adapter and collects the response the adapter
 * writes, so the same bot serves the Azure Functions HTTP trigger and the local server.
 * The adapter verifies the Bot Framework JWT when an app id is configured (401 otherwise).
 */
export async function processBotRequest(
  adapter: TeamsAdapter,
  request: BotHttpRequest,
  logic: (context: TurnContext) => Promise<void>,
): Promise<BotHttpResponse> {
  const collected: BotHttpResponse = { status: 200, headers: {} };
  const response: Response = {
    socket: undefined,
    status(code: number) {
      collected.status = code;
      return response;
    },
    header(name: string, value: unknown) {
      collected.headers[name] = String(value);
      return response;
    },
    send(body?: unknown) {
      if (body !== undefined) collected.body = body;
      return response;
    },
    end() {
      return response;
    },
  };
  const body =
    request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : undefined;
  const botRequest: Request = { method: request.method, headers: request.headers, body };
  await adapter.process(botRequest, response, logic);
  return collected;
}
