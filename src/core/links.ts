/**
 * Link cells → references → items (DESIGN §3). The whole cell is tried first as one
 * reference, since titles may contain commas; only when it matches nothing is it split:
 * on `;` and line breaks, then each part on commas, keeping together the longest run of
 * comma-separated pieces that names an item ("P1; Fair, fast payouts" is two links). A reference is looked up in the layer directly above, then
 * further up, then in the item's own layer (nesting); the first layer with a match wins.
 * The links of every item are kept in one LinkTable of flat arrays; `of(item)` gives them
 * as objects for code that reads a few rows.
 */
import type { ItemIndex } from './item-index';
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
      out.push({
        text: this.texts[l]!,
        status: this.status(l),
        targets: this.targetsOf(l),
        share: this.share[l]!,
        implicit: this.implicit.has(l),
      });
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
    return new LinkTable(
      this.offsets,
      Int32Array.from(this.targets),
      Float64Array.from(this.shares),
      this.texts,
      this.candidates,
      this.implicit,
    );
  }
}

const CLOSE_PAREN = 0x29;
const SHARE_INSIDE = /^\s*\d+(?:\.\d+)?\s*%\s*$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Where a share written at the end of a trimmed reference begins ("G1 (60%)" → 3, its
 * `(`), or -1 when there is none. A share is a percentage in brackets: digits, an optional
 * fraction, `%`, with spaces around each. What comes before it must be a non-empty
 * reference on one line. Scanned by hand: most references end with no bracket at all, and
 * a regular expression's match would allocate for each of them.
 */
function shareStart(trimmed: string): number {
  if (trimmed.charCodeAt(trimmed.length - 1) !== CLOSE_PAREN) return -1;
  const open = trimmed.lastIndexOf('(');
  if (open <= 0 || !SHARE_INSIDE.test(trimmed.slice(open + 1, -1))) return -1;
  const before = trimmed.slice(0, open).trimEnd();
  return before === '' || LINE_BREAK.test(before) ? -1 : open;
}

/** The reference without the share that starts at `open` (see shareStart). */
function withoutShare(trimmed: string, open: number): string {
  return open < 0 ? trimmed : trimmed.slice(0, open).trimEnd();
}

/** The share that starts at `open`, as a fraction ("(60%)" → 0.6); NaN when none was written. */
function writtenShare(trimmed: string, open: number): number {
  return open < 0
    ? NaN
    : Number(
        trimmed
          .slice(open + 1, -1)
          .trim()
          .slice(0, -1),
      ) / 100;
}

export function parseReference(text: string): Reference {
  const trimmed = text.trim();
  const open = shareStart(trimmed);
  return { text: withoutShare(trimmed, open), share: open < 0 ? null : writtenShare(trimmed, open) };
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
    // Every id column is a key: a Parent cell may hold Jira's numeric Issue id.
    if (index.hasAltKeys) {
      const byOtherId = index.altKeyMatch(rank, norm, hash);
      if (byOtherId !== NOT_FOUND) return byOtherId;
    }
    const titleHead = index.titleHead(rank, norm, hash);
    if (titleHead !== -1) return onChain(titleHead, rank, index, true);
  }
  return NOT_FOUND;
}

const SEPARATORS = /[;\r\n]+/;
const HAS_SEPARATOR = /[;\r\n]/;

/**
 * One item's references while its cells are resolved: parallel arrays, emptied and reused
 * from item to item, since a 100k-row roadmap would otherwise make several small objects
 * per row for the garbage collector. resolveLinks runs to the end without yielding, so one
 * set is enough.
 */
const pending = {
  texts: [] as string[],
  /** The share as written, NaN when none was. */
  shares: [] as number[],
  matches: [] as Match[],
  merged: [] as boolean[],
  length: 0,
};

function keep(text: string, share: number, match: Match): void {
  const at = pending.length++;
  pending.texts[at] = text;
  pending.shares[at] = share;
  pending.matches[at] = match;
  pending.merged[at] = false;
}

/** Looks one trimmed reference up and keeps it, found or not. */
function keepReference(trimmed: string, order: readonly number[], index: ItemIndex): void {
  const open = shareStart(trimmed);
  const text = withoutShare(trimmed, open);
  keep(text, writtenShare(trimmed, open), lookupReference(text, order, index));
}

