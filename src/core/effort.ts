/**
 * Where the roadmap's effort goes: the Strategy one-pager's two charts, "by pillar" and
 * "by goal". Every unit of effort of a roadmap row (a layer that rolls up impact, with an
 * effort, not marked declined) lands in exactly one bar of each chart, so each chart adds up
 * to the total.
 *
 * A row's effort follows its links' shares upwards: through work parents (a sub-initiative
 * under an initiative) to the goals it links to, and from each goal, through the goals it is
 * nested under (a key result under its objective), to the pillars and anti-priorities it links
 * to. A row linked straight to a pillar or an anti-priority lands there in "by pillar" (and
 * under "Reaches no goal" in "by goal"). The nearest goal on each path is the row's goal in
 * "by goal", as it is in IMPACT.
 *
 * Shares that add up to less than 100% (a broken or ambiguous second link, "G1 (60%)" alone,
 * a link to the vision) place only what they say: the rest is not spread over the links that
 * do resolve, it lands in "Reaches no goal" (the row's own shares) or "Reaches a goal, but no
 * pillar" (a goal's shares). A PM who wrote 60% meant 60%, and effort behind a broken link is
 * effort that reaches nothing until the link is fixed; DESIGN §10 reads shares the same way.
 * Shares over 100% ("G1 (80%), G2 (80%)") are scaled down in proportion, so nothing counts twice.
 * A link inside a loop (CYCLE) leads nowhere, as it earns no weight in IMPACT.
 */
import type { Cascade } from './cascade';

/** What the effort is spread over: the items, their links and loops, and the tabs' structure. */
export type EffortSources = Pick<Cascade, 'items' | 'components' | 'structure' | 'links'>;

import { type LayerSpec, layerSpec } from './layers';
import { clip } from './text';

export type EffortKind = 'pillar' | 'anti' | 'goal' | 'no-pillar' | 'no-goal';

export interface EffortBar {
  /** The item's key; '' for the two "reaches no …" bars. */
  readonly key: string;
  /** The item's id ('' when its tab has none, or for the "reaches no …" bars). */
  readonly id: string;
  readonly title: string;
  readonly effort: number;
  /** effort / total, 0..1 (0 when there is no effort at all). */
  readonly share: number;
  readonly kind: EffortKind;
}

export interface EffortMix {
  /** The roadmap effort counted. */
  readonly total: number;
  /** The roadmap rows counted (with an effort, not marked declined). */
  readonly rows: number;
  /** Roadmap rows with no effort estimate, not counted. */
  readonly unestimated: number;
  /** Roadmap rows marked declined, not counted. */
  readonly declined: number;
  /** Effort linked straight to a pillar or anti-priority: on that bar by pillar, under "Reaches no goal" by goal. */
  readonly straightToStrategy: number;
  /** Pillars in their tab's order, then anti-priorities, then "Reaches a goal, but no pillar", then "Reaches no goal or pillar". */
  readonly byPillar: readonly EffortBar[];
  /** Goals with the most effort first (ties in tab order), then "Reaches no goal". */
  readonly byGoal: readonly EffortBar[];
}

export const NO_PILLAR_TITLE = 'Reaches a goal, but no pillar';
export const NO_GOAL_OR_PILLAR_TITLE = 'Reaches no goal or pillar';
export const NO_GOAL_TITLE = 'Reaches no goal';

/** Where an item's effort lands, with the share of it that lands there (an item reaches few: a list beats a Map). */
type Landings = ReadonlyArray<readonly [item: number, share: number]>;

function addShare(into: [number, number][], item: number, share: number): void {
  for (const pair of into) {
    if (pair[0] === item) {
      pair[1] += share;
      return;
    }
  }
  into.push([item, share]);
}

const sumOf = (landings: Landings) => landings.reduce((sum, [, share]) => sum + share, 0);

/**
 * For a goal: the pillars and anti-priorities its effort lands on. For a work item: the
 * goals, pillars and anti-priorities (linked straight, with no goal between) its effort lands on.
 */
