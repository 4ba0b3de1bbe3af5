/**
 * How many cells a workbook's dropdowns cover, read from the sheets' XML without exceljs.
 * exceljs keeps a dropdown as one entry per cell it covers, so a dropdown over a whole
 * column is a million entries: about a second to read and three to save. The local
 * preview asks this before it opens a workbook for writing.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { rangeCorners } from './a1';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const DROPDOWN_OPEN = Buffer.from('<dataValidation');
/** After `<dataValidation`, the whitespace before its attributes (not the `s` of `<dataValidations`). */
const SPACES = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** XML allows either quote around an attribute's value. */
const SQREF = /\bsqref=(["'])(.*?)\1/;
const MERGE_OPEN = Buffer.from('<mergeCell');
const REF = /\bref=(["'])(.*?)\1/;

/** Cells in one A1 range as a sqref writes it ("D2:D1048576", "B7"); 0 when it is not one. */
export function rangeCells(range: string): number {
  const corners = rangeCorners(range);
  return corners ? (corners.right - corners.left + 1) * (corners.bottom - corners.top + 1) : 0;
}

export interface Dropdowns {
  /** Cells covered, summed over every dropdown of every sheet. */
  readonly cells: number;
  /** The range that covers the most cells, to name in a message; null when there are none. */
  readonly widest: string | null;
  /** The merged range that covers the most cells, and how many (exceljs makes an object per merged cell). */
  readonly widestMerge: string | null;
  readonly widestMergeCells: number;
}

/** Adds up the ranges of every `<dataValidation sqref="…">` of one sheet's XML. */
function scanSheet(xml: Buffer, into: { cells: number; widest: string | null; widestCells: number }): void {
  for (let at = xml.indexOf(DROPDOWN_OPEN); at !== -1; at = xml.indexOf(DROPDOWN_OPEN, at + 1)) {
    if (!SPACES.has(xml[at + DROPDOWN_OPEN.length]!)) continue;
    const close = xml.indexOf('>', at);
    const tag = xml.toString('utf8', at, close === -1 ? xml.length : close);
    for (const range of SQREF.exec(tag)?.[2]?.split(/\s+/) ?? []) {
      const cells = rangeCells(range);
      into.cells += cells;
      if (cells > into.widestCells) {
        into.widest = range;
        into.widestCells = cells;
      }
    }
  }
}

/** The widest `<mergeCell ref="…">` of one sheet's XML. */
function scanMerges(xml: Buffer, into: { widestMerge: string | null; widestMergeCells: number }): void {
  for (let at = xml.indexOf(MERGE_OPEN); at !== -1; at = xml.indexOf(MERGE_OPEN, at + 1)) {
    if (!SPACES.has(xml[at + MERGE_OPEN.length]!)) continue;
    const close = xml.indexOf('>', at);
    const range = REF.exec(xml.toString('utf8', at, close === -1 ? xml.length : close))?.[2] ?? '';
    const cells = rangeCells(range);
    if (cells > into.widestMergeCells) {
      into.widestMerge = range;
      into.widestMergeCells = cells;
    }
  }
}

/** The dropdowns of an .xlsx file that has already been checked to be a zip. */
export async function dropdownsOf(path: string): Promise<Dropdowns> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const found = { cells: 0, widest: null as string | null, widestCells: 0, widestMerge: null as string | null, widestMergeCells: 0 };
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !WORKSHEET.test(entry.name.replace(/^\//, ''))) continue;
    const xml = await entry.async('nodebuffer');
    scanSheet(xml, found);
    scanMerges(xml, found);
  }
  return { cells: found.cells, widest: found.widest, widestMerge: found.widestMerge, widestMergeCells: found.widestMergeCells };
}
