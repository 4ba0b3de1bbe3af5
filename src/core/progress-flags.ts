/**
 * The goal flags that come from progress (DESIGN §9): NO_METRIC on a goal nothing measures,
 * AT_RISK on a goal behind its pace, with the figures in the message.
 */
import type { Flag } from './flags';
import type { Item } from './items';
import { LAYERS } from './layers';
import type { ProgressResults } from './progress';

export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/**
 * Adds NO_METRIC and AT_RISK to the goals' flags (each list is replaced: clean rows share one
 * frozen list). NO_METRIC applies where the workbook measures goals at all: a plan with no
 * metric column and no check-in anywhere is told once (`noMetricAnywhere`, in the report),
 * not on every goal.
 */
export function addProgressFlags(items: readonly Item[], progress: ProgressResults, flags: (readonly Flag[])[]): void {
  const { measuresGoals } = progress;
  const add = (item: number, flag: Flag) => {
    flags[item] = [...flags[item]!, flag];
  };
  for (const item of items) {
    if (!LAYERS[item.rank]!.isGoal) continue;
    const goal = progress.goals.get(item.index);
    if (!goal) continue;
    if (!goal.measured) {
      if (!measuresGoals) continue;
      add(item.index, { code: 'NO_METRIC', message: 'no target or progress cell, and no measured goal under it' });
      continue;
    }
    const status = progress.status[item.index];
    if ((status === 'at risk' || status === 'off track') && goal.elapsed !== null) {
      const done = progress.progress[item.index]!;
      add(item.index, { code: 'AT_RISK', message: `${percent(done)} done with ${percent(goal.elapsed)} of the time gone (${status})` });
    }
  }
}

/** The one warning for a plan whose goals carry no measure at all, or null. */
export function noMetricAnywhere(progress: ProgressResults): string | null {
  if (progress.goals.size === 0 || progress.measuresGoals) return null;
  return 'No goal has a target, a current value or a progress cell, so Ladder cannot say how far the goals have come. Add Target and Current columns (or a Progress column) to the goals tab.';
}
