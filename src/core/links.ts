/**
 * Link cells → references → items (DESIGN §3). The whole cell is tried first as one
 * reference, since titles may contain commas; only when it matches nothing is it split:
 * on `;` and line breaks, then each part on commas, keeping together the longest run of
 * comma-separated pieces that names an item ("P1; Fair, fast payouts" is two links). A reference is looked up in the layer directly above, then
 * further up, then in the item's own layer (nesting); the first layer with a match wins.
 */
import type { Item, ItemIndex } from './items';
import { normalizeKey } from './text';

export interface Reference {
  readonly text: string;
  /** The share written with it ("G1 (60%)" → 0.6), or null when none was written. */
  readonly share: number | null;
}

export type LinkStatus = 'ok' | 'broken' | 'ambiguous';

export interface Link {
  /** The reference as written, without its share ("G1" of "G1 (60%)"). */
  readonly text: string;
  readonly status: LinkStatus;
  /** One item when ok; every candidate when ambiguous; none when broken. */
  readonly targets: readonly number[];
  /** The effective share of the item's weight this link carries. */
  readonly share: number;
  /** Set for the implicit link to the only item above, when the tab has no link column. */
  readonly implicit: boolean;
}

const SHARE = /^(.*?)\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)$/;

export function parseReference(text: string): Reference {
  const trimmed = text.trim();
  const match = trimmed.endsWith(')') ? SHARE.exec(trimmed) : null;
  if (match && match[1] !== '') return { text: match[1]!, share: Number(match[2]) / 100 };
  return { text: trimmed, share: null };
}

/** Layers to search for an item's references, nearest first: above it upwards, then its own. */
export function lookupOrder(rank: number, ranksPresent: readonly number[]): number[] {
  const above = ranksPresent.filter((r) => r < rank).sort((a, b) => b - a);
  return ranksPresent.includes(rank) ? [...above, rank] : above;
}

type Resolution = { status: LinkStatus; targets: readonly number[] };

const NOTHING: readonly number[] = Object.freeze([]);

/** The items of one layer in a list that spans layers; the list itself when all are. */
function inLayer(found: readonly number[] | undefined, rank: number, items: readonly Item[]): readonly number[] {
  if (!found) return NOTHING;
  let all = true;
  for (const item of found) if (items[item]!.rank !== rank) all = false;
  return all ? found : found.filter((item) => items[item]!.rank === rank);
}

/** The items a reference names: none (broken), one, or several (ambiguous). */
export function lookupReference(text: string, order: readonly number[], index: ItemIndex): readonly number[] {
  const norm = normalizeKey(text);
  if (norm === '') return NOTHING;
  const keyed = index.byKey.get(norm);
  for (const rank of order) {
    // A key match is more specific than a title match: "G1" is the goal whose id is G1.
    const byKey = inLayer(keyed, rank, index.items);
    if (byKey.length > 0) return byKey;
    const byTitle = index.titlesOf(rank).get(norm);
    if (byTitle && byTitle.length > 0) return byTitle;
  }
  return NOTHING;
}

export function statusOf(targets: readonly number[]): LinkStatus {
  return targets.length === 0 ? 'broken' : targets.length === 1 ? 'ok' : 'ambiguous';
}

export function resolveReference(ref: Reference, order: readonly number[], index: ItemIndex): Resolution {
  const targets = lookupReference(ref.text, order, index);
  return { status: statusOf(targets), targets };
}

/** Effective shares: written shares as written; the rest split equally among the others. */
function withShares(resolved: Resolved[]): Link[] {
  let written = 0;
  let unshared = 0;
  for (const { ref } of resolved) {
    if (ref.share === null) unshared++;
    else written += ref.share;
  }
  const rest = unshared > 0 ? Math.max(0, 1 - written) / unshared : 0;
  return resolved.map(({ ref, res }) => ({ text: ref.text, status: res.status, targets: res.targets, share: ref.share ?? rest, implicit: false }));
}

/** Resolves an item's link cells; a reference to the item itself stays in (it is a cycle). */
export function resolveLinks(
  item: Item,
  order: readonly number[],
  index: ItemIndex,
): Link[] {
  const cells = item.linkCells ?? [];
  if (cells.length === 1) {
    // The common case, one cell naming one item, without the bookkeeping of several.
    const ref = parseReference(cells[0]!);
    const targets = lookupReference(ref.text, order, index);
    if (targets.length > 0) return [{ text: ref.text, status: statusOf(targets), targets, share: ref.share ?? 1, implicit: false }];
  }
  const resolve = (ref: Reference): Resolved => ({ ref, res: resolveReference(ref, order, index) });
  const resolved: Resolved[] = [];
  for (const cell of cells) {
    const whole = resolve(parseReference(cell));
    if (whole.res.status !== 'broken') {
      resolved.push(whole);
      continue;
    }
    for (const part of cell.split(/[;\r\n]+/)) for (const one of resolveCommaPart(part, resolve)) resolved.push(one);
  }
  const links = withShares(resolved);
  return links.length > 1 ? mergeDuplicates(links) : links;
}

type Resolved = { ref: Reference; res: Resolution };

/** Splits one part on commas, joining back the longest runs of pieces that name an item. */
function resolveCommaPart(part: string, resolve: (ref: Reference) => Resolved): Resolved[] {
  const pieces = part.split(',');
  const out: Resolved[] = [];
  for (let start = 0; start < pieces.length; ) {
    let taken: Resolved | null = null;
    let end = pieces.length;
    for (; end > start; end--) {
      const text = pieces.slice(start, end).join(',').trim();
      if (text === '') continue;
      const attempt = resolve(parseReference(text));
      if (attempt.res.status !== 'broken' || end === start + 1) {
        taken = attempt;
        break;
      }
    }
    if (taken) out.push(taken);
    start = Math.max(end, start + 1);
  }
  return out;
}

/** Two references to the same item ("G1" and "Growth" naming one goal) are one link with both shares. */
function mergeDuplicates(links: Link[]): Link[] {
  const out: Link[] = [];
  for (const link of links) {
    const at = link.status === 'ok' ? out.findIndex((kept) => kept.status === 'ok' && kept.targets[0] === link.targets[0]) : -1;
    if (at < 0) out.push(link);
    else out[at] = { ...out[at]!, share: out[at]!.share + link.share };
  }
  return out;
}

export function implicitLink(target: number): Link {
  return { text: '', status: 'ok', targets: [target], share: 1, implicit: true };
}
