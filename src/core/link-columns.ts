/**
 * Tells link columns from label columns by their values (DESIGN §2a). A header may name the
 * layer above without holding references to it: "Project lead" and "Project type" in a Jira
 * export, "Theme" where no tab of themes exists, "Epic Name" naming the epic's own row,
 * Asana's "Projects" naming a project no tab lists, Jira's "Outward issue link" naming the
 * rows below. A column is kept as a link when one of its values names an item above its row
 * or beside it (not the row itself); a column none of whose values does is read as a label,
 * reported once, and never turned into a BROKEN_LINK on every row. A real link column is
 * settled on its first rows.
 */
import type { ItemIndex } from './item-index';
import type { Item } from './items';
import { NOT_FOUND } from './link-table';
import { lookupReference } from './links';
import { parseReference } from './reference';
import type { SheetSnapshot } from './snapshot';
import { cellText, clip } from './text';

const PARTS = /[,;\r\n]+/;

/** Whether a link cell names some item other than the row's own. */
function namesAnother(text: string, self: number, order: readonly number[], index: ItemIndex): boolean {
  const names = (reference: string) => {
    const match = lookupReference(parseReference(reference).text, order, index);
    return typeof match === 'number' ? match !== NOT_FOUND && match !== self : match.some((item) => item !== self);
  };
  if (names(text)) return true;
  return PARTS.test(text) && text.split(PARTS).some((part) => part.trim() !== '' && names(part));
}

export interface LabelColumn {
  readonly header: string;
  /** Whether its values name items below their rows: links written the wrong way round. */
  readonly pointsDown: boolean;
  /** How many rows hold a value in it. */
  readonly values: number;
  /** Some of them, for the report. */
  readonly examples: readonly string[];
}

/**
 * Splits a tab's link columns into the ones kept and the ones read as labels. The tab's items
 * are `items[start..end)`; `orderOf` gives the layers a reference of an item is looked up in.
 */
export function sortLinkColumns(
  sheet: SheetSnapshot,
  columns: readonly number[],
  headers: readonly string[],
  items: readonly Item[],
  start: number,
  end: number,
  orderOf: (item: Item) => readonly number[],
  belowOf: (item: Item) => readonly number[],
  index: ItemIndex,
  inLayer: readonly number[] = [],
): { keep: number[]; labels: LabelColumn[] } {
  const keep: number[] = [];
  const labels: LabelColumn[] = [];
  for (const column of columns) {
    const header = headers[column] ?? '';
    if (inLayer.includes(column)) {
      // Found among the title candidates, not named a link by its header: a link only if most values say so.
      if (mostlyNames(sheet, column, items, start, end, orderOf, index)) keep.push(column);
      continue;
    }
    let values = 0;
    const examples: string[] = [];
    let linked = false;
    let pointsDown = false;
    for (let i = start; i < end; i++) {
      const item = items[i]!;
      if (item.linkCells === null) continue;
      const text = cellText(sheet.values[item.row - 1]?.[column]);
      if (text === '') continue;
      values++;
      const shown = clip(text, 40);
      if (examples.length < 3 && !examples.includes(shown)) examples.push(shown);
      if (namesAnother(text, item.index, orderOf(item), index)) {
        linked = true;
        break;
      }
      pointsDown ||= namesAnother(text, item.index, belowOf(item), index);
    }
    if (linked || values === 0) keep.push(column);
    else labels.push({ header, pointsDown, values, examples });
  }
  return { keep, labels };
}

const MAJORITY_SAMPLE = 500;

/** Whether most of a column's values (of its first MAJORITY_SAMPLE) name an item other than their row. */
function mostlyNames(
  sheet: SheetSnapshot,
  column: number,
  items: readonly Item[],
  start: number,
  end: number,
  orderOf: (item: Item) => readonly number[],
  index: ItemIndex,
): boolean {
  let values = 0;
  let named = 0;
  for (let i = start; i < end && values < MAJORITY_SAMPLE; i++) {
    const item = items[i]!;
    if (item.linkCells === null) continue;
    const text = cellText(sheet.values[item.row - 1]?.[column]);
    if (text === '') continue;
    values++;
    if (namesAnother(text, item.index, orderOf(item), index)) named++;
  }
  return named * 2 > values;
}
