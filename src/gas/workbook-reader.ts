/**
 * Reads the cascade tabs of the open spreadsheet into the core's snapshot: tab names first
 * (no values), then one getValues() per tab that is a layer or the declined list. Dates are
 * shifted so their UTC fields show the date as the sheet shows it, in its time zone.
 */
import { classifyTabName } from '../core/detect';
import type { LadderConfig } from '../core/config';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

/** Whether Ladder reads a tab: the user's mapping says so, or its name names a layer. */
export function isCascadeTab(name: string, config: LadderConfig): boolean {
  const mapping = config.tabs.find((tab) => tab.sheet === name);
  if (mapping) return mapping.use !== 'ignore';
  return classifyTabName(name) !== null;
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

function timeZoneOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return spreadsheet.getSpreadsheetTimeZone() || 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}

export function readWorkbook(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, config: LadderConfig): WorkbookSnapshot {
  const timeZone = timeZoneOf(spreadsheet);
  const sheets = spreadsheet.getSheets().filter((sheet) => isCascadeTab(sheet.getName(), config));
  return { sheets: sheets.map((sheet) => readSheet(sheet, timeZone)) };
}
