/**
 * The steps buildCascade (cascade.ts) takes before the graph: the planned tabs read into
 * items, what each layer holds, label columns told from link columns, and every item's links
 * collected into one LinkTable. Each is a named step so buildCascade reads as their sequence.
 */
import type { TabPlan } from './detect';
import type { ItemIndex } from './item-index';
import { type DeclinedRequest, emptyStructure, type Item, readDeclined, readItems, relinkItems, type TabStructure } from './items';
import { LAYERS } from './layers';
import { sortLinkColumns } from './link-columns';
import { type LinkTable, LinkTableBuilder } from './link-table';
import { lookupOrder, resolveReferences } from './links';
import { labelNote } from './reading-notes';
import type { SheetSnapshot } from './snapshot';
import { clip } from './text';

export type SheetsByName = ReadonlyMap<string, SheetSnapshot>;

/** The planned tabs' rows, read. */
export interface TabsRead {
  readonly items: Item[];
  readonly declined: DeclinedRequest[];
  readonly structure: TabStructure;
  /** Each tab's items, which are consecutive in `items`: [first, end). */
  readonly rangeOf: ReadonlyMap<TabPlan, readonly [number, number]>;
}

export function readTabs(plans: readonly TabPlan[], sheetsByName: SheetsByName): TabsRead {
  const items: Item[] = [];
  const declined: DeclinedRequest[] = [];
  const rangeOf = new Map<TabPlan, [number, number]>();
  const structure = emptyStructure();
  for (const plan of plans) {
    const sheet = sheetsByName.get(plan.sheet)!;
    const start = items.length;
    // Appended one by one: spreading a 100k-row tab into push() would overflow the stack.
    if (plan.use === 'declined') for (const request of readDeclined(sheet, plan)) declined.push(request);
    else readItems(sheet, plan, items, structure);
    rangeOf.set(plan, [start, items.length]);
  }
  return { items, declined, structure, rangeOf };
}

/** Items read from each tab, by tab name (for the reading notes). */
export function itemCounts(rangeOf: TabsRead['rangeOf']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [plan, [start, end]] of rangeOf) counts.set(plan.sheet, end - start);
  return counts;
}

/** What each layer holds and where its items' references are looked up, by rank. */
export interface LayerFacts {
  readonly countOf: readonly number[];
  /** The first item of each layer (the one an implicit link goes to), or -1. */
  readonly firstOf: readonly number[];
  /** The nearest layer above each layer that has items. */
  readonly nearestAbove: readonly (number | undefined)[];
  /** Layers to search for a reference, nearest first (links.ts's lookupOrder). */
  readonly orders: readonly (readonly number[])[];
  /** Layers with items that a reference never reaches: those below. */
  readonly below: readonly (readonly number[])[];
}

export function layerFacts(items: readonly Item[]): LayerFacts {
  const countOf = LAYERS.map(() => 0);
  const firstOf = LAYERS.map(() => -1);
  for (const item of items) {
    if (countOf[item.rank]!++ === 0) firstOf[item.rank] = item.index;
  }
  const ranksPresent = LAYERS.map((spec) => spec.rank).filter((rank) => countOf[rank]! > 0);
  const nearestAbove = LAYERS.map((spec) => ranksPresent.filter((r) => r < spec.rank).at(-1));
  const orders = LAYERS.map((spec) => lookupOrder(spec.rank, ranksPresent));
  const below = orders.map((order) => ranksPresent.filter((rank) => !order.includes(rank)));
  return { countOf, firstOf, nearestAbove, orders, below };
}

/** The plans as read, with what the reading notes and the flags say about label columns. */
export interface SettledColumns {
  /** Label columns moved out of the link columns, so writes never land in them. */
  readonly plans: readonly TabPlan[];
  /** One reading note per tab with label columns. */
  readonly labels: readonly string[];
  /** Why an item's tab gives it no link column, in words. */
  readonly noColumn: (item: Item) => string;
}

/**
 * Columns whose header names a layer above but whose values name nothing are labels: they
 * leave the plan's link columns, and the items of their tab are linked again without them.
 */
export function settleLabelColumns(
  plans: readonly TabPlan[],
  sheetsByName: SheetsByName,
  read: TabsRead,
  layers: LayerFacts,
  index: ItemIndex,
): SettledColumns {
  const labels: string[] = [];
  /** Tabs all of whose link columns were read as labels, with those columns' headers. */
  const labelledTabs = new Map<string, string>();
  const settled = new Map<TabPlan, TabPlan>();
  for (const plan of plans) {
    const columns = plan.columns.parent;
    if (!columns || plan.use === 'declined') continue;
    const sheet = sheetsByName.get(plan.sheet)!;
    const [start, end] = read.rangeOf.get(plan)!;
    const sorted = sortLinkColumns(
      sheet,
      columns,
      plan.headers,
      read.items,
      start,
      end,
      (item) => layers.orders[item.rank]!,
      (item) => layers.below[item.rank]!,
      index,
      plan.inLayerLinks,
    );
    if (sorted.keep.length === columns.length) continue;
    relinkItems(sheet, read.items, start, end, sorted.keep);
    settled.set(plan, withoutLabelColumns(plan, columns, sorted.keep));
    if (sorted.keep.length === 0 && sorted.labels.length > 0)
      labelledTabs.set(plan.sheet, sorted.labels.map((label) => `"${clip(label.header, 60)}"`).join(', '));
    if (sorted.labels.length > 0) labels.push(labelNote(plan, sorted.labels));
  }
  const noColumn = (item: Item) => {
    const headers = labelledTabs.get(item.sheet);
    return headers ? `its link column ${headers} names nothing in the workbook, so it was read as a label` : 'the tab has no link column';
  };
  return { plans: settled.size > 0 ? plans.map((plan) => settled.get(plan) ?? plan) : plans, labels, noColumn };
}

/** A plan whose link columns are only `keep`, the others listed as label columns. */
function withoutLabelColumns(plan: TabPlan, columns: readonly number[], keep: readonly number[]): TabPlan {
  const { parent: _, ...rest } = plan.columns;
  return {
    ...plan,
    columns: keep.length > 0 ? { ...rest, parent: [...keep] } : rest,
    labelColumns: columns.filter((column) => !keep.includes(column)),
  };
}

/** Every item's links, in one flat table: its tab's own parent, its link cells, or the one item above. */
export function collectLinks(items: readonly Item[], structure: TabStructure, layers: LayerFacts, index: ItemIndex): LinkTable {
  const collecting = new LinkTableBuilder(items.length);
  for (const item of items) {
    collecting.startItem(item.index);
    if (item.rank === 0) continue;
    const inTab = structure.parentInTab.size === 0 ? undefined : structure.parentInTab.get(item.index);
    if (inTab !== undefined) {
      collecting.add(inTab, items[inTab]!.key, 1);
      continue;
    }
    if (item.linkCells !== null) {
      collecting.addResolved(resolveReferences(item.linkCells, layers.orders[item.rank]!, index));
      continue;
    }
    // A tab without a link column hangs from the only item above it, if there is just one
    // (one mission, one vision): what a PM means by leaving the column out.
    const above = layers.nearestAbove[item.rank];
    if (above !== undefined && layers.countOf[above] === 1) collecting.addImplicit(layers.firstOf[above]!);
  }
  return collecting.finish();
}
