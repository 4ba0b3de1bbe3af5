/**
 * An in-memory stand-in for SpreadsheetApp's spreadsheet, sheets and ranges, as strict as the
 * reference (developers.google.com/apps-script/reference/spreadsheet/…) and stricter where in doubt:
 * - a sheet has a grid (Sheet.getMaxRows / getMaxColumns); a range outside it cannot be had
 *   ("The coordinates of the range are outside the dimensions of the sheet."), so a write past
 *   the last column needs insertColumnsAfter first. A loaded tab's grid ends at its data, as an
 *   imported tab's does; a new tab (Spreadsheet.insertSheet) has the default 1000 × 26;
 * - strings are typed as a user would type them (typing.ts); a Plain text cell (number format
 *   "@") keeps what is written, apostrophe and all;
 * - dropdowns and checkboxes that reject input refuse a script's write, and setValues writes
 *   nothing if any cell refuses (validation.ts);
 * - formula cells hold computed values: custom functions are computed by calling the script,
 *   only when their arguments changed (formulas.ts), at SpreadsheetApp.flush() or when the
 *   execution ends; inserting and deleting rows and columns moves formulas' references;
 * - in a custom function every set*, insert* and delete* call throws (Custom functions guide,
 *   "Using Apps Script services": Spreadsheet is read only);
 * - every call is counted, and faults or another person's edit can be injected at any call.
 */

import { columnLetters, type GridChange, parseA1, shiftReferences } from './references';
import { parseTyped, type Value, wallClock } from './typing';
import type { FakeDataValidation } from './validation';

export type { Value } from './typing';
export { parseTyped, wallClock } from './typing';

export interface CellData {
  value: Value;
  formula: string;
  note: string;
  error?: boolean;
  format?: string;
  validation?: FakeDataValidation;
  /** On the cells an array result spilled into (not the formula's own cell): the formula's cell. */
  spilledFrom?: CellData;
  /** On a custom function's cell: its last result, and the cells it spilled into. */
  result?: Value[][];
  spilled?: CellData[];
}

export interface Realm {
  /** Makes a Date in the script's own realm (the vm context), so `instanceof Date` holds there. */
  date(time: number): Date;
}

/** How the spreadsheet runs the script's custom functions (set by the harness). */
export type Evaluator = (name: string, args: unknown[], at: FakeRange) => { found: boolean; result?: unknown };

export const OUTSIDE_GRID = 'The coordinates of the range are outside the dimensions of the sheet.';

export class CallLog {
  readonly counts = new Map<string, number>();
  /** Fault injection: the next calls of a method throw these messages, one each, in order. */
  readonly faults = new Map<string, string[]>();
  /** Something that happens once, at the next call of a method (another person's edit, another call). */
  readonly hooks = new Map<string, () => void>();
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const hook = this.hooks.get(name);
    if (hook) {
      this.hooks.delete(name);
      hook();
    }
    const queued = this.faults.get(name);
    if (queued && queued.length > 0) throw new Error(queued.shift()!);
  }
  /** Runs `what` once, at the start of the next call of `method`. */
  at(method: string, what: () => void): void {
    this.hooks.set(method, what);
  }
  /** Makes the next `times` calls of `method` fail with `message`. */
  fail(method: string, message: string, times = 1): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...Array<string>(times).fill(message)]);
  }
  /** Adds `n` to a tally that is no call (the cells a getValues read). */
  tally(name: string, n: number): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  reset(): void {
    this.counts.clear();
  }
}

export class FakeRule {
  constructor(
    readonly formula: string,
    readonly background: string,
    readonly ranges: FakeRange[],
  ) {}
  getBooleanCondition() {
    return { getCriteriaValues: () => [this.formula], getBackground: () => this.background };
  }
  getRanges() {
    return this.ranges;
  }
}

export class FakeRuleBuilder {
  private formula = '';
  private background = '';
  private ranges: FakeRange[] = [];
  whenFormulaSatisfied(formula: string) {
    this.formula = formula;
    return this;
  }
  setBackground(colour: string) {
    this.background = colour;
    return this;
  }
  setRanges(ranges: FakeRange[]) {
    this.ranges = ranges;
    return this;
  }
  build() {
    return new FakeRule(this.formula, this.background, this.ranges);
  }
}

