/**
 * The cascade's last step (DESIGN §9): the goals' check-ins, read from the check-in tabs,
 * and every item's progress and status as of the spreadsheet's date. What the check-in tabs
 * could not say goes into the cascade's warnings.
 */
import { type CheckInLog, readCheckIns } from './check-ins';
import { isCheckInTab } from './detect';
import type { Components } from './graph';
import type { ImpactResults } from './impact';
import type { ItemIndex } from './item-index';
import type { Item, TabStructure } from './items';
import { LAYERS } from './layers';
import type { LinkTable } from './link-table';
import { parseIsoDay } from './metric-values';
import { type Period, periodOfName } from './periods';
import { isSnapshotTab } from './plan-snapshot';
import { computeProgress, type ProgressResults } from './progress';
import type { LadderSettings } from './settings';
import type { WorkbookSnapshot } from './snapshot';

export interface ProgressSources {
  readonly items: readonly Item[];
  readonly index: ItemIndex;
  readonly links: LinkTable;
  readonly components: Components;
  readonly impact: ImpactResults;
  readonly structure: TabStructure;
}

const GOAL_RANKS = LAYERS.filter((spec) => spec.isGoal).map((spec) => spec.rank);

export function measureProgress(
  snapshot: WorkbookSnapshot,
  settings: LadderSettings,
  read: ProgressSources,
  today: string | undefined,
  warnings: string[],
  planned: ReadonlySet<string> = new Set(),
): { checkIns: CheckInLog; progress: ProgressResults } {
  const logs = snapshot.sheets.filter(
    (sheet) => !planned.has(sheet.name) && !isSnapshotTab(sheet.values) && isCheckInTab(sheet.name, settings, () => sheet.values),
  );
  const checkIns = readCheckIns(logs, GOAL_RANKS, read.index);
  warnings.push(...checkIns.warnings);
  const progress = computeProgress({
    items: read.items,
    links: read.links,
    components: read.components,
    goalShares: read.impact.goalShares,
    metrics: read.structure.metrics,
    checkIns,
    periodOf: periodsByTab(),
    today: today === undefined ? null : parseIsoDay(today),
  });
  return { checkIns, progress };
}

/** A tab's period, from its name, worked out once per tab. */
function periodsByTab(): (sheet: string) => Period | null {
  const known = new Map<string, Period | null>();
  return (sheet) => {
    if (!known.has(sheet)) known.set(sheet, periodOfName(sheet));
    return known.get(sheet)!;
  };
}
