/** At most `limit` sends in any `windowMs` milliseconds (a sliding window). */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** The windows a send must fit: every conversation's own, and its tenant's. */
export interface RateLimits {
  /** Applied to each conversation (chat or channel) separately. */
  conversation: readonly RateWindow[];
  /** Applied to all sends of the app in one tenant together. */
  tenant: readonly RateWindow[];
}

/**
 * Microsoft Teams' published limits for bots, from "Optimize your bot with rate limiting in Teams"
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 *
 * - per bot per thread (a personal chat, a group chat or a channel): 7 operations per second,
 *   8 per 2 seconds, 60 per 30 seconds, 1800 per 3600 seconds;
 * - per app per tenant (the "global" limit): 50 requests per second.
 *
 * The page also limits all bots together in one thread to 14 per second; one bot cannot reach
 * that under its own 7 per second, so it is not modelled. Microsoft says the exact values may
 * change, which is why the messenger still retries 429s.
 */
export const TEAMS_RATE_LIMITS: RateLimits = {
  conversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ],
  tenant: [{ limit: 50, windowMs: 1_000 }],
};

/** Share of every limit kept unused by default: 50/s becomes 48/s, 7/s becomes 6/s. */
export const DEFAULT_HEADROOM = 0.04;

/**
 * Added to every window by default. A send is counted by Teams when it arrives, not when it was
 * granted here; the padding absorbs the jitter between the two (with the tenant's sends spread
 * out, arrivals are ~21 ms apart and jitter of a few ms; the headroom keeps two sends spare too).
 */
export const DEFAULT_WINDOW_PADDING_MS = 20;

/**
 * Sends a tenant's even schedule may fall behind and win back by default: a hold-up of up to
 * ~170 ms (8 × 21.25 ms) costs no sends.
 */
export const DEFAULT_CATCH_UP_SENDS = 8;

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** The limits to keep to, before headroom. Default: {@link TEAMS_RATE_LIMITS}. */
  limits?: RateLimits;
  /**
   * Fraction of each limit left unused, 0 ≤ headroom < 1: the limiter allows
   * `max(1, floor(limit × (1 − headroom)))`. Default: {@link DEFAULT_HEADROOM}.
   */
  headroom?: number;
  /** Milliseconds added to each window. Default: {@link DEFAULT_WINDOW_PADDING_MS}. */
  windowPaddingMs?: number;
  /**
   * Spread a tenant's sends evenly, one per `windowMs / limit` of its tenant windows (21.25 ms with
   * the defaults) on average, rather than granting a whole window at once. Default true. A send
   * granted late (timers wake on whole milliseconds, a busy event loop later still, a sender held
   * up) does not push the next ones back: the schedule catches up by up to
   * {@link RateLimiterOptions.catchUpSends} spacings, sending at most twice as often as the spacing
   * until it is back on time, and always within the windows.
   *
   * Why: sends granted in the same millisecond do not reach the service in the same millisecond,
   * and a cold burst arrives more slowly than a warm one, so the service can count the tail of one
   * burst and the head of the next in the same second. Measured in-process against the fake
   * connector: bursts of 48 granted 1.05 s apart right before the HTTP call still drew 13 429s in
   * 300 sends (the first burst took up to 70 ms to arrive, the next ones ~5 ms); spread out, none.
   */
  spreadTenantSends?: boolean;
  /**
   * When spread: how many spacings a tenant's schedule may fall behind and still win back. A
   * hold-up longer than that many spacings loses the rest: the schedule starts again from the end
   * of it, so sends held back for long never come as a burst. Default
   * {@link DEFAULT_CATCH_UP_SENDS}; 1 catches up by one spacing only.
   */
  catchUpSends?: number;
  /** A monotonic clock in milliseconds. Default: `performance.now`. */
  now?: () => number;
  /** Waits `ms` milliseconds. Default: `setTimeout`. Tests pass a fake clock's sleep. */
  sleep?: (ms: number) => Promise<void>;
}
