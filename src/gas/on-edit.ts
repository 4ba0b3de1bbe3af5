/**
 * The simple onEdit trigger. It fires only for a person's edit of values (not for a script's
 * writes, nor for inserted, deleted or sorted rows: DESIGN §8), runs in AuthMode.LIMITED and
 * must be quick and quiet: it never shows a dialog, and a failure leaves the sheet as the PM
 * left it. Its three steps are independent, so one failing does not stop the others:
 * the cached cascade is forgotten (after any edit, so a tab that stops being a layer is not
 * remembered as one), Ladder's formulas are told to recalculate, and the Ladder columns are
 * brought up to date.
 */
import { refreshLadderColumns } from './check-cascade';
import { touchFormulaHeaders } from './refresh';
import { sheetsPort } from './sheets-port';
import { forgetSnapshot } from './snapshot-cache';
import { isCascadeTab } from './workbook-reader';

function step(work: () => unknown): boolean {
  try {
    work();
    return true;
  } catch {
    // A trigger has no one to tell; the next check or refresh puts things right.
    return false;
  }
}

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = event.range.getSheet();
  step(() => forgetSnapshot(CacheService.getDocumentCache()));
  const spreadsheet = sheet.getParent();
  // One port for the trigger, so the settings are read once for the judging and the refresh.
  const port = sheetsPort(spreadsheet);
  let cascade = true;
  step(() => {
    cascade = isCascadeTab(sheet, port.readSettings().settings);
  });
  if (!cascade) return;
  step(() => touchFormulaHeaders(spreadsheet));
  step(() => refreshLadderColumns(spreadsheet, port));
}
