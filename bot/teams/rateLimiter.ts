import {
  DEFAULT_CATCH_UP_SENDS,
  DEFAULT_HEADROOM,
  DEFAULT_WINDOW_PADDING_MS,
  TEAMS_RATE_LIMITS,
  type RateLimiterOptions,
  type RateLimits,
  type RateWindow,
} from './rateLimits';

interface Waiter {
  conversation: Slot;
  tenant: Slot;
  resolve: () => void;
}

/** The grant times of one key (a conversation or a tenant), oldest first. */
interface Slot {
  stamps: number[];
  /** When spread: the time the next send is due on the even schedule. */
  due?: number;
  /** Waiters in the queue that use this slot: a slot is forgotten only when none do. */
  waiting: number;
}

/** How often idle keys are forgotten, in clock milliseconds. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Keeps proactive sends within Teams' rate limits, per conversation and per tenant.
 *
 * {@link RateLimiter.acquire} resolves when one more send to a conversation fits every sliding
 * window of that conversation and of its tenant (and, by default, comes a fair share of a second
 * after the tenant's previous send), and counts the send at that moment. Waiters are
 * served in the order they asked: a waiter that only its tenant holds back is served before any
 * later one of that tenant, while a waiter held back by its own conversation's windows does not
 * hold up other conversations. So concurrent senders never exceed a window, a busy conversation
 * does not block the rest of its tenant, and nobody waits for ever behind newer arrivals.
 *
 * One limiter serves one process: the limits are counted in memory. Instances of the app that
 * run side by side each count their own sends, so the service can still answer 429, which the
 * messenger retries.
 */
export class RateLimiter {
  /** The limits actually enforced: headroom applied, padding added. */
  readonly effectiveLimits: RateLimits;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly conversations = new Map<string, Slot>();
  private readonly tenants = new Map<string, Slot>();
  private readonly longestWindow: { conversation: number; tenant: number };
  private readonly keep: { conversation: number; tenant: number };
  /** Mean time between two sends of a tenant on its even schedule (0 when not spread). */
  private readonly tenantSpacingMs: number;
  /** How far a tenant's schedule may fall behind and still be won back, in ms. */
  private readonly catchUpMs: number;
  private queue: Waiter[] = [];
  /** Times at which a pending sleep will run the queue again. */
  private readonly wakeups = new Set<number>();
  /** No queued waiter can be granted before this time (Infinity when nobody waits). */
  private nextWakeAt = Infinity;
  private lastSweep: number;

