/**
 * IMPACT's arithmetic (DESIGN §5), absolute and transparent:
 *   score = impact × confidence × reach × W,  roi = score / effort,
 * where W, the strategic weight, sums over the item's direct links share × w(link):
 * a goal's weight, a work parent's own W, and 0 for anything else (a pillar, an
 * anti-priority, a broken link). Missing confidence and reach count as 1.
 * A goal, pillar, vision or mission totals the scores of the roadmap items beneath it,
 * each item's score split along its shares so nothing is counted twice.
 */
import type { Components } from './graph';
import type { Item } from './items';
import { LAYERS, type LayerSpec } from './layers';
import type { LinkTable } from './links';
import type { Reach } from './reach';

/** Goals an item reaches, with the share of its weight that goes to each. */
export type GoalShares = ReadonlyArray<readonly [goal: number, share: number]>;

export interface ImpactResults {
  readonly strategicWeight: Float64Array;
  readonly goalShares: readonly GoalShares[];
  /** Score of a work item; NaN when it has none (no goal or no estimate). */
  readonly score: Float64Array;
  /** roi of a work item; NaN when it has no score or no effort. */
  readonly roi: Float64Array;
  /** The summed scores beneath a goal, pillar, vision or mission; NaN for work items. */
  readonly total: Float64Array;
}

/** Adds a goal's share to a short list (an item reaches few goals; a list beats a Map here). */
function addShare(into: [number, number][], goal: number, share: number): void {
  for (const pair of into) {
    if (pair[0] === goal) {
      pair[1] += share;
      return;
    }
  }
  into.push([goal, share]);
}

export function computeImpact(items: readonly Item[], links: LinkTable, components: Components, reach: Reach): ImpactResults {
  const count = items.length;
  const specs: LayerSpec[] = new Array(count);
  for (let i = 0; i < count; i++) specs[i] = LAYERS[items[i]!.rank]!;
  const { offsets, target, share } = links;
  const strategicWeight = new Float64Array(count);
  const goalShares: GoalShares[] = new Array(count);
  const score = new Float64Array(count).fill(NaN);
  const roi = new Float64Array(count).fill(NaN);
  const total = new Float64Array(count).fill(NaN);
  const { order, starts, componentOf } = components;
  const NONE: GoalShares = [];
  const wholeGoals = new Map<number, GoalShares>();
  const wholeGoal = (goal: number): GoalShares => {
    let shares = wholeGoals.get(goal);
    if (!shares) wholeGoals.set(goal, (shares = [[goal, 1]]));
    return shares;
  };

  for (let k = 0; k < order.length; k++) {
    const item = order[k]!;
    const spec = specs[item]!;
    if (!spec.isWork) {
      goalShares[item] = NONE;
      total[item] = 0;
      continue;
    }
    const from = offsets[item]!;
    const only = offsets[item + 1]! - from === 1 && share[from] === 1 ? target[from]! : -1;
    // The common cases, one goal or one work parent taking all of the weight, share their
    // goal list instead of building one per row.
    if (only >= 0 && specs[only]!.isGoal) {
      strategicWeight[item] = items[only]!.weight;
      goalShares[item] = wholeGoal(only);
    } else if (only >= 0 && specs[only]!.isWork && componentOf[only] !== componentOf[item]) {
      strategicWeight[item] = strategicWeight[only]!;
      goalShares[item] = goalShares[only]!;
    } else {
      scoreLinks(item);
    }
    const base = items[item]!;
    if (!reach.throughGoal[item] || base.impact === null) continue;
    score[item] = base.impact * (base.confidence ?? 1) * (base.reach ?? 1) * strategicWeight[item]!;
    if (base.effort !== null && base.effort > 0) roi[item] = score[item]! / base.effort;
  }

  function scoreLinks(item: number): void {
    let weight = 0;
    const shares: [number, number][] = [];
    for (let l = offsets[item]!; l < offsets[item + 1]!; l++) {
      const parent = target[l]!;
      if (parent < 0) continue;
      const part = share[l]!;
      if (specs[parent]!.isGoal) {
        weight += part * items[parent]!.weight;
        addShare(shares, parent, part);
      } else if (specs[parent]!.isWork && componentOf[parent] !== componentOf[item]) {
        // Inside a loop the parent's weight is not settled yet; a loop earns no weight.
        weight += part * strategicWeight[parent]!;
        for (const [goal, goalShare] of goalShares[parent]!) addShare(shares, goal, part * goalShare);
      }
    }
    strategicWeight[item] = weight;
    goalShares[item] = shares.length === 0 ? NONE : shares;
  }

  // Totals: roadmap scores land on their goals, then flow up through goals, pillars and vision.
  for (let item = 0; item < count; item++) {
    if (!specs[item]!.rollsUpImpact || Number.isNaN(score[item]!)) continue;
    const base = items[item]!;
    const perUnitWeight = base.impact! * (base.confidence ?? 1) * (base.reach ?? 1);
    const shares = goalShares[item]!;
    for (let k = 0; k < shares.length; k++) {
      const pair = shares[k]!;
      total[pair[0]] = total[pair[0]]! + perUnitWeight * pair[1] * items[pair[0]]!.weight;
    }
  }
  for (let c = starts.length - 2; c >= 0; c--) {
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      const item = order[k]!;
      if (specs[item]!.isWork) continue;
      for (let l = offsets[item]!; l < offsets[item + 1]!; l++) {
        const parent = target[l]!;
        if (parent < 0 || componentOf[parent] === c || specs[parent]!.isWork) continue;
        total[parent] = total[parent]! + total[item]! * share[l]!;
      }
    }
  }
  return { strategicWeight, goalShares, score, roi, total };
}
