/**
 * Every upward path of every item, from the item to the highest item reached, with why it
 * ended there. Paths are shared bottom-up (a child's paths extend its parents'), so each is
 * built once; inside a loop they are walked one by one. Paths per item are capped: a
 * many-to-many web can have more paths than anyone can read.
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
  /** Item indexes, the item itself first. */
  readonly nodes: readonly number[];
  readonly end: PathEnd;
}

export const TOP_END: PathEnd = { kind: 'top' };

function endOfLink(link: Link): PathEnd | null {
  if (link.status === 'broken') return { kind: 'broken', ref: link.ref.text };
  if (link.status === 'ambiguous') return { kind: 'ambiguous', ref: link.ref.text, count: link.targets.length };
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
      out.push({ nodes: [item], end: endWithoutLinks(item) });
      return;
    }
    for (const link of own) {
      const end = endOfLink(link);
      if (end) {
        if (!push(item, out, { nodes: [item], end })) return;
        continue;
      }
      const parent = link.targets[0]!;
      if (truncated[parent]) truncated[item] = 1;
      for (const above of paths[parent]!) {
        if (!push(item, out, { nodes: [item, ...above.nodes], end: above.end })) return;
      }
    }
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
        if (!push(start, out, { nodes: [...nodes], end })) return;
        continue;
      }
      const parent = link.targets[0]!;
      if (onPath.has(parent)) {
        if (!push(start, out, { nodes: [...nodes], end: { kind: 'cycle', back: parent } })) return;
      } else if (componentOf[parent] !== component) {
        for (const above of paths[parent]!) {
          if (!push(start, out, { nodes: [...nodes, ...above.nodes], end: above.end })) return;
        }
      } else {
        nodes.push(parent);
        next.push(0);
        onPath.add(parent);
      }
    }
  }
}
