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

/**
 * The rows that link straight to an item (its tasks, for a roadmap row). Read from the link
 * table's flat arrays: the Link view asks for it on every look at a row, and building every
 * item's links as objects would make that a pass over the whole cascade's links each time.
 */
export function dependentsOf(cascade: Cascade, item: Item): Item[] {
  const { offsets, target } = cascade.links;
  const out: Item[] = [];
  for (let owner = 0; owner < cascade.items.length; owner++) {
    if (owner === item.index) continue;
    for (let link = offsets[owner]!; link < offsets[owner + 1]!; link++) {
      if (target[link] === item.index) {
        out.push(cascade.items[owner]!);
        break;
      }
    }
  }
  return out;
}
