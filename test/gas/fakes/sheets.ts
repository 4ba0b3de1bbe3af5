/**
 * An in-memory stand-in for SpreadsheetApp's spreadsheet, sheets and ranges, with the
 * behaviour Ladder depends on: values typed the way Sheets parses them (a leading `=` is a
 * formula, numbers, dates and booleans are parsed, a leading apostrophe keeps text), notes,
 * conditional format rules, text finders, and a count of every call.
 */

export type Value = string | number | boolean | Date;

interface CellData {
  value: Value;
  formula: string;
  note: string;
}

export interface Realm {
  /** Makes a Date in the script's own realm (the vm context), so `instanceof Date` holds there. */
  date(time: number): Date;
}

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
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  reset(): void {
    this.counts.clear();
  }
}

/** The instant at which the wall clock in `timeZone` shows the UTC fields of `fields`. */
export function wallClock(fields: Date, timeZone: string): Date {
  const shown = (instant: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(instant).map((part) => [part.type, part.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  };
  const target = fields.getTime();
  let instant = target;
  for (let i = 0; i < 2; i++) instant += target - shown(instant);
  return new Date(instant);
}

/** What Sheets makes of a string typed into a cell (dates at midnight, read here as UTC fields). */
export function parseTyped(text: string): { value: Value; formula: string } {
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=')) return { value: '', formula: text };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return { value: Number(text), formula: '' };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === 'true', formula: '' };
  const day = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim()) ?? null;
  if (day) return { value: new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3] ?? 1))), formula: '' };
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(text.trim());
  if (slash) return { value: new Date(Date.UTC(Number(slash[3] ?? 2026), Number(slash[1]) - 1, Number(slash[2]))), formula: '' };
  return { value: text, formula: '' };
}

