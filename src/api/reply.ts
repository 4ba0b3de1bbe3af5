/**
 * What every server call answers: { ok: true, value } or { ok: false, error }. Refusals and
 * validation errors carry their message; anything unexpected is reduced to its message too,
 * so no stack trace or internal detail reaches the browser.
 */
import type { Reply } from '../shared/calls';

export type { Reply } from '../shared/calls';

export function errorMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return (typeof message === 'string' ? message : String(error)).split('\n')[0]!.slice(0, 500);
}

export function toReply<T>(work: () => T): Reply<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
