/**
 * Every item's links, kept in one LinkTable of flat arrays, and the builder that collects
 * them item by item. What a link names is settled before it gets here (links.ts); the table
 * only records it. `of(item)` gives one item's links as objects for code that reads a few rows.
 */

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

/** What a reference names: one item (its index), NOT_FOUND, or several items (ambiguous). */
export type Match = number | readonly number[];
export const NOT_FOUND = -1;

/** One reference of an item as resolution settled it, ready for the table. */
export interface ResolvedLink {
  /** The reference as written, without its share. */
  readonly text: string;
  /** The effective share of the item's weight. */
  readonly share: number;
  readonly match: Match;
}

/** `LinkTable.target` of a reference that names nothing. */
export const BROKEN = NOT_FOUND;
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

  /** The links resolution settled for the current item, in their order. */
  addResolved(links: readonly ResolvedLink[]): void {
    for (const link of links) this.add(link.match, link.text, link.share);
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
