/**
 * A goal's measures as PMs type them (DESIGN §9): signed numbers with currency, thousands
 * separators, units or K/M/B ("$1.2M", "-3", "15 days"), percents as fractions ("60%" is 0.6),
 * yes/no answers, directions, and dates as calendar days. Anything else is null, never a guess.
 */
import type { Cell } from './snapshot';

/** A calendar day: days since 1970-01-01 (the snapshot's dates carry the sheet's date in UTC). */
export type Day = number;
const DAY_MS = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / DAY_MS);
}

export function dayText(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-07-01" as a Day, or null when the text is not a real date. */
export function parseIsoDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayOf(y, m, d);
  return dayText(day) === `${match[1]}-${match[2]}-${match[3]}` ? day : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function checkedDay(y: number, m: number, d: number): Day | null {
  if (m < 1 || d < 1 || d > 31) return null;
  const day = dayOf(y, m, d);
  return new Date(day * DAY_MS).getUTCDate() === d ? day : null;
}

/**
 * A date cell as a Day. Text is read only where it can't be misread: ISO ("2026-07-01",
 * "2026/07/01") and a month's name ("Jul 1, 2026", "1 July 2026"). "07/01/2026" means two
 * different days on either side of the Atlantic, so it is not read.
 */
export function parseDay(cell: Cell): Day | null {
  if (cell instanceof Date) {
    const time = cell.getTime();
    return Number.isNaN(time) ? null : Math.floor(time / DAY_MS);
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (match) return checkedDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(text);
  if (match && monthOf(match[1]!) > 0) return checkedDay(Number(match[3]), monthOf(match[1]!), Number(match[2]));
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})$/i.exec(text);
  if (match && monthOf(match[2]!) > 0) return checkedDay(Number(match[3]), monthOf(match[2]!), Number(match[1]));
  return null;
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

/**
 * A measured amount: a number cell as it is (negative too), or text holding one number with
 * an optional currency sign, thousands separators, a K/M/B multiplier, a unit after it, or a
 * `%` (which makes it a fraction). Text with two numbers ("3 of 5") is not one amount.
 */
export function parseAmount(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const match = /^([-+−]?)\s*[$€£¥]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*(%|bn|[kmb](?![a-z])|[a-z]+\.?(?:\s+[a-z]+)*)?$/i.exec(
    cell.trim(),
  );
  if (!match) return null;
  const sign = match[1] === '-' || match[1] === '−' ? -1 : 1;
  const value = Number(match[2]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const suffix = (match[3] ?? '').toLowerCase();
  if (suffix === '%') return (sign * value) / 100;
  return sign * value * (SCALE[suffix] ?? 1);
}

/** Whether a text cell is written as a percent ("60%"). */
export function isPercentText(cell: Cell): boolean {
  return typeof cell === 'string' && cell.trim().endsWith('%');
}

/** A yes/no answer: TRUE/FALSE, yes/no, done/not done (a checkbox reaches the script as a boolean). */
export function parseTruth(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell !== 'string') return null;
  switch (cell.trim().toLowerCase().replace(/\s+/g, ' ')) {
    case 'true':
    case 'yes':
    case 'y':
    case 'done':
    case 'achieved':
    case 'met':
      return true;
    case 'false':
    case 'no':
    case 'n':
    case 'not done':
    case 'not achieved':
    case 'not met':
      return false;
    default:
      return null;
  }
}

export type Direction = 'increase' | 'decrease' | 'at least' | 'at most';

/** A direction cell: increase / decrease / at least / at most, and the ways PMs write them. */
export function parseDirection(cell: Cell): Direction | null {
  if (typeof cell !== 'string') return null;
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(at least|min(imum)?|>=|≥|no less than)$/.test(text)) return 'at least';
  if (/^(at most|max(imum)?|<=|≤|no more than)$/.test(text)) return 'at most';
  if (/^(increase|up|higher|raise|grow|more|maximi[sz]e|↑|\+)$/.test(text)) return 'increase';
  if (/^(decrease|down|lower|reduce|less|fewer|minimi[sz]e|↓|-)$/.test(text)) return 'decrease';
  return null;
}
