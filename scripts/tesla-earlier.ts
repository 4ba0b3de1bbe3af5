/**
 * The Tesla plan as it was agreed on 30 September 2026, frozen the way "Freeze this plan"
 * freezes it (DESIGN §10), so the example workbook can show "What changed since…" straight
 * away. Since then: Model S also serves profitability (40%), Powerwall grew from S to M, the
 * fleet discount programme was added, and the Model 3 check-in of November moved goal 4.
 */
import { buildCascade } from '../src/core/cascade';
import { snapshotRows } from '../src/core/plan-snapshot';
import { stateOfCascade } from '../src/core/plan-state';
import type { SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot';

export const EARLIER_DAY = '2026-09-30';
export const EARLIER_TAB = `Ladder snapshot ${EARLIER_DAY}`;

/** The plan as it stood on EARLIER_DAY, made from today's by undoing what changed since. */
function earlierPlan(now: WorkbookSnapshot): WorkbookSnapshot {
  const sheets = now.sheets.map((sheet): SheetSnapshot => {
    if (sheet.name !== 'Roadmap') return sheet;
    const rows = sheet.values
      .filter((row) => row[0] !== 'R-7')
      .map((row) =>
        row[0] === 'R-2' ? [row[0], row[1], '2', ...row.slice(3)] : row[0] === 'R-5' ? [...row.slice(0, 3), 'S', ...row.slice(4)] : row,
      );
    return { name: sheet.name, values: rows };
  });
  return { sheets };
}

/** The snapshot tab of the earlier plan, as Freeze wrote it that day. */
export function earlierSnapshotTab(now: WorkbookSnapshot): SheetSnapshot {
  const cascade = buildCascade(earlierPlan(now), undefined, { today: EARLIER_DAY });
  return { name: EARLIER_TAB, values: snapshotRows(stateOfCascade(cascade, EARLIER_TAB, EARLIER_DAY), EARLIER_DAY) };
}
