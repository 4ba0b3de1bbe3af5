/**
 * A save read back before it replaces the PM's file: every part of the original is still in
 * it (exceljs silently leaves out what it does not understand), and its values are what the
 * preview meant them to be. Anything else and the save is refused, the file left as it was.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { WorkbookSnapshot } from '../core/snapshot';
import { loadWorkbook, workbookToSnapshot } from './xlsx-read-objects';

/** Parts a spreadsheet program rebuilds on its own, which exceljs does not write. */
const REBUILT = new Set(['xl/calcChain.xml']);

export class SaveWouldLose extends Error {}

/**
 * A part by what it is rather than its file name: exceljs numbers some parts afresh when it
 * writes them (a tab's notes, its drawings, its tables, images), so "xl/comments1.xml" may come
 * back as "xl/comments4.xml". Numbers are left out of the name and the parts counted by kind.
 */
const kindOf = (name: string) => name.replace(/\d+(?=\.[a-z]+(\.rels)?$)/i, '#');

async function partsOf(path: string): Promise<Map<string, number>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const kinds = new Map<string, number>();
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('/')) kinds.set(kindOf(name), (kinds.get(kindOf(name)) ?? 0) + 1);
  }
  return kinds;
}

const asText = (snapshot: WorkbookSnapshot) => JSON.stringify(snapshot.sheets.map((sheet) => [sheet.name, sheet.values]));

export async function verifySave(original: string, saved: string, expected: WorkbookSnapshot): Promise<void> {
  const kept = await partsOf(saved);
  const lost = [...(await partsOf(original))]
    .filter(([kind, count]) => (kept.get(kind) ?? 0) < count && !REBUILT.has(kind))
    .map(([kind]) => kind.replace('#', 'N'));
  if (lost.length > 0) {
    throw new SaveWouldLose(
      `Saving would have dropped parts of the workbook the preview cannot keep (${lost.slice(0, 4).join(', ')}${lost.length > 4 ? ', …' : ''}), so nothing was saved. Make the change in your spreadsheet program, or use Ladder in Sheets.`,
    );
  }
  if (asText(workbookToSnapshot(await loadWorkbook(saved, 'values'))) !== asText(expected)) {
    throw new SaveWouldLose(
      'The saved file did not read back as the preview meant it to, so nothing was saved and the workbook is as it was.',
    );
  }
}
