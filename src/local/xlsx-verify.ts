/**
 * A save read back before it replaces the PM's file: every part of the original is still in
 * it (exceljs silently leaves out what it does not understand), and its values are what the
 * preview meant them to be. Anything else and the save is refused, the file left as it was.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { WorkbookSnapshot } from '../core/snapshot';
import { loadWorkbook, workbookSnapshot } from './xlsx-snapshot';

/** Parts a spreadsheet program rebuilds on its own, which exceljs does not write. */
const REBUILT = new Set(['xl/calcChain.xml']);

export class SaveWouldLose extends Error {}

async function partsOf(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  return Object.keys(zip.files).filter((name) => !name.endsWith('/'));
}

const asText = (snapshot: WorkbookSnapshot) => JSON.stringify(snapshot.sheets.map((sheet) => [sheet.name, sheet.values]));

export async function verifySave(original: string, saved: string, expected: WorkbookSnapshot): Promise<void> {
  const kept = new Set(await partsOf(saved));
  const lost = (await partsOf(original)).filter((part) => !kept.has(part) && !REBUILT.has(part));
  if (lost.length > 0) {
    throw new SaveWouldLose(`Saving would have dropped parts of the workbook the preview cannot keep (${lost.slice(0, 4).join(', ')}${lost.length > 4 ? ', …' : ''}), so nothing was saved. Make the change in your spreadsheet program, or use Ladder in Sheets.`);
  }
  if (asText(workbookSnapshot(await loadWorkbook(saved, 'values'))) !== asText(expected)) {
    throw new SaveWouldLose('The saved file did not read back as the preview meant it to, so nothing was saved and the workbook is as it was.');
  }
}
