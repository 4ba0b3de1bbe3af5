/**
 * How far the goals have come (DESIGN §9). A goal's progress comes from its own row (a
 * progress cell; baseline, target and current; target and current; a yes/no), its latest
 * check-in standing in for the current cell, else from the goals nested under it. Pillars
 * average their goals, vision and mission their pillars, work rows the nearest goals they
 * serve, always by weights and link shares and with each part capped to 0..1. Pace compares
 * progress with the time gone between a goal's start and due dates (or its tab's period).
 */
import type { CheckIn, CheckInLog } from './check-ins';
import type { GoalMetrics } from './goal-metrics';
import type { Components } from './graph';
import type { GoalShares } from './impact';
import type { Item } from './items';
import { LAYERS, type LayerSpec } from './layers';
import type { LinkTable } from './link-table';
import type { Day, Direction } from './metric-values';
import type { Period } from './periods';

export const STATUSES = ['done', 'on track', 'at risk', 'off track', 'in progress', 'not started', 'no data'] as const;
export type Status = (typeof STATUSES)[number];

/** Which of §9's rules gave a goal its progress. */
export type ProgressRule = 'progress cell' | 'baseline to target' | 'target' | 'yes/no' | 'nested goals';

/** Everything behind one goal's progress, for PROGRESS's text and the sidebar. */
export interface GoalProgress {
  readonly rule: ProgressRule | null;
  readonly baseline: number | null;
  readonly target: number | null;
  /** The current value used: the latest check-in's, else the current cell's. */
  readonly current: number | null;
  readonly done: boolean | null;
  readonly direction: Direction | null;
  /** The check-in that gave the current value, if one did. */
  readonly checkIn: CheckIn | null;
  readonly start: Day | null;
  readonly due: Day | null;
  /** The share of the time between start and due gone by today, 0..1; null without pace. */
  readonly elapsed: number | null;
  /** Whether there is a way to measure it at all: a target, a progress cell, a yes/no, or a measured goal under it. */
  readonly measured: boolean;
}

export interface ProgressResults {
  /** Every item's progress as a fraction (uncapped); NaN where there is none. */
  readonly progress: Float64Array;
  readonly status: readonly (Status | null)[];
  /** Goals only. */
  readonly goals: ReadonlyMap<number, GoalProgress>;
  readonly today: Day | null;
  /** Whether the workbook measures goals at all: a goal with a figure (dates alone are not one), or a check-in. */
  readonly measuresGoals: boolean;
}

export interface ProgressInput {
  readonly items: readonly Item[];
  readonly links: LinkTable;
  readonly components: Components;
  readonly goalShares: readonly GoalShares[];
  readonly metrics: ReadonlyMap<number, GoalMetrics>;
  readonly checkIns: CheckInLog;
  /** The period a tab's name gives its goals, by tab. */
  readonly periodOf: (sheet: string) => Period | null;
  readonly today: Day | null;
}

/** Statuses are compared with this much slack, so 0.4 against 0.5 - 0.1 is on track. */
const EPSILON = 1e-9;

const cap = (value: number) => Math.max(0, Math.min(value, 1));

export function computeProgress(input: ProgressInput): ProgressResults {
  const builder = new ProgressBuilder(input);
  builder.goalsFromTheirRows();
  builder.goalsFromNestedGoals();
  builder.pillarsAndAbove();
  builder.workRows();
  return builder.results();
}

/** A weighted average being summed: parts capped to 0..1. */
class Average {
  sum = 0;
  weight = 0;
  add(value: number, weight: number): void {
    if (weight <= 0 || Number.isNaN(value)) return;
    this.sum += cap(value) * weight;
    this.weight += weight;
  }
  value(): number {
    return this.weight > 0 ? this.sum / this.weight : NaN;
  }
}

class ProgressBuilder {
  private readonly specs: LayerSpec[];
  private readonly progress: Float64Array;
  private readonly goals = new Map<number, GoalProgress>();

  constructor(private readonly input: ProgressInput) {
    this.specs = input.items.map((item) => LAYERS[item.rank]!);
    this.progress = new Float64Array(input.items.length).fill(NaN);
  }

