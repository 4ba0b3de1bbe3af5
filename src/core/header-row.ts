/**
 * Where a tab's header row is (DESIGN §2, §2a): the first of the top rows whose labels name
 * two known columns; else the widest row shaped like a header (a row of short labels above a
 * row of data); else, in a one-column layout, a lone title word ("Mission"). A cell counts
 * as a label only when it reads like one: text, short, and no figure of its own, so a data
 * row such as "Goal 3 | Reduce costs by 10%" is never taken for the header.
 */
import type { Cell } from './snapshot';
import { cellText, headerLabel } from './text';

/** How many top rows may hold the header (title rows and notes can sit above it). */
export const HEADER_SEARCH_ROWS = 10;

const MAX_LABEL_LENGTH = 60;
const MAX_LABEL_WORDS = 7;
/**
 * A figure as data has and a label does not: a percentage ("10%"), a decimal ("1.5"), a
 * thousands separator ("2,000") or an amount ("$5"). A small number or a year may head a
 * column ("Title 1", "April 2026"), so those do not count.
 */
const FIGURE = /\d\s*%|\d\.\d|\d,\d{3}|[$€£¥]\s*\d/;

/** Whether a cell reads like a column label. */
export function isLabel(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const text = headerLabel(cell);
  // A unit or a scale in brackets is part of a label: "Confidence (0.1-1.0)", "Cost ($1,000s)".
  if (text === '' || text.length > MAX_LABEL_LENGTH || FIGURE.test(text.replace(/\([^)]*\)/g, ''))) return false;
  return text.split(/\s+/).length <= MAX_LABEL_WORDS;
}

export interface HeaderVocabulary {
  /** Whether a label names a known column. */
  names(label: string): boolean;
  /** Whether a lone cell is just a title word of the layer ("Mission", "Pillars"). */
  isTitleWord(label: string): boolean;
}

export interface HeaderRow {
  /** 1-based. */
  readonly row: number;
  /** Found by its shape alone: none of its labels named a known column. */
  readonly byShape: boolean;
}

function filled(row: readonly Cell[] | undefined): Cell[] {
  return (row ?? []).filter((cell) => cellText(cell) !== '');
}

/** A row of labels: no dates or truth values, and at most one cell that is not a label. */
function headerLike(cells: readonly Cell[]): boolean {
  let labels = 0;
  for (const cell of cells) {
    if (cell instanceof Date || typeof cell === 'boolean') return false;
    if (isLabel(cell)) labels++;
  }
  return labels >= 2 && labels >= cells.length - 1;
}

/**
 * A row that names columns may also hold dates or numbers beside its labels: a timeline's
 * week or month columns. Its text, though, must be labels: a data row's text is not.
 */
function namesColumns(cells: readonly Cell[]): boolean {
  let texts = 0;
  let labels = 0;
  for (const cell of cells) {
    if (typeof cell === 'boolean') return false;
    if (typeof cell !== 'string') continue;
    texts++;
    if (isLabel(cell)) labels++;
  }
  return labels >= 2 && labels >= texts - 1;
}

/** Rows of data below a candidate header: the next filled row has two cells under its labels. */
function dataBelow(values: readonly (readonly Cell[])[], r: number): boolean {
  const header = values[r] ?? [];
  for (let below = r + 1; below < Math.min(values.length, r + 4); below++) {
    const row = values[below] ?? [];
    if (filled(row).length === 0) continue;
    let under = 0;
    for (let c = 0; c < row.length; c++) if (cellText(row[c]) !== '' && cellText(header[c]) !== '') under++;
    return under >= 2;
  }
  return false;
}

export function findHeaderRow(values: readonly (readonly Cell[])[], vocabulary: HeaderVocabulary): HeaderRow | null {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = filled(values[r]);
    if (cells.length < 2 || !namesColumns(cells)) continue;
    let known = 0;
    for (const cell of cells) if (isLabel(cell) && vocabulary.names(cellText(cell))) known++;
    if (known >= 2) return { row: r + 1, byShape: false };
  }
  for (let r = 0; r < limit; r++) {
    const cells = filled(values[r]);
    if (cells.length === 1 && typeof cells[0] === 'string' && vocabulary.isTitleWord(cellText(cells[0])))
      return { row: r + 1, byShape: false };
  }
  // By shape: the widest such row, since notes above a header ("Owner: Dana | Draft") are narrower.
  let best: { row: number; width: number } | null = null;
  for (let r = 0; r < limit; r++) {
    const cells = filled(values[r]);
    if (cells.length < 2 || (best && cells.length <= best.width) || !headerLike(cells)) continue;
    const texts = cells.map((cell) => cellText(cell).toLowerCase());
    if (new Set(texts).size === texts.length && dataBelow(values, r)) best = { row: r + 1, width: cells.length };
  }
  return best && { row: best.row, byShape: true };
}
