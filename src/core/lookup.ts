/**
 * Finds the item a TRACE or IMPACT argument names: by key first, then by title. When names
 * repeat across tabs, the tab the formula sits in wins.
 */
import type { Cascade } from './cascade';
import { describeItem } from './flags';
import type { Cell } from './snapshot';
import { cellText, clip, normalizeKey } from './text';

export type ItemOrError = { ok: true; item: number } | { ok: false; error: string };

/** The item a reference names; a blank reference is not an error, it is handled by the caller. */
export function findItem(cascade: Cascade, ref: Cell, preferSheet?: string): ItemOrError {
  const text = cellText(ref);
  const norm = normalizeKey(text);
  const keyed = cascade.index.withKey(norm);
  const candidates = keyed.length > 0 ? keyed : cascade.index.withTitle(norm);
  if (candidates.length === 0) {
    return { ok: false, error: `#NOT FOUND: "${clip(text, 60)}" is not a key or title on any cascade tab` };
  }
  if (candidates.length === 1) return { ok: true, item: candidates[0]! };
  const here = candidates.filter((item) => cascade.items[item]!.sheet === preferSheet);
  if (here.length === 1) return { ok: true, item: here[0]! };
  const where = (here.length > 1 ? here : candidates).map((item) => describeItem(cascade.items[item]!)).join(', ');
  return { ok: false, error: `#AMBIGUOUS: "${clip(text, 60)}" names several rows (${where}); use its id` };
}
