/**
 * Estimates as PMs type them: numbers, numbers in text ("3 wks", "1,200"), T-shirt sizes
 * for effort, High/Medium/Low for impact, percentages for confidence. Anything else is
 * "no estimate" (null), never a guess.
 */
import type { Cell } from './snapshot';

const T_SHIRT: Record<string, number> = { xs: 1, s: 2, m: 3, l: 5, xl: 8 };
const LEVELS: Record<string, number> = { high: 3, medium: 2, med: 2, low: 1 };

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
    const size = T_SHIRT[cell.trim().toLowerCase()];
    if (size !== undefined) return size;
  }
  return parseNumber(cell);
}

export function parseImpact(cell: Cell): number | null {
  if (typeof cell === 'string') {
    const level = LEVELS[cell.trim().toLowerCase()];
    if (level !== undefined) return level;
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
