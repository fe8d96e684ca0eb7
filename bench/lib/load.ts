/**
 * A closed-loop HTTP load generator: `concurrency` workers, each sending its next request as soon
 * as its previous one has been answered, over one keep-alive agent (one socket per worker), until
 * `count` requests have been sent or `timeLimitMs` has passed. Each request is timed end to end on
 * the client: from just before it is written to the last byte of the response body.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * One request to send: worker `worker` (0-based) sends request number `index` (0-based). A POST of
 * `body` to the load's URL, unless it says otherwise: a GET (no body), another path of the same
 * server, extra headers (e.g. a bearer token).
 */
export type RequestFactory = (index: number, worker: number) => LoadRequest;

/** What {@link RequestFactory} returns. */
export interface LoadRequest {
  body?: string;
  /** Default POST. */
  method?: 'GET' | 'POST';
  /** Path and query on the load's server; default the URL's. */
  path?: string;
  headers?: Record<string, string>;
}

/** Whether a response counts as a success (e.g. status 200 and the expected body). */
export type ResponseCheck = (status: number, body: string) => boolean;

/** Options of {@link runLoad}. */
export interface LoadOptions {
  url: string;
  concurrency: number;
  /** How many requests to send, at most. */
  count: number;
  /** Stop starting new requests after this long (requests in flight still finish). */
  timeLimitMs: number;
  /** A request that takes longer fails (and counts as an error). Default 10 s. */
  requestTimeoutMs?: number;
  request: RequestFactory;
  check: ResponseCheck;
}

/** What a phase measured. */
export interface LoadResult {
  /** Requests that completed with a response, successful or not. */
  sent: number;
  /** End-to-end latencies (ms) of the successful requests only. */
  latencies: number[];
  /** Failed checks, HTTP errors, network errors and timeouts. */
  errors: number;
  /** Up to five error descriptions, for the notes. */
  errorSamples: string[];
  /** From the first request's start to the last response's end. */
  elapsedMs: number;
  /** True when the time limit, not the count, ended the phase. */
  timedOut: boolean;
}

/** Sends the requests and measures them; never rejects for a failed request (it counts as an error). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const result: LoadResult = {
    sent: 0,
    latencies: [],
    errors: 0,
    errorSamples: [],
    elapsedMs: 0,
    timedOut: false,
  };
  const fail = (why: string) => {
    result.errors++;
    if (result.errorSamples.length < 5) result.errorSamples.push(why);
  };
  let next = 0;
  const started = performance.now();
  const deadline = started + options.timeLimitMs;

  const worker = async (id: number) => {
    for (;;) {
      if (next >= options.count) return;
      if (performance.now() > deadline) {
        result.timedOut = true;
        return;
      }
      const index = next++;
      const request = options.request(index, id);
      const t0 = performance.now();
      try {
        const response = await send(url, agent, request, timeoutMs);
        const ms = performance.now() - t0;
        result.sent++;
        if (options.check(response.status, response.body)) result.latencies.push(ms);
        else fail(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
      } catch (error) {
        result.sent++;
        fail((error as Error).message);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  } finally {
    agent.destroy();
  }
  result.elapsedMs = performance.now() - started;
  return result;
}

function send(
  url: URL,
  agent: http.Agent,
  request: LoadRequest,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const method = request.method ?? 'POST';
  const body = method === 'POST' ? (request.body ?? '') : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: request.path ?? url.pathname,
        method,
        agent,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          ...request.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
