/**
 * Keeping TRACE and IMPACT current. Sheets recalculates a custom function only when one of
 * its arguments changes, and an edit on another tab changes none. So the formulas Ladder
 * inserts take their own header cell as a last argument, and refreshing rewrites that
 * header with an invisible change (a zero-width space on or off): every Ladder formula
 * recalculates, reading the cascade afresh. Formulas a PM typed by hand are re-entered by
 * "Refresh traces".
 *
 * The headers are found from the formulas themselves, each time: a saved address would point
 * at someone else's cell once the PM inserts a column, while Sheets moves a formula's
 * references with the cells. A header is touched only while it still reads as Ladder's own.
 */

import { errorMessage } from '../api/reply';
import { OWN_COLUMN_HEADERS } from '../core/columns';
import { normalizeKey } from '../core/text';
import { withRetry } from './retry';

const ZERO_WIDTH = '\u200b';
/** Any formula that calls TRACE, IMPACT or PROGRESS (RE2 syntax, as TextFinder reads it; it ignores case by default). */
const CALLS_LADDER = '(TRACE|IMPACT|PROGRESS)\\s*\\(';
/** A formula as "Insert a TRACE column" writes it: its last argument is one cell, its header. */
const INSERTED = /^=\s*(TRACE|IMPACT|PROGRESS)\s*\(.*,\s*\$?([A-Z]{1,3})\$?(\d{1,7})\s*\)\s*$/i;

function ladderFormulaCells(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Range[] {
  return withRetry(() => spreadsheet.createTextFinder(CALLS_LADDER).useRegularExpression(true).matchFormulaText(true).findAll());
}

const isOwnHeader = (fn: string, text: string) =>
  normalizeKey(text.split(ZERO_WIDTH).join('')) === normalizeKey(OWN_COLUMN_HEADERS[fn.toUpperCase() as keyof typeof OWN_COLUMN_HEADERS]);

/** The header cells of Ladder's inserted formulas that still read as Ladder's headers. */
function formulaHeaders(
  cells: readonly GoogleAppsScript.Spreadsheet.Range[],
): { header: GoogleAppsScript.Spreadsheet.Range; formula: GoogleAppsScript.Spreadsheet.Range }[] {
  const found = new Map<string, { header: GoogleAppsScript.Spreadsheet.Range; formula: GoogleAppsScript.Spreadsheet.Range }>();
  for (const cell of cells) {
    const match = INSERTED.exec(withRetry(() => cell.getFormula()));
    if (!match) continue;
    const sheet = cell.getSheet();
    const a1 = `${match[2]!.toUpperCase()}${match[3]}`;
    const key = `${sheet.getName()}!${a1}`;
    if (found.has(key)) continue;
    const header = withRetry(() => sheet.getRange(a1));
    if (!isOwnHeader(match[1]!, String(withRetry(() => header.getValue())))) continue;
    found.set(key, { header, formula: cell });
  }
  return [...found.values()];
}

function toggle(header: GoogleAppsScript.Spreadsheet.Range): void {
  const text = String(withRetry(() => header.getValue()));
  withRetry(() => header.setValue(text.endsWith(ZERO_WIDTH) ? text.slice(0, -1) : text + ZERO_WIDTH));
}

/** Toggles the marker on the header of every formula Ladder inserted; returns how many headers changed. */
export function touchFormulaHeaders(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const headers = formulaHeaders(ladderFormulaCells(spreadsheet));
  for (const { header } of headers) toggle(header);
  return headers.length;
}

/**
 * "Refresh traces": toggles the inserted formulas' headers and re-enters every other TRACE and
 * IMPACT formula (typed by hand, with no header to toggle) so Sheets computes it again.
 * Returns how many formulas were refreshed.
 */
export function refreshAllFormulas(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const cells = ladderFormulaCells(spreadsheet);
  const headers = formulaHeaders(cells);
  for (const { header } of headers) toggle(header);
  const toggled = new Set(headers.map(({ formula }) => `${formula.getSheet().getName()}!${formula.getA1Notation()}`));
  let count = headers.length;
  for (const cell of cells) {
    if (toggled.has(`${cell.getSheet().getName()}!${cell.getA1Notation()}`)) continue;
    const formula = withRetry(() => cell.getFormula());
    if (!/\b(TRACE|IMPACT|PROGRESS)\s*\(/i.test(formula)) continue;
    withRetry(() => cell.setFormula(''));
    try {
      SpreadsheetApp.flush();
    } finally {
      // The PM's formula goes back in whatever happens: it is their work. If it cannot, they are told where and what it was.
      try {
        withRetry(() => cell.setFormula(formula), { attempts: 8 });
      } catch (error) {
        // biome-ignore lint/correctness/noUnsafeFinally: a formula the PM would lose outweighs the flush's own failure, which this replaces.
        throw new Error(
          `Ladder could not put back the formula of ${cell.getSheet().getName()}!${cell.getA1Notation()} (${errorMessage(error)}). Type it in again: ${formula}`,
        );
      }
    }
    count++;
  }
  return count;
}
