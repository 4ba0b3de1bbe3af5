/**
 * =TRACE(), =IMPACT() and =PROGRESS() as Sheets calls them: a value or a range in, the same shape out,
 * and every failure as readable cell text. The optional last argument is ignored: pointing
 * it at a cell that Ladder changes is what makes Sheets recalculate the formula (refresh.ts).
 */

import { errorMessage } from '../api/reply';
import { type Answer, IMPACT, PROGRESS, runSheetFunction, type SheetFunction, TRACE } from '../core/functions';
import { loadCascade } from './cascade-source';
import { sheetDate, timeZoneOf } from './workbook-reader';

/**
 * The tab the formula is in. In a custom function the active range is the formula's cell, while
 * the active sheet is whichever tab the PM is looking at (DESIGN §8).
 */
function formulaSheet(): string | undefined {
  try {
    const range = SpreadsheetApp.getActiveRange();
    return range ? range.getSheet().getName() : SpreadsheetApp.getActiveSheet().getName();
  } catch {
    return undefined;
  }
}

/**
 * A date argument arrives as the instant of that day in the spreadsheet's time zone (DESIGN §8);
 * the cascade holds dates by the day the sheet shows, so the argument is read the same way.
 */
function asShown(value: unknown, timeZone: () => string): unknown {
  if (value instanceof Date) return sheetDate(value, timeZone());
  if (Array.isArray(value)) return value.map((entry) => asShown(entry, timeZone));
  return value;
}

export function runCustomFunction(fn: SheetFunction, ref: unknown, option: unknown): Answer | Answer[][] {
  try {
    let zone: string | undefined;
    const timeZone = () => (zone ??= timeZoneOf(SpreadsheetApp.getActiveSpreadsheet()));
    return runSheetFunction(fn, loadCascade().cascade, asShown(ref, timeZone), option, formulaSheet());
  } catch (error) {
    return `#ERROR: Ladder could not read the cascade (${errorMessage(error).slice(0, 200)})`;
  }
}

export function traceFunction(ref: unknown, format?: unknown, _refresh?: unknown): Answer | Answer[][] {
  return runCustomFunction(TRACE, ref, format);
}

export function impactFunction(ref: unknown, mode?: unknown, _refresh?: unknown): Answer | Answer[][] {
  return runCustomFunction(IMPACT, ref, mode);
}

export function progressFunction(ref: unknown, mode?: unknown, _refresh?: unknown): Answer | Answer[][] {
  return runCustomFunction(PROGRESS, ref, mode);
}
