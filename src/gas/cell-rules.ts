/**
 * What a cell's data validation and number format mean for a write: a dropdown that rejects
 * other input refuses values outside its list (DESIGN §8), and a Plain text cell ("@") keeps
 * what is written as it is, so the apostrophe that protects text elsewhere would show there.
 */
import { type CellRule, dropdownRefusal } from '../api/dropdown';
import { isDay, type Writable } from '../api/port';
import { asCellText } from '../core/flag-text';
import { cellText } from '../core/text';

export const PLAIN_TEXT_FORMAT = '@';

/** The rule of a cell as Ladder reads it: null when it accepts anything. */
export function ruleOf(validation: GoogleAppsScript.Spreadsheet.DataValidation | null): CellRule | null {
  if (!validation || validation.getAllowInvalid()) return null;
  const type = String(validation.getCriteriaType());
  const [first] = validation.getCriteriaValues();
  // DataValidation does not say whether a dropdown allows several choices (Sheets' chips can).
  if (type === 'VALUE_IN_LIST' && Array.isArray(first)) return { options: first.map((option) => cellText(option)), severalChoices: true };
  if (type === 'VALUE_IN_RANGE' && first && typeof (first as GoogleAppsScript.Spreadsheet.Range).getValues === 'function') {
    return {
      options: (first as GoogleAppsScript.Spreadsheet.Range)
        .getValues()
        .flat()
        .map((option) => cellText(option))
        .filter((option) => option !== ''),
      severalChoices: true,
    };
  }
  return { options: null };
}

export function refusalOf(where: string, validation: GoogleAppsScript.Spreadsheet.DataValidation | null, value: Writable): string | null {
  return dropdownRefusal(where, ruleOf(validation), value);
}

/** A value as it must be written into a cell of this number format. */
export function forCell(value: Writable, format: string): string | number | boolean {
  // A day as "YYYY-MM-DD" without protection: Sheets reads it as that date in the sheet's time zone.
  if (isDay(value)) return value.day;
  if (typeof value !== 'string') return value;
  return format === PLAIN_TEXT_FORMAT && !value.startsWith('=') ? value : asCellText(value);
}
