/**
 * The period a tab's name gives its goals (DESIGN §9): "Q3 2026", "2026 Q3", "H1 2027",
 * "FY27" (the calendar year 2027), "FY27 H1", and a year alone ("2026 OKRs"). A quarter with
 * no year ("Q3") says nothing about when, so it gives no period.
 */
import { type Day, dayOf } from './metric-values';

export interface Period {
  /** The period's first day. */
  readonly start: Day;
  /** The period's last day. */
  readonly end: Day;
}

function fullYear(text: string): number {
  const digits = Number(text.replace(/\D/g, ''));
  return text.replace(/\D/g, '').length === 2 ? 2000 + digits : digits;
}

function periodOf(year: number, part: string | undefined): Period {
  if (!part) return { start: dayOf(year, 1, 1), end: dayOf(year, 12, 31) };
  const n = Number(part.slice(1));
  const months = part[0] === 'q' ? 3 : 6;
  const first = (n - 1) * months + 1;
  // Day 0 of the next month is the last day of this one.
  return { start: dayOf(year, first, 1), end: dayOf(year, first + months, 0) };
}

const YEAR = "(?:fy\\s?'?\\d{2}(?:\\d{2})?|'\\d{2}|20\\d{2})";
const PART = '(?:q[1-4]|h[12])';
const PART_YEAR = new RegExp(`(?:^|[^a-z0-9])(${PART})[\\s-]*(${YEAR}|\\d{2})(?![0-9a-z])`);
const YEAR_PART = new RegExp(`(?:^|[^a-z0-9])(${YEAR})[\\s-]*(${PART})(?![0-9a-z])`);
const YEAR_ALONE = new RegExp(`(?:^|[^a-z0-9])(${YEAR})(?![0-9a-z])`);

/** The period named in a tab's name, or null. */
export function periodOfName(name: string): Period | null {
  const text = name.toLowerCase();
  let match = PART_YEAR.exec(text);
  if (match) return periodOf(fullYear(match[2]!), match[1]);
  match = YEAR_PART.exec(text);
  if (match) return periodOf(fullYear(match[1]!), match[2]);
  match = YEAR_ALONE.exec(text);
  if (match) return periodOf(fullYear(match[1]!), undefined);
  return null;
}
