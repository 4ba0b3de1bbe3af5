/**
 * Reads the cascade tabs of the open spreadsheet into the core's snapshot: tab names first
 * (no values), then one getValues() per tab that is a layer or the declined list. Which tabs
 * those are is the core's decision (`tabIsRead`), with the settings the caller read: a tab
 * whose name says nothing ("Sheet1", "Jira") is judged by its top rows first, read in one
 * call, and read whole only when its columns make it a layer. Dates are shifted so their UTC
 * fields show the date as the sheet shows it, in its time zone.
 */

import { tabIsRead } from '../core/detect';
import type { LadderSettings } from '../core/settings';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

/** How many top rows tell a tab's layer from its columns: the header search and a sample of rows below it. */
export const PEEK_ROWS = 60;

/**
 * Whether Ladder reads a tab, as `tabIsRead` decides; its top rows are read (in one call)
 * only if it asks for them. `whole` is those top rows when they are the whole tab, so it is
 * not read twice.
 */
function judgeTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, settings: LadderSettings): { read: boolean; whole?: Cell[][] } {
  const peek: { rows?: Cell[][]; whole?: boolean } = {};
  const topRows = () => {
    if (!peek.rows) {
      const lastRow = sheet.getLastRow();
      const width = sheet.getLastColumn();
      peek.rows = lastRow === 0 || width === 0 ? [] : (sheet.getRange(1, 1, Math.min(PEEK_ROWS, lastRow), width).getValues() as Cell[][]);
      peek.whole = lastRow <= PEEK_ROWS;
    }
    return peek.rows;
  };
  const read = tabIsRead(sheet.getName(), topRows, settings);
  return { read, ...(peek.rows && peek.whole ? { whole: peek.rows } : {}) };
}

export function isCascadeTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, settings: LadderSettings): boolean {
  return judgeTab(sheet, settings).read;
}

/** A Date read in the spreadsheet's time zone, as the core expects it (see snapshot.ts). */
export function sheetDate(date: Date, timeZone: string): Date {
  const shown = new Date(`${Utilities.formatDate(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss")}Z`);
  return Number.isNaN(shown.getTime()) ? date : shown;
}

function normalizeDates(values: Cell[][], timeZone: string): Cell[][] {
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell instanceof Date) row[c] = sheetDate(cell, timeZone);
    }
  }
  return values;
}

/** A tab's values, all of them or the top `rows` rows. */
export function readSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, rows?: number): SheetSnapshot {
  const last = sheet.getLastRow();
  const range =
    last === 0 ? null : rows === undefined ? sheet.getDataRange() : sheet.getRange(1, 1, Math.min(rows, last), sheet.getLastColumn());
  const values = range && range.getNumRows() > 0 ? (range.getValues() as Cell[][]) : [];
  return { name: sheet.getName(), values: normalizeDates(values, timeZone) };
}

export function timeZoneOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return spreadsheet.getSpreadsheetTimeZone() || 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}

export function readWorkbook(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: LadderSettings): WorkbookSnapshot {
  const timeZone = timeZoneOf(spreadsheet);
  const sheets: SheetSnapshot[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const judged = judgeTab(sheet, settings);
    if (!judged.read) continue;
    // The top rows read to judge a small tab are the same cells getDataRange() would read.
    sheets.push(judged.whole ? { name: sheet.getName(), values: normalizeDates(judged.whole, timeZone) } : readSheet(sheet, timeZone));
  }
  return { sheets };
}
