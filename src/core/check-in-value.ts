/**
 * What a PM types as a check-in's value, read before anything is written: an amount
 * ("17", "1,200", "17%", "$200") or a yes/no ("done", "yes"). The cell gets a number when
 * the PM typed a plain number, and their own text otherwise, so it reads as they wrote it.
 */
import { parseAmount, parseTruth } from './metric-values';

export type CheckInValue =
  | { readonly ok: true; readonly cell: string | number; readonly amount: number | null; readonly done: boolean | null }
  | { readonly ok: false; readonly error: string };

export function checkInValue(typed: string): CheckInValue {
  const text = typed.trim();
  if (text === '') return { ok: false, error: 'Write the value the goal is at now, such as 17, 17% or done.' };
  const amount = parseAmount(text);
  const done = parseTruth(text);
  if (amount === null && done === null) {
    return {
      ok: false,
      error: `"${text.slice(0, 60)}" is not a value Ladder can measure: write a number (17, 1,200, 17%, $200) or done / not done.`,
    };
  }
  const plain = /^-?\d+(\.\d+)?$/.test(text.replace(/,/g, ''));
  return { ok: true, cell: plain && amount !== null ? amount : text, amount, done };
}
