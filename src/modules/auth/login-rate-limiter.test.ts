import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter.js';

describe('LoginRateLimiter', () => {
  it('allows attempts until the limit, then tells how long until the oldest failure leaves the window', () => {
    let now = 0;
    const limiter = new LoginRateLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (const at of [0, 10_000, 20_000]) {
      now = at;
      expect(limiter.retryAfterSeconds(['user:a'])).toBe(0);
      limiter.recordFailure(['user:a']);
    }
    now = 30_000;
    expect(limiter.retryAfterSeconds(['user:a'])).toBe(30);
    expect(limiter.retryAfterSeconds(['user:b'])).toBe(0);
    now = 60_001;
    expect(limiter.retryAfterSeconds(['user:a'])).toBe(0);
  });

  it('reports the longest wait of several keys and forgets a key that signed in', () => {
    let now = 0;
    const limiter = new LoginRateLimiter({ maxFailures: 2, windowMs: 60_000, now: () => now });
    limiter.recordFailure(['user:a', 'ip:1']);
    now = 5_000;
    limiter.recordFailure(['user:a', 'ip:1']);
    now = 6_000;
    limiter.recordFailure(['ip:1']);
    expect(limiter.retryAfterSeconds(['user:a', 'ip:1'])).toBe(59);
    limiter.clear('user:a');
    expect(limiter.retryAfterSeconds(['user:a'])).toBe(0);
    expect(limiter.retryAfterSeconds(['ip:1'])).toBe(59);
  });
});
