/**
 * Reads the cascade tabs of the open spreadsheet into the core's snapshot: tab names first
 * (no values), then one getValues() per tab that is a layer or the declined list. A tab whose
 * name says nothing ("Sheet1", "Jira") is judged by its top rows first, read in one call,
 * and read whole only when its columns make it a layer. Dates are shifted so their UTC
 * fields show the date as the sheet shows it, in its time zone.
 */

import type { LadderConfig } from '../core/config';
import { classifyTabName, tabIsRead } from '../core/detect';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

/** How many top rows tell a tab's layer from its columns: the header search and a sample of rows below it. */
export const PEEK_ROWS = 60;

/**
 * Whether Ladder reads a tab: the user's mapping says so, its name names a layer, or its top
 * rows' columns do. `whole` is those top rows when they are the whole tab, so it is not read twice.
 */
function judgeTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, config: LadderConfig): { read: boolean; whole?: Cell[][] } {
  const name = sheet.getName();
  const mapping = config.tabs.find((tab) => tab.sheet === name);
  if (mapping) return { read: mapping.use !== 'ignore' };
  if (classifyTabName(name) !== null) return { read: true };
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow === 0 || width === 0) return { read: false };
  const top = sheet.getRange(1, 1, Math.min(PEEK_ROWS, lastRow), width).getValues() as Cell[][];
  return { read: tabIsRead({ name, values: top }, config), ...(lastRow <= PEEK_ROWS ? { whole: top } : {}) };
}

export function isCascadeTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, config: LadderConfig): boolean {
  return judgeTab(sheet, config).read;
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

export function readSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): SheetSnapshot {
  const values = sheet.getLastRow() === 0 ? [] : (sheet.getDataRange().getValues() as Cell[][]);
  return { name: sheet.getName(), values: normalizeDates(values, timeZone) };
}

export function timeZoneOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return spreadsheet.getSpreadsheetTimeZone() || 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}

export function readWorkbook(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, config: LadderConfig): WorkbookSnapshot {
  const timeZone = timeZoneOf(spreadsheet);
  const sheets: SheetSnapshot[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const judged = judgeTab(sheet, config);
    if (!judged.read) continue;
    // The top rows read to judge a small tab are the same cells getDataRange() would read.
    sheets.push(judged.whole ? { name: sheet.getName(), values: normalizeDates(judged.whole, timeZone) } : readSheet(sheet, timeZone));
  }
  return { sheets };
}
