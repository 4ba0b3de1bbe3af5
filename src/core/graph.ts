/**
 * The link graph's strongly connected components, found without recursion (nesting chains
 * can be long). Edges go from an item up to its parents, so components come out parents
 * first: every pass that needs parents before children walks `order` as is.
 */
import type { LinkTable } from './link-table';

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

export function stronglyConnected(count: number, graph: ParentGraph): Components {
  return new ComponentFinder(count, graph).find();
}

/**
 * Tarjan's algorithm with its own call stack instead of recursion. The fields are its state:
 * each item's visit number and lowest reachable visit number, the stack of open items, and
 * the components as they close, parents' first.
 */
class ComponentFinder {
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  /** How many of an item's edges have been followed. */
  private readonly edgeAt: Int32Array;
  private readonly componentOf: Int32Array;
  private readonly stack: number[] = [];
  private readonly call: number[] = [];
  private readonly order: number[] = [];
  private readonly starts: number[] = [];
  private readonly cyclic: number[] = [];
  private counter = 0;

  constructor(
    private readonly count: number,
    private readonly graph: ParentGraph,
  ) {
    this.index = new Int32Array(count).fill(-1);
    this.low = new Int32Array(count);
    this.onStack = new Uint8Array(count);
    this.edgeAt = new Int32Array(count);
    this.componentOf = new Int32Array(count).fill(-1);
  }

  find(): Components {
    for (let root = 0; root < this.count; root++) if (this.index[root] === -1) this.walkFrom(root);
    this.starts.push(this.order.length);
    return {
      componentOf: this.componentOf,
      order: Int32Array.from(this.order),
      starts: Int32Array.from(this.starts),
      cyclic: Uint8Array.from(this.cyclic),
    };
  }

  private walkFrom(root: number): void {
    const { offsets, targets } = this.graph;
    const { index, low, onStack, edgeAt, call } = this;
    this.enter(root);
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      const at = edgeAt[v]!;
      if (at < offsets[v + 1]! - offsets[v]!) {
        edgeAt[v] = at + 1;
        const w = targets[offsets[v]! + at]!;
        if (index[w] === -1) this.enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      call.pop();
      const caller = call[call.length - 1];
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[v]!);
      if (low[v] === index[v]) this.closeComponent(v);
    }
  }

  private enter(v: number): void {
    this.index[v] = this.low[v] = this.counter++;
    this.stack.push(v);
    this.onStack[v] = 1;
    this.call.push(v);
  }

  /** Pops the component whose first visited item is `v`. */
  private closeComponent(v: number): void {
    const { stack, onStack, componentOf, order } = this;
    const component = this.starts.length;
    this.starts.push(order.length);
    let size = 0;
    let w: number;
    do {
      w = stack.pop()!;
      onStack[w] = 0;
      componentOf[w] = component;
      order.push(w);
      size++;
    } while (w !== v);
    this.cyclic.push(size > 1 || this.linksToItself(v) ? 1 : 0);
  }

  private linksToItself(v: number): boolean {
    const { offsets, targets } = this.graph;
    return targets.subarray(offsets[v]!, offsets[v + 1]!).includes(v);
  }
}
