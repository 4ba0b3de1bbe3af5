/**
 * Link cells → references → items (DESIGN §3). The whole cell is tried first as one
 * reference, since titles may contain commas; only when it matches nothing is it split:
 * on `;` and line breaks, then each part on commas, keeping together the longest run of
 * comma-separated pieces that names an item ("P1; Fair, fast payouts" is two links). A reference is looked up in the layer directly above, then
 * further up, then in the item's own layer (nesting); the first layer with a match wins.
 * The links of every item are kept in one LinkTable of flat arrays; `of(item)` gives them
 * as objects for code that reads a few rows.
 */
import type { ItemIndex } from './items';
import { hashName } from './name-table';
import { normalizeKey } from './text';

export interface Reference {
  readonly text: string;
  /** The share written with it ("G1 (60%)" → 0.6), or null when none was written. */
  readonly share: number | null;
}

export type LinkStatus = 'ok' | 'broken' | 'ambiguous';

/** One link, as an object: what `LinkTable.of` gives for one row. */
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

/** `LinkTable.target` of a reference that names nothing. */
export const BROKEN = -1;
/** `LinkTable.target` of a reference that names several items. */
export const AMBIGUOUS = -2;

/**
 * Every item's links in flat arrays: item i's links are numbered `offsets[i]` up to
 * `offsets[i + 1]`; link l points at item `target[l]` (or BROKEN, AMBIGUOUS) and carries
 * `share[l]` of the item's weight.
 */
export class LinkTable {
  constructor(
    readonly offsets: Int32Array,
    readonly target: Int32Array,
    readonly share: Float64Array,
    private readonly texts: readonly string[],
    private readonly candidates: ReadonlyMap<number, readonly number[]>,
    private readonly implicit: ReadonlySet<number>,
  ) {}

  status(link: number): LinkStatus {
    const target = this.target[link]!;
    return target >= 0 ? 'ok' : target === BROKEN ? 'broken' : 'ambiguous';
  }

  /** The reference as written, without its share. */
  text(link: number): string {
    return this.texts[link]!;
  }

  /** The items a link names: one when ok, every candidate when ambiguous, none when broken. */
  targetsOf(link: number): readonly number[] {
    const target = this.target[link]!;
    return target >= 0 ? [target] : (this.candidates.get(link) ?? []);
  }

  /** An item's links as objects. */
  of(item: number): Link[] {
    const out: Link[] = [];
    for (let l = this.offsets[item]!; l < this.offsets[item + 1]!; l++) {
      out.push({ text: this.texts[l]!, status: this.status(l), targets: this.targetsOf(l), share: this.share[l]!, implicit: this.implicit.has(l) });
    }
    return out;
  }
}

/** Collects links item by item, in item order, into a LinkTable. */
export class LinkTableBuilder {
  private readonly offsets: Int32Array;
  private readonly targets: number[] = [];
  private readonly shares: number[] = [];
  private readonly texts: string[] = [];
  private readonly candidates = new Map<number, readonly number[]>();
  private readonly implicit = new Set<number>();
  private next = 0;

  constructor(private readonly count: number) {
    this.offsets = new Int32Array(count + 1);
  }

  /** Starts the links of the next item; call it once for every item, in order. */
  startItem(item: number): void {
    if (item !== this.next) throw new Error(`links must be collected in item order (expected ${this.next}, got ${item})`);
    this.offsets[item] = this.targets.length;
    this.next++;
  }

  add(match: Match, text: string, share: number): void {
    if (typeof match !== 'number') this.candidates.set(this.targets.length, match);
    this.targets.push(typeof match === 'number' ? match : AMBIGUOUS);
    this.shares.push(share);
    this.texts.push(text);
  }

  /** The implicit link to the only item above, when the tab has no link column. */
  addImplicit(target: number): void {
    this.implicit.add(this.targets.length);
    this.add(target, '', 1);
  }

