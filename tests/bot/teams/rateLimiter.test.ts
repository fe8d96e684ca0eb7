import {
  DEFAULT_HEADROOM,
  TEAMS_RATE_LIMITS,
  type RateLimiterOptions,
  type RateWindow,
} from '../../../bot/teams/rateLimits';
import { RateLimiter } from '../../../bot/teams/rateLimiter';
import { FakeClock } from '../../support/fakeClock';

interface Grant {
  tenant: string;
  conversation: string;
  at: number;
  /** Order of the acquire call. */
  asked: number;
}

function harness(options: Omit<RateLimiterOptions, 'now' | 'sleep'> = {}) {
  const clock = new FakeClock();
  const limiter = new RateLimiter({
    headroom: 0,
    windowPaddingMs: 0,
    spreadTenantSends: false,
    ...options,
    now: clock.now,
    sleep: clock.sleep,
  });
  const grants: Grant[] = [];
  let asked = 0;
  const acquire = (tenant: string, conversation: string): Promise<void> => {
    const order = asked++;
    return limiter.acquire(tenant, conversation).then(() => {
      grants.push({ tenant, conversation, at: clock.now(), asked: order });
    });
  };
  return { clock, limiter, grants, acquire };
}

/** The most grants in any window of `windowMs` ending at a grant: `t − windowMs < x ≤ t`. */
function busiest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function expectWithin(times: readonly number[], windows: readonly RateWindow[]): void {
  for (const { limit, windowMs } of windows) {
    expect({ windowMs, ok: busiest(times, windowMs) <= limit }).toEqual({ windowMs, ok: true });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Counts of grants per instant, in time order: `[[0, 7], [1000, 1], …]`. */
function timeline(grants: readonly Grant[]): Array<[number, number]> {
  const counts = new Map<number, number>();
  for (const g of grants) counts.set(g.at, (counts.get(g.at) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a - b);
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the published limits', () => {
  test('a default limiter keeps a little headroom under the Teams limits', () => {
    expect(new RateLimiter().effectiveLimits).toEqual({
      conversation: [
        { limit: 6, windowMs: 1020 },
        { limit: 7, windowMs: 2020 },
        { limit: 57, windowMs: 30020 },
        { limit: 1728, windowMs: 3600020 },
      ],
      tenant: [{ limit: 48, windowMs: 1020 }],
    });
  });

  test('rejects nonsense options', () => {
    expect(() => new RateLimiter({ headroom: 1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ windowPaddingMs: -1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ catchUpSends: 0 })).toThrow(RangeError);
    expect(
      () => new RateLimiter({ limits: { conversation: [{ limit: 0, windowMs: 1000 }], tenant: [] } }),
    ).toThrow(RangeError);
  });
});

describe('per-conversation windows', () => {
  test('7 per second: the eighth waits for the first to leave the window', async () => {
    const { clock, grants, acquire } = harness({
      limits: { conversation: [{ limit: 7, windowMs: 1000 }], tenant: [] },
    });
    for (let i = 0; i < 10; i++) void acquire('t', 'c');
    await clock.advance(0);
    expect(grants).toHaveLength(7);
    await clock.advance(999);
    expect(grants).toHaveLength(7);
    await clock.advance(1);
    expect(timeline(grants)).toEqual([
      [0, 7],
      [1000, 3],
    ]);
  });

  test('8 per 2 seconds binds after the 7 per second', async () => {
    const { clock, grants, acquire } = harness({
      limits: {
        conversation: [
          { limit: 7, windowMs: 1000 },
          { limit: 8, windowMs: 2000 },
        ],
        tenant: [],
      },
    });
    for (let i = 0; i < 24; i++) void acquire('t', 'c');
    await clock.advance(10_000);
    expect(timeline(grants)).toEqual([
      [0, 7],
      [1000, 1],
      [2000, 7],
      [3000, 1],
      [4000, 7],
      [5000, 1],
    ]);
  });

  test('all four Teams windows hold over two hours of demand, each of them reached', async () => {
    const { clock, grants, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 2000; i++) void acquire('t', 'c');
    await clock.advance(2 * 3_600_000);
    const times = grants.map((g) => g.at);
    expect(times).toHaveLength(2000);
    expectWithin(times, TEAMS_RATE_LIMITS.conversation);
    expect(busiest(times, 1000)).toBe(7);
    expect(busiest(times, 2000)).toBe(8);
    expect(busiest(times, 30_000)).toBe(60);
    expect(busiest(times, 3_600_000)).toBe(1800);
    // 60 per 30 s: the 61st send waits for the first window to pass.
    expect(times[59]).toBeLessThan(30_000);
    expect(times[60]).toBe(30_000);
    // 1800 per hour: the 1801st waits for the hour.
    expect(times[1799]).toBeLessThan(3_600_000);
    expect(times[1800]).toBe(3_600_000);
  });

  test('headroom and padding shrink every window: 6 per 1.05 s and 7 per 2.05 s with 50 ms of padding', async () => {
    const { clock, grants, acquire } = harness({ headroom: DEFAULT_HEADROOM, windowPaddingMs: 50 });
    for (let i = 0; i < 14; i++) void acquire('t', 'c');
    await clock.advance(10_000);
    const times = grants.map((g) => g.at);
    expect(busiest(times, 1050)).toBe(6);
    expect(busiest(times, 2050)).toBe(7);
    expect(timeline(grants)[0]).toEqual([0, 6]);
    expect(times[6]).toBe(1050);
  });

  test('a busy conversation does not hold up another one', async () => {
    const { clock, grants, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 100; i++) void acquire('t', 'busy');
    void acquire('t', 'quiet');
    await clock.advance(0);
    expect(grants.filter((g) => g.conversation === 'quiet')).toEqual([
      { tenant: 't', conversation: 'quiet', at: 0, asked: 100 },
    ]);
  });

  test('sends to one conversation are granted in the order they asked', async () => {
    const { clock, grants, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 40; i++) void acquire('t', 'c');
    await clock.advance(60_000);
    expect(grants.map((g) => g.asked)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});

describe('per-tenant cap', () => {
  test('50 per second across the conversations of a tenant; other tenants are not affected', async () => {
    const { clock, grants, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 175; i++) void acquire('contoso', `c${i}`);
    for (let i = 0; i < 20; i++) void acquire('fabrikam', `c${i}`);
    await clock.advance(0);
    expect(grants.filter((g) => g.tenant === 'fabrikam')).toHaveLength(20);
    await clock.advance(10_000);
    const contoso = grants.filter((g) => g.tenant === 'contoso');
    expect(timeline(contoso)).toEqual([
      [0, 50],
      [1000, 50],
      [2000, 50],
      [3000, 25],
    ]);
    // First come, first served within the tenant.
    expect(contoso.map((g) => g.asked)).toEqual(Array.from({ length: 175 }, (_, i) => i));
  });

  test('48 per 1.05 s with the default headroom and 50 ms of padding', async () => {
    const { clock, grants, acquire } = harness({ headroom: DEFAULT_HEADROOM, windowPaddingMs: 50 });
    for (let i = 0; i < 100; i++) void acquire('t', `c${i}`);
    await clock.advance(5_000);
    expect(timeline(grants)).toEqual([
      [0, 48],
      [1050, 48],
      [2100, 4],
    ]);
  });

  test("by default a tenant's sends are spread out evenly, one every 1020/48 ms on average", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < 200; i++) void limiter.acquire('t', `c${i}`).then(() => times.push(clock.now()));
    void limiter.acquire('another tenant', 'c0').then(() => other.push(clock.now()));
    await clock.advance(10_000);

    expect(times).toHaveLength(200);
    expect(other).toEqual([0]);
    expect(times[0]).toBe(0);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    // The fake clock wakes on whole milliseconds: 21 or 22 ms apart, and no drift from rounding up.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(21);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(22);
    expect(times[199]! / 199).toBeCloseTo(1020 / 48, 1);
    expect(busiest(times, 1020)).toBeLessThanOrEqual(48);
    expect(busiest(times, 1000)).toBeLessThanOrEqual(48);
  });

  test('timers that wake late cost no rate: the schedule catches up, within the windows', async () => {
    const clock = new FakeClock();
    // Every wake-up comes 5 ms late, as on a busy event loop.
    const limiter = new RateLimiter({ now: clock.now, sleep: (ms) => clock.sleep(ms + 5) });
    const times: number[] = [];
    for (let i = 0; i < 100; i++) void limiter.acquire('t', `c${i}`).then(() => times.push(clock.now()));
    await clock.advance(10_000);
    expect(times).toHaveLength(100);
    // Without catching up each gap would be 27 ms (37 sends/s); on average it stays 1020/48.
    expect((times[99]! - times[1]!) / 98).toBeCloseTo(1020 / 48, 0);
    expect(busiest(times, 1020)).toBeLessThanOrEqual(48);
  });
});

describe('a sender held up between its sends', () => {
  /**
   * One send at a time, as the jobs' send gate makes them: acquire, then `workMs(i)` (the request
   * and its ledger write) before asking for the next. Each send to a conversation of its own.
   */
  async function serialSends(
    limiter: RateLimiter,
    clock: FakeClock,
    count: number,
    workMs: (i: number) => number,
  ) {
    const times: number[] = [];
    const done = (async () => {
      for (let i = 0; i < count; i++) {
        await limiter.acquire('t', `c${i}`);
        times.push(clock.now());
        await clock.sleep(workMs(i));
      }
    })();
    await clock.advance(120_000);
    await done;
    return times;
  }

  const spacing = 1020 / 48;

  test('wins back the sends of a short hold-up, and no second ever holds more than the limit', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    // Usually 15 ms per send, quicker than the limit allows; every 40th is held up for 150 ms.
    const times = await serialSends(limiter, clock, 800, (i) => (i % 40 === 39 ? 150 : 15));

    expect(times).toHaveLength(800);
    // Steady demand gets the full limit: the hold-ups cost nothing (without winning them back,
    // each would cost ~130 ms and the mean gap would be ~24.5 ms).
    expect((times[799]! - times[0]!) / 799).toBeCloseTo(spacing, 0);
    expect(busiest(times, 1000)).toBeLessThanOrEqual(48);
    expect(busiest(times, 1020)).toBeLessThanOrEqual(48);
    // Won back at most twice as often as the spacing: never a burst.
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(spacing / 2);
  });

  test('a long hold-up is not made up with a burst: the schedule starts again after it', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    // Sending as fast as allowed, then held up for 2 s after the 100th send.
    const times = await serialSends(limiter, clock, 300, (i) => (i === 99 ? 2_000 : 1));

    const resumed = times[100]!;
    const afterwards = times.filter((t) => t >= resumed && t < resumed + 1_000);
    // The second after it gets the limit's sends, no more: the 2 s are lost, not sent at once.
    expect(afterwards.length).toBeLessThanOrEqual(48);
    expect(afterwards.length).toBeGreaterThanOrEqual(46);
    expect(busiest(times, 1000)).toBeLessThanOrEqual(48);
    expect(busiest(times, 1020)).toBeLessThanOrEqual(48);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(spacing / 2);
  });

  test('catching up by one spacing only, as asked, a hold-up costs its length', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep, catchUpSends: 1 });
    const times = await serialSends(limiter, clock, 800, (i) => (i % 40 === 39 ? 150 : 15));
    expect((times[799]! - times[0]!) / 799).toBeGreaterThan(spacing + 2);
    expect(busiest(times, 1020)).toBeLessThanOrEqual(48);
  });
});

