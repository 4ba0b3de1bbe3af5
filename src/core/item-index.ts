/**
 * Lookup tables for the whole cascade, built once: normalised key → items across layers
 * (callers pick the layer), each item's other ids (Jira's Issue id beside its Issue key),
 * and per layer normalised title → items. Each table maps a name to its first item, and
 * items sharing a name are chained in `next…` arrays: one number per item instead of one
 * small array per name keeps a 200k-row plan light on the garbage collector.
 * A layer's title table is built the first time a reference looks for a title there: most
 * references name a key, so a large task list nobody links to by title never pays for one.
 */
import type { Item } from './items';
import { hashName, NameTable } from './name-table';
import { normalizeKey } from './text';

export class ItemIndex {
  /** The layer rank of each item, as a flat array for the hot lookup loops. */
  readonly rankOf: Uint8Array;
  private readonly firstWithKey: NameTable;
  private readonly nextWithKey: Int32Array;
  private readonly titles = new Map<number, NameTable>();
  private readonly nextWithTitle: Int32Array;
  private readonly ranks: readonly number[];
  private readonly counts: number[] = [];
  /** Other ids of items (TabStructure.altKeys): entry e names item `altItem[e]`; null when there are none. */
  private readonly firstWithAlt: NameTable | null = null;
  private readonly nextWithAlt: Int32Array = new Int32Array(0);
  private readonly altItem: Int32Array = new Int32Array(0);

  constructor(
    readonly items: readonly Item[],
    altKeys: ReadonlyMap<number, readonly string[]> = new Map(),
  ) {
    this.rankOf = new Uint8Array(items.length);
    this.firstWithKey = new NameTable(items.length);
    this.nextWithKey = new Int32Array(items.length).fill(-1);
    this.nextWithTitle = new Int32Array(items.length).fill(-1);
    const ranks: number[] = [];
    // Walked backwards so each chain runs in row order.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      this.rankOf[i] = item.rank;
      this.counts[item.rank] = (this.counts[item.rank] ?? 0) + 1;
      if (!ranks.includes(item.rank)) ranks.push(item.rank);
      chain(this.firstWithKey, this.nextWithKey, item.keyNorm, i);
    }
    this.ranks = ranks.sort((a, b) => a - b);
    let alts = 0;
    for (const keys of altKeys.values()) alts += keys.length;
    if (alts > 0) {
      this.firstWithAlt = new NameTable(alts);
      this.nextWithAlt = new Int32Array(alts).fill(-1);
      this.altItem = new Int32Array(alts);
      // Entries chained from the last item back, so each chain runs in row order.
      const owners = [...altKeys.keys()].sort((a, b) => b - a);
      let entry = alts;
      for (const owner of owners) {
        const keys = altKeys.get(owner)!;
        for (let k = keys.length - 1; k >= 0; k--) {
          this.altItem[--entry] = owner;
          chain(this.firstWithAlt, this.nextWithAlt, keys[k]!, entry);
        }
      }
    }
  }

  /** The first item of a layer one of whose other ids is this normalised name: one, several, or -1 (none). */
  altKeyMatch(rank: number, norm: string, hash = hashName(norm)): number | number[] {
    if (this.firstWithAlt === null) return -1;
    let found = -1;
    let several: number[] | null = null;
    for (let e = this.firstWithAlt.get(norm, hash); e !== -1; e = this.nextWithAlt[e]!) {
      const item = this.altItem[e]!;
      if (this.rankOf[item] !== rank || item === found || several?.includes(item)) continue;
      if (found === -1) found = item;
      else (several ??= [found]).push(item);
    }
    return several ?? found;
  }

  /** Whether some item has another id (so lookups try them too). */
  get hasAltKeys(): boolean {
    return this.firstWithAlt !== null;
  }

  /** The first item with this normalised key, or -1; `nextSameKey` walks the rest. `hash` is `hashName(norm)`. */
  keyHead(norm: string, hash = hashName(norm)): number {
    return this.firstWithKey.get(norm, hash);
  }

  nextSameKey(item: number): number {
    return this.nextWithKey[item]!;
  }

  /** The first item of a layer with this normalised title (when it is not also its key), or -1. */
  titleHead(rank: number, norm: string, hash = hashName(norm)): number {
    return this.titlesOf(rank).get(norm, hash);
  }

  nextSameTitle(item: number): number {
    return this.nextWithTitle[item]!;
  }

  /** Items of any layer with this normalised key. */
  withKey(norm: string): number[] {
    return this.walk(this.keyHead(norm), this.nextWithKey);
  }

  /** Items of any layer with this normalised title. */
  withTitle(norm: string): number[] {
    return this.ranks.flatMap((rank) => this.withTitleIn(rank, norm));
  }

  /** Items of one layer with this normalised title. */
  withTitleIn(rank: number, norm: string): number[] {
    return this.ranks.includes(rank) ? this.walk(this.titleHead(rank, norm), this.nextWithTitle) : [];
  }

  /** How many items a layer has. */
  countOf(rank: number): number {
    return this.counts[rank] ?? 0;
  }

  /** Every group of two or more items sharing a key. */
  *sharedKeys(): Generator<number[]> {
    for (const head of this.firstWithKey.values()) if (this.nextWithKey[head] !== -1) yield this.walk(head, this.nextWithKey);
  }

  private walk(head: number, next: Int32Array): number[] {
    const out: number[] = [];
    for (let at = head; at !== -1; at = next[at]!) out.push(at);
    return out;
  }

  private titlesOf(rank: number): NameTable {
    let titles = this.titles.get(rank);
    if (!titles) {
      // Ranks are read from the flat array: touching every Item object is what costs here.
      let count = 0;
      for (let i = 0; i < this.rankOf.length; i++) if (this.rankOf[i] === rank) count++;
      titles = new NameTable(count);
      for (let i = this.items.length - 1; i >= 0; i--) {
        if (this.rankOf[i] !== rank) continue;
        const item = this.items[i]!;
        if (item.title !== item.key) chain(titles, this.nextWithTitle, normalizeKey(item.title), i);
      }
      this.titles.set(rank, titles);
    }
    return titles;
  }
}

/** Puts an item at the head of its name's chain. */
function chain(first: NameTable, next: Int32Array, norm: string, item: number): void {
  if (norm === '') return;
  next[item] = first.set(norm, item);
}
