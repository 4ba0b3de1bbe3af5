/**
 * A workbook port over plain arrays, for testing the server calls: writes land as Sheets
 * would store them (a leading apostrophe keeps text), and every write is logged.
 */
import { dropdownRefusal } from '../../src/api/dropdown';
import { isDay, Refusal, ROW_CHANGED, type RowGuard, shownText, type WorkbookPort, type Writable } from '../../src/api/port';
import { asCellText } from '../../src/core/flag-text';
import { type LadderSettings, parseSettings } from '../../src/core/settings';
import type { Cell } from '../../src/core/snapshot';
import { cellText, normalizeKey } from '../../src/core/text';
import type { Tabs } from '../fixtures/workbook';

export class MemoryPort implements WorkbookPort {
  readonly sheets: { name: string; values: Cell[][] }[];
  readonly writes: string[] = [];
  /** The settings as stored (JSON text), or null: none saved. */
  settings: unknown = null;
  selected: { sheet: string; row: number } | null = null;
  locked = false;
  date = '2026-11-23';
  /** Dropdowns that reject other input, by "Sheet!row:column": their options (null: a rule of another kind). */
  readonly dropdowns = new Map<string, readonly string[] | null>();
  /** Runs between the read a call makes and its write, to move rows under it. */
  beforeWrite: (() => void) | null = null;

  constructor(tabs: Tabs) {
    this.sheets = Object.entries(tabs).map(([name, values]) => ({ name, values: values.map((row) => [...row]) }));
  }
  sheet(name: string) {
    const found = this.sheets.find((sheet) => sheet.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }
  read() {
    return { sheets: this.sheets.map((sheet) => ({ name: sheet.name, values: sheet.values.map((row) => [...row]) })) };
  }
  tabNames() {
    return this.sheets.map((sheet) => sheet.name);
  }
  readTab(name: string, rows?: number) {
    const tab = this.read().sheets.find((sheet) => sheet.name === name);
    return tab ? { name: tab.name, values: rows === undefined ? tab.values : tab.values.slice(0, rows) } : null;
  }
  private stored(value: Writable): Cell {
    if (isDay(value)) return new Date(`${value.day}T00:00:00Z`);
    if (typeof value !== 'string') return value;
    const text = asCellText(value);
    return text.startsWith("'") ? text.slice(1) : text;
  }
  readCell(sheet: string, row: number, column: number) {
    return cellText(this.sheet(sheet).values[row - 1]?.[column - 1]);
  }
  private check(sheet: string, row: number, guard: RowGuard | undefined) {
    if (guard && normalizeKey(this.readCell(sheet, row, guard.column)) !== normalizeKey(guard.key)) throw new Refusal(ROW_CHANGED);
  }
  /** Fails the next write with this error (a write that the service refuses). */
  failNextWrite: Error | null = null;
  private maybeFail() {
    const failure = this.failNextWrite;
    this.failNextWrite = null;
    if (failure) throw failure;
  }
  private refusal(sheet: string, row: number, column: number, value: Writable) {
    const key = `${sheet}!${row}:${column}`;
    return this.dropdowns.has(key) ? dropdownRefusal(`Cell ${key}`, { options: this.dropdowns.get(key)! }, value) : null;
  }
  checkWrite(sheet: string, row: number | null, column: number, value: Writable) {
    const why = this.refusal(sheet, row ?? this.lastRow(sheet) + 1, column, value);
    if (why) throw new Refusal(why);
  }
  private lastRow(sheet: string) {
    const rows = this.sheet(sheet).values;
    let last = rows.length;
    while (last > 0 && rows[last - 1]!.every((cell) => cell === '' || cell === null || cell === undefined)) last--;
    return last;
  }
  writeCell(sheet: string, row: number, column: number, value: Writable, guard?: RowGuard) {
    this.beforeWrite?.();
    // As Sheets does: a rejecting dropdown makes the write itself fail (calls should have checked first).
    if (this.refusal(sheet, row, column, value))
      throw new Error(`The data you entered in cell ${sheet}!${row}:${column} violates the data validation rules set on this cell.`);
    this.check(sheet, row, guard);
    this.maybeFail();
    const values = this.sheet(sheet).values;
    while (values.length < row) values.push([]);
    const line = values[row - 1]!;
    while (line.length < column) line.push('');
    line[column - 1] = this.stored(value);
    this.writes.push(`${sheet}!${row}:${column}=${shownText(value)}`);
  }
  appendRow(sheet: string, values: readonly Writable[]) {
    this.beforeWrite?.();
    const rows = this.sheet(sheet).values;
    const last = this.lastRow(sheet);
    values.forEach((value, c) => {
      if (this.refusal(sheet, last + 1, c + 1, value))
        throw new Error('The data you entered violates the data validation rules set on this cell.');
    });
    rows.splice(
      last,
      0,
      values.map((value) => this.stored(value)),
    );
    this.writes.push(`${sheet}!append ${last + 1}`);
    return last + 1;
  }
  addSheet(sheet: string, rows: readonly (readonly Writable[])[]) {
    this.sheets.push({ name: sheet, values: rows.map((row) => row.map((value) => this.stored(value))) });
    this.writes.push(`add ${sheet}`);
  }
  /** Rows whose removal the port refuses, as the preview's file does when something refers to the rows below. */
  readonly undeletable = new Map<string, string>();
  checkDelete(sheet: string, row: number) {
    const why = this.undeletable.get(`${sheet}!${row}`);
    if (why) throw new Refusal(why);
  }
  deleteRow(sheet: string, row: number, guard?: RowGuard) {
    this.beforeWrite?.();
    this.check(sheet, row, guard);
    this.maybeFail();
    this.sheet(sheet).values.splice(row - 1, 1);
    this.writes.push(`${sheet}!delete ${row}`);
  }
  withLock<T>(work: () => T): T {
    if (this.locked) throw new Error('Ladder is busy with another change; try again in a moment.');
    this.locked = true;
    try {
      return work();
    } finally {
      this.locked = false;
    }
  }
  selection() {
    return this.selected;
  }
  readSettings() {
    return parseSettings(this.settings);
  }
  saveSettings(settings: LadderSettings) {
    this.settings = JSON.stringify(settings);
  }
  today() {
    return this.date;
  }
}