function effortLandings(cascade: EffortSources, specs: readonly LayerSpec[]): Landings[] {
  const { items, components } = cascade;
  const { offsets, target, share } = cascade.links;
  const { componentOf } = components;
  const NONE: Landings = [];
  const up: Landings[] = new Array(items.length).fill(NONE);
  // Parents' components come first, so a parent's landings are settled before its children's.
  for (const item of components.order) {
    const spec = specs[item]!;
    if (!spec.isGoal && !spec.isWork) continue;
    const from = offsets[item]!;
    const to = offsets[item + 1]!;
    let written = 0;
    for (let l = from; l < to; l++) written += share[l]!;
    const scale = written > 1 ? 1 / written : 1;
    const out: [number, number][] = [];
    for (let l = from; l < to; l++) {
      const parent = target[l]!;
      // Broken and ambiguous links reach nothing; their share stays unplaced.
      if (parent < 0) continue;
      const part = share[l]! * scale;
      const above = specs[parent]!;
      if (above.isStrategy) addShare(out, parent, part);
      else if (componentOf[parent] === componentOf[item]) continue;
      else if (above.isGoal && spec.isWork) addShare(out, parent, part);
      else if ((above.isGoal && spec.isGoal) || (above.isWork && spec.isWork)) {
        for (const [landing, further] of up[parent]!) addShare(out, landing, part * further);
      }
      // A link to the vision or the mission skips the layers the charts count by.
    }
    if (out.length > 0) up[item] = out;
  }
  return up;
}

/** The roadmap's effort, spread over the items it lands on, with what reaches nothing. */
interface Spread {
  readonly onItem: Float64Array;
  readonly total: number;
  readonly rows: number;
  readonly unestimated: number;
  readonly declined: number;
  readonly noPillar: number;
  readonly nowhere: number;
  readonly straightToStrategy: number;
}

function spreadEffort(cascade: EffortSources, specs: readonly LayerSpec[], up: readonly Landings[]): Spread {
  const { items, structure } = cascade;
  const onItem = new Float64Array(items.length);
  let total = 0;
  let rows = 0;
  let unestimated = 0;
  let declined = 0;
  let noPillar = 0;
  let nowhere = 0;
  let straightToStrategy = 0;
  for (const item of items) {
    if (!specs[item.index]!.rollsUpImpact) continue;
    if (structure.markedDeclined.has(item.index)) {
      declined++;
      continue;
    }
    if (item.effort === null) {
      unestimated++;
      continue;
    }
    const effort = item.effort;
    total += effort;
    rows++;
    const landings = up[item.index]!;
    for (const [landing, part] of landings) {
      const amount = effort * part;
      onItem[landing] = onItem[landing]! + amount;
      if (specs[landing]!.isStrategy) {
        straightToStrategy += amount;
        continue;
      }
      const pillars = up[landing]!;
      for (const [pillar, further] of pillars) onItem[pillar] = onItem[pillar]! + amount * further;
      noPillar += amount * Math.max(0, 1 - sumOf(pillars));
    }
    nowhere += effort * Math.max(0, 1 - sumOf(landings));
  }
  return { onItem, total, rows, unestimated, declined, noPillar, nowhere, straightToStrategy };
}

/** Where the roadmap's effort goes; the cascade makes it once (`cascade.effortMix()`). */
export function effortMix(cascade: EffortSources): EffortMix {
  const { items } = cascade;
  const specs: LayerSpec[] = items.map((item) => layerSpec(item.layer));
  const { onItem, total, rows, unestimated, declined, noPillar, nowhere, straightToStrategy } = spreadEffort(
    cascade,
    specs,
    effortLandings(cascade, specs),
  );
  const bar = (key: string, id: string, title: string, effort: number, kind: EffortKind): EffortBar => ({
    key,
    id,
    title,
    effort,
    share: total > 0 ? effort / total : 0,
    kind,
  });
  const itemBar = (index: number, kind: EffortKind) => {
    const item = items[index]!;
    return bar(item.key, item.id, clip(item.title || item.key, 200), onItem[index]!, kind);
  };
  const strategy = items.filter((item) => specs[item.index]!.isStrategy);
  const byPillar = [
    ...strategy.filter((item) => !item.isAntiPriority).map((item) => itemBar(item.index, 'pillar')),
    ...strategy.filter((item) => item.isAntiPriority).map((item) => itemBar(item.index, 'anti')),
    bar('', '', NO_PILLAR_TITLE, noPillar, 'no-pillar'),
    bar('', '', NO_GOAL_OR_PILLAR_TITLE, nowhere, 'no-goal'),
  ];
  // Array.prototype.sort is stable: goals of equal effort keep their tab order.
  const goals = items.filter((item) => specs[item.index]!.isGoal).map((item) => itemBar(item.index, 'goal'));
  const byGoal = [...goals.sort((a, b) => b.effort - a.effort), bar('', '', NO_GOAL_TITLE, nowhere + straightToStrategy, 'no-goal')];
  return { total, rows, unestimated, declined, straightToStrategy, byPillar, byGoal };
}
