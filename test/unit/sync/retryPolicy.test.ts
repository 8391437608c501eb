import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asRetryableError, decideRetry, OUTBOX_RETRY_POLICY, PREFETCH_RETRY_POLICY, retryDelay } from '../../../app/sync';

describe('retryDelay', () => {
  it('doubles from baseMs up to maxMs without jitter', () => {
    const options = { baseMs: 100, maxMs: 1_000, jitter: 'none' } as const;
    expect([1, 2, 3, 4, 5, 50, 5000].map((a) => retryDelay(a, options, () => 0.5))).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });

  it('draws full jitter uniformly below the ceiling from the injected random source', () => {
    const options = { baseMs: 100, maxMs: 10_000, jitter: 'full' } as const;
    expect(retryDelay(3, options, () => 0)).toBe(0);
    expect(retryDelay(3, options, () => 0.5)).toBe(200);
    expect(retryDelay(3, options, () => 0.999999)).toBe(399);
  });

  it('stays within [0, min(maxMs, baseMs * 2^(attempt-1))) for any attempt and random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat({ max: 60_000 }), fc.nat({ max: 600_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, baseMs, maxMs, r) => {
        const delay = retryDelay(attempt, { baseMs, maxMs, jitter: 'full' }, () => r);
        const ceiling = baseMs === 0 ? 0 : Math.min(maxMs, baseMs * 2 ** (attempt - 1));
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.max(0, ceiling - 1));
      }),
    );
  });
});

describe('decideRetry', () => {
  const error = { code: 'NODE_TIMEOUT', message: 'timed out', retryable: true };

  it('gives up at once on a permanent error', () => {
    expect(decideRetry(PREFETCH_RETRY_POLICY, 1, { ...error, code: 'NODE_AUTH_FAILED', retryable: false }, () => 0.5)).toEqual({ action: 'give-up', reason: 'permanent' });
  });

  it('retries with backoff until the attempts are spent', () => {
    expect(decideRetry(PREFETCH_RETRY_POLICY, 1, error, () => 0.5)).toEqual({ action: 'retry', delayMs: 500 });
    expect(decideRetry(PREFETCH_RETRY_POLICY, 4, error, () => 0.5)).toEqual({ action: 'retry', delayMs: 4_000 });
    expect(decideRetry(PREFETCH_RETRY_POLICY, 5, error, () => 0.5)).toEqual({ action: 'give-up', reason: 'exhausted' });
  });

  it('never exhausts the outbox policy', () => {
    expect(decideRetry(OUTBOX_RETRY_POLICY, 1_000_000, error, () => 0.5)).toEqual({ action: 'retry', delayMs: 150_000 });
  });

  it('reads boundary errors as they are and anything else as transient', () => {
    expect(asRetryableError({ code: 'NODE_BAD_RESPONSE', message: 'garbage', retryable: false })).toEqual({ code: 'NODE_BAD_RESPONSE', message: 'garbage', retryable: false });
    expect(asRetryableError(new TypeError('fetch failed'))).toEqual({ code: 'NODE_UNREACHABLE', message: 'fetch failed', retryable: true });
  });
});
