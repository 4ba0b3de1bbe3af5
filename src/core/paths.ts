/**
 * Every upward path of every item, from the item to the highest item reached, with why it
 * ended there. A path is its first item and the path above it, so a child's paths share
 * their parents' instead of copying them: 100k rows cost 100k entries in flat arrays, not
 * 100k arrays. Inside a loop, paths are walked one by one. Paths per item are capped: a
 * many-to-many web can have more paths than anyone can read.
 */
import type { Components } from './graph';
import { BROKEN, type LinkTable } from './link-table';

export const MAX_PATHS_PER_ITEM = 32;

export type PathEnd =
  | { readonly kind: 'top' }
  | { readonly kind: 'unlinked'; readonly why: 'empty' | 'no-column' }
  | { readonly kind: 'broken'; readonly ref: string }
  | { readonly kind: 'ambiguous'; readonly ref: string; readonly count: number }
  | { readonly kind: 'cycle'; readonly back: number };

/** One path as objects, as `PathTable.of` gives it. */
export interface Path {
  /** The first item of the path. */
  readonly node: number;
  /** The rest of the path, above `node`; null at the last item. */
  readonly up: Path | null;
  /** Why the path ends where it does (the same for every link of one path). */
  readonly end: PathEnd;
}

export const TOP_END: PathEnd = { kind: 'top' };
export const UNLINKED_EMPTY: PathEnd = { kind: 'unlinked', why: 'empty' };
export const UNLINKED_NO_COLUMN: PathEnd = { kind: 'unlinked', why: 'no-column' };

/** The items of a path, the first item first. */
export function pathNodes(path: Path): number[] {
  const nodes: number[] = [];
  for (let at: Path | null = path; at; at = at.up) nodes.push(at.node);
  return nodes;
}

/**
 * The paths of every item in flat arrays. A step s is item `node[s]`, followed by step
 * `up[s]` (or -1 at the end of the path), ending as `ends[end[s]]`; item i's paths start at
 * the steps `heads[first[i]]` to `heads[first[i] + count[i] - 1]`.
 */
export class PathTable {
  constructor(
    private readonly node: readonly number[],
    private readonly up: readonly number[],
    private readonly end: readonly number[],
    private readonly ends: readonly PathEnd[],
    private readonly first: Int32Array,
    private readonly counts: Int32Array,
    private readonly heads: readonly number[],
    private readonly truncated: Uint8Array,
  ) {}

  /** How many paths of the item were kept. */
  count(item: number): number {
    return this.counts[item]!;
  }

  /** Whether the item has more upward paths than were kept. */
  isTruncated(item: number): boolean {
    return this.truncated[item] === 1;
  }

  /** The item's paths as objects; paths of one call share their common tails. */
  of(item: number): Path[] {
    const made = new Map<number, Path>();
    const out: Path[] = [];
    for (let k = 0; k < this.counts[item]!; k++) out.push(this.build(this.heads[this.first[item]! + k]!, made));
    return out;
  }

  /** The item's first path, which every item has. */
  firstOf(item: number): Path {
    return this.build(this.heads[this.first[item]!]!, new Map());
  }

  /** The items along each path, first item first, without building path objects. */
  nodesOf(item: number): number[][];
  /** What `name` says of each item along each path (its key, say). */
  nodesOf<T>(item: number, name: (node: number) => T): T[][];
  nodesOf<T>(item: number, name?: (node: number) => T): (T | number)[][] {
    const out: (T | number)[][] = [];
    for (let k = 0; k < this.counts[item]!; k++) {
      const nodes: (T | number)[] = [];
      for (let step = this.heads[this.first[item]! + k]!; step !== -1; step = this.up[step]!) {
        nodes.push(name ? name(this.node[step]!) : this.node[step]!);
      }
      out.push(nodes);
    }
    return out;
  }

  private build(head: number, made: Map<number, Path>): Path {
    const steps: number[] = [];
    let step = head;
    for (; step !== -1 && !made.has(step); step = this.up[step]!) steps.push(step);
    let path: Path | null = step === -1 ? null : made.get(step)!;
    for (let k = steps.length - 1; k >= 0; k--) {
      const s = steps[k]!;
      path = { node: this.node[s]!, up: path, end: this.ends[this.end[s]!]! };
      made.set(s, path);
    }
    return path!;
  }
}

export interface PathInput {
  readonly links: LinkTable;
  readonly components: Components;
  /** How an item with no links ends: the top, or unlinked (and why). */
  readonly endWithoutLinks: (item: number) => PathEnd;
}

export function computePaths(input: PathInput): PathTable {
  return new PathBuilder(input).build();
}

/**
 * Builds a PathTable item by item, parents' components first, so that a child's paths can
 * point at its parents' finished ones. The fields are the table's arrays as they grow.
 */
