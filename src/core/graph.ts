/**
 * The link graph's strongly connected components, found without recursion (nesting chains
 * can be long). Edges go from an item up to its parents, so components come out parents
 * first: every pass that needs parents before children walks `order` as is.
 */

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

export function stronglyConnected(count: number, parents: readonly (readonly number[])[]): Components {
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

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    call.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      const edges = parents[v]!;
      const at = edgeAt[v]!;
      if (at < edges.length) {
        edgeAt[v] = at + 1;
        const w = edges[at]!;
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
      cyclicList.push(size > 1 || edges.includes(v) ? 1 : 0);
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