  finish(): LinkTable {
    if (this.next !== this.count) throw new Error(`links of ${this.count - this.next} items were never collected`);
    this.offsets[this.count] = this.targets.length;
    return new LinkTable(this.offsets, Int32Array.from(this.targets), Float64Array.from(this.shares), this.texts, this.candidates, this.implicit);
  }
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

/** What a reference names: one item (its index), NOT_FOUND, or several items (ambiguous). */
export type Match = number | readonly number[];
export const NOT_FOUND = -1;

/** Items of one layer on a chain of items sharing a name: one, several, or NOT_FOUND. */
function onChain(head: number, rank: number, index: ItemIndex, byTitle: boolean): Match {
  let found = NOT_FOUND;
  let several: number[] | null = null;
  for (let at = head; at !== -1; at = byTitle ? index.nextSameTitle(at) : index.nextSameKey(at)) {
    if (index.rankOf[at] !== rank) continue;
    if (found === NOT_FOUND) found = at;
    else (several ??= [found]).push(at);
  }
  return several ?? found;
}

/** The items a reference names. */
export function lookupReference(text: string, order: readonly number[], index: ItemIndex): Match {
  const norm = normalizeKey(text);
  if (norm === '') return NOT_FOUND;
  const hash = hashName(norm);
  const keyHead = index.keyHead(norm, hash);
  for (const rank of order) {
    // A key match is more specific than a title match: "G1" is the goal whose id is G1.
    if (keyHead !== -1) {
      const byKey = onChain(keyHead, rank, index, false);
      if (byKey !== NOT_FOUND) return byKey;
    }
    const titleHead = index.titleHead(rank, norm, hash);
    if (titleHead !== -1) return onChain(titleHead, rank, index, true);
  }
  return NOT_FOUND;
}

type Resolved = { readonly ref: Reference; readonly match: Match };

const SEPARATORS = /[;\r\n]+/;

/**
 * Resolves one item's link cells into the table; a reference to the item itself stays in
 * (it is a cycle).
 */
export function resolveLinks(cells: readonly string[], order: readonly number[], index: ItemIndex, into: LinkTableBuilder): void {
  const resolved: Resolved[] = [];
  for (const cell of cells) {
    const ref = parseReference(cell);
    const match = lookupReference(ref.text, order, index);
    if (match !== NOT_FOUND) {
      if (cells.length === 1) {
        // The common case, one cell naming one item, without the bookkeeping of several.
        into.add(match, ref.text, ref.share ?? 1);
        return;
      }
      resolved.push({ ref, match });
      continue;
    }
    const parts = cell.split(SEPARATORS);
    // With no `;` or line break, the part is the whole cell, already looked up.
    for (const part of parts) resolveCommaPart(part, order, index, resolved, parts.length === 1);
  }
  for (const { ref, match, share } of mergeDuplicates(withShares(resolved))) into.add(match, ref.text, share);
}

/** Splits one part on commas, joining back the longest runs of pieces that name an item. */
function resolveCommaPart(part: string, order: readonly number[], index: ItemIndex, out: Resolved[], wholeTried: boolean): void {
  const pieces = part.split(',');
  for (let start = 0; start < pieces.length; ) {
    let taken: Resolved | null = null;
    // The whole part was looked up already when it is the whole cell; a single piece is
    // looked up again to keep it as a broken reference.
    let end = wholeTried && start === 0 && pieces.length > 1 ? pieces.length - 1 : pieces.length;
    for (; end > start; end--) {
      const text = (end === start + 1 ? pieces[start]! : pieces.slice(start, end).join(',')).trim();
      if (text === '') continue;
      const ref = parseReference(text);
      const match = lookupReference(ref.text, order, index);
      if (match !== NOT_FOUND || end === start + 1) {
        taken = { ref, match };
        break;
      }
    }
    if (taken) out.push(taken);
    start = Math.max(end, start + 1);
  }
}

type Shared = Resolved & { share: number };

/** Effective shares: written shares as written; the rest split equally among the others. */
function withShares(resolved: readonly Resolved[]): Shared[] {
  let written = 0;
  let unshared = 0;
  for (const { ref } of resolved) {
    if (ref.share === null) unshared++;
    else written += ref.share;
  }
  const rest = unshared > 0 ? Math.max(0, 1 - written) / unshared : 0;
  // Objects written out rather than spread: spreading is slow in V8's hot loops.
  return resolved.map(({ ref, match }) => ({ ref, match, share: ref.share ?? rest }));
}

/** Two references to the same item ("G1" and "Growth" naming one goal) are one link with both shares. */
function mergeDuplicates(links: Shared[]): Shared[] {
  const out: Shared[] = [];
  for (const link of links) {
    const single = typeof link.match === 'number' && link.match !== NOT_FOUND;
    const at = single ? out.findIndex((kept) => kept.match === link.match) : -1;
    if (at < 0) out.push(link);
    else out[at] = { ref: out[at]!.ref, match: out[at]!.match, share: out[at]!.share + link.share };
  }
  return out;
}