/**
 * Resolves one item's link cells into the table; a reference to the item itself stays in
 * (it is a cycle).
 */
export function resolveLinks(cells: readonly string[], order: readonly number[], index: ItemIndex, into: LinkTableBuilder): void {
  pending.length = 0;
  for (const cell of cells) {
    const trimmed = cell.trim();
    const open = shareStart(trimmed);
    const text = withoutShare(trimmed, open);
    const match = lookupReference(text, order, index);
    const share = writtenShare(trimmed, open);
    if (match !== NOT_FOUND) {
      if (cells.length === 1) {
        // The common case, one cell naming one item, without the bookkeeping of several.
        into.add(match, text, Number.isNaN(share) ? 1 : share);
        return;
      }
      keep(text, share, match);
      continue;
    }
    if (!HAS_SEPARATOR.test(cell)) {
      resolveCommaPart(cell, order, index, true);
      continue;
    }
    for (const part of cell.split(SEPARATORS)) resolveCommaPart(part, order, index, false);
  }
  settleShares();
  for (let at = 0; at < pending.length; at++) {
    if (!pending.merged[at]) into.add(pending.matches[at]!, pending.texts[at]!, pending.shares[at]!);
  }
}

/**
 * Splits one part on commas, joining back the longest runs of pieces that name an item.
 * `wholeTried`: the part is a whole cell that was looked up already and named nothing.
 */
function resolveCommaPart(part: string, order: readonly number[], index: ItemIndex, wholeTried: boolean): void {
  if (part.indexOf(',') < 0) {
    const trimmed = part.trim();
    if (trimmed === '') return;
    // Kept as a broken reference; looked up again only when it was not the whole cell.
    if (!wholeTried) keepReference(trimmed, order, index);
    else {
      const open = shareStart(trimmed);
      keep(withoutShare(trimmed, open), writtenShare(trimmed, open), NOT_FOUND);
    }
    return;
  }
  const pieces = part.split(',');
  for (let start = 0; start < pieces.length; ) {
    // The whole part, as the whole cell, was looked up already.
    let end = wholeTried && start === 0 ? pieces.length - 1 : pieces.length;
    for (; end > start; end--) {
      const trimmed = (end === start + 1 ? pieces[start]! : pieces.slice(start, end).join(',')).trim();
      if (trimmed === '') continue;
      if (end === start + 1) {
        // A single piece is kept even when it names nothing: it is a broken reference.
        keepReference(trimmed, order, index);
        break;
      }
      const open = shareStart(trimmed);
      const text = withoutShare(trimmed, open);
      const match = lookupReference(text, order, index);
      if (match !== NOT_FOUND) {
        keep(text, writtenShare(trimmed, open), match);
        break;
      }
    }
    start = Math.max(end, start + 1);
  }
}

/**
 * Effective shares: written shares as written, the rest split equally among the others.
 * Then two references to the same item ("G1" and "Growth" naming one goal) become one
 * link, the first, carrying both shares.
 */
function settleShares(): void {
  const { shares, matches, merged, length } = pending;
  // A title naming several items, one of which another reference of the row names already
  // (Jira's "Parent summary" beside its "Parent"), is that item again, not an ambiguity.
  for (let at = 0; at < length; at++) {
    const match = matches[at]!;
    if (typeof match === 'number') continue;
    const echo = match.find((candidate) => matches.some((other, k) => k < length && other === candidate));
    if (echo !== undefined) matches[at] = echo;
  }
  let written = 0;
  let unshared = 0;
  for (let at = 0; at < length; at++) {
    if (Number.isNaN(shares[at]!)) unshared++;
    else written += shares[at]!;
  }
  const rest = unshared > 0 ? Math.max(0, 1 - written) / unshared : 0;
  for (let at = 0; at < length; at++) if (Number.isNaN(shares[at]!)) shares[at] = rest;
  for (let at = 1; at < length; at++) {
    const match = matches[at]!;
    if (typeof match !== 'number' || match === NOT_FOUND) continue;
    for (let first = 0; first < at; first++) {
      if (matches[first] === match && !merged[first]) {
        shares[first] = shares[first]! + shares[at]!;
        merged[at] = true;
        break;
      }
    }
  }
}
