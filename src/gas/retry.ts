/**
 * Retrying what Apps Script fails at transiently ("Service invoked too many times" in a short
 * time, "Service error", "Internal error", time-outs) with exponential backoff and jitter.
 * Errors that another try cannot fix fail at once: no permission, a range off the sheet, a
 * refusal, and a daily quota ("Service invoked too many times for one day"), which lasts until
 * the quota resets, not for a few seconds of backoff.
 */

const TRANSIENT = [
  /service invoked too many times/i,
  /service error/i,
  /internal error/i,
  /timed? ?out/i,
  /try again later/i,
  /server error/i,
];
const DAILY_QUOTA = /for one day|per day|daily/i;

export function isTransient(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : String(error);
  return !DAILY_QUOTA.test(message) && TRANSIENT.some((pattern) => pattern.test(message));
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
