/**
 * The simple onEdit trigger: forgets the cached cascade, refreshes Ladder's formulas, and
 * rewrites the Ladder column of the edited rows when the tab has one. It must be quick and
 * quiet: it never shows a dialog, and a failure leaves the sheet as the PM left it.
 */
import { LADDER_HEADER } from '../api/workbook';
import { HEADER_SEARCH_ROWS } from '../core/detect';
import type { Cell } from '../core/snapshot';
import { cellText, normalizeKey } from '../core/text';
import { refreshLadderRows } from './check-cascade';
import { forgetSnapshot } from './snapshot-cache';
import { isCascadeTab } from './workbook-reader';
import { readSettings } from './settings';
import { touchFormulaHeaders } from './refresh';

/**
 * Whether the tab has a Ladder column, from its top rows only: most edits are on tabs never
 * checked, and they should not pay for a read of the whole workbook.
 */
function hasLadderColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const width = sheet.getLastColumn();
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getLastRow());
  if (width === 0 || rows === 0) return false;
  const top = sheet.getRange(1, 1, rows, width).getValues() as Cell[][];
  return top.some((row) => row.some((cell) => normalizeKey(cellText(cell)) === normalizeKey(LADDER_HEADER)));
}

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const sheet = range.getSheet();
  const settings = readSettings();
  if (!isCascadeTab(sheet, settings.config)) return;
  forgetSnapshot(CacheService.getDocumentCache());
  const spreadsheet = sheet.getParent();
  touchFormulaHeaders(spreadsheet);
  if (hasLadderColumn(sheet)) refreshLadderRows(sheet, range.getRow(), range.getLastRow());
}
