/**
 * IMPACT's answers (DESIGN §5): a number for `roi` and `score`, the goals reached with their
 * shares for `goals`, and `#NO GOAL: …` / `#NO ESTIMATE: …` when there is nothing to score.
 */
import type { Cascade } from './cascade';
import { layerSpec } from './layers';
import { clip } from './text';

export const IMPACT_MODES = ['roi', 'score', 'goals'] as const;
export type ImpactMode = (typeof IMPACT_MODES)[number];

/** Rounds away float noise (0.30000000000000004) without hiding real precision. */
export function tidy(value: number): number {
  // Whole numbers have no noise to round away (and toPrecision is slow on 100k of them).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value;
  return Number(value.toPrecision(12));
}

function percent(share: number): string {
  return `${tidy(share * 100)}%`;
}

function titleOf(cascade: Cascade, item: number): string {
  const found = cascade.items[item]!;
  return clip(found.title || found.key, 120);
}

/** Why a work item has no score, or null when it has one. */
export function missingScore(cascade: Cascade, item: number): string | null {
  if (!Number.isNaN(cascade.impact.score[item]!)) return null;
  if (!cascade.reach.throughGoal[item]) return `#NO GOAL: ${cascade.noGoalReason(item)}`;
  const found = cascade.items[item]!;
  return found.tabHasImpact
    ? '#NO ESTIMATE: no impact estimate in this row'
    : `#NO ESTIMATE: the tab "${found.sheet}" has no Impact column`;
}

export function impactOf(cascade: Cascade, item: number, mode: ImpactMode): number | string {
  const spec = layerSpec(cascade.items[item]!.layer);
  if (!spec.isWork) {
    if (mode !== 'goals') return tidy(cascade.impact.total[item]!);
    return goalsBeneath(cascade, item);
  }
  if (mode === 'goals') {
    if (!cascade.reach.throughGoal[item]) return `#NO GOAL: ${cascade.noGoalReason(item)}`;
    return cascade.impact.goalShares[item]!.map(([goal, share]) => `${titleOf(cascade, goal)} (${percent(share)})`).join(', ');
  }
  const missing = missingScore(cascade, item);
  if (missing) return missing;
  const roi = cascade.impact.roi[item]!;
  return tidy(mode === 'roi' && !Number.isNaN(roi) ? roi : cascade.impact.score[item]!);
}

/** For a goal, itself; above the goals, the goals that link up to it. */
function goalsBeneath(cascade: Cascade, item: number): string {
  const { items, links } = cascade;
  if (layerSpec(items[item]!.layer).isGoal) return `${titleOf(cascade, item)} (100%)`;
  const goals: string[] = [];
  for (const candidate of items) {
    if (!layerSpec(candidate.layer).isGoal) continue;
    const link = links.of(candidate.index).find((l) => l.status === 'ok' && l.targets[0] === item);
    if (link) goals.push(`${titleOf(cascade, candidate.index)} (${percent(link.share)})`);
  }
  return goals.join(', ');
}
