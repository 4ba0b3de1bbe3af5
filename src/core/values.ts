/**
 * Estimates as PMs type them: numbers, numbers in text ("3 wks", "1,200"), T-shirt sizes
 * for effort, High/Medium/Low for impact, percentages for confidence. Anything else is
 * "no estimate" (null), never a guess.
 */
import type { Cell } from './snapshot';

// Written as switches: looking a fresh cell string up in an object or a Map makes V8 hash
// it first, which on 100k rows costs more than the comparisons.
function tShirtSize(text: string): number | undefined {
  switch (text) {
    case 'xs':
      return 1;
    case 's':
      return 2;
    case 'm':
      return 3;
    case 'l':
      return 5;
    case 'xl':
      return 8;
    default:
      return undefined;
  }
}

function level(text: string): number | undefined {
  switch (text) {
    case 'high':
      return 3;
    case 'medium':
    case 'med':
      return 2;
    case 'low':
      return 1;
    default:
      return undefined;
  }
}

/** A non-negative number from a number cell or the leading number of a text cell. */
export function parseNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const match = /^(\d{1,3}(?:,\d{3})+|\d*\.?\d+)(?:\s*(%|[a-z]+\.?))?$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]!.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

export function parseEffort(cell: Cell): number | null {
  if (typeof cell === 'string') {
    const size = tShirtSize(cell.trim().toLowerCase());
    if (size !== undefined) return size;
  }
  return parseNumber(cell);
}

export function parseImpact(cell: Cell): number | null {
  if (typeof cell === 'string') {
    const named = level(cell.trim().toLowerCase());
    if (named !== undefined) return named;
  }
  return parseNumber(cell);
}

/** 0..1 as is; "80%" or 80 mean 0.8. Over 100% is not a confidence. */
export function parseConfidence(cell: Cell): number | null {
  const value = parseNumber(cell);
  if (value === null) return null;
  const percent = (typeof cell === 'string' && cell.trim().endsWith('%')) || value > 1;
  const fraction = percent ? value / 100 : value;
  return fraction <= 1 ? fraction : null;
}
