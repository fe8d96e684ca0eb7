import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { correlationIdOfActivity } from '../bot/teams/turnContext';
import type { Runtime } from './composition';
import { hostRuntime, inInvocation } from './host';
import { withLogScope } from './logging';
import { readBounded } from './httpBody';

/**
 * The largest request body the bot endpoint reads. Teams' activities, message-extension invokes
 * included, are well under it; a larger body is refused with 413 before it is read whole.
 */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

const TOO_LARGE: HttpResponseInit = {
  status: 413,
  jsonBody: {
    error: `The request body is over ${MAX_ACTIVITY_BYTES / 1024} KB: no Teams activity is that large.`,
  },
};

/** A Functions HTTP handler. */
export type MessagesHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * The bot endpoint, POST /api/messages: hands the activity to the bot and returns what the
 * adapter answered (200 with an invoke response, 401 for a bad token, 413 for a body over
 * {@link MAX_ACTIVITY_BYTES}, …). The local server
 * (`npm start`) calls this same handler.
 */
export function messagesHandler(runtime: Pick<Runtime, 'bot' | 'logger'>): MessagesHandler {
  return async function messages(request, context) {
    const text = await readBounded(request, MAX_ACTIVITY_BYTES);
    if (text === undefined) return TOO_LARGE;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return { status: 400, jsonBody: { error: 'The request body is not valid JSON.' } };
    }
    if (!body || typeof body !== 'object') {
      return { status: 400, jsonBody: { error: 'The request body must be a Bot Framework activity.' } };
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    // Every line of the turn, wherever it is logged (core, the ledger, the messenger's retries),
    // carries the turn's correlation id: the reference a user quotes from an error message.
    const correlationId = correlationIdOfActivity(body);
    try {
      const response = await withLogScope({ fields: { correlationId } }, () =>
        runtime.bot.handle({ method: request.method, headers, body }),
      );
      const isJson = response.body !== undefined && typeof response.body !== 'string';
      return {
        status: response.status,
        headers: response.headers,
        ...(isJson
          ? { jsonBody: response.body }
          : response.body !== undefined
            ? { body: String(response.body) }
            : {}),
      };
    } catch (error) {
      runtime.logger.error('bot request failed', {
        error,
        correlationId,
        invocationId: context.invocationId,
      });
      return { status: 500, jsonBody: { error: 'Moments could not process this activity.' } };
    }
  };
}

app.http('messages', {
  // host.json's routePrefix is empty (the tab is served under /tab/), so the route names /api/.
  route: 'api/messages',
  methods: ['POST'],
  // The Bot Framework authenticates with its own JWT, which the adapter verifies.
  authLevel: 'anonymous',
  handler: (request, context) =>
    inInvocation(context, async () => messagesHandler(await hostRuntime())(request, context)),
});
