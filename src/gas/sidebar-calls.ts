/**
 * The sidebar's server calls. Each returns { ok, value } or { ok: false, error } so the
 * sidebar can show a message; nothing thrown reaches the browser as a stack trace.
 */
import { cascadeHealth, type Health } from '../core/health';
import { loadCascade } from './cascade-source';
import { errorText } from './settings';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function reply<T>(work: () => T): Reply<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

export function health(): Reply<Health> {
  return reply(() => {
    const { cascade, warnings } = loadCascade({ fresh: true });
    return cascadeHealth(cascade, warnings);
  });
}