export class FakeRule {
  constructor(readonly formula: string, readonly background: string, readonly ranges: FakeRange[]) {}
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

function a1Column(letters: string): number {
  let n = 0;
  for (const char of letters) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export class FakeRange {
  constructor(readonly sheet: FakeSheet, readonly row: number, readonly column: number, readonly rows: number, readonly columns: number) {}

  private log(name: string) {
    this.sheet.spreadsheet.log.count(`Range.${name}`);
  }
  private each<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.columns }, (_, j) => fn(this.row + i, this.column + j)));
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
  getNumRows() {
    return this.rows;
  }
  getA1Notation() {
    const start = `${columnLetters(this.column)}${this.row}`;
    return this.rows === 1 && this.columns === 1 ? start : `${start}:${columnLetters(this.column + this.columns - 1)}${this.row + this.rows - 1}`;
  }
  getValues(): Value[][] {
    this.log('getValues');
    return this.each((r, c) => this.sheet.realmValue(this.sheet.cell(r, c).value));
  }
  getValue(): Value {
    this.log('getValue');
    return this.sheet.realmValue(this.sheet.cell(this.row, this.column).value);
  }
  setValues(values: unknown[][]) {
    this.log('setValues');
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${values.length}×${values[0]?.length} for ${this.rows}×${this.columns})`);
    }
    values.forEach((row, i) => row.forEach((value, j) => this.sheet.type(this.row + i, this.column + j, value)));
    return this;
  }
  setValue(value: unknown) {
    this.log('setValue');
    this.sheet.type(this.row, this.column, value);
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
    this.log('setFormula');
    const cell = this.sheet.cell(this.row, this.column, true);
    cell.formula = formula;
    cell.value = '';
    this.sheet.spreadsheet.formulaWrites.push({ sheet: this.sheet.name, a1: this.getA1Notation(), formula });
    return this;
  }
  getNotes() {
    this.log('getNotes');
    return this.each((r, c) => this.sheet.cell(r, c).note);
  }
  setNotes(notes: string[][]) {
    this.log('setNotes');
    notes.forEach((row, i) => row.forEach((note, j) => {
      this.sheet.cell(this.row + i, this.column + j, true).note = note;
    }));
    return this;
  }
  setFontWeight(_weight: string) {
    this.log('setFontWeight');
    return this;
  }
}

export class FakeSheet {
  readonly grid: CellData[][] = [];
  rules: FakeRule[] = [];
  frozenRows = 0;
  maxRows = 1000;

  constructor(readonly spreadsheet: FakeSpreadsheet, public name: string) {}

  cell(row: number, column: number, create = false): CellData {
    const existing = this.grid[row - 1]?.[column - 1];
    if (existing) return existing;
    const blank = { value: '' as Value, formula: '', note: '' };
    if (!create) return blank;
    while (this.grid.length < row) this.grid.push([]);
    const line = this.grid[row - 1]!;
    while (line.length < column) line.push({ value: '', formula: '', note: '' });
    return line[column - 1]!;
  }
  type(row: number, column: number, value: unknown) {
    const cell = this.cell(row, column, true);
    if (value instanceof Date || (typeof value === 'object' && value !== null && typeof (value as Date).getTime === 'function')) {
      cell.value = new Date((value as Date).getTime());
      cell.formula = '';
    } else if (typeof value === 'string') {
      const parsed = parseTyped(value);
      cell.value = parsed.value instanceof Date ? wallClock(parsed.value, this.spreadsheet.timeZone) : parsed.value;
      cell.formula = parsed.formula;
    } else {
      cell.value = value === null || value === undefined ? '' : (value as Value);
      cell.formula = '';
    }
    this.maxRows = Math.max(this.maxRows, row);
  }
  realmValue(value: Value): Value {
    return value instanceof Date ? this.spreadsheet.realm.date(value.getTime()) : value;
  }
  /**
   * Loads rows as a PM would have them: strings are values, not typed input, and a Date's
   * UTC fields are the day and time the sheet shows, in the spreadsheet's time zone.
   */
  load(values: readonly (readonly unknown[])[]) {
    values.forEach((row, i) => row.forEach((value, j) => {
      if (value === '' || value === null || value === undefined) return;
      const cell = this.cell(i + 1, j + 1, true);
      cell.value = value instanceof Date ? wallClock(value, this.spreadsheet.timeZone) : (value as Value);
    }));
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
    this.name = name;
    return this;
  }
  getParent() {
    return this.spreadsheet;
  }
  getLastRow() {
    this.spreadsheet.log.count('Sheet.getLastRow');
    for (let r = this.grid.length; r > 0; r--) if (this.grid[r - 1]!.some((cell) => this.hasContent(cell))) return r;
    return 0;
  }
  getLastColumn() {
    this.spreadsheet.log.count('Sheet.getLastColumn');
    let last = 0;
    for (const row of this.grid) for (let c = row.length; c > last; c--) if (this.hasContent(row[c - 1])) last = c;
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1) {
    if (typeof rowOrA1 === 'string') {
      const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(rowOrA1);
      if (!match) throw new Error(`Range not found: ${rowOrA1}`);
      const [c1, r1] = [a1Column(match[1]!), Number(match[2])];
      const [c2, r2] = match[3] ? [a1Column(match[3]), Number(match[4])] : [c1, r1];
      return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
    }
    if (!(rowOrA1 >= 1) || !(column! >= 1) || !(rows >= 1) || !(columns >= 1)) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, rowOrA1, column!, rows, columns);
  }
  getConditionalFormatRules() {
    this.spreadsheet.log.count('Sheet.getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: FakeRule[]) {
    this.spreadsheet.log.count('Sheet.setConditionalFormatRules');
    this.rules = [...rules];
  }
  deleteRow(row: number) {
    this.spreadsheet.log.count('Sheet.deleteRow');
    this.grid.splice(row - 1, 1);
    return this;
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  createTextFinder(text: string) {
    let inFormulas = false;
    const finder = {
      matchFormulaText: (on: boolean) => {
        inFormulas = on;
        return finder;
      },
      findAll: () => {
        const found: FakeRange[] = [];
        this.grid.forEach((row, i) => row.forEach((cell, j) => {
          const haystack = inFormulas && cell.formula ? cell.formula : String(cell.value);
          if (haystack.toLowerCase().includes(text.toLowerCase())) found.push(new FakeRange(this, i + 1, j + 1, 1, 1));
        }));
        return found;
      },
    };
    return finder;
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly log = new CallLog();
  readonly toasts: string[] = [];
  readonly formulaWrites: { sheet: string; a1: string; formula: string }[] = [];
  active: FakeSheet | null = null;

  constructor(readonly realm: Realm, readonly timeZone = 'Europe/Paris') {}

  addSheet(name: string, values: readonly (readonly unknown[])[] = []): FakeSheet {
    const sheet = new FakeSheet(this, name).load(values);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
  getSheets() {
    this.log.count('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
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
    return this.selected;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = sheet;
    return sheet;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  toast(message: string) {
    this.toasts.push(message);
  }
}
