/**
 * `goalProgress` shows one goal's progress and its check-ins; `checkIn` records a new one
 * (DESIGN §9) by appending a row to the check-in tab, creating "Check-ins" with its headers
 * when there is none, under the document lock. A goal's own cells are never written: the
 * latest check-in stands in for its current value. A column the entry needs and the tab
 * lacks (a note, but no Note column) is added after the last one, and taken back if the
 * row can't be written.
 */
import type { Cascade } from '../../core/cascade';
import { checkInValue } from '../../core/check-in-value';
import { CHECK_IN_HEADERS, CHECK_IN_ROLES, type CheckInRole } from '../../core/check-ins';
import type { Item } from '../../core/items';
import { layerSpec } from '../../core/layers';
import { checkInHistory, progressView } from '../../core/progress-view';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { clip } from '../../core/text';
import { defineCall } from '../define-call';
import { Refusal, type WorkbookPort, type Writable } from '../port';
import { checkInInput, goalInput } from '../schemas';
import { itemByKey, keyColumnOf, load, nextColumn, planOf } from '../workbook';

export const CHECK_IN_TAB = 'Check-ins';

function goalOf(cascade: Cascade, sheet: string, key: string, expectedTitle?: string): Item {
  const item = itemByKey(cascade, sheet, key, expectedTitle);
  if (!layerSpec(item.layer).isGoal) throw new Refusal(`"${clip(item.title || item.key, 80)}" is not a goal: only goals take check-ins.`);
  return item;
}

/** Where the next check-in goes: the first check-in tab, or null when "Check-ins" must be created. */
function logOf(cascade: Cascade): string | null {
  return cascade.checkIns.tabs[0]?.sheet ?? null;
}

export const goalProgress = defineCall({
  name: 'goalProgress',
  input: goalInput,
  run(port, input) {
    const { cascade } = load(port);
    const goal = goalOf(cascade, input.sheet, input.key);
    return {
      ...progressView(cascade, goal.index),
      checkIns: checkInHistory(cascade, goal.index),
      log: logOf(cascade) ?? CHECK_IN_TAB,
      logExists: logOf(cascade) !== null,
    };
  },
});

export const checkIn = defineCall({
  name: 'checkIn',
  input: checkInInput,
  run(port, input) {
    const value = checkInValue(input.value);
    if (!value.ok) throw new Refusal(value.error);
    return port.withLock(() => {
      const today = port.today();
      let { cascade, snapshot } = load(port);
      const goal = goalOf(cascade, input.sheet, input.key, input.expectedTitle);
      const created = logOf(cascade) === null;
      if (created) {
        port.addSheet(CHECK_IN_TAB, [CHECK_IN_ROLES.map((role) => CHECK_IN_HEADERS[role])]);
        ({ cascade, snapshot } = load(port));
      }
      const log = cascade.checkIns.tabs[0];
      if (!log) throw new Refusal(`Ladder could not read the check-in tab "${CHECK_IN_TAB}" it made; check its header row.`);
      const entry: Record<CheckInRole, Writable> = {
        date: { day: today },
        goal: keyAsHeld(cascade, snapshot, goal),
        value: value.cell,
        confidence: input.confidence === undefined ? '' : `${input.confidence}%`,
        note: input.note ?? '',
        by: input.by ?? '',
      };
      const headers = (snapshot.sheets.find((sheet) => sheet.name === log.sheet)?.values[log.headerRow - 1] ?? []).map((cell) =>
        String(cell ?? ''),
      );
      let free = nextColumn(snapshot, { sheet: log.sheet, headers });
      const added: { column: number; header: string }[] = [];
      const columnOf = new Map<CheckInRole, number>();
      for (const role of CHECK_IN_ROLES) {
        const existing = log.columns[role];
        if (existing !== undefined) columnOf.set(role, existing + 1);
        else if (entry[role] !== '') {
          added.push({ column: free, header: CHECK_IN_HEADERS[role] });
          columnOf.set(role, free++);
        }
      }
      const row = writeCheckIn(port, log.sheet, log.headerRow, entry, columnOf, added, headers.length);
      const after = load(port).cascade;
      const again = after.items.find((item) => item.sheet === goal.sheet && item.keyNorm === goal.keyNorm);
      return {
        sheet: log.sheet,
        row,
        created,
        addedColumns: added.map((column) => column.header),
        title: goal.title || goal.key,
        value: String(value.cell),
        progress: again ? progressView(after, again.index) : null,
      };
    });
  },
});

/**
 * The goal's key as its own tab holds it: an id typed as a number (3) is written as the number,
 * so the log's Goal column sorts and filters like the goals' own, and Sheets marks no "number
 * stored as text". Any other key ("KR-1", "007") is written as text, as it reads.
 */
function keyAsHeld(cascade: Cascade, snapshot: WorkbookSnapshot, goal: Item): Writable {
  const column = keyColumnOf(cascade, planOf(cascade, goal.sheet), goal);
  const cell =
    column === undefined ? undefined : snapshot.sheets.find((sheet) => sheet.name === goal.sheet)?.values[goal.row - 1]?.[column];
  return typeof cell === 'number' && Number.isFinite(cell) && String(cell) === goal.key ? cell : goal.key;
}

/** Checks every cell first, then writes the added headers and the row; takes the headers back if the row can't be written. */
function writeCheckIn(
  port: WorkbookPort,
  sheet: string,
  headerRow: number,
  entry: Record<CheckInRole, Writable>,
  columnOf: ReadonlyMap<CheckInRole, number>,
  added: readonly { column: number; header: string }[],
  width: number,
): number {
  const cells: Writable[] = Array.from({ length: Math.max(width, ...columnOf.values(), 1) }, () => '');
  for (const [role, column] of columnOf) if (entry[role] !== '') cells[column - 1] = entry[role];
  for (const { column, header } of added) port.checkWrite(sheet, headerRow, column, header);
  cells.forEach((cell, c) => {
    port.checkWrite(sheet, null, c + 1, cell);
  });
  const written: number[] = [];
  try {
    for (const { column, header } of added) {
      port.writeCell(sheet, headerRow, column, header);
      written.push(column);
    }
    return port.appendRow(sheet, cells);
  } catch (error) {
    for (const column of written) port.writeCell(sheet, headerRow, column, '');
    throw error;
  }
}
