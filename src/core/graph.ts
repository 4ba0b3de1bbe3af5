/**
 * The link graph's strongly connected components, found without recursion (nesting chains
 * can be long). Edges go from an item up to its parents, so components come out parents
 * first: every pass that needs parents before children walks `order` as is.
 */
import type { LinkTable } from './links';

/**
 * Resolved links as one compact adjacency list: the parents of item i are
 * `targets[offsets[i]]` up to `targets[offsets[i + 1]]`. Two arrays instead of one small
 * array per item keep a 100k-row model light on the garbage collector.
 */
export interface ParentGraph {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** The ok links of every item: broken and ambiguous links lead nowhere. */
export function parentGraph(links: LinkTable): ParentGraph {
  const count = links.offsets.length - 1;
  const offsets = new Int32Array(count + 1);
  let edges = 0;
  for (let l = 0; l < links.target.length; l++) if (links.target[l]! >= 0) edges++;
  const targets = new Int32Array(edges);
  let at = 0;
  for (let i = 0; i < count; i++) {
    offsets[i] = at;
    for (let l = links.offsets[i]!; l < links.offsets[i + 1]!; l++) if (links.target[l]! >= 0) targets[at++] = links.target[l]!;
  }
  offsets[count] = at;
  return { offsets, targets };
}

export interface Components {
  /** Component number of each item. */
  readonly componentOf: Int32Array;
  /** Items, grouped by component, parents' components first. */
  readonly order: Int32Array;
  /** Where each component starts in `order` (length components + 1). */
  readonly starts: Int32Array;
  /** Whether a component loops: several items, or one that links to itself. */
  readonly cyclic: Uint8Array;
}

export function stronglyConnected(count: number, { offsets, targets }: ParentGraph): Components {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const componentOf = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  const order: number[] = [];
  const starts: number[] = [];
  const cyclicList: number[] = [];
  const edgeAt = new Int32Array(count);
  let counter = 0;
  const call: number[] = [];
  const linksToItself = (v: number) => targets.subarray(offsets[v]!, offsets[v + 1]!).includes(v);

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    call.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      const at = edgeAt[v]!;
      if (at < offsets[v + 1]! - offsets[v]!) {
        edgeAt[v] = at + 1;
        const w = targets[offsets[v]! + at]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          call.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      call.pop();
      const caller = call[call.length - 1];
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const component = starts.length;
      starts.push(order.length);
      let size = 0;
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        componentOf[w] = component;
        order.push(w);
        size++;
      } while (w !== v);
      cyclicList.push(size > 1 || linksToItself(v) ? 1 : 0);
    }
  }
  starts.push(order.length);
  return {
    componentOf,
    order: Int32Array.from(order),
    starts: Int32Array.from(starts),
    cyclic: Uint8Array.from(cyclicList),
  };
}
