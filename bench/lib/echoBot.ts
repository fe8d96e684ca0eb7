import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type Request as BotRequest,
  type Response as BotResponse,
} from 'botbuilder';

/** Options for {@link startEchoBot}. */
export interface EchoBotOptions {
  /** Port to listen on (127.0.0.1). Default: an ephemeral port chosen by the OS. */
  port?: number;
  /** Called with every activity the bot receives, before it handles it (for assertions in tests). */
  onActivity?: (activity: Activity) => void;
  /**
   * When given, invokes are answered 200 with the body this returns (the bare botbuilder way: an
   * `invokeResponse` activity), e.g. as the benchmark baseline for a message-extension submit.
   * Default: no answer, so botbuilder answers 501.
   */
  invokeResponse?: (activity: Activity) => unknown;
}

/** A running echo bot. */
export interface EchoBot {
  /** The messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  url: string;
  port: number;
  /** Stops the HTTP server and drops open keep-alive connections. */
  close(): Promise<void>;
}

/**
 * Starts the benchmark baseline: a bare botbuilder echo bot.
 *
 * A {@link CloudAdapter} with anonymous auth (no app id, `ConfigurationBotFrameworkAuthentication`
 * with empty config) behind a plain `node:http` server on 127.0.0.1 that serves `POST /api/messages`.
 * It replies `echo: <text>` to message activities and does nothing else: no teams-ai, no state, no
 * middleware. Invokes get botbuilder's default answer (501, no handler) unless `invokeResponse` is given.
 */
export async function startEchoBot(options: EchoBotOptions = {}): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_context, error) => {
    console.error('echo bot turn error:', error);
  };

  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/api/messages') {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== 'POST') {
      // The Playground probes the endpoint with a GET before it says "Connected".
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    void handlePost(req, res);
  });

  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch (err) {
      res
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(`invalid JSON body: ${(err as Error).message}`);
      return;
    }
    const botReq: BotRequest = { body, headers: req.headers, method: req.method };
    try {
      await adapter.process(botReq, toBotResponse(res), async (context) => {
        options.onActivity?.(context.activity);
        if (context.activity.type === ActivityTypes.Message) {
          await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
        } else if (context.activity.type === ActivityTypes.Invoke && options.invokeResponse) {
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: { status: 200, body: options.invokeResponse(context.activity) },
          });
        }
      });
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`echo bot error: ${(err as Error).message}`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(new Error(`echo bot: cannot listen on 127.0.0.1:${options.port ?? 0}: ${err.message}`)),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Adapts a node `ServerResponse` to the small express-like interface `CloudAdapter.process` expects. */
function toBotResponse(res: ServerResponse): BotResponse {
  const botRes: BotResponse = {
    socket: res.socket,
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return botRes;
    },
    status(code: number) {
      res.statusCode = code;
      return botRes;
    },
    send(body: unknown) {
      if (body === undefined || body === null) return botRes;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        res.write(body);
      } else {
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
        res.write(JSON.stringify(body));
      }
      return botRes;
    },
    end() {
      res.end();
      return botRes;
    },
  };
  return botRes;
}
