/**
 * The workbook port over an .xlsx file, for the local preview. The whole workbook is held by
 * exceljs, so formulas, formatting and other tabs survive a write; a change is saved through
 * file-guard.ts (flushed, renamed over the real file, its permissions kept), after keeping a
 * backup of the file as it was before the preview first changed it. The port remembers the
 * file it read: if someone else saved it since, a save is refused and the file read again.
 * Ladder's settings live beside the file, in FILE.ladder.json (settings-file.ts), read and
 * parsed with the file and written with the next save. exceljs cannot write back charts or
 * pivot tables, so a workbook holding any opens read-only: nothing is lost. So does one
 * with dropdowns over huge ranges, which exceljs would take minutes to save.
 */

import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { type CellRule, dropdownRefusal } from '../api/dropdown';
import { isDay, Refusal, ROW_CHANGED, type RowGuard, type WorkbookPort, type Writable } from '../api/port';
import { parseSettings, type SettingsResult } from '../core/settings';
import type { WorkbookSnapshot } from '../core/snapshot';
import { cellText, normalizeKey } from '../core/text';
import { type FileIdentity, identityOf, keepBackup, realFile, saveAtomically, unchanged } from './file-guard';
import { localDay } from './local-day';
import { readSettingsFile, writeSettingsFile } from './settings-file';
import { type Dropdowns, dropdownsIn } from './xlsx-dropdowns';
import { checkFile, loadWorkbook, sheetsCell, WorkbookFileError, workbookToSnapshot } from './xlsx-read-objects';
import { removalRefusal, whatRemovalBreaks } from './xlsx-row-removal';
import { unkeptIn } from './xlsx-unkept';
import { verifySave } from './xlsx-verify';
import { openZip } from './zip-parts';

export interface XlsxPort extends WorkbookPort {
  readonly path: string;
  /** Every tab's values: the file is held whole, so the settings change nothing of what is read. */
  read(): WorkbookSnapshot;
  /** Why the file opened read-only (it holds parts exceljs would drop), or null. */
  readonly readOnly: string | null;
  /** Whether something was written since the last save. */
  readonly dirty: boolean;
  /** Saves pending changes atomically; keeps a backup of the original the first time. Refuses (ChangedOnDisk) if someone else saved the file since it was read. */
  save(): Promise<void>;
  /** Whether the file on disk is no longer the one read (someone saved it in another program). */
  changedOnDisk(): Promise<boolean>;
  /** Reads the file again from disk, dropping anything not saved. */
  reload(): Promise<void>;
}

/** The file was saved by someone else since the preview read it: nothing was written over it. */
export class ChangedOnDisk extends Error {}

export const CHANGED_ON_DISK =
  'The workbook changed on disk since the preview read it (saved in another program?). Nothing was written over it; the preview has read it again: check the row and try again.';

/** The last row of a worksheet with any value in it. */
function lastFilledRow(worksheet: ExcelJS.Worksheet): number {
  for (let r = worksheet.rowCount; r > 0; r--) {
    const row = worksheet.getRow(r);
    if (row.values && (row.values as unknown[]).some((value) => value !== null && value !== undefined && value !== '')) return r;
  }
  return 0;
}

/**
 * Dropdowns covering more cells than this make the preview read-only. exceljs holds them
 * cell by cell, and the preview saves after every change: measured, 100,000 such cells
 * add 0.1 s to opening and 0.4 s to each save; a whole column (a million) 0.9 s and 3.3 s.
 */
export const DROPDOWN_CELLS_LIMIT = 100_000;

/** Merged cells beyond this many in one merge make the preview refuse the file: exceljs makes an object for each. */
export const MERGE_CELLS_LIMIT = 1_000_000;

