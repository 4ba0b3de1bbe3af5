/**
 * What each item reaches upwards (a goal, an anti-priority) and which layers reach it from
 * below (for ORPHAN), each in one pass over the link graph's components. Items of one loop
 * reach each other, so they share one answer.
 */
import type { Components, ParentGraph } from './graph';
import type { Item } from './items';
import { LAYERS } from './layers';

export interface Reach {
  /** 1 when some upward path from the item passes through a goal (or it is one). */
  readonly throughGoal: Uint8Array;
  /** The anti-priority the item or an item above it links to, or -1. */
  readonly antiPriorityAbove: Int32Array;
  /** Bit `1 << rank` is set when an item of that layer reaches this item from below. */
  readonly reachedFrom: Int32Array;
}

export function computeReach(items: readonly Item[], { offsets, targets }: ParentGraph, components: Components): Reach {
  const count = items.length;
  const throughGoal = new Uint8Array(count);
  const antiPriorityAbove = new Int32Array(count).fill(-1);
  const reachedFrom = new Int32Array(count);
  const { order, starts } = components;
  const goalRank = LAYERS.find((spec) => spec.isGoal)!.rank;

  // Upwards: parents' components are done before their children's.
  for (let c = 0; c + 1 < starts.length; c++) {
    let goal = 0;
    let anti = -1;
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      const item = order[k]!;
      if (items[item]!.rank === goalRank) goal = 1;
      for (let e = offsets[item]!; e < offsets[item + 1]!; e++) {
        const parent = targets[e]!;
        if (throughGoal[parent]) goal = 1;
        if (anti < 0) anti = items[parent]!.isAntiPriority ? parent : antiPriorityAbove[parent]!;
      }
    }
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      throughGoal[order[k]!] = goal;
      antiPriorityAbove[order[k]!] = anti;
    }
  }

  // Downwards: children's components are done before their parents'.
  for (let c = starts.length - 2; c >= 0; c--) {
    let loop = 0;
    const cyclic = components.cyclic[c] === 1;
    if (cyclic) {
      for (let k = starts[c]!; k < starts[c + 1]!; k++) loop |= reachedFrom[order[k]!]! | (1 << items[order[k]!]!.rank);
    }
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      const item = order[k]!;
      if (cyclic) reachedFrom[item] = loop;
      const mask = reachedFrom[item]! | (1 << items[item]!.rank);
      for (let e = offsets[item]!; e < offsets[item + 1]!; e++) reachedFrom[targets[e]!] = reachedFrom[targets[e]!]! | mask;
    }
  }
  return { throughGoal, antiPriorityAbove, reachedFrom };
}
