/**
 * The workbook port over SpreadsheetApp, for the sidebar's server calls: reads the cascade
 * tabs, writes cells as text, and changes the sheet only under the document lock, flushing
 * before the lock is released so a second call sees the first one's writes. Reads outside
 * the lock (the Link view asks every few seconds) share the snapshot cache that edits and
 * writes clear; reads under the lock always read the sheet as it is now. Every call to
 * the service is retried on transient errors; a guarded write reads the row's key again
 * first, since a person's edit is not held back by the script's lock. A write first makes
 * room on the grid, and is refused with a sentence if the cell's dropdown would reject it.
 * A port is made for one execution: it reads the settings once and keeps them for it.
 */

import { isValidationError, rejectedWrite } from '../api/dropdown';
import { Refusal, ROW_CHANGED, type RowGuard, type WorkbookPort, type Writable } from '../api/port';
import type { LadderSettings, SettingsResult } from '../core/settings';
import { cellText, normalizeKey } from '../core/text';
import { columnLetter } from './a1';
import { forCell, refusalOf } from './cell-rules';
import { type Added, ensureGrid, onGrid, undoGrid } from './grid';
import { withRetry } from './retry';
import { readSavedSettings, storeSettings } from './settings';
import { cachedSnapshot, forgetSnapshot, storeSnapshot } from './snapshot-cache';
import { readSheet, readWorkbook, timeZoneOf } from './workbook-reader';

/** How long a call waits for another one's lock before saying so. */
export const LOCK_WAIT_MS = 10_000;

export interface SheetsPort extends WorkbookPort {
  /** The document cache, or null where it is out of reach. */
  cache(): GoogleAppsScript.Cache.Cache | null;
  /** Whether this port changed the sheet or the settings (so Ladder's formulas must recalculate). */
  wrote(): boolean;
}

/** What one port's calls share, for the one execution it is made for. */
interface PortState {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Whether this port changed the sheet or the settings. */
  wrote: boolean;
  /** Whether a call holds the document lock: reads then skip the snapshot cache. */
  locked: boolean;
  /** The settings, read once. */
  saved: SettingsResult | null;
}

function documentCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

function changed(state: PortState): void {
  state.wrote = true;
  forgetSnapshot(documentCache());
}

function tabNamed(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = withRetry(() => spreadsheet.getSheetByName(name));
  if (!found) throw new Refusal(`The tab "${name}" is gone; refresh.`);
  return found;
}

function readCell(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, row: number, column: number): string {
  return cellText(withRetry(() => tabNamed(spreadsheet, name).getRange(row, column).getValue()));
}

function checkGuard(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, row: number, guard: RowGuard | undefined): void {
  if (guard && normalizeKey(readCell(spreadsheet, name, row, guard.column)) !== normalizeKey(guard.key)) throw new Refusal(ROW_CHANGED);
}

function checkWrite(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  row: number | null,
  column: number,
  value: Writable,
): void {
  const target = tabNamed(spreadsheet, name);
  const at = row ?? withRetry(() => target.getLastRow()) + 1;
  // A cell beyond the grid is new: it has no rule yet.
  if (!withRetry(() => onGrid(target, at, column))) return;
  const why = refusalOf(
    `Cell ${columnLetter(column)}${at} on "${name}"`,
    withRetry(() => target.getRange(at, column).getDataValidation()),
    value,
  );
  if (why) throw new Refusal(why);
}

/** Runs a check; if it refuses, the rows and columns just added for the write go again. */
function refuseUndoing(target: GoogleAppsScript.Spreadsheet.Sheet, added: Added, check: () => void): void {
  try {
    check();
  } catch (error) {
    withRetry(() => undoGrid(target, added));
    throw error;
  }
}

function readSnapshot(state: PortState, settings: LadderSettings) {
  const recent = state.locked ? null : cachedSnapshot(documentCache());
  if (recent) return recent;
  const snapshot = withRetry(() => readWorkbook(state.spreadsheet, settings));
  if (!state.locked) storeSnapshot(documentCache(), snapshot);
  return snapshot;
}

