/**
 * One benchmark phase per concurrency level against one target: a warm-up (not counted), then the
 * measured requests, with the server-side times the target recorded for the measured ones only.
 */
import { runLoad, type LoadResult, type RequestFactory, type ResponseCheck } from './load';
import { summarize, throughput, type LatencySummary } from './stats';
import type { Target } from './targetClient';
import { note } from './report';

/** How much load to apply at each level. */
export interface Plan {
  levels: readonly number[];
  /** Warm-up requests at a level (before its measured ones), per level. */
  warmup: (concurrency: number) => number;
  /** Measured requests per level. */
  requests: number;
  /** Time limit of the measured requests of one level (and, halved, of its warm-up). */
  timeLimitMs: number;
}

/** What one level measured. */
export interface LevelResult {
  concurrency: number;
  load: LoadResult;
  /** Client-side end-to-end latencies of the successful measured requests. */
  latency: LatencySummary;
  /** Successful measured requests per second of the measured phase's wall-clock time. */
  rps: number;
  /** Server-side times (request received → response finished) of the measured requests. */
  server: LatencySummary;
  /** Successful requests, warm-up included. */
  okIncludingWarmup: number;
  /** Requests sent, warm-up included, successful or not. */
  sentIncludingWarmup: number;
  /** Calls the fake connector got during the measured phase. */
  connectorCalls: number;
  /** Local snapshot saves the target ran during the measured phase. */
  snapshotSaves: number;
  /** CPU time (ms) the target process used per successful measured request. */
  targetCpuPerRequest: number;
  /** CPU time (ms) the target's local Cosmos server process used per request (0 when in process). */
  cosmosCpuPerRequest: number;
  /** CPU the target and this process (load generator + fake connector) used, in % of one core. */
  targetCpuPercent: number;
  generatorCpuPercent: number;
}

interface ServerTimes {
  times: number[];
  snapshotSaves: number;
  cpuMs: number;
  cosmosCpuMs: number;
}

/** Runs `plan` against `target`, level by level. */
export async function measure(
  target: Target,
  plan: Plan,
  request: RequestFactory,
  check: ResponseCheck,
  connector: { calls: unknown[] },
): Promise<LevelResult[]> {
  const results: LevelResult[] = [];
  for (const concurrency of plan.levels) {
    const base = { url: target.url, concurrency, request, check };
    const warm = await runLoad({
      ...base,
      count: plan.warmup(concurrency),
      timeLimitMs: plan.timeLimitMs / 2,
    });
    if (warm.errors > 0)
      note(`  ${target.kind} c=${concurrency} warm-up: ${warm.errors} errors, e.g. ${warm.errorSamples[0]}`);
    await target.call<ServerTimes>({ cmd: 'takeServerTimes' });
    connector.calls.length = 0;

    const cpu0 = process.cpuUsage();
    const load = await runLoad({ ...base, count: plan.requests, timeLimitMs: plan.timeLimitMs });
    const cpu = process.cpuUsage(cpu0);
    const connectorCalls = connector.calls.length;
    const server = await target.call<ServerTimes>({ cmd: 'takeServerTimes' });
    const ok = load.latencies.length;
    const result: LevelResult = {
      concurrency,
      load,
      latency: summarize(load.latencies),
      rps: throughput(load.latencies.length, load.elapsedMs),
      server: summarize(server.times),
      okIncludingWarmup: warm.latencies.length + ok,
      sentIncludingWarmup: warm.sent + load.sent,
      connectorCalls,
      snapshotSaves: server.snapshotSaves,
      // The target's CPU includes the IPC answer and anything it ran in the background meanwhile.
      targetCpuPerRequest: ok > 0 ? server.cpuMs / ok : Number.NaN,
      cosmosCpuPerRequest: ok > 0 ? server.cosmosCpuMs / ok : Number.NaN,
      targetCpuPercent: (100 * server.cpuMs) / load.elapsedMs,
      generatorCpuPercent: (100 * (cpu.user + cpu.system)) / 1000 / load.elapsedMs,
    };
    results.push(result);
    const l = result.latency;
    note(
      `  ${target.kind.padEnd(7)} c=${String(concurrency).padEnd(2)} ${load.latencies.length}/${load.sent} ok in ` +
        `${(load.elapsedMs / 1000).toFixed(1)} s${load.timedOut ? ' (time limit hit)' : ''}: ` +
        `p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} p99 ${l.p99.toFixed(1)} max ${l.max.toFixed(1)} ms, ` +
        `${result.rps.toFixed(0)} req/s; server p95 ${result.server.p95.toFixed(1)} ms; ` +
        `CPU ${result.targetCpuPerRequest.toFixed(1)} ms/request (target ${result.targetCpuPercent.toFixed(0)} %, ` +
        `generator ${result.generatorCpuPercent.toFixed(0)} % of a core)` +
        (server.cosmosCpuMs > 0
          ? ` + Cosmos server ${result.cosmosCpuPerRequest.toFixed(1)} ms/request in its own process; `
          : '; ') +
        `${connectorCalls} connector calls; ${server.snapshotSaves} snapshot saves`,
    );
    if (load.errors > 0) note(`    errors: ${load.errors}, e.g. ${load.errorSamples.join(' | ')}`);
  }
  return results;
}

/**
 * Prints the figures every benchmark reports, per level: client-side p50/p95/p99 (ms), throughput
 * (req/s), errors (count), server-side p95 (ms) and the server process's CPU time per request (ms),
 * each against the baseline's same figure.
 */
export function emitComparison(
  emit: (metric: string, value: number, unit: string, baseline: number) => void,
  subject: readonly LevelResult[],
  baseline: readonly LevelResult[],
): void {
  for (const s of subject) {
    const b = baseline.find((r) => r.concurrency === s.concurrency);
    if (!b) throw new Error(`no baseline measured at concurrency ${s.concurrency}`);
    const c = `c${s.concurrency}`;
    emit(`p50-${c}`, s.latency.p50, 'ms', b.latency.p50);
    emit(`p95-${c}`, s.latency.p95, 'ms', b.latency.p95);
    emit(`p99-${c}`, s.latency.p99, 'ms', b.latency.p99);
    // Throughput: ratio = value / baseline too, so here below 1 means slower than the baseline.
    emit(`throughput-${c}`, s.rps, 'req/s', b.rps);
    emit(`errors-${c}`, s.load.errors, 'count', b.load.errors);
    emit(`server-p95-${c}`, s.server.p95, 'ms', b.server.p95);
    emit(`server-cpu-per-request-${c}`, s.targetCpuPerRequest, 'ms', b.targetCpuPerRequest);
  }
}
