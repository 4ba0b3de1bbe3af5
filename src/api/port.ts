/**
 * The workbook port: the few things the sidebar's server calls need from a spreadsheet,
 * implemented over SpreadsheetApp (src/gas/sheets-port.ts) and over an .xlsx file
 * (src/local/xlsx-port.ts). Rows are addressed at write time by the item's key, never by
 * a row number remembered from an earlier read: rows move between a read and a write.
 */
import type { LadderSettings, SettingsResult } from '../core/settings';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

/** A calendar day (YYYY-MM-DD), written as a date the sheet can sort and filter, not as text. */
export interface Day {
  readonly day: string;
}

export type Writable = string | number | boolean | Day;

export const isDay = (value: Writable): value is Day => typeof value === 'object' && value !== null;

/** A value as the PM reads it in the cell. */
export const shownText = (value: Writable): string => (isDay(value) ? value.day : String(value));

/** The row's key as it must still read, in this column, at the moment of writing. */
export interface RowGuard {
  readonly column: number;
  readonly key: string;
}

export interface WorkbookPort {
  /**
   * The tabs' values as the core reads them: every tab's, or (Apps Script) only those of the
   * tabs these settings count, so that a tab Ladder leaves out costs no read.
   */
  read(settings: LadderSettings): WorkbookSnapshot;
  /** Every tab's name, read or not (a new tab's name must not be taken). */
  tabNames(): string[];
  /**
   * One tab's values, whether or not `read` counts it (a frozen plan is no layer: Apps Script
   * does not read it with the cascade); null when there is no such tab. With `rows`, only that
   * many rows from the top: enough to tell what a tab is before paying for all of it.
   */
  readTab(sheet: string, rows?: number): SheetSnapshot | null;
  /**
   * Writes one cell (1-based); strings are written as text, never as a formula. With a
   * guard, the row's key is read again first and nothing is written if it changed.
   */
  writeCell(sheet: string, row: number, column: number, value: Writable, guard?: RowGuard): void;
  /**
   * Throws a Refusal if the cell would refuse this value (a dropdown that rejects other input).
   * `row` null is the row appendRow would write. Calls check every cell first, so that a
   * refused write leaves nothing half-done.
   */
  checkWrite(sheet: string, row: number | null, column: number, value: Writable): void;
  /** Reads one cell as text (to restore it if a later write fails). */
  readCell(sheet: string, row: number, column: number): string;
  /** Appends a row below the last one with content; returns its 1-based number. */
  appendRow(sheet: string, values: readonly Writable[]): number;
  /** Adds a tab at the end with these rows. */
  addSheet(sheet: string, rows: readonly (readonly Writable[])[]): void;
  /**
   * Throws a Refusal if deleting the row would break what refers to the rows below it in a
   * way the port cannot put right (the preview's file: formulas, merges, notes, dropdowns,
   * colour rules, names). Called before anything of a removal is written.
   */
  checkDelete(sheet: string, row: number): void;
  deleteRow(sheet: string, row: number, guard?: RowGuard): void;
  /** Runs `work` holding the document lock; throws a retryable message if it can't be had. */
  withLock<T>(work: () => T): T;
  /** The row the PM has selected, if the port knows it (the sidebar's selection). */
  selection(): { sheet: string; row: number } | null;
  /**
   * The PM's saved settings, parsed (damaged ones come back empty, with the reason). `load`
   * asks once per call; a port read again in the same call answers without reading again.
   */
  readSettings(): SettingsResult;
  saveSettings(settings: LadderSettings): void;
  /** Today as YYYY-MM-DD in the spreadsheet's time zone (for declined receipts). */
  today(): string;
}

/** A refusal the PM should read as is (the row moved, the input is wrong). */
export class Refusal extends Error {}

export const ROW_CHANGED = 'This row changed while Ladder was writing (it was moved, edited or deleted). Refresh and try again.';