function writeCell(state: PortState, name: string, row: number, column: number, value: Writable, guard: RowGuard | undefined): void {
  const { spreadsheet } = state;
  checkGuard(spreadsheet, name, row, guard);
  const target = tabNamed(spreadsheet, name);
  checkWrite(spreadsheet, name, row, column, value);
  const added = withRetry(() => ensureGrid(target, row, column));
  // A row added for this cell may have taken a dropdown from the row above it.
  if (added.rows > 0) refuseUndoing(target, added, () => checkWrite(spreadsheet, name, row, column, value));
  const range = withRetry(() => target.getRange(row, column));
  const format = withRetry(() => range.getNumberFormat());
  try {
    withRetry(() => range.setValue(forCell(value, format)));
  } catch (error) {
    if (isValidationError(error)) throw new Refusal(rejectedWrite(`Cell ${columnLetter(column)}${row} on "${name}"`, value));
    throw error;
  }
  changed(state);
}

function appendRow(state: PortState, name: string, values: readonly Writable[]): number {
  const target = tabNamed(state.spreadsheet, name);
  const row = withRetry(() => target.getLastRow()) + 1;
  const width = Math.max(1, values.length);
  // Room first: a row added at the end takes the rules of the row above, which then apply.
  const added = withRetry(() => ensureGrid(target, row, width));
  const range = withRetry(() => target.getRange(row, 1, 1, width));
  refuseUndoing(target, added, () => {
    const rules = withRetry(() => range.getDataValidations())[0] ?? [];
    values.forEach((value, c) => {
      const why = refusalOf(`Cell ${columnLetter(c + 1)}${row} on "${name}"`, rules[c] ?? null, value);
      if (why) throw new Refusal(why);
    });
  });
  const formats = withRetry(() => range.getNumberFormats())[0] ?? [];
  refuseUndoing(target, added, () => {
    try {
      withRetry(() => range.setValues([values.length > 0 ? values.map((value, c) => forCell(value, formats[c] ?? '')) : ['']]));
    } catch (error) {
      if (isValidationError(error))
        throw new Refusal(rejectedWrite(`Row ${row} on "${name}"`, values.filter((value) => value !== '').join(', ')));
      throw error;
    }
  });
  changed(state);
  return row;
}

function addSheet(state: PortState, name: string, rows: readonly (readonly Writable[])[]): void {
  const { spreadsheet } = state;
  const created = withRetry(() => spreadsheet.insertSheet(name, spreadsheet.getSheets().length));
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
  if (rows.length > 0) {
    withRetry(() => ensureGrid(created, rows.length, width));
    withRetry(() =>
      created
        .getRange(1, 1, rows.length, width)
        .setValues(rows.map((row) => Array.from({ length: width }, (_, c) => forCell(row[c] ?? '', '')))),
    );
  }
  changed(state);
}

function withDocumentLock<T>(state: PortState, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Refusal('Ladder is busy with another change; try again in a moment.');
  state.locked = true;
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    state.locked = false;
    lock.releaseLock();
  }
}

export function sheetsPort(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SheetsPort {
  const state: PortState = { spreadsheet, wrote: false, locked: false, saved: null };
  return {
    cache: documentCache,
    wrote: () => state.wrote,
    read: (settings) => readSnapshot(state, settings),
    tabNames: () => withRetry(() => state.spreadsheet.getSheets().map((sheet) => sheet.getName())),
    readTab(name, rows) {
      const sheet = withRetry(() => state.spreadsheet.getSheetByName(name));
      return sheet ? withRetry(() => readSheet(sheet, timeZoneOf(state.spreadsheet), rows)) : null;
    },
    readCell: (name, row, column) => readCell(spreadsheet, name, row, column),
    checkWrite: (name, row, column, value) => checkWrite(spreadsheet, name, row, column, value),
    writeCell: (name, row, column, value, guard) => writeCell(state, name, row, column, value, guard),
    appendRow: (name, values) => appendRow(state, name, values),
    addSheet: (name, rows) => addSheet(state, name, rows),
    // Sheets moves formulas, merges, notes, dropdowns, colour rules and named ranges with the rows.
    checkDelete() {},
    deleteRow(name, row, guard) {
      checkGuard(spreadsheet, name, row, guard);
      withRetry(() => tabNamed(spreadsheet, name).deleteRow(row));
      changed(state);
    },
    withLock: (work) => withDocumentLock(state, work),
    selection() {
      const range = spreadsheet.getActiveRange();
      return range ? { sheet: range.getSheet().getName(), row: range.getRow() } : null;
    },
    readSettings() {
      state.saved ??= readSavedSettings();
      return state.saved;
    },
    saveSettings(next: LadderSettings) {
      storeSettings(next);
      state.saved = { ok: true, settings: next };
      changed(state);
    },
    today: () => Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd'),
  };
}