/** Why the preview cannot save this file, or null when it can. */
async function whyReadOnly(zip: JSZip | null, dropdowns: Dropdowns | null): Promise<string | null> {
  const unkept = zip ? await unkeptIn(zip).catch(() => [] as string[]) : [];
  if (unkept.length > 0) {
    return `This workbook has ${unkept.join(' and ')}, which the local preview cannot keep when it saves, so it opened read-only. Use Ladder in Sheets, or a copy without them.`;
  }
  if (dropdowns && dropdowns.cells > DROPDOWN_CELLS_LIMIT) {
    return `This workbook's dropdowns cover ${dropdowns.cells.toLocaleString('en')} cells (${dropdowns.widest} is one), more than the local preview can save quickly, so it opened read-only. Limit them to the rows in use, or use Ladder in Sheets.`;
  }
  return null;
}

/** What a port holds of the file it read, and what it did since. */
interface HeldFile {
  readonly path: string;
  /** The real file behind `path`, through any symbolic link. */
  readonly file: string;
  readOnly: string | null;
  workbook: ExcelJS.Workbook;
  /** The file as read (or last saved), to tell whether someone else saved it since. */
  identity: FileIdentity | null;
  settings: SettingsResult;
  snapshot: WorkbookSnapshot | null;
  dirty: boolean;
  backedUp: boolean;
  pendingSettings: boolean;
  locked: boolean;
  /** Rows this port appended since the file was read ("Sheet!row"). */
  readonly appended: Set<string>;
}

/** Reads the file (and its settings) from disk, as it is now. */
async function readFromDisk(held: HeldFile): Promise<void> {
  const { path, file } = held;
  const before = await identityOf(file);
  // One look inside the zip for both checks. A file that is not a zip fails here and is reported by loadWorkbook, which says why.
  const zip = await openZip(file).catch(() => null);
  const scan = zip ? await dropdownsIn(zip).catch(() => null) : null;
  if (scan && scan.widestMergeCells > MERGE_CELLS_LIMIT) {
    throw new WorkbookFileError(
      `${path}: has a merged cell over ${scan.widestMergeCells.toLocaleString('en')} cells (${scan.widestMerge}), more than the preview can hold; \`ladder audit\` reads it, or use Ladder in Sheets`,
    );
  }
  const why = await whyReadOnly(zip, scan);
  // A read-only preview saves nothing, so it needs only the values.
  const read = await loadWorkbook(file, why ? 'values' : 'everything');
  // Changed while it was being read: read it once more, so what is held is what the identity says.
  if (!(await unchanged(file, before))) return readFromDisk(held);
  [held.readOnly, held.workbook, held.identity] = [why, read, before];
  held.settings = await readSettingsFile(path);
  held.snapshot = null;
  held.dirty = false;
  held.pendingSettings = false;
  held.appended.clear();
}

function writable(held: HeldFile): void {
  if (held.readOnly) throw new Refusal(held.readOnly);
}

function worksheetOf(held: HeldFile, name: string): ExcelJS.Worksheet {
  const found = held.workbook.getWorksheet(name);
  if (!found) throw new Refusal(`The tab "${name}" is gone; refresh.`);
  return found;
}

function changed(held: HeldFile): void {
  held.dirty = true;
  held.snapshot = null;
}

function readCell(held: HeldFile, sheet: string, row: number, column: number): string {
  return cellText(sheetsCell(worksheetOf(held, sheet).getCell(row, column)));
}

function checkGuard(held: HeldFile, sheet: string, row: number, guard: RowGuard | undefined): void {
  if (guard && normalizeKey(readCell(held, sheet, row, guard.column)) !== normalizeKey(guard.key)) throw new Refusal(ROW_CHANGED);
}

function checkWrite(held: HeldFile, sheet: string, row: number | null, column: number, value: Writable): void {
  const target = worksheetOf(held, sheet);
  const at = row ?? lastFilledRow(target) + 1;
  // exceljs writes a merged cell's value into the merge's first cell, which may be another row's.
  const cell = target.getCell(at, column);
  if (cell.isMerged && cell.master.address !== cell.address) {
    throw new Refusal(
      `Cell ${cell.address} on "${sheet}" is part of a merged cell that starts at ${cell.master.address}; writing it would change that cell instead. Unmerge it first (in your spreadsheet program), then try again.`,
    );
  }
  const why = dropdownRefusal(
    `Cell ${target.getCell(at, column).address} on "${sheet}"`,
    ruleOf(held.workbook, target.getCell(at, column)),
    value,
  );
  if (why) throw new Refusal(why);
}

