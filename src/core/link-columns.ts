/**
 * Tells link columns from label columns (DESIGN §2a). A header may name the layer above
 * without holding references to it: "Project lead" and "Project type" in a Jira export,
 * "Theme" where no tab of themes exists, "Epic Name" naming the epic's own row. A header
 * that says only "the link up" ("Goal", "Objective #", "Parent") to a layer the workbook has
 * is a link column whatever its values, so typos there stay BROKEN_LINKs. Any other is kept
 * as links when one of its values names an item other than its own row (on any layer: a
 * reference to an item below is a link pointing the wrong way, said so); one none of whose
 * values does is read as a label, reported once, never a BROKEN_LINK on every row. A real
 * link column is settled on its first rows.
 */
import { headerTokens, isPlainLinkHeader, layersNamed } from './columns';
import type { Item, ItemIndex } from './items';
import { lookupReference, NOT_FOUND, parseReference } from './links';
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
  /** How many rows hold a value in it. */
  readonly values: number;
  /** Some of them, for the report. */
  readonly examples: readonly string[];
}

/**
 * Splits a tab's link columns into the ones kept and the ones read as labels. `items` are
 * the tab's items; `orderOf` gives the layers a reference of an item is looked up in.
 */
export function sortLinkColumns(
  sheet: SheetSnapshot, columns: readonly number[], headers: readonly string[], items: readonly Item[],
  orderOf: (item: Item) => readonly number[], index: ItemIndex, ranksPresent: readonly number[],
): { keep: number[]; labels: LabelColumn[] } {
  const keep: number[] = [];
  const labels: LabelColumn[] = [];
  for (const column of columns) {
    const header = headers[column] ?? '';
    const named = layersNamed(headerTokens(header));
    if (isPlainLinkHeader(header) && (named.length === 0 || named.some((spec) => ranksPresent.includes(spec.rank)))) {
      keep.push(column);
      continue;
    }
    let values = 0;
    const examples: string[] = [];
    let linked = false;
    for (const item of items) {
      if (item.linkCells === null) continue;
      const text = cellText(sheet.values[item.row - 1]?.[column]);
      if (text === '') continue;
      values++;
      if (examples.length < 3 && !examples.includes(text)) examples.push(clip(text, 40));
      if (namesAnother(text, item.index, orderOf(item), index)) {
        linked = true;
        break;
      }
    }
    if (linked || values === 0) keep.push(column);
    else labels.push({ header, values, examples });
  }
  return { keep, labels };
}