  results(): ProgressResults {
    const status = this.input.items.map((_, item) => this.statusOf(item));
    const measuresGoals = this.input.checkIns.byGoal.size > 0 || [...this.input.metrics.values()].some(measures);
    return { progress: this.progress, status, goals: this.goals, today: this.input.today, measuresGoals };
  }

  /** Rules 1 to 4: what a goal's own row (and its check-ins) says. */
  goalsFromTheirRows(): void {
    const { items, metrics } = this.input;
    for (const item of items) {
      if (!this.specs[item.index]!.isGoal) continue;
      const own = goalFromRow(metrics.get(item.index) ?? null, this.latestCheckIn(item.index));
      const dates = this.datesOf(item, metrics.get(item.index) ?? null);
      this.goals.set(item.index, { ...own.detail, ...dates });
      this.progress[item.index] = own.progress;
    }
  }

  /** Rule 5: a goal with no figure of its own averages the goals nested under it, innermost first. */
  goalsFromNestedGoals(): void {
    const { links, components, items } = this.input;
    const { order, componentOf } = components;
    const nested = new Map<number, Average>();
    const measuredBelow = new Set<number>();
    // `order` lists parents before children: walked backwards, a goal's nested goals are settled first.
    for (let k = order.length - 1; k >= 0; k--) {
      const item = order[k]!;
      if (!this.specs[item]!.isGoal) continue;
      const own = this.goals.get(item)!;
      if (own.rule === null && nested.has(item)) {
        const value = nested.get(item)!.value();
        if (!Number.isNaN(value)) {
          this.progress[item] = value;
          this.goals.set(item, { ...own, rule: 'nested goals' });
        }
      }
      const measured = own.measured || measuredBelow.has(item);
      if (measured && !own.measured) this.goals.set(item, { ...this.goals.get(item)!, measured: true });
      for (let l = links.offsets[item]!; l < links.offsets[item + 1]!; l++) {
        const parent = links.target[l]!;
        if (parent < 0 || !this.specs[parent]!.isGoal || componentOf[parent] === componentOf[item]) continue;
        let average = nested.get(parent);
        if (!average) nested.set(parent, (average = new Average()));
        average.add(this.progress[item]!, items[item]!.weight * links.share[l]!);
        if (measured) measuredBelow.add(parent);
      }
    }
  }

  /** Pillars average the goals linked straight to them; vision and mission the pillars beneath them. */
  pillarsAndAbove(): void {
    const { items, links } = this.input;
    const pillars = new Map<number, Average>();
    for (const [goal] of this.goals) {
      for (let l = links.offsets[goal]!; l < links.offsets[goal + 1]!; l++) {
        const parent = links.target[l]!;
        if (parent < 0 || !this.specs[parent]!.isStrategy || items[parent]!.isAntiPriority) continue;
        let average = pillars.get(parent);
        if (!average) pillars.set(parent, (average = new Average()));
        average.add(this.progress[goal]!, items[goal]!.weight * links.share[l]!);
      }
    }
    const above = new Map<number, Average>();
    for (const [pillar, average] of pillars) {
      this.progress[pillar] = average.value();
      for (const ancestor of this.ancestorsAbove(pillar)) {
        let sum = above.get(ancestor);
        if (!sum) above.set(ancestor, (sum = new Average()));
        sum.add(this.progress[pillar]!, items[pillar]!.weight);
      }
    }
    for (const [ancestor, average] of above) this.progress[ancestor] = average.value();
  }

  /** Work rows average the nearest goals on their paths up, by the shares IMPACT's weight flows along. */
  workRows(): void {
    const { items, goalShares } = this.input;
    for (let item = 0; item < items.length; item++) {
      if (!this.specs[item]!.isWork) continue;
      const average = new Average();
      for (const [goal, share] of goalShares[item] ?? []) average.add(this.progress[goal]!, share);
      this.progress[item] = average.value();
    }
  }

  /** The vision and mission items a pillar's links lead up to, each once. */
  private ancestorsAbove(pillar: number): Set<number> {
    const { links } = this.input;
    const seen = new Set<number>();
    const stack = [pillar];
    while (stack.length > 0) {
      const at = stack.pop()!;
      for (let l = links.offsets[at]!; l < links.offsets[at + 1]!; l++) {
        const parent = links.target[l]!;
        if (parent < 0 || seen.has(parent) || this.specs[parent]!.rank >= this.specs[pillar]!.rank) continue;
        seen.add(parent);
        stack.push(parent);
      }
    }
    return seen;
  }

