/**
 * The cell a row's goals are written to, and what it holds now: the sidebar shows those
 * links as chips and adds to them, so saving never drops a link the PM had without saying so.
 */
import type { Cascade } from '../core/cascade';
import { headerTokens, isPlainLinkHeader, layersNamed } from '../core/columns';
import type { TabPlan } from '../core/detect';
import type { Item } from '../core/items';
import { LAYERS, layerSpec } from '../core/layers';
import { LinkTableBuilder } from '../core/link-table';
import { lookupOrder, resolveLinks } from '../core/links';
import type { WorkbookSnapshot } from '../core/snapshot';
import { cellText, clip } from '../core/text';

const namesGoals = (header: string) => layersNamed(headerTokens(header)).some((spec) => spec.isGoal);

/**
 * Where a row's goals are written (0-based): a link column named for goals ("Goal",
 * "Objective #"), even one read as a label because its ids match nothing yet; else the tab's
 * first link column, unless this row's link there names work above it (a story's epic in
 * Jira's "Parent"), which a goal must not replace; else none, and a Goal column is added.
 * Never a label column such as "Theme" or "Project lead".
 */
export function goalColumn(cascade: Cascade, plan: TabPlan, item: Item): number | undefined {
  // A label column takes the goal only when its header says nothing but "goal" ("Goal", "OKR #"), not "Success metric".
  const named = [
    ...(plan.columns.parent ?? []),
    ...(plan.labelColumns ?? []).filter((column) => isPlainLinkHeader(plan.headers[column] ?? '')),
  ].find((column) => namesGoals(plan.headers[column] ?? ''));
  if (named !== undefined) return named;
  const first = plan.columns.parent?.[0];
  const linksToWork = cascade.links
    .of(item.index)
    .some((link) => link.targets.some((target) => layerSpec(cascade.items[target]!.layer).isWork));
  return first !== undefined && !linksToWork ? first : undefined;
}

/** One reference in the link cell, as the sidebar shows it. */
export interface CurrentLink {
  /** The reference as written, without its share. */
  readonly text: string;
  /** 'goal' and 'above' (a pillar, say) can be kept; 'broken' and 'ambiguous' must be fixed or removed. */
  readonly status: 'goal' | 'above' | 'broken' | 'ambiguous';
  /** The item's key when it resolves (what a save writes back). */
  readonly key: string;
  readonly title: string;
  /** Percent, when the cell gives shares; null when its links share equally. */
  readonly share: number | null;
}

/** The links written in `text` for `item`, resolved as the cascade resolves that row's links. */
export function linksInCell(cascade: Cascade, item: Item, text: string): CurrentLink[] {
  if (text.trim() === '') return [];
  const ranks = LAYERS.map((spec) => spec.rank).filter((rank) => cascade.index.countOf(rank) > 0);
  const one = new LinkTableBuilder(1);
  one.startItem(0);
  resolveLinks([text], lookupOrder(item.rank, ranks), cascade.index, one);
  const table = one.finish();
  // Shares are shown only when the cell writes some: "2, 3" shares equally and stays so.
  const shared = /%\s*\)/.test(text);
  return table.of(0).map((link) => {
    const target = link.status === 'ok' ? cascade.items[link.targets[0]!]! : undefined;
    return {
      text: clip(link.text, 200),
      status: target ? (layerSpec(target.layer).isGoal ? 'goal' : 'above') : link.status === 'broken' ? 'broken' : 'ambiguous',
      key: target ? target.key : link.text,
      title: clip(target ? target.title || target.key : link.text, 200),
      share: shared ? Math.round(link.share * 10_000) / 100 : null,
    };
  });
}

/** The text of a 0-based column of an item's row, as the snapshot has it. */
export function cellOf(snapshot: WorkbookSnapshot, item: Item, column: number | undefined): string {
  if (column === undefined) return '';
  const sheet = snapshot.sheets.find((candidate) => candidate.name === item.sheet);
  return cellText(sheet?.values[item.row - 1]?.[column]);
}