  constructor(options: RateLimiterOptions = {}) {
    const limits = options.limits ?? TEAMS_RATE_LIMITS;
    const headroom = options.headroom ?? DEFAULT_HEADROOM;
    const padding = options.windowPaddingMs ?? DEFAULT_WINDOW_PADDING_MS;
    if (!(headroom >= 0 && headroom < 1)) throw new RangeError(`headroom must be in [0, 1): ${headroom}`);
    if (!(padding >= 0)) throw new RangeError(`windowPaddingMs must be ≥ 0: ${padding}`);
    const adjust = (windows: readonly RateWindow[]): RateWindow[] =>
      windows.map(({ limit, windowMs }) => {
        if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0)) {
          throw new RangeError(
            `A rate window needs a positive integer limit and length: ${limit}/${windowMs}`,
          );
        }
        return { limit: Math.max(1, Math.floor(limit * (1 - headroom))), windowMs: windowMs + padding };
      });
    this.effectiveLimits = { conversation: adjust(limits.conversation), tenant: adjust(limits.tenant) };
    const longest = (windows: readonly RateWindow[]) => Math.max(0, ...windows.map((w) => w.windowMs));
    const largest = (windows: readonly RateWindow[]) => Math.max(0, ...windows.map((w) => w.limit));
    this.longestWindow = {
      conversation: longest(this.effectiveLimits.conversation),
      tenant: longest(this.effectiveLimits.tenant),
    };
    this.keep = {
      conversation: largest(this.effectiveLimits.conversation),
      tenant: largest(this.effectiveLimits.tenant),
    };
    this.tenantSpacingMs =
      options.spreadTenantSends === false
        ? 0
        : Math.max(0, ...this.effectiveLimits.tenant.map((w) => w.windowMs / w.limit));
    const catchUpSends = options.catchUpSends ?? DEFAULT_CATCH_UP_SENDS;
    if (!(Number.isInteger(catchUpSends) && catchUpSends >= 1)) {
      throw new RangeError(`catchUpSends must be a whole number ≥ 1: ${catchUpSends}`);
    }
    this.catchUpMs = catchUpSends * this.tenantSpacingMs;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.lastSweep = this.now();
  }

  /** How many callers are waiting. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Waits until one more send to `conversationId` in `tenantId` fits every window, and counts it.
   * Call it once per HTTP request, retries included, as close to the wire as possible. The wait is
   * unbounded: a conversation that used up its 30-second or hourly window waits for it.
   */
  acquire(tenantId: string, conversationId: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiter: Waiter = {
        conversation: slotOf(this.conversations, `${tenantId}\u0000${conversationId}`),
        tenant: slotOf(this.tenants, tenantId),
        resolve,
      };
      waiter.conversation.waiting++;
      waiter.tenant.waiting++;
      const now = this.now();
      if (now < this.nextWakeAt) {
        // Nobody queued can go before `nextWakeAt` (sends since only make windows fuller), so
        // this waiter is the only one to look at: a full pass would find the same.
        const at = this.freeAt(waiter, now);
        if (at <= now) {
          this.grant(waiter, now);
        } else {
          this.queue.push(waiter);
          this.nextWakeAt = Math.min(this.nextWakeAt, at);
          this.wakeAt(at, now);
        }
        return;
      }
      this.queue.push(waiter);
      this.drain();
    });
  }

  /** Grants every waiter that fits now, in queue order, and sleeps until the next one might. */
  private drain(): void {
    const now = this.now();
    const still: Waiter[] = [];
    let nextAt = Infinity;
    for (const waiter of this.queue) {
      const at = this.freeAt(waiter, now);
      if (at <= now) {
        this.grant(waiter, now);
      } else {
        still.push(waiter);
        nextAt = Math.min(nextAt, at);
      }
    }
    this.queue = still;
    this.nextWakeAt = nextAt;
    if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    if (still.length > 0) this.wakeAt(nextAt, now);
  }

  /** When the waiter's next send fits both its conversation's and its tenant's windows. */
  private freeAt(waiter: Waiter, now: number): number {
    return Math.max(
      freeAt(waiter.conversation, this.effectiveLimits.conversation, now),
      freeAt(waiter.tenant, this.effectiveLimits.tenant, now, this.tenantSpacingMs / 2),
    );
  }

  private grant(waiter: Waiter, now: number): void {
    record(waiter.conversation, now, this.keep.conversation);
    record(waiter.tenant, now, this.keep.tenant);
    if (this.tenantSpacingMs > 0) {
      // Due one spacing after the previous due time, however late this grant came, so that sends
      // held up are won back; but never more than `catchUpMs` behind: after a longer pause the
      // schedule starts again from there.
      const spacing = this.tenantSpacingMs;
      waiter.tenant.due = Math.max(waiter.tenant.due ?? now, now - this.catchUpMs) + spacing;
    }
    waiter.conversation.waiting--;
    waiter.tenant.waiting--;
    waiter.resolve();
  }

  private wakeAt(at: number, now: number): void {
    for (const pending of this.wakeups) if (pending <= at) return;
    this.wakeups.add(at);
    void this.sleep(Math.max(1, Math.ceil(at - now))).then(() => {
      this.wakeups.delete(at);
      this.drain();
    });
  }

  /** Forgets keys nobody waits on whose every send has left every window. */
  private sweep(now: number): void {
    this.lastSweep = now;
    const forget = (slots: Map<string, Slot>, longest: number) => {
      for (const [key, slot] of slots) {
        const newest = slot.stamps[slot.stamps.length - 1];
        if (slot.waiting === 0 && (newest === undefined || newest <= now - longest)) slots.delete(key);
      }
    };
    forget(this.conversations, this.longestWindow.conversation);
    forget(this.tenants, this.longestWindow.tenant);
  }
}

function slotOf(slots: Map<string, Slot>, key: string): Slot {
  let slot = slots.get(key);
  if (!slot) {
    slot = { stamps: [], waiting: 0 };
    slots.set(key, slot);
  }
  return slot;
}

/**
 * The earliest time ≥ now at which one more send fits every window and, when the slot is spread
 * (`minGapMs` > 0), is due on its even schedule and at least `minGapMs` after its previous send. A
 * send at `x` counts in the window ending at `t` when `t − windowMs < x ≤ t`.
 */
function freeAt(slot: Slot, windows: readonly RateWindow[], now: number, minGapMs = 0): number {
  const { stamps } = slot;
  let at = now;
  if (minGapMs > 0) {
    const last = stamps[stamps.length - 1];
    if (slot.due !== undefined) at = Math.max(at, slot.due);
    if (last !== undefined) at = Math.max(at, last + minGapMs);
  }
  for (const { limit, windowMs } of windows) {
    // Only the newest `limit` sends matter: the window is full while the oldest of them is in it.
    const oldest = stamps[stamps.length - limit];
    if (oldest !== undefined && oldest + windowMs > now) at = Math.max(at, oldest + windowMs);
  }
  return at;
}

function record(slot: Slot, now: number, keep: number): void {
  slot.stamps.push(now);
  // Trim in batches so that a busy key does not shift its array on every send.
  if (slot.stamps.length > keep * 2) slot.stamps.splice(0, slot.stamps.length - keep);
}
