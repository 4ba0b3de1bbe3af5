/**
 * Investment targets (DESIGN §10): each pillar's share of roadmap effort against the share
 * the strategy tab gives it. The actual shares are the Strategy view's "by pillar" chart
 * (effort.ts: every unit counted once, split by the shares at every step), so the view, the
 * report and the JSON say the same. Anti-priorities are reported against a target of 0 and
 * never flagged; a pillar with no target is not flagged either.
 *
 * Targets written as amounts rather than shares (hours, or a budget: 400, 300, 300) add up to
 * far more than 100%; they are then read as the split they describe (40%, 30%, 30%).
 */
import { type EffortMix, type EffortSources, effortMix } from './effort';
import type { Flag } from './flags';
import { once } from './once';
import { clip } from './text';

/** Points a pillar's share may be off its target before it is flagged. */
export const DEFAULT_TOLERANCE = 10;

export interface PillarInvestment {
  readonly key: string;
  readonly title: string;
  /** 0..1, or null when the strategy tab gives none. */
  readonly target: number | null;
  /** The pillar's share of all roadmap effort, 0..1. */
  readonly actual: number;
  /** Said in words, as the flags say it (more than the tolerance off is under or over). */
  readonly status: TargetStatus;
}

export type TargetStatus = 'under target' | 'over target' | 'on target' | 'no target';

/** Whether a share is more than `tolerance` points under or over its target. */
export function targetStatus(actual: number | null, target: number | null, tolerance: number = DEFAULT_TOLERANCE): TargetStatus {
  if (target === null || actual === null) return 'no target';
  const off = (actual - target) * 100;
  if (Math.abs(off) <= tolerance + 1e-9) return 'on target';
  return off > 0 ? 'over target' : 'under target';
}

export interface Investment {
  readonly pillars: readonly PillarInvestment[];
  /** The share of effort that serves anti-priorities (their target is 0). */
  readonly antiPriorities: number;
  /** The share that reaches no pillar (no goal, or a goal under no pillar, or shares under 100%). */
  readonly noPillar: number;
  /** The roadmap effort counted. */
  readonly total: number;
}

/** Above this, targets are amounts to be split, not shares. */
const AMOUNTS_ABOVE = 1.5;

/** Each pillar's share against its target; the cascade makes it once (`cascade.investment()`), with the workbook's tolerance. */
function investmentOf(cascade: EffortSources, mix: EffortMix, tolerance: number): Investment {
  const { items, structure } = cascade;
  const pillarItems = items.filter((item) => structure.targets.has(item.index) && !item.isAntiPriority);
  const written = pillarItems.reduce((sum, item) => sum + structure.targets.get(item.index)!, 0);
  const scale = written > AMOUNTS_ABOVE ? 1 / written : 1;
  const targetOf = (key: string): number | null => {
    const item = pillarItems.find((candidate) => candidate.key === key);
    return item ? structure.targets.get(item.index)! * scale : null;
  };
  let antiPriorities = 0;
  let noPillar = 0;
  const pillars: PillarInvestment[] = [];
  for (const bar of mix.byPillar) {
    if (bar.kind === 'pillar') {
      const target = targetOf(bar.key);
      pillars.push({ key: bar.key, title: bar.title, target, actual: bar.share, status: targetStatus(bar.share, target, tolerance) });
    } else if (bar.kind === 'anti') antiPriorities += bar.share;
    else noPillar += bar.share;
  }
  return { pillars, antiPriorities, noPillar, total: mix.total };
}

const points = (fraction: number) => Math.round(fraction * 100);

/**
 * OVER_INVESTED and UNDER_INVESTED on the pillars more than `tolerance` points off their
 * target, added to `flags` in place (each list replaced). Nothing is flagged while no roadmap
 * row has an effort: 0% of nothing says nothing about the plan.
 */
function addInvestmentFlags(cascade: EffortSources, flags: (readonly Flag[])[], investmentNow: () => Investment, tolerance: number): void {
  if (cascade.structure.targets.size === 0) return;
  const investment = investmentNow();
  if (investment.total <= 0) return;
  for (const pillar of investment.pillars) {
    if (pillar.target === null || pillar.status === 'on target') continue;
    const off = pillar.actual - pillar.target;
    const item = cascade.items.find(
      (candidate) => candidate.key === pillar.key && !candidate.isAntiPriority && cascade.structure.targets.has(candidate.index),
    );
    if (!item) continue;
    const code = off > 0 ? 'OVER_INVESTED' : 'UNDER_INVESTED';
    const message = `${points(pillar.actual)}% of roadmap effort against a target of ${points(pillar.target)}% (${Math.abs(points(pillar.actual) - points(pillar.target))} points ${off > 0 ? 'over' : 'under'}; more than ${tolerance} is flagged)`;
    flags[item.index] = [...flags[item.index]!, { code, message: clip(message, 300) }];
  }
}

/**
 * The effort mix and each pillar's share against its target, made once, when first asked: by
 * the investment flags while the cascade is built if the strategy gives targets (custom
 * functions included), else only by the Strategy view, the report or the JSON.
 */
export function measureInvestment(
  sources: EffortSources,
  flags: (readonly Flag[])[],
  tolerance: number,
): { tolerance: number; effortMix: () => EffortMix; investment: () => Investment } {
  const mix = once(() => effortMix(sources));
  const investment = once(() => investmentOf(sources, mix(), tolerance));
  addInvestmentFlags(sources, flags, investment, tolerance);
  return { tolerance, effortMix: mix, investment };
}
