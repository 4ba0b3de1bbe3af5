/**
 * The sentence for a write a cell's dropdown would refuse. Sheets (and Excel) refuse a value
 * outside a dropdown set to reject other input, even from a script (DESIGN §8), so Ladder
 * checks first and says what to do instead of leaving half a change behind.
 */
import { clip } from '../core/text';
import type { Writable } from './port';

/** What a port knows of a cell's rule: its options, or null for a rule Ladder can't read (a checkbox, a number range). */
export interface CellRule {
  readonly options: readonly string[] | null;
}

export function dropdownRefusal(where: string, rule: CellRule | null, value: Writable): string | null {
  if (!rule || value === '') return null;
  const text = String(value);
  if (rule.options?.includes(text)) return null;
  const fix = 'Add it to the options (Data › Data validation), or set the rule to show a warning instead of rejecting the input, then try again.';
  return rule.options
    ? `${where} has a dropdown that rejects anything but its options, and "${clip(text, 80)}" is not one of them. ${fix}`
    : `${where} has a rule that rejects input like "${clip(text, 80)}". ${fix}`;
}
