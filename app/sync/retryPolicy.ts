/** Exponential backoff settings; `full` jitter draws the delay uniformly below the ceiling. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  jitter: 'full' | 'none';
}

/** A random source in [0, 1), injected so that delays are reproducible in tests. */
export type RandomSource = () => number;

/**
 * The delay before retry number `attempt` (1 for the first retry): a ceiling of
 * `min(maxMs, baseMs * 2^(attempt-1))`, and with full jitter a whole number of milliseconds
 * drawn uniformly in [0, ceiling). Never negative, never above `maxMs`.
 */
export function retryDelay(attempt: number, options: BackoffOptions, random: RandomSource): number {
  const base = Math.max(0, options.baseMs);
  const max = Math.max(0, options.maxMs);
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = base === 0 ? 0 : Math.min(max, base * 2 ** Math.min(exponent, 1024));
  if (options.jitter === 'none') return ceiling;
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(draw * ceiling), Math.max(0, ceiling - 1));
}

/** The error shape of every boundary (gateway, IPC): `{ code, message, retryable }`. */
export interface RetryableError {
  code: string;
  message: string;
  retryable: boolean;
}

/** When to stop: after `maxAttempts` failed attempts in all (Infinity: until success). */
export interface RetryPolicy {
  maxAttempts: number;
  backoff: BackoffOptions;
}

/** Prefetch: a few quick retries, then the job waits for the next plan. */
export const PREFETCH_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, backoff: { baseMs: 1_000, maxMs: 60_000, jitter: 'full' } };

/** Outbox: retried until acknowledged, at most every five minutes once the backoff is long. */
export const OUTBOX_RETRY_POLICY: RetryPolicy = { maxAttempts: Number.POSITIVE_INFINITY, backoff: { baseMs: 2_000, maxMs: 300_000, jitter: 'full' } };

/** What to do after a failure. */
export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'give-up'; reason: 'permanent' | 'exhausted' };

/**
 * Decides after `failures` failed attempts (1 after the first failure): an error marked
 * `retryable: false` is permanent (retrying would fail the same way); otherwise retry after
 * {@link retryDelay} until the policy's attempts are spent.
 */
export function decideRetry(policy: RetryPolicy, failures: number, error: RetryableError, random: RandomSource): RetryDecision {
  if (!error.retryable) return { action: 'give-up', reason: 'permanent' };
  if (failures >= policy.maxAttempts) return { action: 'give-up', reason: 'exhausted' };
  return { action: 'retry', delayMs: retryDelay(failures, policy.backoff, random) };
}

/**
 * Reads a caught value as a {@link RetryableError}: a boundary error keeps its own verdict;
 * anything else (a fetch that threw, a dropped connection) is taken as a transient failure.
 */
export function asRetryableError(value: unknown): RetryableError {
  if (typeof value === 'object' && value !== null && 'retryable' in value && typeof value.retryable === 'boolean') {
    const code = 'code' in value && typeof value.code === 'string' ? value.code : 'INTERNAL';
    const message = 'message' in value && typeof value.message === 'string' ? value.message : code;
    return { code, message, retryable: value.retryable };
  }
  return { code: 'NODE_UNREACHABLE', message: value instanceof Error ? value.message : String(value), retryable: true };
}

/**
 * Whether an HTTP failure status is worth retrying when the answer carries no `{ code, message,
 * retryable }` of its own: server errors (5xx), Request Timeout (408) and Too Many Requests (429);
 * any other 4xx would fail the same way again (RFC 9110 15.5, 15.6; RFC 6585 4).
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
