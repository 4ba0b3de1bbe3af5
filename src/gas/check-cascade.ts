/**
 * "Check the cascade": writes each row's flags into a Ladder column on the roadmap and task
 * tabs (and on goal and strategy tabs where a flag applies), with a note explaining each
 * flag and Ladder's colour rules. Only Ladder's column, notes and rules are written, and
 * only where they differ from what is there, so a second run changes nothing.
 */

import { errorMessage } from '../api/reply';
import { columnNamed, LADDER_HEADER } from '../api/workbook';
import type { Cascade } from '../core/cascade';
import type { TabPlan } from '../core/detect';
import { flagCellText, flagNote } from '../core/flag-text';
import { flagCounts } from '../core/flags';
import type { Item } from '../core/items';
import { type LayerCode, layerSpec } from '../core/layers';
import type { Cell, WorkbookSnapshot } from '../core/snapshot';
import { cellText, clip } from '../core/text';
import { loadCascade } from './cascade-source';
import { forCell } from './cell-rules';
import { ensureGrid } from './grid';
import { applyRules, desiredRules } from './ladder-rules';
import { withRetry } from './retry';
import { sheetsPort } from './sheets-port';

export interface TabResult {
  readonly sheet: string;
  readonly flaggedRows: number;
  readonly wroteCells: boolean;
  readonly wroteNotes: boolean;
  readonly wroteRules: boolean;
  readonly rulesProblem?: string;
}

export interface CheckResult {
  readonly tabs: readonly TabResult[];
  readonly summary: string;
}

/** Each row's items: usually one, two where a key-result row also names its objective first. */
function itemsByRow(cascade: Cascade, sheet: string): Map<number, Item[]> {
  const rows = new Map<number, Item[]>();
  for (const item of cascade.items) {
    if (item.sheet !== sheet) continue;
    const list = rows.get(item.row);
    if (list) list.push(item);
    else rows.set(item.row, [item]);
  }
  return rows;
}

/** The Ladder column's text and notes for rows `from`..`to` (1-based, inclusive). */
export function ladderCells(cascade: Cascade, sheet: string, from: number, to: number): { texts: string[]; notes: string[] } {
  const rows = itemsByRow(cascade, sheet);
  const texts: string[] = [];
  const notes: string[] = [];
  for (let row = from; row <= to; row++) {
    const flagged = (rows.get(row) ?? []).filter((item) => cascade.flags[item.index]!.length > 0);
    // Two items of one row with flags: each says whose they are.
    const name = (item: Item, text: string) => (flagged.length > 1 ? `${clip(item.title || item.key, 60)}: ${text}` : text);
    texts.push(flagged.map((item) => name(item, flagCellText(cascade.flags[item.index]!))).join('\n'));
    notes.push(flagged.map((item) => name(item, flagNote(cascade.flags[item.index]!))).join('\n\n'));
  }
  return { texts, notes };
}

/** One column of texts, each as its cell's format needs it (a Plain text cell takes it as is). */
function writeTexts(range: GoogleAppsScript.Spreadsheet.Range, texts: readonly string[]): void {
  const formats = withRetry(() => range.getNumberFormats());
  withRetry(() => range.setValues(texts.map((text, i) => [forCell(text, formats[i]?.[0] ?? '')])));
}

function sheetValues(snapshot: WorkbookSnapshot, name: string): readonly (readonly Cell[])[] {
  return snapshot.sheets.find((sheet) => sheet.name === name)?.values ?? [];
}

/** Writes the Ladder column's texts and notes of rows below the header, each only if it differs. */
function writeLadderColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  cascade: Cascade,
  snapshot: WorkbookSnapshot,
  plan: TabPlan,
  column: number,
  lastRow: number,
) {
  const headerRow = plan.headerRow!;
  if (lastRow <= headerRow) return { wroteCells: false, wroteNotes: false };
  const values = sheetValues(snapshot, plan.sheet);
  const { texts, notes } = ladderCells(cascade, plan.sheet, headerRow + 1, lastRow);
  const range = withRetry(() => sheet.getRange(headerRow + 1, column, lastRow - headerRow, 1));
  const current = texts.map((_, i) => cellText(values[headerRow + i]?.[column - 1]));
  const wroteCells = texts.some((text, i) => text !== current[i]);
  if (wroteCells) writeTexts(range, texts);
  const currentNotes = withRetry(() => range.getNotes()).map((row) => row[0] ?? '');
  const wroteNotes = notes.some((note, i) => note !== currentNotes[i]);
  if (wroteNotes) withRetry(() => range.setNotes(notes.map((note) => [note])));
  return { wroteCells, wroteNotes };
}

function checkTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cascade: Cascade,
  snapshot: WorkbookSnapshot,
  plan: TabPlan,
): TabResult | null {
  if (plan.use === 'declined' || plan.headerRow === null) return null;
  const sheet = spreadsheet.getSheetByName(plan.sheet);
  if (!sheet) return null;
  const spec = layerSpec(plan.use as LayerCode);
  const rows = itemsByRow(cascade, plan.sheet);
  const flaggedRows = [...rows.values()].filter((list) => list.some((item) => cascade.flags[item.index]!.length > 0)).length;
  const existing = columnNamed(plan, LADDER_HEADER) - 1;
  if (!spec.isWork && flaggedRows === 0 && existing < 0) return null;

  const column = existing >= 0 ? existing : Math.max(sheet.getLastColumn(), plan.headers.length);
  const headerRow = plan.headerRow;
  const lastRow = Math.max(sheet.getLastRow(), headerRow);
  // Imported tabs end at their last column: the Ladder column is added to the grid first.
  withRetry(() => ensureGrid(sheet, lastRow, column + 1));
  if (existing < 0) withRetry(() => sheet.getRange(headerRow, column + 1).setValue(LADDER_HEADER));

  const { wroteCells, wroteNotes } = writeLadderColumn(sheet, cascade, snapshot, plan, column + 1, lastRow);
  const keyIndex = plan.columns.id?.[0] ?? plan.columns.title?.[0];
  const linkIndex = plan.columns.parent?.[0];
  let wroteRules = false;
  let rulesProblem: string | undefined;
  try {
    wroteRules = applyRules(
      sheet,
      desiredRules({
        headerRow,
        ladderColumn: column + 1,
        isWork: spec.isWork,
        maxRows: sheet.getMaxRows(),
        keyColumn: keyIndex === undefined ? null : keyIndex + 1,
        linkColumn: linkIndex === undefined ? null : linkIndex + 1,
      }),
    );
  } catch (error) {
    // Colours are a convenience: the flags are written and stay right without them.
    rulesProblem = `Colours on "${plan.sheet}" could not be set (${errorMessage(error)}).`;
  }
  return {
    sheet: plan.sheet,
    flaggedRows,
    wroteCells: wroteCells || existing < 0,
    wroteNotes,
    wroteRules,
    ...(rulesProblem ? { rulesProblem } : {}),
  };
}

export function summarize(cascade: Cascade, tabs: readonly TabResult[], warnings: readonly string[]): string {
  const flagged = cascade.flags.filter((list) => list.length > 0).length;
  const counts = flagCounts(cascade).map(({ code, rows }) => `${code} ${rows}`);
  const head = `Ladder checked ${tabs.length} tab${tabs.length === 1 ? '' : 's'}: ${flagged} of ${cascade.items.length} rows flagged`;
  return [counts.length > 0 ? `${head} (${counts.join(', ')}).` : `${head}.`, ...warnings].join(' ');
}

export function checkCascade(): CheckResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { cascade, snapshot, warnings } = loadCascade({ fresh: true });
  const tabs = cascade.plans.map((plan) => checkTab(spreadsheet, cascade, snapshot, plan)).filter((tab): tab is TabResult => tab !== null);
  const problems = tabs.flatMap((tab) => (tab.rulesProblem ? [tab.rulesProblem] : []));
  return { tabs, summary: summarize(cascade, tabs, [...warnings, ...problems]) };
}

/**
 * Brings every existing Ladder column up to date with the sheet as it is now: after an edit
 * (one link changes other rows' flags too: a goal gains its first work) and after the
 * sidebar's writes, which onEdit never sees. Tabs without a Ladder column are left alone.
 * Returns how many tabs were rewritten. `port` is the execution's own, if it has one.
 */
export function refreshLadderColumns(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, port = sheetsPort(spreadsheet)): number {
  // One search says whether any tab has a Ladder column, before paying for a read of the workbook.
  const headers = withRetry(() => spreadsheet.createTextFinder(LADDER_HEADER).matchEntireCell(true).findAll());
  if (headers.length === 0) return 0;
  const { cascade, snapshot } = loadCascade({ fresh: true, port });
  let rewritten = 0;
  for (const plan of cascade.plans) {
    if (plan.use === 'declined' || plan.headerRow === null) continue;
    const column = columnNamed(plan, LADDER_HEADER);
    const sheet = column > 0 ? spreadsheet.getSheetByName(plan.sheet) : null;
    if (!sheet) continue;
    const { wroteCells, wroteNotes } = writeLadderColumn(
      sheet,
      cascade,
      snapshot,
      plan,
      column,
      Math.max(
        withRetry(() => sheet.getLastRow()),
        plan.headerRow,
      ),
    );
    if (wroteCells || wroteNotes) rewritten++;
  }
  return rewritten;
}
