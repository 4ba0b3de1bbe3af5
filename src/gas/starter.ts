/**
 * "Create a starter cascade": the six layer tabs and a declined list, with headers and the
 * Tesla example, in an empty spreadsheet. A spreadsheet with anything in it is left alone.
 */
import { TESLA } from '../../examples/tesla';
import { classifyTabName, findHeaderRow } from '../core/detect';
import { asCellText } from '../core/flag-text';
import type { Cell } from '../core/snapshot';
import { formatDate } from '../core/text';

export class NotEmpty extends Error {}

function writable(cell: Cell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  // A day written as ISO text becomes a date in the spreadsheet's own time zone.
  if (cell instanceof Date) return formatDate(cell);
  return typeof cell === 'string' ? asCellText(cell) : cell;
}

export function createStarter(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const before = spreadsheet.getSheets();
  if (before.some((sheet) => sheet.getLastRow() > 0 || sheet.getLastColumn() > 0)) {
    throw new NotEmpty(
      'The starter cascade goes into an empty spreadsheet, and this one has data. Create a new spreadsheet and run it there.',
    );
  }
  for (const tab of TESLA.sheets) {
    const sheet = spreadsheet.insertSheet(tab.name, spreadsheet.getSheets().length);
    const width = tab.values.reduce((widest, row) => Math.max(widest, row.length), 1);
    const rows = tab.values.map((row) => Array.from({ length: width }, (_, c) => writable(row[c])));
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    const use = classifyTabName(tab.name)?.use;
    const headerRow = use ? findHeaderRow(tab.values, use) : null;
    if (headerRow !== null) {
      sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold');
      sheet.setFrozenRows(headerRow);
    }
  }
  for (const sheet of before) spreadsheet.deleteSheet(sheet);
  spreadsheet.setActiveSheet(spreadsheet.getSheetByName('Roadmap')!);
  return `Ladder created ${TESLA.sheets.length} tabs with the Tesla example.`;
}
