/**
 * Keeping TRACE and IMPACT current. Sheets recalculates a custom function only when one of
 * its arguments changes, and an edit on another tab changes none. So the formulas Ladder
 * inserts take their own header cell as a last argument, and refreshing rewrites that
 * header with an invisible change (a zero-width space on or off): every Ladder formula
 * recalculates, reading the cascade afresh. Formulas a PM typed by hand are re-entered by
 * "Refresh traces".
 */
import * as z from 'zod/mini';

export const FORMULAS_KEY = 'ladder.formulas';
const ZERO_WIDTH = '\u200b';

const registrySchema = z.array(z.object({ sheet: z.string(), cell: z.string().check(z.regex(/^[A-Z]{1,3}\d{1,7}$/)) }));
export type FormulaHeader = z.infer<typeof registrySchema>[number];

export function readRegistry(): FormulaHeader[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(FORMULAS_KEY);
  if (!raw) return [];
  try {
    const parsed = registrySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function registerHeader(header: FormulaHeader): void {
  const registry = readRegistry().filter((entry) => !(entry.sheet === header.sheet && entry.cell === header.cell));
  registry.push(header);
  PropertiesService.getDocumentProperties().setProperty(FORMULAS_KEY, JSON.stringify(registry));
}

/** Toggles the marker on every registered header still there; returns how many changed. */
export function touchFormulaHeaders(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  let touched = 0;
  for (const { sheet: name, cell } of readRegistry()) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    const range = sheet.getRange(cell);
    const text = String(range.getValue());
    if (text === '') continue;
    range.setValue(text.endsWith(ZERO_WIDTH) ? text.slice(0, -1) : text + ZERO_WIDTH);
    touched++;
  }
  return touched;
}

const OWN_FUNCTIONS = /\b(TRACE|IMPACT)\s*\(/i;

/** Re-enters hand-typed TRACE and IMPACT formulas so Sheets computes them again. */
export function reenterFormulas(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  let count = 0;
  for (const sheet of spreadsheet.getSheets()) {
    for (const name of ['TRACE(', 'IMPACT(']) {
      for (const range of sheet.createTextFinder(name).matchFormulaText(true).findAll()) {
        const formula = range.getFormula();
        if (!OWN_FUNCTIONS.test(formula)) continue;
        range.setFormula('');
        SpreadsheetApp.flush();
        range.setFormula(formula);
        count++;
      }
    }
  }
  return count;
}
