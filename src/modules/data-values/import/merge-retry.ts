/** SQLSTATEs after which the merge transaction is simply run again. */
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure
const MAX_ATTEMPTS = 6;

/**
 * Runs `merge` (one whole transaction), again after a deadlock or serialization failure — at most
 * six times, waiting a little longer (with jitter) each time. Returns what the successful run returned.
 */
export async function withMergeRetries<T>(merge: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await merge();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      const wait = 25 * 2 ** attempt * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** True for a database error whose SQLSTATE says "try the transaction again". */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}