function blankCell(): CellData {
  return { value: '', formula: '', note: '' };
}

/** A blank cell with the properties an inserted row or column takes from its neighbour. */
function inheritedCell(model: CellData): CellData {
  const cell = blankCell();
  if (model.validation) cell.validation = model.validation;
  if (model.format) cell.format = model.format;
  return cell;
}

function shown(value: Value): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}

  private get spreadsheet() {
    return this.sheet.spreadsheet;
  }
  private log(name: string) {
    this.spreadsheet.log.count(`Range.${name}`);
  }
  private change(name: string) {
    this.log(name);
    this.spreadsheet.mutating(name);
  }
  private each<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.columns }, (_, j) => fn(this.row + i, this.column + j)));
  }
  private cellA1(row: number, column: number) {
    return `${columnLetters(column)}${row}`;
  }
  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.column + this.columns - 1;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.columns;
  }
  getA1Notation() {
    const start = this.cellA1(this.row, this.column);
    return this.rows === 1 && this.columns === 1 ? start : `${start}:${this.cellA1(this.getLastRow(), this.getLastColumn())}`;
  }
  getValues(): Value[][] {
    this.log('getValues');
    this.spreadsheet.log.tally('cells read', this.rows * this.columns);
    return this.each((r, c) => this.sheet.realmValue(this.sheet.cell(r, c).value));
  }
  getValue(): Value {
    this.log('getValue');
    return this.sheet.realmValue(this.sheet.cell(this.row, this.column).value);
  }
  getDisplayValue(): string {
    this.log('getDisplayValue');
    return shown(this.sheet.cell(this.row, this.column).value);
  }
  /** Writes typed values only once every cell has accepted its value: a refused write changes nothing. */
  private write(values: unknown[][]) {
    const typed = values.map((row, i) => row.map((value, j) => this.sheet.typed(this.row + i, this.column + j, value)));
    typed.forEach((row, i) => {
      row.forEach((entry, j) => {
        const cell = this.sheet.cell(this.row + i, this.column + j);
        if (cell.validation && !cell.validation.getAllowInvalid() && !cell.validation.accepts(entry.value)) {
          // Wording as Sheets gives it for a rejected entry (Data validation, "Reject the input").
          throw new Error(
            `The data you entered in cell ${this.cellA1(this.row + i, this.column + j)} violates the data validation rules set on this cell.`,
          );
        }
      });
    });
    typed.forEach((row, i) => {
      row.forEach((entry, j) => {
        this.sheet.put(this.row + i, this.column + j, entry);
      });
    });
  }
  setValues(values: unknown[][]) {
    this.change('setValues');
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns)) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`,
      );
    }
    this.write(values);
    return this;
  }
  setValue(value: unknown) {
    this.change('setValue');
    this.write(this.each(() => value));
    return this;
  }
  clearContent() {
    this.change('clearContent');
    this.each((r, c) => this.sheet.put(r, c, { value: '', formula: '' }));
    return this;
  }
  getFormula() {
    this.log('getFormula');
    return this.sheet.cell(this.row, this.column).formula;
  }
  getFormulas() {
    this.log('getFormulas');
    return this.each((r, c) => this.sheet.cell(r, c).formula);
  }
  setFormula(formula: string) {
    this.change('setFormula');
    this.each((r, c) => this.sheet.put(r, c, { value: '', formula }));
    this.spreadsheet.formulaWrites.push({ sheet: this.sheet.name, a1: this.getA1Notation(), formula });
    return this;
  }
  getNote() {
    this.log('getNote');
    return this.sheet.cell(this.row, this.column).note;
  }
  getNotes() {
    this.log('getNotes');
    return this.each((r, c) => this.sheet.cell(r, c).note);
  }
  setNotes(notes: (string | null)[][]) {
    this.change('setNotes');
    if (notes.length !== this.rows || notes.some((row) => row.length !== this.columns))
      throw new Error('The number of rows in the data does not match the number of rows in the range.');
    notes.forEach((row, i) => {
      row.forEach((note, j) => {
        this.sheet.cell(this.row + i, this.column + j, true).note = String(note ?? '');
      });
    });
    return this;
  }
  setNote(note: string | null) {
    return this.setNotes(this.each(() => note ?? ''));
  }
  getNumberFormat() {
    this.log('getNumberFormat');
    return this.sheet.cell(this.row, this.column).format ?? 'General';
  }
  getNumberFormats() {
    this.log('getNumberFormats');
    return this.each((r, c) => this.sheet.cell(r, c).format ?? 'General');
  }
  setNumberFormat(format: string) {
    this.change('setNumberFormat');
    this.each((r, c) => {
      this.sheet.cell(r, c, true).format = format;
    });
    return this;
  }
  getDataValidation() {
    this.log('getDataValidation');
    return this.sheet.cell(this.row, this.column).validation ?? null;
  }
  getDataValidations() {
    this.log('getDataValidations');
    return this.each((r, c) => this.sheet.cell(r, c).validation ?? null);
  }
  setDataValidation(rule: FakeDataValidation | null) {
    this.change('setDataValidation');
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c, true);
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }
  clearDataValidations() {
    return this.setDataValidation(null);
  }
  setFontWeight(_weight: string | null) {
    this.change('setFontWeight');
    return this;
  }
}

export interface GridSize {
  readonly rows?: number;
  readonly columns?: number;
}

export class FakeSheet {
  readonly grid: CellData[][] = [];
  rules: FakeRule[] = [];
  frozenRows = 0;
  maxRows: number;
  maxColumns: number;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    size: GridSize = {},
  ) {
    // Spreadsheet.insertSheet makes the default grid of 1000 rows and 26 columns.
    this.maxRows = size.rows ?? 1000;
    this.maxColumns = size.columns ?? 26;
  }

  private count(name: string) {
    this.spreadsheet.log.count(`Sheet.${name}`);
  }
  private change(name: string) {
    this.count(name);
    this.spreadsheet.mutating(name);
  }
  cell(row: number, column: number, create = false): CellData {
    const existing = this.grid[row - 1]?.[column - 1];
    if (existing) return existing;
    if (!create) return blankCell();
    while (this.grid.length < row) this.grid.push([]);
    const line = this.grid[row - 1]!;
    while (line.length < column) line.push(blankCell());
    return line[column - 1]!;
  }
  /** What a value written by a script becomes in this cell (typed like a user's input, or kept in a Plain text cell). */
  typed(row: number, column: number, value: unknown): { value: Value; formula: string; error?: boolean } {
    if (value instanceof Date || (typeof value === 'object' && value !== null && typeof (value as Date).getTime === 'function')) {
      return { value: new Date((value as Date).getTime()), formula: '' };
    }
    if (typeof value === 'string') {
      const plain = this.cell(row, column).format === '@';
      if (plain && !value.startsWith('=')) return { value, formula: '' };
      const parsed = parseTyped(value);
      return parsed.value instanceof Date ? { ...parsed, value: wallClock(parsed.value, this.spreadsheet.timeZone) } : parsed;
    }
    if (value === null || value === undefined) return { value: '', formula: '' };
    if (typeof value === 'number' || typeof value === 'boolean') return { value, formula: '' };
    // Arrays and objects are written as their text, as Sheets does with what it cannot store.
    return { value: String(value), formula: '' };
  }
  /** Stores a typed entry; the cell stops being part of another formula's array result. */
  put(row: number, column: number, entry: { value: Value; formula: string; error?: boolean }) {
    const cell = this.cell(row, column, true);
    // A formula written again, or replaced, is computed afresh; its old array result goes.
    for (const spilled of cell.spilled ?? []) {
      if (spilled.spilledFrom !== cell) continue;
      spilled.value = '';
      delete spilled.spilledFrom;
    }
    delete cell.spilled;
    delete cell.result;
    this.spreadsheet.lastArguments.delete(cell);
    cell.value = entry.value;
    cell.formula = entry.formula;
    if (entry.error) cell.error = true;
    else delete cell.error;
    delete cell.spilledFrom;
  }
  /** The test's way to type into a cell, as a person would (no trigger: see AppsScript.userEdit). */
  type(row: number, column: number, value: unknown) {
    this.put(row, column, this.typed(row, column, value));
  }
  realmValue(value: Value): Value {
    return value instanceof Date ? this.spreadsheet.realm.date(value.getTime()) : value;
  }
  /**
   * Loads rows as a PM would have them: strings are values, not typed input, and a Date's UTC
   * fields are the day and time the sheet shows, in the spreadsheet's time zone. The grid ends
   * at the data unless `size` gives it more room, as an imported tab does.
   */
  load(values: readonly (readonly unknown[])[], size: GridSize = {}) {
    values.forEach((row, i) => {
      row.forEach((value, j) => {
        if (value === '' || value === null || value === undefined) return;
        const cell = this.cell(i + 1, j + 1, true);
        cell.value = value instanceof Date ? wallClock(value, this.spreadsheet.timeZone) : (value as Value);
      });
    });
    const width = values.reduce((widest, row) => Math.max(widest, row.length), 0);
    this.maxRows = Math.max(1, size.rows ?? values.length);
    this.maxColumns = Math.max(1, size.columns ?? width);
    return this;
  }
  /** Plain values for assertions (Dates as Dates of this realm). */
  dump(): Value[][] {
    return this.grid.map((row) => row.map((cell) => cell.value));
  }
  private hasContent(cell: CellData | undefined) {
    return cell !== undefined && (cell.value !== '' || cell.formula !== '');
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.change('setName');
    this.name = name;
    return this;
  }
  getParent() {
    return this.spreadsheet;
  }
  getLastRow() {
    this.count('getLastRow');
    for (let r = this.grid.length; r > 0; r--) if (this.grid[r - 1]!.some((cell) => this.hasContent(cell))) return r;
    return 0;
  }
  getLastColumn() {
    this.count('getLastColumn');
    let last = 0;
    for (const row of this.grid) for (let c = row.length; c > last; c--) if (this.hasContent(row[c - 1])) last = c;
    return last;
  }
  getMaxRows() {
    this.count('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns() {
    this.count('getMaxColumns');
    return this.maxColumns;
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** Sheet.getRange in its four forms, A1 included; a range outside the grid throws. */
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1) {
    this.count('getRange');
    if (typeof rowOrA1 === 'string') {
      const area = parseA1(rowOrA1, this.maxRows);
      if (!area) throw new Error(`Range not found`);
      return this.within(area.row, area.column, area.rows, area.columns);
    }
    for (const n of [rowOrA1, column, rows, columns]) {
      if (typeof n !== 'number' || !Number.isInteger(n))
        throw new Error(
          `Exception: The parameters (${[rowOrA1, column, rows, columns].map((x) => typeof x).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
        );
    }
    if (rows < 1 || columns < 1)
      throw new Error(
        rows < 1 ? 'The number of rows in the range must be at least 1.' : 'The number of columns in the range must be at least 1.',
      );
    return this.within(rowOrA1, column!, rows, columns);
  }
  private within(row: number, column: number, rows: number, columns: number) {
    if (row < 1 || column < 1 || row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) throw new Error(OUTSIDE_GRID);
    return new FakeRange(this, row, column, rows, columns);
  }
  getConditionalFormatRules() {
    this.count('getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: FakeRule[]) {
    this.change('setConditionalFormatRules');
    this.rules = [...rules];
  }
  /** Rows or columns inserted or deleted: cells move, and every formula's references with them. */
  private reshape(change: Omit<GridChange, 'sheet'>) {
    this.spreadsheet.moveReferences({ ...change, sheet: this.name });
  }
  /**
   * Inserts `count` blank rows so that the first of them is row `at` (1 to maxRows + 1). They
   * take the dropdowns and number formats of the row they were inserted beside, as Sheets gives
   * inserted rows their neighbour's properties (Sheets API, InsertDimensionRequest
   * "inheritFromBefore"; Apps Script's pages are silent, so the stricter reading).
   */
  private insertRowsAt(method: string, at: number, count: number, from: number) {
    this.change(method);
    if (at < 1 || at > this.maxRows + 1 || count < 1) throw new Error(OUTSIDE_GRID);
    const model = this.grid[from - 1] ?? [];
    const inherited = () => {
      const cells = model.map(inheritedCell);
      while (cells.length > 0 && !cells.at(-1)!.validation && !cells.at(-1)!.format) cells.pop();
      return cells;
    };
    while (this.grid.length < at - 1) this.grid.push([]);
    this.grid.splice(at - 1, 0, ...Array.from({ length: count }, inherited));
    this.maxRows += count;
    this.reshape({ axis: 'row', at, count });
    return this;
  }
  /** Inserts `count` blank columns so that the first of them is column `at`, inheriting as rows do. */
  private insertColumnsAt(method: string, at: number, count: number, from: number) {
    this.change(method);
    if (at < 1 || at > this.maxColumns + 1 || count < 1) throw new Error(OUTSIDE_GRID);
    for (const row of this.grid) {
      const model = row[from - 1];
      while (row.length < at - 1) row.push(blankCell());
      row.splice(at - 1, 0, ...Array.from({ length: count }, () => (model ? inheritedCell(model) : blankCell())));
    }
    this.maxColumns += count;
    this.reshape({ axis: 'column', at, count });
    return this;
  }
  insertRowsAfter(after: number, count: number) {
    if (after < 1) throw new Error(OUTSIDE_GRID);
    return this.insertRowsAt('insertRowsAfter', after + 1, count, after);
  }
  insertRowAfter(after: number) {
    return this.insertRowsAfter(after, 1);
  }
  insertRowsBefore(before: number, count: number) {
    if (before > this.maxRows) throw new Error(OUTSIDE_GRID);
    return this.insertRowsAt('insertRowsBefore', before, count, before);
  }
  insertColumnsAfter(after: number, count: number) {
    if (after < 1) throw new Error(OUTSIDE_GRID);
    return this.insertColumnsAt('insertColumnsAfter', after + 1, count, after);
  }
  insertColumnAfter(after: number) {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumnsBefore(before: number, count: number) {
    if (before > this.maxColumns) throw new Error(OUTSIDE_GRID);
    return this.insertColumnsAt('insertColumnsBefore', before, count, before);
  }
  /** A person inserts a row above `before` and types these values into it (no trigger fires: DESIGN §8). */
  insertRowOf(before: number, values: readonly Value[]) {
    this.insertRowsBefore(before, 1);
    values.forEach((value, c) => {
      if (c + 1 > this.maxColumns) this.insertColumnsAfter(this.maxColumns, c + 1 - this.maxColumns);
      this.put(before, c + 1, { value, formula: '' });
    });
    return this;
  }
  deleteRows(row: number, count: number) {
    this.change('deleteRows');
    if (row < 1 || row + count - 1 > this.maxRows) throw new Error(OUTSIDE_GRID);
    // "You can't delete all the rows on the sheet." (Sheet.deleteRows refuses to leave none.)
    if (count >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.grid.splice(row - 1, count);
    this.maxRows -= count;
    this.reshape({ axis: 'row', at: row, count: -count });
    return this;
  }
  deleteRow(row: number) {
    this.count('deleteRow');
    return this.deleteRows(row, 1);
  }
  deleteColumns(column: number, count: number) {
    this.change('deleteColumns');
    if (column < 1 || column + count - 1 > this.maxColumns) throw new Error(OUTSIDE_GRID);
    if (count >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    for (const row of this.grid) row.splice(column - 1, count);
    this.maxColumns -= count;
    this.reshape({ axis: 'column', at: column, count: -count });
    return this;
  }
  deleteColumn(column: number) {
    return this.deleteColumns(column, 1);
  }
  setFrozenRows(rows: number) {
    this.change('setFrozenRows');
    this.frozenRows = rows;
  }
  createTextFinder(text: string) {
    return new FakeTextFinder([this], text, this.spreadsheet.log);
  }
}

/**
 * TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder): case-insensitive
 * by default; matchFormulaText(true) searches a formula cell's formula instead of its value;
 * useRegularExpression(true) reads the text as a regular expression.
 */
export class FakeTextFinder {
  private inFormulas = false;
  private regex = false;
  private caseSensitive = false;
  private entire = false;
  constructor(
    private readonly sheets: readonly FakeSheet[],
    private readonly text: string,
    private readonly log: CallLog,
  ) {}
  matchFormulaText(on: boolean) {
    this.inFormulas = on;
    return this;
  }
  useRegularExpression(on: boolean) {
    this.regex = on;
    return this;
  }
  matchCase(on: boolean) {
    this.caseSensitive = on;
    return this;
  }
  matchEntireCell(on: boolean) {
    this.entire = on;
    return this;
  }
  findAll() {
    this.log.count('TextFinder.findAll');
    const source = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(this.entire ? `^(?:${source})$` : source, this.caseSensitive ? '' : 'i');
    const found: FakeRange[] = [];
    for (const sheet of this.sheets) {
      sheet.grid.forEach((row, i) => {
        row.forEach((cell, j) => {
          const haystack = this.inFormulas && cell.formula ? cell.formula : shown(cell.value);
          if (haystack !== '' && pattern.test(haystack)) found.push(new FakeRange(sheet, i + 1, j + 1, 1, 1));
        });
      });
    }
    return found;
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly log = new CallLog();
  readonly toasts: string[] = [];
  readonly formulaWrites: { sheet: string; a1: string; formula: string }[] = [];
  active: FakeSheet | null = null;
  /** The cell of the custom function being computed, when one is (its active range). */
  computing: FakeRange | null = null;
  /** How custom functions are run; the harness sets it to call the script. */
  evaluator: Evaluator | null = null;
  /** True while Sheets recomputes formulas (a custom function's own execution does not start another). */
  recalculating = false;
  /** Set by the harness while a custom function runs: every change is refused. */
  inCustomFunction = false;
  /** Formula cells' last arguments, to recompute a custom function only when they change. */
  readonly lastArguments = new WeakMap<CellData, string>();

  constructor(
    readonly realm: Realm,
    readonly timeZone = 'Europe/Paris',
  ) {}

  /** Custom functions get read-only access: "You do not have permission to call …" for every change. */
  mutating(method: string) {
    if (this.inCustomFunction) throw new Error(`You do not have permission to call ${method}`);
  }
  addSheet(name: string, values: readonly (readonly unknown[])[] = [], size: GridSize = {}): FakeSheet {
    const sheet = new FakeSheet(this, name).load(values, size);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
  getSheets() {
    this.log.count('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    this.log.count('Spreadsheet.getSheetByName');
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  /** Spreadsheet.insertSheet in its forms: (), (index), (name), (name, index), with options ignored. */
  insertSheet(nameOrIndex?: string | number | object, indexOrOptions?: number | object, _options?: object) {
    this.log.count('Spreadsheet.insertSheet');
    this.mutating('insertSheet');
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : '';
    const index = typeof nameOrIndex === 'number' ? nameOrIndex : typeof indexOrOptions === 'number' ? indexOrOptions : undefined;
    for (let n = this.sheets.length + 1; name === ''; n++) if (!this.sheets.some((sheet) => sheet.name === `Sheet${n}`)) name = `Sheet${n}`;
    if (this.sheets.some((sheet) => sheet.name === name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    this.log.count('Spreadsheet.deleteSheet');
    this.mutating('deleteSheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.active === sheet) this.active = this.sheets[0] ?? null;
  }
  getActiveSheet() {
    return this.active ?? this.sheets[0]!;
  }
  /** The selection: set by tests with `select`. */
  selected: FakeRange | null = null;
  select(sheet: string, a1: string) {
    this.selected = this.getSheetByName(sheet)!.getRange(a1);
    return this.selected;
  }
  getActiveRange() {
    return this.computing ?? this.selected;
  }
  setActiveSheet(sheet: FakeSheet, _restoreSelection?: boolean) {
    this.active = sheet;
    return sheet;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  toast(message: string, _title?: string, _timeoutSeconds?: number | null) {
    this.mutating('toast');
    this.toasts.push(message);
  }
  createTextFinder(text: string) {
    return new FakeTextFinder(this.sheets, text, this.log);
  }
  /** After rows or columns of a sheet moved: every formula that points there follows. */
  moveReferences(change: GridChange) {
    for (const sheet of this.sheets) {
      for (const row of sheet.grid) {
        for (const cell of row) if (cell.formula) cell.formula = shiftReferences(cell.formula, sheet.name, change);
      }
    }
  }
}
