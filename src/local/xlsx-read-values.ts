/**
 * The audit's read of an .xlsx file: the values of every tab, as Sheets' getValues() would
 * give them. exceljs parses the file (shared strings, the number formats that make a number
 * a date, formulas' cached results); the values are then taken from the model it parsed,
 * before it turns that model into Worksheet, Row and Cell objects. The audit never uses those
 * objects, and on a 60,000-row plan building them is a fifth of exceljs's whole read.
 *
 * exceljs hands its parsed model to the workbook's `model` setter at the end of a read; this
 * module replaces that setter on the one workbook it reads into. The hand-off is not in
 * exceljs's documented API, so package.json pins exceljs's version, the shape is checked
 * here, and a test holds this read to the snapshot taken through exceljs's own objects
 * (xlsx-read-objects.ts, which the local preview uses because it writes the workbook back).
 */
import ExcelJS from 'exceljs';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { cellReference, rangeCorners } from './a1';
import { readInto, sheetsValue, WorkbookFileError } from './xlsx-read-objects';

/** The parts of exceljs's parsed model that values come from. */
interface ParsedCell {
  readonly address?: string;
  readonly type: ExcelJS.ValueType;
  readonly value?: ExcelJS.CellValue;
  readonly result?: ExcelJS.CellValue;
  readonly text?: ExcelJS.CellValue;
}
interface ParsedRow {
  readonly number: number;
  readonly cells: readonly ParsedCell[];
}
interface ParsedSheet {
  /** The tab's name and id, from workbook.xml; absent for a sheet file no tab refers to. */
  readonly name?: string;
  readonly id?: number;
  readonly rows: readonly ParsedRow[];
  /** The merged ranges ("B4:C4"); null when the sheet has none. */
  readonly mergeCells?: readonly string[] | null;
}
interface ParsedWorkbook {
  /** In the zip's order, which need not be the tabs' order. */
  readonly worksheets: readonly ParsedSheet[];
  /** The tabs in workbook.xml's order (the order Sheets shows them in). */
  readonly sheets?: readonly { readonly id?: number }[];
}
type Tab = ParsedSheet & { readonly name: string };

function isParsedWorkbook(model: unknown): model is ParsedWorkbook {
  const { worksheets, sheets } = (model ?? {}) as { worksheets?: unknown; sheets?: unknown };
  const isSheet = (sheet: Partial<ParsedSheet> | null) =>
    typeof sheet === 'object' &&
    sheet !== null &&
    Array.isArray(sheet.rows) &&
    (sheet.mergeCells == null || Array.isArray(sheet.mergeCells));
  return Array.isArray(worksheets) && worksheets.every(isSheet) && (sheets === undefined || Array.isArray(sheets));
}

/** Has exceljs parse the file, and keeps the model it would have built its objects from. */
async function parseWorkbook(path: string): Promise<ParsedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  let parsed: unknown;
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get: () => parsed,
    set: (model: unknown) => {
      parsed = model;
    },
  });
  await readInto(workbook, path, 'values');
  if (!isParsedWorkbook(parsed)) {
    throw new Error('exceljs did not hand over the workbook it parsed; reinstall the version package.json pins (npm ci)');
  }
  return parsed;
}

/** One parsed cell's value; exceljs's `type` says where it is (a formula's is its cached result). */
function sheetsValueOfParsed(cell: ParsedCell): Cell {
  if (cell.type === ExcelJS.ValueType.Formula) return sheetsValue(cell.result);
  if (cell.type === ExcelJS.ValueType.Hyperlink) return sheetsValue(cell.text);
  return sheetsValue(cell.value);
}

function rowValues(row: ParsedRow): Cell[] {
  const cells: Cell[] = [];
  let column = 0;
  for (const cell of row.cells) {
    // A cell without a reference is the one after the previous, as exceljs places it.
    column = (cell.address === undefined ? null : cellReference(cell.address))?.column ?? column + 1;
    // Styled blanks (Null) and bare <c/> elements (exceljs types them Merge) hold no value.
    if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) continue;
    cells[column - 1] = sheetsValueOfParsed(cell);
  }
  for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
  return cells;
}

/** Sheets gives a merged range's value only in its first cell; the others read blank. */
function blankMergedCells(values: Cell[][], ranges: readonly string[]): void {
  for (const range of ranges) {
    const corners = rangeCorners(range);
    if (!corners) continue;
    // Only cells the sheet holds: a merge over a whole column adds no rows.
    for (let r = corners.top; r <= Math.min(corners.bottom, values.length); r++) {
      const row = values[r - 1]!;
      for (let c = corners.left; c <= Math.min(corners.right, row.length); c++) {
        if (r !== corners.top || c !== corners.left) row[c - 1] = '';
      }
    }
  }
}

/** The sheets workbook.xml names, in its order, as exceljs's `worksheets` lists them. */
function tabsInOrder(parsed: ParsedWorkbook): Tab[] {
  const order = (parsed.sheets ?? []).map((sheet) => sheet.id);
  return parsed.worksheets
    .filter((sheet): sheet is Tab => typeof sheet.name === 'string')
    .map((sheet) => ({ sheet, at: order.indexOf(sheet.id) }))
    .sort((a, b) => a.at - b.at)
    .map(({ sheet }) => sheet);
}

function sheetSnapshot(sheet: Tab): SheetSnapshot {
  const values: Cell[][] = [];
  for (const row of sheet.rows) {
    if (!Number.isInteger(row.number) || row.number < 1) continue;
    const cells = rowValues(row);
    // A row of formatting alone (Sheets exports its blank rows so) does not lengthen the tab.
    if (cells.length > 0) values[row.number - 1] = cells;
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  blankMergedCells(values, sheet.mergeCells ?? []);
  return { name: sheet.name, values };
}

/** Reads every tab's values; a file that is not a readable workbook is a WorkbookFileError. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const tabs = tabsInOrder(await parseWorkbook(path));
  if (tabs.length === 0) throw new WorkbookFileError(`${path}: has no sheets`);
  return { sheets: tabs.map(sheetSnapshot) };
}
