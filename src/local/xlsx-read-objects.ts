/**
 * Reading an .xlsx file with exceljs, and exceljs's Worksheet and Cell objects as the
 * snapshot the core takes, as Sheets' getValues() would give it (formula cells as their
 * cached results, dates as dates, merged cells blank but for the first, errors as their
 * text). The local preview reads so, since it writes the workbook back; the audit reads only
 * values, from exceljs's parsed model (xlsx-read-values.ts). Every way a file can fail to be a
 * workbook becomes a WorkbookFileError with a one-line reason.
 */
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { lyingEntry, tooLarge, zipEntries } from './zip-directory';

export class WorkbookFileError extends Error {
  override readonly name = 'WorkbookFileError';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function firstBytes(path: string, count: number): Promise<number[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return [...buffer.subarray(0, bytesRead)];
  } finally {
    await handle.close();
  }
}

/** Checks what can be checked before exceljs sees the file, for messages that say what is wrong. */
export async function checkFile(path: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookFileError(`${path}: no such file`);
    if (code === 'EACCES') throw new WorkbookFileError(`${path}: permission denied`);
    throw new WorkbookFileError(`${path}: cannot be opened (${code ?? 'unknown error'})`);
  }
  if (info.isDirectory()) throw new WorkbookFileError(`${path}: is a directory, not a workbook file`);
  if (!info.isFile()) throw new WorkbookFileError(`${path}: is not a regular file`);
  if (info.size === 0) throw new WorkbookFileError(`${path}: is empty (0 bytes), not a workbook`);
  let head: number[];
  try {
    head = await firstBytes(path, 4);
  } catch (error) {
    throw new WorkbookFileError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (OLE_MAGIC.every((byte, i) => head[i] === byte)) {
    throw new WorkbookFileError(`${path}: is an old-style .xls file; in Excel or Sheets, save it as .xlsx`);
  }
  if (!ZIP_MAGIC.every((byte, i) => head[i] === byte)) {
    throw new WorkbookFileError(`${path}: is not an .xlsx workbook (in Sheets: File › Download › Microsoft Excel)`);
  }
  // Sizes first, from the zip's own directory: a file that would exhaust memory is refused unread.
  let entries: Awaited<ReturnType<typeof zipEntries>>;
  try {
    entries = await zipEntries(path);
  } catch (error) {
    throw new WorkbookFileError(`${path}: is damaged or not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const why = tooLarge(entries);
  if (why) throw new WorkbookFileError(`${path}: is too large to read: ${why}`);
  const liar = await lyingEntry(path, entries);
  if (liar)
    throw new WorkbookFileError(
      `${path}: is damaged or hostile: its part ${liar.name.slice(0, 80)} inflates past the size its zip directory declares`,
    );
}

/**
 * Worksheet parts that values never come from; only sheetData and mergeCells are read for
 * an audit. Skipping the rest is also what keeps dropdowns over whole columns from taking
 * seconds: exceljs expands a dropdown into one entry per cell, a million for D2:D1048576.
 */
const PARTS_VALUES_DO_NOT_NEED = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/**
 * Loads a workbook. `values` is enough for reading the plan; a workbook that will be saved
 * again (the local preview's) needs `everything`, or the save would drop its dropdowns,
 * colour rules and column widths.
 */
export async function loadWorkbook(path: string, parts: 'values' | 'everything'): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await readInto(workbook, path, parts);
  if (workbook.worksheets.length === 0) throw new WorkbookFileError(`${path}: has no sheets`);
  return workbook;
}

interface UnreconciledCell {
  type?: ExcelJS.ValueType;
  result?: unknown;
  text?: unknown;
}
interface UnreconciledWorkbook {
  worksheets?: ({ rows?: ({ cells?: (UnreconciledCell | undefined)[] } | undefined)[] } | undefined)[];
}

/**
 * exceljs makes a formula's cached result a date whenever the cell has a date format,
 * whatever the result is: "TBD" from =IF(…, "TBD", …) in a Due column becomes an invalid date,
 * FALSE becomes 30 Dec 1899. Sheets gives the text and the boolean. So results that are not
 * numbers are set aside before exceljs reconciles what it parsed, and put back after. The
 * reconcile step is exceljs's own, not its documented API: package.json pins its version.
 */
function keepResultsThatAreNotNumbers(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as { reconcile(model: UnreconciledWorkbook, options: unknown): void };
  const reconcile = xlsx.reconcile.bind(xlsx);
  xlsx.reconcile = (model, options) => {
    const kept: [UnreconciledCell, unknown][] = [];
    for (const sheet of model.worksheets ?? []) {
      for (const row of sheet?.rows ?? []) {
        for (const cell of row?.cells ?? []) {
          if (cell?.type === ExcelJS.ValueType.Formula && cell.result !== undefined && typeof cell.result !== 'number')
            kept.push([cell, cell.result]);
        }
      }
    }
    reconcile(model, options);
    // A formula with a hyperlink has its result moved to `text` by the reconcile.
    for (const [cell, result] of kept) cell[cell.type === ExcelJS.ValueType.Hyperlink ? 'text' : 'result'] = result;
  };
}

/** Checks the file, then has exceljs read it into `workbook`; its failures become one-line reasons. */
export async function readInto(workbook: ExcelJS.Workbook, path: string, parts: 'values' | 'everything'): Promise<void> {
  await checkFile(path);
  keepResultsThatAreNotNumbers(workbook);
  try {
    await workbook.xlsx.readFile(path, { ignoreNodes: parts === 'values' ? PARTS_VALUES_DO_NOT_NEED : [] });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WorkbookFileError(`${path}: is damaged or not an .xlsx workbook (${reason})`);
  }
}

/** One exceljs cell value as Sheets' getValues() would give it. */
export function sheetsValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return '';
  if ('error' in value) return String(value.error);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : sheetsValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return sheetsValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('text' in value) return String((value as { text: unknown }).text);
  return '';
}

/**
 * One exceljs cell as Sheets' getValues() gives it. A formula is its cached result, read
 * from `cell.result`: exceljs's `cell.value` leaves out a result of 0 or FALSE. Sheets
 * gives a merged range's value only in its first cell.
 */
export function sheetsCell(cell: ExcelJS.Cell): Cell {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as ExcelJS.CellValue | undefined;
    return result === undefined ? '' : sheetsValue(result);
  }
  return sheetsValue(cell.value);
}

export function worksheetToSnapshot(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const values: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = sheetsCell(cell);
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
    values[rowNumber - 1] = cells;
  });
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  return { name: worksheet.name, values };
}

export function workbookToSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map(worksheetToSnapshot) };
}
