/**
 * Retrying what Apps Script fails at transiently ("Service invoked too many times",
 * "Service error", "Internal error", time-outs) with exponential backoff and jitter. Errors
 * that another try cannot fix (no permission, a range off the sheet, a refusal) fail at once.
 */

const TRANSIENT = [/service invoked too many times/i, /service error/i, /internal error/i, /timed? ?out/i, /try again later/i, /server error/i];

export function isTransient(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : String(error);
  return TRANSIENT.some((pattern) => pattern.test(message));
}

export interface RetryOptions {
  readonly attempts?: number;
  readonly baseMs?: number;
  readonly random?: () => number;
}

export const RETRY_ATTEMPTS = 5;

export function withRetry<T>(work: () => T, { attempts = RETRY_ATTEMPTS, baseMs = 250, random = Math.random }: RetryOptions = {}): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      // 250 ms, 500 ms, 1 s, 2 s… each stretched by a random factor so callers don't retry in step.
      Utilities.sleep(Math.min(10_000, Math.round(baseMs * 2 ** (attempt - 1) * (0.5 + random()))));
    }
  }
}
