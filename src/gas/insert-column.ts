/**
 * "Insert a TRACE / IMPACT / PROGRESS column": one array formula under a header
 * at the end of the current layer tab, over the tab's key column. Inserting twice updates
 * the same column instead of adding another.
 */

import { OWN_COLUMN_HEADERS } from '../core/columns';
import type { TabPlan } from '../core/detect';
import { normalizeKey } from '../core/text';
import { columnLetter } from './a1';
import { loadCascade } from './cascade-source';
import { ensureGrid } from './grid';

export type ColumnFunction = 'TRACE' | 'IMPACT' | 'PROGRESS';

const HEADERS: Record<ColumnFunction, { header: string; option: string }> = {
  TRACE: { header: OWN_COLUMN_HEADERS.TRACE, option: 'path' },
  IMPACT: { header: OWN_COLUMN_HEADERS.IMPACT, option: 'roi' },
  PROGRESS: { header: OWN_COLUMN_HEADERS.PROGRESS, option: 'fraction' },
};

export class NotALayerTab extends Error {}

export function insertFunctionColumn(fn: ColumnFunction): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const { cascade } = loadCascade({ fresh: true });
  const plan: TabPlan | undefined = cascade.plans.find((candidate) => candidate.sheet === sheet.getName());
  if (!plan || plan.use === 'declined' || plan.headerRow === null) {
    throw new NotALayerTab(
      `"${sheet.getName()}" is not a cascade layer tab Ladder recognises, so there is nothing to trace here. Open a goals, roadmap or task tab first.`,
    );
  }
  const keyIndex = plan.columns.id?.[0] ?? plan.columns.title?.[0];
  if (keyIndex === undefined) throw new NotALayerTab(`"${sheet.getName()}" has no id or title column for Ladder to trace.`);
  const { header, option } = HEADERS[fn];
  const headerRow = plan.headerRow;
  const existing = plan.headers.findIndex((text) => normalizeKey(text.replace(/\u200b/g, '')) === normalizeKey(header));
  const column = existing >= 0 ? existing + 1 : Math.max(sheet.getLastColumn(), plan.headers.length) + 1;
  const headerCell = `${columnLetter(column)}${headerRow}`;
  const key = columnLetter(keyIndex + 1);
  const formula = `=${fn}(${key}${headerRow + 1}:${key}, "${option}", ${headerCell})`;
  // Imported tabs end at their last column; the formula's column is added to the grid first.
  ensureGrid(sheet, headerRow + 1, column);
  if (existing < 0) sheet.getRange(headerCell).setValue(header);
  sheet.getRange(headerRow + 1, column).setFormula(formula);
  // PROGRESS answers fractions: shown as percents, as the PM reads them.
  if (fn === 'PROGRESS') sheet.getRange(headerRow + 1, column, Math.max(1, sheet.getMaxRows() - headerRow), 1).setNumberFormat('0%');
  return `Ladder put ${fn} in column ${columnLetter(column)} of "${sheet.getName()}": ${formula}`;
}
