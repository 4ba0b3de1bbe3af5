/**
 * Reads a goal row's measures from the tab's metric columns (DESIGN §9). What depends on the
 * whole column is settled once per tab: a progress column whose numbers go above 1.5 holds
 * percents (60 is 60%), else fractions (a cell formatted as a percent reaches the script as
 * 0.6); a column headed only "Start" holds the start date when its values are dates and the
 * baseline when they are numbers. A Quarter or Period cell ("Q2 2026") gives the row its period.
 */
import type { TabPlan } from './detect';
import { METRIC_ROLES, type MetricRole } from './metric-columns';
import { type Day, type Direction, isPercentText, parseAmount, parseDay, parseDirection, parseTruth } from './metric-values';
import { type Period, periodOfName } from './periods';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText, words } from './text';

export interface GoalMetrics {
  readonly baseline: number | null;
  readonly target: number | null;
  /** The current cell as an amount; null when empty or a yes/no. */
  readonly current: number | null;
  /** The current cell as a yes/no answer ("Done", TRUE), for goals measured that way. */
  readonly done: boolean | null;
  readonly direction: Direction | null;
  /** The progress cell as a fraction, when filled. */
  readonly progress: number | null;
  readonly start: Day | null;
  readonly due: Day | null;
  /** The period its Quarter (or Period) cell names, such as "Q2 2026". */
  readonly period: Period | null;
  /** Whether the row writes its figures as percents ("2%", "10%"), so answers show them so too. */
  readonly inPercent: boolean;
}

/** Above this, a progress column's numbers are percents. */
const PERCENT_ABOVE = 1.5;

type Columns = Partial<Record<MetricRole, number>>;

/** How to read each goal row of a tab, or null when the tab has no metric column. */
export function metricReader(sheet: SheetSnapshot, plan: TabPlan): ((row: readonly Cell[]) => GoalMetrics | null) | null {
  if (plan.headerRow === null) return null;
  const columns: Columns = {};
  for (const role of METRIC_ROLES) {
    const column = plan.columns[role]?.[0];
    if (column !== undefined) columns[role] = column;
  }
  if (Object.keys(columns).length === 0) return null;
  const below = sheet.values.slice(plan.headerRow);
  if (
    columns.start !== undefined &&
    columns.baseline === undefined &&
    startHoldsNumbers(plan.headers[columns.start] ?? '', below, columns.start)
  ) {
    columns.baseline = columns.start;
    delete columns.start;
  }
  const progressScale = columns.progress !== undefined && holdsPercents(below, columns.progress) ? 100 : 1;
  const at = (row: readonly Cell[], role: MetricRole): Cell => (columns[role] === undefined ? null : row[columns[role]!]);
  return (row) => {
    const currentCell = at(row, 'current');
    const metrics: GoalMetrics = {
      baseline: parseAmount(at(row, 'baseline')),
      target: parseAmount(at(row, 'target')),
      current: typeof currentCell === 'boolean' ? null : parseAmount(currentCell),
      done: parseTruth(currentCell),
      direction: parseDirection(at(row, 'direction')),
      progress: progressOf(at(row, 'progress'), progressScale),
      start: parseDay(at(row, 'start')),
      due: parseDay(at(row, 'due')),
      period: periodOfName(cellText(at(row, 'period'))),
      inPercent: isPercentText(at(row, 'target')) || isPercentText(at(row, 'baseline')),
    };
    return isEmpty(metrics) ? null : metrics;
  };
}

function isEmpty(metrics: GoalMetrics): boolean {
  return Object.entries(metrics).every(([name, value]) => name === 'inPercent' || value === null);
}

function progressOf(cell: Cell, scale: number): number | null {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const amount = parseAmount(cell);
  if (amount === null) return null;
  return isPercentText(cell) ? amount : amount / scale;
}

function holdsPercents(rows: readonly (readonly Cell[])[], column: number): boolean {
  return rows.some((row) => {
    const cell = row[column];
    if (isPercentText(cell)) return false;
    const amount = parseAmount(cell);
    return amount !== null && amount > PERCENT_ABOVE;
  });
}

/** A column headed only "Start" whose values are numbers rather than dates is the baseline. */
function startHoldsNumbers(header: string, rows: readonly (readonly Cell[])[], column: number): boolean {
  const headerWords = words(header);
  if (headerWords.length !== 1 || headerWords[0] !== 'start') return false;
  let numbers = 0;
  let dates = 0;
  for (const row of rows) {
    const cell = row[column];
    if (parseDay(cell) !== null) dates++;
    else if (parseAmount(cell) !== null) numbers++;
  }
  return numbers > dates;
}
