/**
 * What declining a request needs to know about the cascade: whether the same request was
 * declined on a given day already (a second click), how a receipt names the pillar or goal it
 * didn't fit, and which rows link to a row (the tasks that removing it would leave without a goal).
 */
import type { Cascade } from './cascade';
import type { DeclinedRequest, Item } from './items';
import { layerSpec } from './layers';
import { normalizeKey, normalizeLoose } from './text';

/** The receipt, if any, of a request with this title declined on `day` (YYYY-MM-DD). */
export function declinedOn(cascade: Cascade, day: string, title: string): DeclinedRequest | undefined {
  const match = normalizeLoose(title);
  return cascade.declined.find((request) => request.date === day && request.match !== '' && request.match === match);
}

/** "Premium first (P1)": a receipt names what it didn't fit by title, with the id to find it by. */
export function receiptName(cascade: Cascade, key: string | undefined): string {
  if (!key) return '';
  const item = cascade.items.find(
    (candidate) => candidate.keyNorm === normalizeKey(key) && (layerSpec(candidate.layer).isStrategy || layerSpec(candidate.layer).isGoal),
  );
  if (!item) return key;
  return item.title && normalizeKey(item.title) !== item.keyNorm ? `${item.title} (${item.key})` : item.key;
}

/** The rows that link straight to an item (its tasks, for a roadmap row). */
export function dependentsOf(cascade: Cascade, item: Item): Item[] {
  return cascade.items.filter(
    (other) =>
      other.index !== item.index && cascade.links.of(other.index).some((link) => link.status === 'ok' && link.targets[0] === item.index),
  );
}
