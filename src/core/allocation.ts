/**
 * A pillar's target share of roadmap effort (DESIGN §10), read from the strategy tab's
 * target column ("Target", "Allocation", "% of effort"). As with progress cells, "40%" is a
 * percent, and a column whose numbers go above 1.5 holds percents (40 is 40%), else fractions.
 */
import type { TabPlan } from './detect';
import { isPercentText, parseAmount } from './metric-values';
import type { Cell, SheetSnapshot } from './snapshot';

const PERCENT_ABOVE = 1.5;

/** How to read a strategy row's target share, or null when the tab has no target column. */
export function allocationReader(sheet: SheetSnapshot, plan: TabPlan): ((row: readonly Cell[]) => number | null) | null {
  const column = plan.columns.allocation?.[0];
  if (column === undefined || plan.headerRow === null) return null;
  const percents = sheet.values.slice(plan.headerRow).some((row) => {
    const cell = row[column];
    const amount = isPercentText(cell) ? null : parseAmount(cell);
    return amount !== null && amount > PERCENT_ABOVE;
  });
  return (row) => {
    const cell = row[column];
    const amount = parseAmount(cell);
    if (amount === null || amount < 0) return null;
    return isPercentText(cell) || !percents ? amount : amount / 100;
  };
}
