/**
 * A1 references in the fake: reading "B2", "B2:D9" and open ranges ("B2:B"), splitting a
 * formula's arguments, and moving the references of a formula when rows or columns are
 * inserted or deleted, as Sheets does (support.google.com/docs "Insert, move or delete cells,
 * rows and columns": formulas keep pointing at the same cells; a reference to a deleted cell
 * becomes #REF!). This is what makes a saved A1 address go stale while the formula stays right.
 */

export function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** An A1 range on a grid of `maxRows`; open ranges ("B2:B", "B:B") run to the grid's end. Null if unreadable. */
export function parseA1(a1: string, maxRows: number): Area | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)?(?::\$?([A-Z]{1,3})\$?(\d+)?)?$/i.exec(a1.trim());
  if (!match || (match[2] === undefined && match[3] === undefined)) return null;
  const c1 = columnNumber(match[1]!);
  const r1 = match[2] === undefined ? 1 : Number(match[2]);
  const c2 = match[3] === undefined ? c1 : columnNumber(match[3]);
  const r2 = match[3] === undefined ? r1 : match[4] === undefined ? maxRows : Number(match[4]);
  if (r1 < 1 || c1 < 1 || r2 < r1 || c2 < c1) return null;
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}

/** `=NAME(a, b, c)` as its name and top-level argument texts; null for any other formula. */
export function callOf(formula: string): { name: string; args: string[] } | null {
  const match = /^=\s*([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!match) return null;
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of match[2]!) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '(') depth++;
    if (!quoted && char === ')') depth--;
    if (!quoted && depth === 0 && char === ',') {
      args.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '' || args.length > 0) args.push(current.trim());
  return { name: match[1]!, args };
}

export interface GridChange {
  readonly sheet: string;
  readonly axis: 'row' | 'column';
  /** The first row or column that moves (inserted before it, or the first one deleted). */
  readonly at: number;
  /** Positive: inserted; negative: deleted. */
  readonly count: number;
}

const REFERENCE = /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)?(?::(\$?)([A-Z]{1,3})(\$?)(\d+)?)?(?![\w(])/g;

function moved(index: number, change: GridChange): number | null {
  if (change.count > 0) return index >= change.at ? index + change.count : index;
  const gone = -change.count;
  if (index >= change.at && index < change.at + gone) return null;
  return index >= change.at + gone ? index - gone : index;
}

/** The formula after rows or columns of `change.sheet` moved; `formulaSheet` is the sheet the formula is on. */
export function shiftReferences(formula: string, formulaSheet: string, change: GridChange): string {
  // Text inside string literals is never a reference.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REFERENCE,
            (
              whole,
              prefix: string | undefined,
              d1: string,
              c1: string,
              d2: string,
              r1: string | undefined,
              d3: string | undefined,
              c2: string | undefined,
              d4: string | undefined,
              r2: string | undefined,
              offset: number,
              source: string,
            ) => {
              if (r1 === undefined && c2 === undefined) return whole;
              const before = source[offset - 1];
              if (before !== undefined && /[\w.]/.test(before)) return whole;
              const sheet = prefix ? prefix.slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") : formulaSheet;
              if (sheet !== change.sheet) return whole;
              const col = (letters: string) => (change.axis === 'column' ? moved(columnNumber(letters), change) : columnNumber(letters));
              const row = (digits: string | undefined) =>
                digits === undefined ? undefined : change.axis === 'row' ? moved(Number(digits), change) : Number(digits);
              const [a, b, x, y] = [col(c1), row(r1), c2 === undefined ? undefined : col(c2), row(r2)];
              if (a === null || b === null || x === null || y === null) return '#REF!';
              const first = `${d1}${columnLetters(a)}${d2}${b ?? ''}`;
              return `${prefix ?? ''}${first}${c2 === undefined ? '' : `:${d3}${columnLetters(x!)}${d4}${y ?? ''}`}`;
            },
          ),
    )
    .join('');
}