describe('under concurrency', () => {
  test('random concurrent demand never exceeds any window of any conversation or tenant', async () => {
    const random = prng(20270314);
    const { clock, limiter, grants, acquire } = harness({
      limits: TEAMS_RATE_LIMITS,
      headroom: 0,
      windowPaddingMs: 0,
    });
    const tenants = ['t1', 't2', 't3'];
    const conversations = Array.from({ length: 40 }, (_, i) => `c${i}`);
    let asked = 0;
    for (let tick = 0; tick < 300; tick++) {
      // Bursts of up to 24 callers every 100 ms, skewed so that a few conversations are hot.
      const burst = Math.floor(random() * 24);
      for (let i = 0; i < burst; i++) {
        const tenant = tenants[Math.floor(random() * random() * tenants.length)] ?? 't1';
        const conversation = conversations[Math.floor(random() ** 3 * conversations.length)] ?? 'c0';
        void acquire(tenant, conversation);
        asked++;
      }
      await clock.advance(100);
    }
    await clock.advance(3_600_000);

    expect(asked).toBeGreaterThan(3000);
    expect(grants).toHaveLength(asked);
    expect(limiter.pending).toBe(0);
    for (const tenantGrants of groupBy(grants, (g) => g.tenant).values()) {
      expectWithin(
        tenantGrants.map((g) => g.at),
        TEAMS_RATE_LIMITS.tenant,
      );
    }
    for (const conversationGrants of groupBy(grants, (g) => `${g.tenant}/${g.conversation}`).values()) {
      expectWithin(
        conversationGrants.map((g) => g.at),
        TEAMS_RATE_LIMITS.conversation,
      );
      const order = conversationGrants.map((g) => g.asked);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  test('no starvation: a conversation waiting out its own window goes before newer arrivals', async () => {
    const { clock, grants, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 7; i++) void acquire('t', 'x');
    void acquire('t', 'x'); // the eighth: its conversation allows it at 1000 (7 per second)
    let n = 0;
    // Twice the tenant's capacity, for five seconds: 10 new conversations every 100 ms.
    for (let tick = 0; tick < 50; tick++) {
      for (let i = 0; i < 10; i++) void acquire('t', `other-${n++}`);
      await clock.advance(100);
    }
    await clock.advance(60_000);

    const position = grants.findIndex((g) => g.asked === 7);
    expect(grants[position]).toMatchObject({ conversation: 'x', at: 1000 });
    // Nobody who asked after it was served at or after 1000 before it.
    const jumped = grants.slice(0, position).filter((g) => g.asked > 7 && g.at >= 1000);
    expect(jumped).toEqual([]);
    // And everyone was served in the end, within the cap.
    expect(grants).toHaveLength(8 + n);
    expectWithin(
      grants.map((g) => g.at),
      TEAMS_RATE_LIMITS.tenant,
    );
  });

  test('waiters blocked only by the tenant are served in the order they asked', async () => {
    const { clock, grants, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 50; i++) void acquire('t', `first-${i}`);
    await clock.advance(10);
    for (let i = 0; i < 120; i++) void acquire('t', `late-${i}`);
    await clock.advance(10_000);
    const late = grants.filter((g) => g.conversation.startsWith('late-'));
    expect(late.map((g) => g.asked)).toEqual(Array.from({ length: 120 }, (_, i) => 50 + i));
    expect(timeline(late)).toEqual([
      [1000, 50],
      [2000, 50],
      [3000, 20],
    ]);
  });

  test('keeps a single pending timer per wake-up time and none once idle', async () => {
    const { clock, limiter, acquire } = harness({ limits: TEAMS_RATE_LIMITS });
    for (let i = 0; i < 200; i++) void acquire('t', `c${i}`);
    await clock.advance(0);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(5_000);
    expect(limiter.pending).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });
});
