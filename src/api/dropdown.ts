/**
 * The sentence for a write a cell's dropdown would refuse. Sheets (and Excel) refuse a value
 * outside a dropdown set to reject other input, even from a script (DESIGN §8), so Ladder
 * checks first and says what to do instead of leaving half a change behind.
 */
import { clip } from '../core/text';
import { shownText, type Writable } from './port';

/** What a port knows of a cell's rule: its options, or null for a rule Ladder can't read (a checkbox, a number range). */
export interface CellRule {
  readonly options: readonly string[] | null;
  /** Whether the dropdown may take several options in one cell ("1, 2"), or the port can't tell. */
  readonly severalChoices?: boolean;
}

const FIX =
  'Add it to the options (Data › Data validation), or set the rule to show a warning instead of rejecting the input, then try again.';

export function dropdownRefusal(where: string, rule: CellRule | null, value: Writable): string | null {
  if (!rule || value === '') return null;
  const text = shownText(value);
  if (rule.options?.includes(text)) return null;
  // "1, 2" fits a dropdown that allows several choices. Where the port can't tell those from
  // single-choice ones, the write is tried, and a refusal then reads as rejectedWrite says.
  const parts = text.split(/\s*,\s*/);
  if (rule.options && rule.severalChoices && parts.length > 1 && parts.every((part) => rule.options!.includes(part))) return null;
  return rule.options
    ? `${where} has a dropdown that rejects anything but its options, and "${clip(text, 80)}" is not one of them. ${FIX}`
    : `${where} has a rule that rejects input like "${clip(text, 80)}". ${FIX}`;
}

/** The sentence for a write the spreadsheet itself refused with its data-validation error. */
export function rejectedWrite(where: string, value: Writable): string {
  return `${where} has a dropdown that rejected "${clip(shownText(value), 80)}" (a dropdown of one choice takes one goal). ${FIX}`;
}

/** Whether an error is the spreadsheet refusing a value for its data validation. */
export const isValidationError = (error: unknown): boolean =>
  /violates the data validation rules/i.test(String((error as { message?: unknown })?.message ?? error));
