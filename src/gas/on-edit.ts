/**
 * The simple onEdit trigger: forgets the cached cascade, refreshes Ladder's formulas, and
 * rewrites the Ladder column of the edited rows when the tab has one. It must be quick and
 * quiet: it never shows a dialog, and a failure leaves the sheet as the PM left it.
 */
import { refreshLadderRows } from './check-cascade';
import { forgetSnapshot } from './snapshot-cache';
import { isCascadeTab } from './workbook-reader';
import { readSettings } from './settings';
import { touchFormulaHeaders } from './refresh';

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const sheet = range.getSheet();
  const settings = readSettings();
  if (!isCascadeTab(sheet.getName(), settings.config)) return;
  forgetSnapshot(CacheService.getDocumentCache());
  const spreadsheet = sheet.getParent();
  touchFormulaHeaders(spreadsheet);
  refreshLadderRows(sheet, range.getRow(), range.getLastRow());
}
