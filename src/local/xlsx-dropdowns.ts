/**
 * How many cells a workbook's dropdowns cover, read from the sheets' XML without exceljs.
 * exceljs keeps a dropdown as one entry per cell it covers, so a dropdown over a whole
 * column is a million entries: about a second to read and three to save. The local
 * preview asks this before it opens a workbook for writing.
 */
import type JSZip from 'jszip';
import { rangeCorners } from './a1';
import { openZip, partNames, partText } from './zip-parts';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const DROPDOWN_OPEN = '<dataValidation';
/** After `<dataValidation`, the whitespace before its attributes (not the `s` of `<dataValidations`). */
const SPACES = new Set([' ', '\t', '\n', '\r']);
/** XML allows either quote around an attribute's value. */
const SQREF = /\bsqref=(["'])(.*?)\1/;
const MERGE_OPEN = '<mergeCell';
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
function scanSheet(xml: string, into: { cells: number; widest: string | null; widestCells: number }): void {
  for (let at = xml.indexOf(DROPDOWN_OPEN); at !== -1; at = xml.indexOf(DROPDOWN_OPEN, at + 1)) {
    if (!SPACES.has(xml[at + DROPDOWN_OPEN.length]!)) continue;
    const close = xml.indexOf('>', at);
    const tag = xml.slice(at, close === -1 ? xml.length : close);
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
function scanMerges(xml: string, into: { widestMerge: string | null; widestMergeCells: number }): void {
  for (let at = xml.indexOf(MERGE_OPEN); at !== -1; at = xml.indexOf(MERGE_OPEN, at + 1)) {
    if (!SPACES.has(xml[at + MERGE_OPEN.length]!)) continue;
    const close = xml.indexOf('>', at);
    const range = REF.exec(xml.slice(at, close === -1 ? xml.length : close))?.[2] ?? '';
    const cells = rangeCells(range);
    if (cells > into.widestMergeCells) {
      into.widestMerge = range;
      into.widestMergeCells = cells;
    }
  }
}

/** The dropdowns and widest merge of a workbook's zip. */
export async function dropdownsIn(zip: JSZip): Promise<Dropdowns> {
  const found = { cells: 0, widest: null as string | null, widestCells: 0, widestMerge: null as string | null, widestMergeCells: 0 };
  for (const name of partNames(zip)) {
    if (!WORKSHEET.test(name.replace(/^\//, ''))) continue;
    const xml = await partText(zip, name);
    scanSheet(xml, found);
    scanMerges(xml, found);
  }
  return { cells: found.cells, widest: found.widest, widestMerge: found.widestMerge, widestMergeCells: found.widestMergeCells };
}

/** The dropdowns of an .xlsx file that has already been checked to be a zip. */
export async function dropdownsOf(path: string): Promise<Dropdowns> {
  return dropdownsIn(await openZip(path));
}