function checkDelete(held: HeldFile, sheet: string, row: number): void {
  const target = worksheetOf(held, sheet);
  // A row this preview itself just appended (a receipt taken back) is nobody else's to refer to.
  if (held.appended.has(`${sheet}!${row}`) && row >= lastFilledRow(target)) return;
  const broken = whatRemovalBreaks(held.workbook, target, row);
  if (broken.length > 0) throw new Refusal(removalRefusal(sheet, row, broken));
}

function writeCell(held: HeldFile, sheet: string, row: number, column: number, value: Writable, guard: RowGuard | undefined): void {
  writable(held);
  checkGuard(held, sheet, row, guard);
  checkWrite(held, sheet, row, column, value);
  put(worksheetOf(held, sheet).getCell(row, column), value);
  changed(held);
}

function appendRow(held: HeldFile, sheet: string, values: readonly Writable[]): number {
  writable(held);
  const target = worksheetOf(held, sheet);
  const row = lastFilledRow(target) + 1;
  values.forEach((value, c) => {
    checkWrite(held, sheet, row, c + 1, value);
  });
  values.forEach((value, c) => {
    if (value !== '') put(target.getCell(row, c + 1), value);
  });
  held.appended.add(`${sheet}!${row}`);
  changed(held);
  return row;
}

function addSheet(held: HeldFile, sheet: string, rows: readonly (readonly Writable[])[]): void {
  writable(held);
  const created = held.workbook.addWorksheet(sheet);
  for (const row of rows) created.addRow([...row]);
  created.getRow(1).font = { bold: true };
  changed(held);
}

function deleteRow(held: HeldFile, sheet: string, row: number, guard: RowGuard | undefined): void {
  writable(held);
  checkGuard(held, sheet, row, guard);
  checkDelete(held, sheet, row);
  worksheetOf(held, sheet).spliceRows(row, 1);
  changed(held);
}

function withLock<T>(held: HeldFile, work: () => T): T {
  if (held.locked) throw new Refusal('Ladder is busy with another change; try again in a moment.');
  held.locked = true;
  try {
    return work();
  } finally {
    held.locked = false;
  }
}

async function save(held: HeldFile): Promise<void> {
  const { file } = held;
  if (held.pendingSettings) {
    await writeSettingsFile(held.path, held.settings.settings);
    held.pendingSettings = false;
  }
  if (!held.dirty) return;
  // Someone saved the file since it was read: writing now would destroy their change.
  if (!(await unchanged(file, held.identity!, { bytes: true }))) {
    await readFromDisk(held);
    throw new ChangedOnDisk(CHANGED_ON_DISK);
  }
  if (!held.backedUp) {
    await keepBackup(file);
    held.backedUp = true;
  }
  const bytes = new Uint8Array(await held.workbook.xlsx.writeBuffer());
  const expected = workbookToSnapshot(held.workbook);
  let saved: FileIdentity | null = null;
  await saveAtomically(file, bytes, async (temporary) => {
    await verifySave(file, temporary, expected);
    // Last look before the rename: a save in another program during this one is not written over.
    if (!(await unchanged(file, held.identity!, { bytes: true }))) throw new ChangedOnDisk(CHANGED_ON_DISK);
    saved = await identityOf(temporary);
  }).catch(async (error: unknown) => {
    if (error instanceof ChangedOnDisk) await readFromDisk(held);
    throw error;
  });
  // The identity of the bytes written, taken before the rename (a rename keeps size, time and inode).
  held.identity = saved!;
  held.dirty = false;
}

