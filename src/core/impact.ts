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
import type { LinkTable } from './link-table';
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
  const impact = new ImpactBuilder(items, links, components, reach);
  impact.weighAndScore();
  impact.totalOnGoals();
  impact.rollUp();
  return impact.results();
}

const NONE: GoalShares = Object.freeze([]);

/**
 * IMPACT in three passes over the fields: weights and scores, parents before children;
 * then the scores onto their goals; then the totals up from goals to pillars and vision,
 * children before parents.
 */
class ImpactBuilder {
  private readonly specs: LayerSpec[];
  private readonly strategicWeight: Float64Array;
  private readonly goalShares: GoalShares[];
  private readonly score: Float64Array;
  private readonly roi: Float64Array;
  private readonly total: Float64Array;
  /** The one-goal list of each goal, shared by every item that gives it all of its weight. */
  private readonly wholeGoals = new Map<number, GoalShares>();

  constructor(
    private readonly items: readonly Item[],
    private readonly links: LinkTable,
    private readonly components: Components,
    private readonly reach: Reach,
  ) {
    const count = items.length;
    this.specs = new Array(count);
    for (let i = 0; i < count; i++) this.specs[i] = LAYERS[items[i]!.rank]!;
    this.strategicWeight = new Float64Array(count);
    this.goalShares = new Array(count);
    this.score = new Float64Array(count).fill(NaN);
    this.roi = new Float64Array(count).fill(NaN);
    this.total = new Float64Array(count).fill(NaN);
  }

  results(): ImpactResults {
    const { strategicWeight, goalShares, score, roi, total } = this;
    return { strategicWeight, goalShares, score, roi, total };
  }

  /** Strategic weight, goal shares, score and roi of every work item, parents first. */
  weighAndScore(): void {
    const { order } = this.components;
    for (let k = 0; k < order.length; k++) {
      const item = order[k]!;
      if (!this.specs[item]!.isWork) {
        this.goalShares[item] = NONE;
        this.total[item] = 0;
        continue;
      }
      this.weigh(item);
      this.scoreOf(item);
    }
  }

  private weigh(item: number): void {
    const { offsets, target, share } = this.links;
    const { componentOf } = this.components;
    const from = offsets[item]!;
    const only = offsets[item + 1]! - from === 1 && share[from] === 1 ? target[from]! : -1;
    // The common cases, one goal or one work parent taking all of the weight, share their
    // goal list instead of building one per row.
    if (only >= 0 && this.specs[only]!.isGoal) {
      this.strategicWeight[item] = this.items[only]!.weight;
      this.goalShares[item] = this.wholeGoal(only);
    } else if (only >= 0 && this.specs[only]!.isWork && componentOf[only] !== componentOf[item]) {
      this.strategicWeight[item] = this.strategicWeight[only]!;
      this.goalShares[item] = this.goalShares[only]!;
    } else {
      this.weighLinks(item);
    }
  }

  private wholeGoal(goal: number): GoalShares {
    let shares = this.wholeGoals.get(goal);
    if (!shares) this.wholeGoals.set(goal, (shares = [[goal, 1]]));
    return shares;
  }

  private weighLinks(item: number): void {
    const { offsets, target, share } = this.links;
    const { componentOf } = this.components;
    let weight = 0;
    const shares: [number, number][] = [];
    for (let l = offsets[item]!; l < offsets[item + 1]!; l++) {
      const parent = target[l]!;
      if (parent < 0) continue;
      const part = share[l]!;
      if (this.specs[parent]!.isGoal) {
        weight += part * this.items[parent]!.weight;
        addShare(shares, parent, part);
      } else if (this.specs[parent]!.isWork && componentOf[parent] !== componentOf[item]) {
        // Inside a loop the parent's weight is not settled yet; a loop earns no weight.
        weight += part * this.strategicWeight[parent]!;
        for (const [goal, goalShare] of this.goalShares[parent]!) addShare(shares, goal, part * goalShare);
      }
    }
    this.strategicWeight[item] = weight;
    this.goalShares[item] = shares.length === 0 ? NONE : shares;
  }

  private scoreOf(item: number): void {
    const base = this.items[item]!;
    if (!this.reach.throughGoal[item] || base.impact === null) return;
    this.score[item] = base.impact * (base.confidence ?? 1) * (base.reach ?? 1) * this.strategicWeight[item]!;
    if (base.effort !== null && base.effort > 0) this.roi[item] = this.score[item]! / base.effort;
  }

  /** Roadmap scores land on their goals, each split along the item's goal shares. */
  totalOnGoals(): void {
    const { items, total } = this;
    for (let item = 0; item < items.length; item++) {
      if (!this.specs[item]!.rollsUpImpact || Number.isNaN(this.score[item]!)) continue;
      const base = items[item]!;
      const perUnitWeight = base.impact! * (base.confidence ?? 1) * (base.reach ?? 1);
      const shares = this.goalShares[item]!;
      for (let k = 0; k < shares.length; k++) {
        const pair = shares[k]!;
        total[pair[0]] = total[pair[0]]! + perUnitWeight * pair[1] * items[pair[0]]!.weight;
      }
    }
  }

  /** Totals flow up from goals through pillars and vision, children first; not inside a loop. */
  rollUp(): void {
    const { offsets, target, share } = this.links;
    const { order, starts, componentOf } = this.components;
    const { total } = this;
    for (let c = starts.length - 2; c >= 0; c--) {
      for (let k = starts[c]!; k < starts[c + 1]!; k++) {
        const item = order[k]!;
        if (this.specs[item]!.isWork) continue;
        for (let l = offsets[item]!; l < offsets[item + 1]!; l++) {
          const parent = target[l]!;
          if (parent < 0 || componentOf[parent] === c || this.specs[parent]!.isWork) continue;
          total[parent] = total[parent]! + total[item]! * share[l]!;
        }
      }
    }
  }
}
