/**
 * PROGRESS's answers (DESIGN §9): a fraction (format the cell as %), a status, or a line of
 * text with the figures behind it ("63%: 2% → 7% of 10%, on track (61% of the time gone)").
 * A goal nothing measures answers `#NO METRIC: …`; a work row that reaches no goal `#NO GOAL: …`.
 */
import type { Cascade } from './cascade';
import { tidy } from './impact-format';
import { layerSpec } from './layers';
import type { GoalProgress } from './progress';

export const PROGRESS_MODES = ['fraction', 'status', 'text'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

export const asPercent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** An amount as a PM wrote it: grouped thousands, at most two decimals, or a percent. */
export function amountText(value: number, inPercent: boolean): string {
  if (inPercent) return `${tidy(Math.round(value * 10000) / 100)}%`;
  const rounded = Math.round(value * 100) / 100;
  const [whole, decimals] = String(Math.abs(rounded)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** "61% of the time gone", or '' without pace. */
export function paceText(goal: GoalProgress | undefined): string {
  return goal?.elapsed == null ? '' : `${asPercent(goal.elapsed)} of the time gone`;
}

/** The figures behind a goal's progress: "2% → 7% of 10%", "150,000 of 500,000", or '' when there are none to show. */
function figures(goal: GoalProgress, inPercent: boolean): string {
  const amount = (value: number) => amountText(value, inPercent);
  if (goal.rule === 'baseline to target') return `${amount(goal.baseline!)} → ${amount(goal.current!)} of ${amount(goal.target!)}`;
  if (goal.rule === 'target') return `${amount(goal.current!)} of ${amount(goal.target!)}${goal.direction ? ` (${goal.direction})` : ''}`;
  if (goal.rule === 'yes/no') return goal.done ? 'done' : 'not done';
  if (goal.rule === 'nested goals') return 'from the goals under it';
  return '';
}

/** Why an item has no progress, as a `#` answer, or null when it has one. */
export function missingProgress(cascade: Cascade, item: number): string | null {
  if (!Number.isNaN(cascade.progress.progress[item]!)) return null;
  const spec = layerSpec(cascade.items[item]!.layer);
  if (spec.isWork) {
    return cascade.reach.throughGoal[item]
      ? '#NO DATA: none of the goals it serves has progress yet'
      : `#NO GOAL: ${cascade.noGoalReason(item)}`;
  }
  const goal = cascade.progress.goals.get(item);
  if (goal && !goal.measured) return '#NO METRIC: no target or progress cell, and no measured goal under it';
  if (goal?.target != null) return '#NO DATA: it has a target but no current value or check-in yet';
  if (goal) return '#NO DATA: the goals under it have no current value or check-in yet';
  return spec.isStrategy ? '#NO DATA: none of its goals has progress yet' : '#NO DATA: none of its pillars has progress yet';
}

/** The line of text PROGRESS gives in "text" mode, and the Strategy view beside each bar. */
export function progressText(cascade: Cascade, item: number): string {
  const missing = missingProgress(cascade, item);
  if (missing) return missing.replace(/^#NO (\w+): /, (_, what: string) => `no ${what.toLowerCase()}: `);
  const fraction = cascade.progress.progress[item]!;
  const goal = cascade.progress.goals.get(item);
  const metrics = cascade.structure.metrics.get(item);
  const shown = goal ? figures(goal, metrics?.inPercent === true) : '';
  const status = cascade.progress.status[item];
  const pace = paceText(goal);
  const head = shown === '' ? asPercent(fraction) : `${asPercent(fraction)}: ${shown}`;
  return `${head}${status ? `, ${status}` : ''}${pace ? ` (${pace})` : ''}`;
}

export function progressOf(cascade: Cascade, item: number, mode: ProgressMode): number | string {
  const missing = missingProgress(cascade, item);
  if (mode === 'text') return progressText(cascade, item);
  if (mode === 'status') {
    const status = cascade.progress.status[item];
    if (status) return status;
    return missing ?? '';
  }
  return missing ?? tidy(cascade.progress.progress[item]!);
}