export async function openXlsxPort(path: string): Promise<XlsxPort> {
  await checkFile(path);
  const held: HeldFile = {
    path,
    // Through any symbolic link: the real file is the one read and written, the link stays.
    file: await realFile(path),
    readOnly: null,
    workbook: new ExcelJS.Workbook(),
    identity: null,
    settings: parseSettings(null),
    snapshot: null,
    dirty: false,
    backedUp: false,
    pendingSettings: false,
    locked: false,
    appended: new Set<string>(),
  };
  await readFromDisk(held);
  return {
    path,
    get readOnly() {
      return held.readOnly;
    },
    checkWrite: (sheet, row, column, value) => checkWrite(held, sheet, row, column, value),
    get dirty() {
      return held.dirty || held.pendingSettings;
    },
    read() {
      held.snapshot ??= workbookToSnapshot(held.workbook);
      return held.snapshot;
    },
    tabNames() {
      held.snapshot ??= workbookToSnapshot(held.workbook);
      return held.snapshot.sheets.map((sheet) => sheet.name);
    },
    // The file is read whole once, so a peek at the top rows costs nothing more than the rest.
    readTab(name) {
      held.snapshot ??= workbookToSnapshot(held.workbook);
      return held.snapshot.sheets.find((sheet) => sheet.name === name) ?? null;
    },
    readCell: (sheet, row, column) => readCell(held, sheet, row, column),
    writeCell: (sheet, row, column, value, guard) => writeCell(held, sheet, row, column, value, guard),
    appendRow: (sheet, values) => appendRow(held, sheet, values),
    addSheet: (sheet, rows) => addSheet(held, sheet, rows),
    checkDelete: (sheet, row) => checkDelete(held, sheet, row),
    deleteRow: (sheet, row, guard) => deleteRow(held, sheet, row, guard),
    withLock: (work) => withLock(held, work),
    selection: () => null,
    readSettings: () => held.settings,
    saveSettings(next) {
      held.settings = { ok: true, settings: next };
      held.pendingSettings = true;
      held.snapshot = null;
    },
    today: () => localDay(),
    save: () => save(held),
    changedOnDisk: async () => !(await unchanged(held.file, held.identity!)),
    reload: () => readFromDisk(held),
  };
}

/**
 * A cell's list rule as Excel applies it: input outside the list is refused only when the rule
 * shows an error alert of the "stop" style (the default style); other rule kinds are unread (null).
 */
function ruleOf(workbook: ExcelJS.Workbook, cell: ExcelJS.Cell): CellRule | null {
  const rule = cell.dataValidation as ExcelJS.DataValidation | undefined;
  if (!rule?.showErrorMessage || (rule.errorStyle && rule.errorStyle !== 'stop')) return null;
  if (rule.type !== 'list') return { options: null };
  const formula = String(rule.formulae?.[0] ?? '');
  if (/^".*"$/.test(formula))
    return {
      options: formula
        .slice(1, -1)
        .split(',')
        .map((option) => option.trim()),
    };
  const range = /^(?:'?([^'!]+)'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(formula);
  const sheet = range?.[1] ? workbook.getWorksheet(range[1]) : cell.worksheet;
  if (!range || !sheet) return { options: null };
  const options: string[] = [];
  const [from, to] = [sheet.getCell(`${range[2]}${range[3]}`), sheet.getCell(`${range[4] ?? range[2]}${range[5] ?? range[3]}`)];
  for (let r = Number(from.row); r <= Number(to.row); r++) {
    for (let c = Number(from.col); c <= Number(to.col); c++) {
      const text = cellText(sheetsCell(sheet.getCell(r, c)));
      if (text !== '') options.push(text);
    }
  }
  return { options };
}

/** A value into a cell; a day as a date (midnight UTC, the day Excel shows) with a date format. */
function put(cell: ExcelJS.Cell, value: Writable): void {
  if (!isDay(value)) {
    cell.value = value;
    return;
  }
  const [year, month, day] = value.day.split('-').map(Number) as [number, number, number];
  cell.value = new Date(Date.UTC(year, month - 1, day));
  if (!cell.numFmt || cell.numFmt === 'General') cell.numFmt = 'yyyy-mm-dd';
}
