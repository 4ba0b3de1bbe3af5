/**
 * The workbook port over SpreadsheetApp, for the sidebar's server calls: reads the cascade
 * tabs, writes cells as text, and changes the sheet only under the document lock, flushing
 * before the lock is released so a second call sees the first one's writes.
 */
import { Refusal, type WorkbookPort, type Writable } from '../api/port';
import type { LadderConfig } from '../core/config';
import { asCellText } from '../core/flag-text';
import { readSettings, SETTINGS_KEY } from './settings';
import { forgetSnapshot } from './snapshot-cache';
import { readWorkbook } from './workbook-reader';

/** How long a call waits for another one's lock before saying so. */
export const LOCK_WAIT_MS = 10_000;

function cellValue(value: Writable): Writable {
  return typeof value === 'string' ? asCellText(value) : value;
}

export function sheetsPort(): WorkbookPort {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = (name: string) => {
    const found = spreadsheet.getSheetByName(name);
    if (!found) throw new Refusal(`The tab "${name}" is gone; refresh.`);
    return found;
  };
  const changed = () => forgetSnapshot(CacheService.getDocumentCache());
  return {
    read: () => readWorkbook(spreadsheet, readSettings().config),
    writeCell(name, row, column, value) {
      sheet(name).getRange(row, column).setValue(cellValue(value));
      changed();
    },
    appendRow(name, values) {
      const target = sheet(name);
      const row = target.getLastRow() + 1;
      target.getRange(row, 1, 1, Math.max(1, values.length)).setValues([values.length > 0 ? values.map(cellValue) : ['']]);
      changed();
      return row;
    },
    addSheet(name, rows) {
      const created = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
      const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
      if (rows.length > 0) created.getRange(1, 1, rows.length, width).setValues(rows.map((row) => Array.from({ length: width }, (_, c) => cellValue(row[c] ?? ''))));
      changed();
    },
    deleteRow(name, row) {
      sheet(name).deleteRow(row);
      changed();
    },
    withLock(work) {
      const lock = LockService.getDocumentLock();
      if (!lock.tryLock(LOCK_WAIT_MS)) throw new Refusal('Ladder is busy with another change; try again in a moment.');
      try {
        const result = work();
        SpreadsheetApp.flush();
        return result;
      } finally {
        lock.releaseLock();
      }
    },
    selection() {
      const range = spreadsheet.getActiveRange();
      return range ? { sheet: range.getSheet().getName(), row: range.getRow() } : null;
    },
    readConfig: () => PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY),
    saveConfig(config: LadderConfig) {
      PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(config));
      changed();
    },
    today: () => Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd'),
  };
}