class PathBuilder {
  private readonly links: LinkTable;
  private readonly components: Components;
  private readonly endWithoutLinks: (item: number) => PathEnd;
  private readonly node: number[] = [];
  private readonly up: number[] = [];
  private readonly endOf: number[] = [];
  private readonly ends: PathEnd[] = [];
  private readonly endIds = new Map<PathEnd, number>();
  private readonly first: Int32Array;
  private readonly counts: Int32Array;
  private readonly heads: number[] = [];
  private readonly truncated: Uint8Array;

  constructor({ links, components, endWithoutLinks }: PathInput) {
    this.links = links;
    this.components = components;
    this.endWithoutLinks = endWithoutLinks;
    const count = links.offsets.length - 1;
    this.first = new Int32Array(count);
    this.counts = new Int32Array(count);
    this.truncated = new Uint8Array(count);
  }

  build(): PathTable {
    const { order, starts, cyclic } = this.components;
    for (let c = 0; c + 1 < starts.length; c++) {
      for (let k = starts[c]!; k < starts[c + 1]!; k++) {
        const item = order[k]!;
        this.first[item] = this.heads.length;
        if (cyclic[c]) this.walkLoop(item, c);
        else this.extendParents(item);
        this.counts[item] = this.heads.length - this.first[item]!;
      }
    }
    return new PathTable(this.node, this.up, this.endOf, this.ends, this.first, this.counts, this.heads, this.truncated);
  }

  /** Ends shared by many paths (the top, no link) are stored once. */
  private endId(end: PathEnd): number {
    let id = this.endIds.get(end);
    if (id === undefined) {
      id = this.ends.length;
      this.ends.push(end);
      this.endIds.set(end, id);
    }
    return id;
  }

  private step(item: number, above: number, end: number): number {
    this.node.push(item);
    this.up.push(above);
    this.endOf.push(end);
    return this.node.length - 1;
  }

  /** Adds a path to the item's list, unless the list is full. */
  private keep(item: number, head: number): boolean {
    if (this.heads.length - this.first[item]! >= MAX_PATHS_PER_ITEM) {
      this.truncated[item] = 1;
      return false;
    }
    this.heads.push(head);
    return true;
  }

  private endOfLink(link: number): PathEnd {
    const { links } = this;
    const ref = links.text(link);
    return links.target[link] === BROKEN ? { kind: 'broken', ref } : { kind: 'ambiguous', ref, count: links.targetsOf(link).length };
  }

  private extendParents(item: number): void {
    const { links } = this;
    const from = links.offsets[item]!;
    const to = links.offsets[item + 1]!;
    if (from === to) {
      this.heads.push(this.step(item, -1, this.endId(this.endWithoutLinks(item))));
      return;
    }
    for (let l = from; l < to; l++) {
      const parent = links.target[l]!;
      if (parent < 0) {
        if (!this.keep(item, this.step(item, -1, this.endId(this.endOfLink(l))))) return;
        continue;
      }
      if (this.truncated[parent]) this.truncated[item] = 1;
      for (let k = this.first[parent]!; k < this.first[parent]! + this.counts[parent]!; k++) {
        const above = this.heads[k]!;
        if (!this.keep(item, this.step(item, above, this.endOf[above]!))) return;
      }
    }
  }

  /** The steps of the walk's items, then `above` (-1 for none), all ending with `end`. */
  private chain(nodes: readonly number[], above: number, end: number): number {
    let head = above;
    for (let i = nodes.length - 1; i >= 0; i--) head = this.step(nodes[i]!, head, end);
    return head;
  }

  /** Depth-first inside a loop, leaving it through the parents' finished paths. */
  private walkLoop(start: number, component: number): void {
    const { links } = this;
    const nodes: number[] = [start];
    const onPath = new Set<number>([start]);
    const next: number[] = [0];
    while (nodes.length > 0) {
      const depth = nodes.length - 1;
      const v = nodes[depth]!;
      const at = links.offsets[v]! + next[depth]!;
      if (at >= links.offsets[v + 1]!) {
        nodes.pop();
        next.pop();
        onPath.delete(v);
        continue;
      }
      next[depth]!++;
      const parent = links.target[at]!;
      if (parent < 0) {
        if (!this.keep(start, this.chain(nodes, -1, this.endId(this.endOfLink(at))))) return;
      } else if (onPath.has(parent)) {
        if (!this.keep(start, this.chain(nodes, -1, this.endId({ kind: 'cycle', back: parent })))) return;
      } else if (this.components.componentOf[parent] !== component) {
        for (let k = this.first[parent]!; k < this.first[parent]! + this.counts[parent]!; k++) {
          const above = this.heads[k]!;
          if (!this.keep(start, this.chain(nodes, above, this.endOf[above]!))) return;
        }
      } else {
        nodes.push(parent);
        next.push(0);
        onPath.add(parent);
      }
    }
  }
}
