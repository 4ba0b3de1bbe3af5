/**
 * Recalculation of custom functions in the fake, as the Custom functions guide describes it
 * (developers.google.com/apps-script/guides/sheets/functions): a formula `=NAME(args)` calls the
 * script's function of that name with each argument's value (a cell's value, or a 2-D array for
 * a range; "Optimization"/"Arguments"); it is computed again only when an argument's value changes
 * ("custom functions … only recalculate when their arguments change"); a 2-D array result fills
 * the cells below and right of the formula, and is #REF! if that would overwrite data or run off
 * the grid. A name the script does not have is #NAME?. Formulas of Sheets' own functions are
 * not computed: they keep the value they were loaded with.
 */
import { callOf, parseA1 } from './references';
import type { CellData, FakeSheet, FakeSpreadsheet } from './sheets';
import { FakeRange } from './sheets';
import type { Value } from './typing';

class Unsupported extends Error {}

function targetSheet(spreadsheet: FakeSpreadsheet, sheet: FakeSheet, name: string | undefined): FakeSheet {
  if (name === undefined) return sheet;
  const found = spreadsheet.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Unsupported(`no sheet ${name}`);
  return found;
}

/** An argument's value as the custom function receives it. */
function argumentValue(spreadsheet: FakeSpreadsheet, sheet: FakeSheet, text: string): unknown {
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return quoted[1]!.replace(/""/g, '"');
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  const ref = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(.+)$/.exec(text)!;
  const target = targetSheet(spreadsheet, sheet, ref[1]?.replace(/''/g, "'") ?? ref[2]);
  const area = parseA1(ref[3]!, target.maxRows);
  if (!area) throw new Unsupported(`not a value the fake computes: ${text}`);
  const read = (r: number, c: number) => target.realmValue(target.cell(r, c).value);
  if (area.rows === 1 && area.columns === 1) return read(area.row, area.column);
  return Array.from({ length: area.rows }, (_, i) => Array.from({ length: area.columns }, (_, j) => read(area.row + i, area.column + j)));
}

function fingerprint(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && typeof (value as Date).getTime === 'function' && !Array.isArray(value)
      ? `D${(value as Date).getTime()}`
      : value,
  );
}

/** A custom function's return as rows of cell values. */
function asRows(result: unknown): Value[][] {
  const cell = (value: unknown): Value => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && typeof (value as Date).getTime === 'function') return new Date((value as Date).getTime());
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return '#ERROR!';
  };
  if (!Array.isArray(result)) return [[cell(result)]];
  if (result.length === 0) return [['#ERROR!']];
  return result.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : [cell(row)]));
}

/** Writes a result into the formula's cell and the cells it spills into, or #REF! if blocked. */
function spill(sheet: FakeSheet, row: number, column: number, anchor: CellData, rows: Value[][]) {
  for (const cell of anchor.spilled ?? []) {
    if (cell.spilledFrom !== anchor) continue;
    cell.value = '';
    delete cell.spilledFrom;
  }
  anchor.spilled = [];
  const height = rows.length;
  const width = rows.reduce((widest, line) => Math.max(widest, line.length), 0);
  if (row + height - 1 > sheet.maxRows || column + width - 1 > sheet.maxColumns) {
    anchor.value = '#REF!';
    return;
  }
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (i === 0 && j === 0) continue;
      const target = sheet.grid[row - 1 + i]?.[column - 1 + j];
      if (target && (target.value !== '' || target.formula !== '') && target.spilledFrom !== anchor) {
        anchor.value = '#REF!';
        return;
      }
    }
  }
  anchor.value = rows[0]![0] ?? '';
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (i === 0 && j === 0) continue;
      const target = sheet.cell(row + i, column + j, true);
      target.value = rows[i]![j] ?? '';
      target.spilledFrom = anchor;
      anchor.spilled.push(target);
    }
  }
}

/** Computes every custom function whose arguments changed since it was last computed. */
export function recalculate(spreadsheet: FakeSpreadsheet): number {
  const evaluator = spreadsheet.evaluator;
  if (!evaluator || spreadsheet.recalculating) return 0;
  spreadsheet.recalculating = true;
  try {
    return recalculateSheets(spreadsheet, evaluator);
  } finally {
    spreadsheet.recalculating = false;
  }
}

function recalculateSheets(spreadsheet: FakeSpreadsheet, evaluator: NonNullable<FakeSpreadsheet['evaluator']>): number {
  let computed = 0;
  for (const sheet of [...spreadsheet.sheets]) {
    const formulas: { row: number; column: number; cell: CellData }[] = [];
    sheet.grid.forEach((line, i) => {
      line.forEach((cell, j) => {
        if (cell.formula) formulas.push({ row: i + 1, column: j + 1, cell });
      });
    });
    for (const { row, column, cell } of formulas) {
      const call = callOf(cell.formula);
      if (!call) continue;
      let args: unknown[];
      try {
        args = call.args.map((text) => argumentValue(spreadsheet, sheet, text));
      } catch {
        cell.value = '#ERROR!';
        continue;
      }
      const key = fingerprint(args);
      if (spreadsheet.lastArguments.get(cell) === key && cell.result) {
        spill(sheet, row, column, cell, cell.result);
        continue;
      }
      const { found, result } = evaluator(call.name, args, new FakeRange(sheet, row, column, 1, 1));
      cell.result = found ? asRows(result) : [['#NAME?']];
      spreadsheet.lastArguments.set(cell, key);
      spill(sheet, row, column, cell, cell.result);
      computed++;
    }
  }
  return computed;
}
