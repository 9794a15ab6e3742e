/**
 * Counts failed sign-ins per user name and per client address in a sliding window (default: 10
 * per minute). Past the limit further attempts are refused until the oldest failure leaves the
 * window, so nobody is locked out for longer than the window. In memory, per server process.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: { maxFailures: number; windowMs: number; now?: () => number } = {
      maxFailures: 10,
      windowMs: 60_000,
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Failures of `key` still inside the window (expired ones dropped). */
  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => time > now - this.options.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Seconds to wait before `keys` may try again (the longest of them); 0 when allowed now. */
  retryAfterSeconds(keys: readonly string[]): number {
    const now = this.now();
    let waitMs = 0;
    for (const key of keys) {
      const times = this.recent(key, now);
      if (times.length < this.options.maxFailures) continue;
      const oldestCounted = times[times.length - this.options.maxFailures] ?? now;
      waitMs = Math.max(waitMs, oldestCounted + this.options.windowMs - now);
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  /** Records one failed attempt against every key. */
  recordFailure(keys: readonly string[]): void {
    const now = this.now();
    if (this.failures.size > 50_000) this.prune(now);
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** Forgets the failures of `key` (a successful sign-in clears its user name). */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
