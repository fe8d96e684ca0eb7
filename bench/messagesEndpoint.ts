/**
 * messages-endpoint: latency and throughput of POST /api/messages for `help` in a personal chat of
 * the demo tenant, against Moments as `npm start` runs it (so with the Cosmos reads and writes of
 * conversation tracking), and against the bare botbuilder echo bot as the baseline. Both reply
 * through the fake connector, so both latencies include that outbound call.
 *
 * At concurrency N, N different people each send their own `help` (one personal chat each).
 */
import { benchUsers, helpMessage } from './lib/activities';
import { withTarget, type BenchContext } from './lib/context';
import { emitComparison, measure, type LevelResult, type Plan } from './lib/measure';
import { emit, note } from './lib/report';
import type { Target } from './lib/targetClient';

export const NAME = 'messages-endpoint';

export async function runMessagesEndpoint(context: BenchContext): Promise<void> {
  const plan: Plan = {
    levels: [1, 20],
    warmup: (c) => Math.max(50, 5 * c),
    requests: context.requests,
    timeLimitMs: 60_000,
  };
  const users = benchUsers(Math.max(...plan.levels));
  const serviceUrl = context.connector.serviceUrl;
  const request = (_index: number, worker: number) => ({
    body: JSON.stringify(helpMessage(serviceUrl, users[worker % users.length]!)),
  });
  const check = (status: number) => status >= 200 && status < 300;
  const run = (target: Target) => measure(target, plan, request, check, context.connector);

  note(`${NAME}: baseline (echo bot)`);
  const echo = await withTarget(context, 'echo', run);
  note(`${NAME}: Moments (startLocalApp)`);
  const moments = await withTarget(context, 'moments', run);

  const line = (metric: string, value: number, unit: string, baseline: number) =>
    emit(NAME, metric, value, unit, baseline);
  emitComparison(line, moments, echo);
  // Each successful `help` must have sent exactly one reply to the connector (echo: its echo).
  line('replies-per-request', repliesPerRequest(moments), 'ratio', repliesPerRequest(echo));
}

function repliesPerRequest(levels: readonly LevelResult[]): number {
  const ok = levels.reduce((n, l) => n + l.load.latencies.length, 0);
  const calls = levels.reduce((n, l) => n + l.connectorCalls, 0);
  return ok > 0 ? calls / ok : Number.NaN;
}
