/**
 * Every upward path of every item, from the item to the highest item reached, with why it
 * ended there. A path is its first item and the path above it, so a child's paths share
 * their parents' instead of copying them: 100k rows cost 100k small links, not 100k arrays.
 * Inside a loop, paths are walked one by one. Paths per item are capped: a many-to-many web
 * can have more paths than anyone can read.
 */
import type { Components } from './graph';
import type { Link } from './links';

export const MAX_PATHS_PER_ITEM = 32;

export type PathEnd =
  | { readonly kind: 'top' }
  | { readonly kind: 'unlinked'; readonly why: 'empty' | 'no-column' }
  | { readonly kind: 'broken'; readonly ref: string }
  | { readonly kind: 'ambiguous'; readonly ref: string; readonly count: number }
  | { readonly kind: 'cycle'; readonly back: number };

export interface Path {
  /** The first item of the path. */
  readonly node: number;
  /** The rest of the path, above `node`; null at the last item. */
  readonly up: Path | null;
  /** Why the path ends where it does (the same for every link of one path). */
  readonly end: PathEnd;
}

export const TOP_END: PathEnd = { kind: 'top' };

/** The items of a path, the first item first. */
export function pathNodes(path: Path): number[] {
  const nodes: number[] = [];
  for (let at: Path | null = path; at; at = at.up) nodes.push(at.node);
  return nodes;
}

function endOfLink(link: Link): PathEnd | null {
  if (link.status === 'broken') return { kind: 'broken', ref: link.text };
  if (link.status === 'ambiguous') return { kind: 'ambiguous', ref: link.text, count: link.targets.length };
  return null;
}

export interface PathInput {
  readonly links: readonly (readonly Link[])[];
  readonly components: Components;
  /** How an item with no links ends: the top, or unlinked (and why). */
  readonly endWithoutLinks: (item: number) => PathEnd;
}

export function computePaths({ links, components, endWithoutLinks }: PathInput): { paths: Path[][]; truncated: Uint8Array } {
  const count = links.length;
  const paths: Path[][] = new Array(count);
  const truncated = new Uint8Array(count);
  const { order, starts, cyclic, componentOf } = components;

  for (let c = 0; c + 1 < starts.length; c++) {
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      const item = order[k]!;
      const out: Path[] = [];
      if (cyclic[c]) walkLoop(item, c, out);
      else extendParents(item, out);
      paths[item] = out;
    }
  }
  return { paths, truncated };

  function push(item: number, out: Path[], path: Path): boolean {
    if (out.length >= MAX_PATHS_PER_ITEM) {
      truncated[item] = 1;
      return false;
    }
    out.push(path);
    return true;
  }

  function extendParents(item: number, out: Path[]): void {
    const own = links[item]!;
    if (own.length === 0) {
      out.push({ node: item, up: null, end: endWithoutLinks(item) });
      return;
    }
    for (const link of own) {
      const end = endOfLink(link);
      if (end) {
        if (!push(item, out, { node: item, up: null, end })) return;
        continue;
      }
      const parent = link.targets[0]!;
      if (truncated[parent]) truncated[item] = 1;
      for (const above of paths[parent]!) {
        if (!push(item, out, { node: item, up: above, end: above.end })) return;
      }
    }
  }

  /** The path made of the walk's items, then `above` (or ending with `end`). */
  function chain(nodes: readonly number[], above: Path | null, end: PathEnd): Path {
    let path = above;
    for (let i = nodes.length - 1; i >= 0; i--) path = { node: nodes[i]!, up: path, end };
    return path!;
  }

  /** Depth-first inside a loop, leaving it through the parents' finished paths. */
  function walkLoop(start: number, component: number, out: Path[]): void {
    const nodes: number[] = [start];
    const onPath = new Set<number>([start]);
    const next: number[] = [0];
    while (nodes.length > 0) {
      const depth = nodes.length - 1;
      const v = nodes[depth]!;
      const own = links[v]!;
      const at = next[depth]!;
      if (at >= own.length) {
        nodes.pop();
        next.pop();
        onPath.delete(v);
        continue;
      }
      next[depth] = at + 1;
      const link = own[at]!;
      const end = endOfLink(link);
      if (end) {
        if (!push(start, out, chain(nodes, null, end))) return;
        continue;
      }
      const parent = link.targets[0]!;
      if (onPath.has(parent)) {
        if (!push(start, out, chain(nodes, null, { kind: 'cycle', back: parent }))) return;
      } else if (componentOf[parent] !== component) {
        for (const above of paths[parent]!) {
          if (!push(start, out, chain(nodes, above, above.end))) return;
        }
      } else {
        nodes.push(parent);
        next.push(0);
        onPath.add(parent);
      }
    }
  }
}
