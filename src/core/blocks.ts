/**
 * Tabs laid out in blocks, as a board's export writes them (monday.com: a group's name on a
 * row of its own, a copy of the header under it, and under an item a "Subitems" header row
 * followed by its subitems, shifted one column right). Read only when the header's title
 * label comes back further down its column; most tabs never do, and pay one scan of it.
 * Rows are then: a copy of the header or a group's name (not items), a sub-header (the
 * columns of the rows below it), or a subitem: an item of the layer below, titled and keyed
 * by the sub-header's columns, under the item above its sub-header.
 */
import type { TabPlan } from './detect';
import { mapColumns } from './detect';
import { isLabel } from './header-row';
import { LAYERS, type LayerCode, layerSpec } from './layers';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText } from './text';

export const ROW_ITEM = 0;
export const ROW_SKIP = 1;
export const ROW_SUB = 2;

export interface SubTable {
  readonly layer: LayerCode;
  readonly title: number | undefined;
  readonly id: number | undefined;
}

export interface Blocks {
  /** Per 0-based row: ROW_ITEM, ROW_SKIP or ROW_SUB (a subitem row). */
  readonly kind: Uint8Array;
  /** Per subitem row, the columns it is read with. */
  readonly subOf: Map<number, SubTable>;
}

const filledCount = (row: readonly Cell[]) => row.reduce<number>((count, cell) => count + (cellText(cell) === '' ? 0 : 1), 0);

/** A row of labels naming a title column of the layer below: the header of a block of subitems. */
function subHeader(row: readonly Cell[], below: LayerCode): boolean {
  let labels = 0;
  for (const cell of row) if (isLabel(cell)) labels++;
  return labels >= 2 && labels === filledCount(row) && mapColumns(row.map(cellText), below).title !== undefined;
}

export function readBlocks(sheet: SheetSnapshot, plan: TabPlan): Blocks | null {
  const titleCol = plan.columns.title?.[0];
  if (plan.use === 'declined' || plan.headerRow === null || titleCol === undefined) return null;
  const headerTitle = plan.headers[titleCol] ?? '';
  const values = sheet.values;
  // A copy of the header: its title label and at least one more label in their places (an item
  // titled "Initiative" alone is no copy).
  const headerCopy = (row: readonly Cell[]) => {
    if (cellText(row[titleCol]) !== headerTitle) return false;
    let same = 0;
    for (let c = 0; c < plan.headers.length; c++) if (plan.headers[c] !== '' && cellText(row[c]) === plan.headers[c]) same++;
    return same >= 2;
  };
  // The scan every tab pays: a raw string compare per row, the full check only on a match.
  let repeats = false;
  for (let r = plan.headerRow; r < values.length && !repeats; r++) {
    const cell = values[r]?.[titleCol];
    // The length first: a title that merely starts like its header ("Initiative 12") is common.
    repeats =
      typeof cell === 'string' &&
      cell.length >= headerTitle.length &&
      cell.length <= headerTitle.length + 8 &&
      cell.trim() === headerTitle &&
      headerCopy(values[r]!);
  }
  if (!repeats) return null;
  const below = LAYERS[layerSpec(plan.use).rank + 1]?.code ?? plan.use;
  const kind = new Uint8Array(values.length);
  const subOf = new Map<number, SubTable>();
  let sub: SubTable | null = null;
  for (let r = plan.headerRow; r < values.length; r++) {
    const row = values[r] ?? [];
    const next = values[r + 1] ?? [];
    if (headerCopy(row)) {
      kind[r] = ROW_SKIP;
      sub = null;
    } else if (headerCopy(next) && filledCount(row) === 1) {
      kind[r] = ROW_SKIP; // a group's name above its copy of the header
      sub = null;
    } else if (cellText(next[titleCol]) === '' && filledCount(next) >= 2 && subHeader(row, below)) {
      // A sub-header is followed by rows with no title in the main title column: its subitems.
      const columns = mapColumns(row.map(cellText), below);
      kind[r] = ROW_SKIP;
      sub = { layer: below, title: columns.title![0], id: columns.id?.[0] };
    } else if (sub && cellText(row[titleCol]) === '' && sub.title !== undefined && cellText(row[sub.title]) !== '') {
      kind[r] = ROW_SUB;
      subOf.set(r, sub);
    } else sub = null;
  }
  return { kind, subOf };
}
