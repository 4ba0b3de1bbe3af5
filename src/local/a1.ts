/**
 * A1 cell references as an .xlsx file writes them ("D2", "AB1048576"): the column letters
 * and the row. Absolute references ($D$2) never appear in these attributes, so they are
 * not parsed.
 */

const CELL = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** A1 column letters as a 1-based column number ("A" is 1, "AA" is 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** A cell reference as 1-based row and column; null when it is not one. */
export function cellReference(reference: string): { row: number; column: number } | null {
  const match = CELL.exec(reference);
  return match ? { row: Number(match[2]), column: columnNumber(match[1]!) } : null;
}

/** A range as its corners, top-left first ("B4:C5", or "B4" alone); null when it is not one. */
export function rangeCorners(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from = '', to = from, extra] = range.split(':');
  const start = cellReference(from);
  const end = cellReference(to);
  if (!start || !end || extra !== undefined) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}