  /** The latest check-in dated on or before today (on one date, the row furthest down). */
  private latestCheckIn(goal: number): CheckIn | null {
    const list = this.input.checkIns.byGoal.get(goal);
    if (!list) return null;
    const { today } = this.input;
    for (let k = list.length - 1; k >= 0; k--) if (today === null || list[k]!.date <= today) return list[k]!;
    return null;
  }

  /**
   * The goal's own start and due dates, else the period its row names (a Quarter cell), else
   * its tab's; with only one date of its own, no pace.
   */
  private datesOf(item: Item, metrics: GoalMetrics | null): Pick<GoalProgress, 'start' | 'due' | 'elapsed'> {
    const own = metrics && (metrics.start !== null || metrics.due !== null) ? { start: metrics.start, due: metrics.due } : null;
    const period = own ? null : (metrics?.period ?? this.input.periodOf(item.sheet));
    const start = own ? own.start : (period?.start ?? null);
    const due = own ? own.due : (period?.end ?? null);
    return { start, due, elapsed: elapsedOf(start, due, this.input.today) };
  }

  private statusOf(item: number): Status | null {
    const spec = this.specs[item]!;
    if (spec.isWork) return null;
    const progress = this.progress[item]!;
    const goal = this.goals.get(item);
    if (Number.isNaN(progress)) return goal?.measured ? 'no data' : null;
    if (progress >= 1 - EPSILON) return 'done';
    const elapsed = goal?.elapsed ?? null;
    if (elapsed === null) return progress > 0 ? 'in progress' : 'not started';
    if (progress >= elapsed - 0.1 - EPSILON) return 'on track';
    if (progress >= elapsed - 0.3 - EPSILON) return 'at risk';
    return 'off track';
  }
}

const measures = (metrics: GoalMetrics) =>
  metrics.target !== null || metrics.progress !== null || metrics.current !== null || metrics.done !== null || metrics.baseline !== null;

/** The share of the days from start to due gone by today, clamped to 0..1. */
export function elapsedOf(start: Day | null, due: Day | null, today: Day | null): number | null {
  if (start === null || due === null || today === null || due < start) return null;
  if (due === start) return today >= due ? 1 : 0;
  return cap((today - start) / (due - start));
}

type RowDetail = Omit<GoalProgress, 'start' | 'due' | 'elapsed'>;

/** Rules 1 to 4 on one goal's row, with its latest check-in standing in for the current cell. */
export function goalFromRow(metrics: GoalMetrics | null, checkIn: CheckIn | null): { progress: number; detail: RowDetail } {
  const baseline = metrics?.baseline ?? null;
  const target = metrics?.target ?? null;
  const direction = metrics?.direction ?? null;
  const current = checkIn ? checkIn.value : (metrics?.current ?? null);
  const done = checkIn ? checkIn.done : (metrics?.done ?? null);
  const detail = (rule: ProgressRule | null): RowDetail => ({
    rule,
    baseline,
    target,
    current,
    done,
    direction,
    checkIn,
    measured: rule !== null || target !== null || metrics?.progress != null,
  });
  if (metrics?.progress != null) return { progress: metrics.progress, detail: detail('progress cell') };
  if (baseline !== null && target !== null && current !== null && target !== baseline) {
    return { progress: (current - baseline) / (target - baseline), detail: detail('baseline to target') };
  }
  if (target !== null && current !== null) {
    const fraction = towardsTarget(target, current, direction);
    if (fraction !== null) return { progress: fraction, detail: detail('target') };
  }
  if (done !== null && current === null) return { progress: done ? 1 : 0, detail: detail('yes/no') };
  return { progress: NaN, detail: detail(null) };
}

/**
 * Rule 3: without a baseline, how close current is to target. A target of 0 can only be
 * reached from above ("0 open incidents"), so it reads as "at most" unless told otherwise.
 */
function towardsTarget(target: number, current: number, direction: Direction | null): number | null {
  const downwards = direction === 'decrease' || direction === 'at most' || (direction === null && target === 0);
  if (downwards) {
    if (current <= target) return 1;
    return current === 0 ? null : target / current;
  }
  if (target === 0) return current >= 0 ? 1 : 0;
  return current / target;
}
