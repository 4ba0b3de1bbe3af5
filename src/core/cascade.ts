/**
 * The cascade model: from a workbook snapshot to items, links, paths, reach, impact and
 * flags, computed once. Adapters (custom functions, sidebar calls, the CLI) read from it.
 */

import { type CheckInLog, readCheckIns } from './check-ins';
import { EMPTY_CONFIG, type LadderConfig } from './config';
import { isCheckInTab, planTabs, type TabPlan } from './detect';
import { computeFlags, type Flag, type StrategySummary, summarizeStrategy } from './flags';
import { type Components, parentGraph, stronglyConnected } from './graph';
import { computeImpact, type ImpactResults } from './impact';
import { ItemIndex } from './item-index';
import { type DeclinedRequest, emptyStructure, type Item, readDeclined, readItems, relinkItems, type TabStructure } from './items';
import { LAYERS, layerSpec } from './layers';
import { sortLinkColumns } from './link-columns';
import { type LinkTable, LinkTableBuilder } from './link-table';
import { lookupOrder, resolveReferences } from './links';
import { parseIsoDay } from './metric-values';
import { computePaths, type PathEnd, type PathTable, pathNodes, TOP_END, UNLINKED_EMPTY, UNLINKED_NO_COLUMN } from './paths';
import { type Period, periodOfName } from './periods';
import { computeProgress, type ProgressResults } from './progress';
import { addProgressFlags } from './progress-flags';
import { computeReach, type Reach } from './reach';
import { labelNote, readingNotes } from './reading-notes';
import type { WorkbookSnapshot } from './snapshot';
import { clip } from './text';

export interface Cascade {
  readonly plans: readonly TabPlan[];
  /** Problems with the settings or tabs that the PM should see. */
  readonly warnings: readonly string[];
  readonly items: readonly Item[];
  /** Items by key and by title, across layers (TRACE looks references up here too). */
  readonly index: ItemIndex;
  /** What tabs' layouts say about some items: in-tab parents, other ids, where a key is written. */
  readonly structure: TabStructure;
  readonly declined: readonly DeclinedRequest[];
  readonly links: LinkTable;
  readonly components: Components;
  readonly paths: PathTable;
  readonly reach: Reach;
  readonly impact: ImpactResults;
  readonly flags: readonly (readonly Flag[])[];
  readonly strategy: StrategySummary;
  /** The goals' check-ins, read from the check-in tabs. */
  readonly checkIns: CheckInLog;
  /** Progress and status of every item (DESIGN §9), as of `today`. */
  readonly progress: ProgressResults;
  /** Why a work item reaches no goal, in words. */
  noGoalReason(item: number): string;
}

export interface CascadeOptions {
  /** The spreadsheet's date ("2026-09-30"), for pace and check-ins; without it, goals have no pace. */
  readonly today?: string;
}

export function buildCascade(snapshot: WorkbookSnapshot, config: LadderConfig = EMPTY_CONFIG, options: CascadeOptions = {}): Cascade {
  const planned = planTabs(snapshot.sheets, config);
  const warnings = planned.warnings;
  let plans = planned.plans;
  const sheetsByName = new Map(snapshot.sheets.map((sheet) => [sheet.name, sheet]));
  const items: Item[] = [];
  const declined: DeclinedRequest[] = [];
  /** Each tab's items, which are consecutive in `items`: [first, end). */
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

  // Per layer: how many items, and the first (the one an implicit link goes to).
  const countOf = LAYERS.map(() => 0);
  const firstOf = LAYERS.map(() => -1);
  for (const item of items) {
    if (countOf[item.rank]!++ === 0) firstOf[item.rank] = item.index;
  }
  const ranksPresent = LAYERS.map((spec) => spec.rank).filter((rank) => countOf[rank]! > 0);
  const index = new ItemIndex(items, structure.altKeys);
  // The nearest layer above each layer that has items.
  const nearestAbove = LAYERS.map((spec) => ranksPresent.filter((r) => r < spec.rank).at(-1));
  const orders = LAYERS.map((spec) => lookupOrder(spec.rank, ranksPresent));
  const below = orders.map((order) => ranksPresent.filter((rank) => !order.includes(rank)));

  // Columns whose header names a layer above but whose values name nothing are labels.
  const labels: string[] = [];
  /** Tabs all of whose link columns were read as labels, with those columns' headers. */
  const labelledTabs = new Map<string, string>();
  /** The plans as read: label columns moved out of the link columns, so writes never land in them. */
  const settled = new Map<TabPlan, TabPlan>();
  const noColumn = (item: Item) => {
    const headers = labelledTabs.get(item.sheet);
    return headers ? `its link column ${headers} names nothing in the workbook, so it was read as a label` : 'the tab has no link column';
  };
  for (const plan of plans) {
    const columns = plan.columns.parent;
    if (!columns || plan.use === 'declined') continue;
    const sheet = sheetsByName.get(plan.sheet)!;
    const [start, end] = rangeOf.get(plan)!;
    const sorted = sortLinkColumns(
      sheet,
      columns,
      plan.headers,
      items,
      start,
      end,
      (item) => orders[item.rank]!,
      (item) => below[item.rank]!,
      index,
      plan.inLayerLinks,
    );
    if (sorted.keep.length === columns.length) continue;
    relinkItems(sheet, items, start, end, sorted.keep);
    const { parent: _, ...rest } = plan.columns;
    settled.set(plan, {
      ...plan,
      columns: sorted.keep.length > 0 ? { ...rest, parent: sorted.keep } : rest,
      labelColumns: columns.filter((column) => !sorted.keep.includes(column)),
    });
    if (sorted.keep.length === 0 && sorted.labels.length > 0)
      labelledTabs.set(plan.sheet, sorted.labels.map((label) => `"${clip(label.header, 60)}"`).join(', '));
    if (sorted.labels.length > 0) labels.push(labelNote(plan, sorted.labels));
  }
  if (settled.size > 0) plans = plans.map((plan) => settled.get(plan) ?? plan);
  const counts = new Map<string, number>();
  for (const [plan, [start, end]] of rangeOf) counts.set(plan.sheet, end - start);
  warnings.push(...readingNotes({ plans, sheets: sheetsByName, counts, items, labels }));

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
      collecting.addResolved(resolveReferences(item.linkCells, orders[item.rank]!, index));
      continue;
    }
    // A tab without a link column hangs from the only item above it, if there is just one
    // (one mission, one vision): what a PM means by leaving the column out.
    const above = nearestAbove[item.rank];
    if (above !== undefined && countOf[above] === 1) collecting.addImplicit(firstOf[above]!);
  }
  const links = collecting.finish();
  const needsLink = (index: number) => items[index]!.rank > 0 && nearestAbove[items[index]!.rank] !== undefined;
  const endWithoutLinks = (index: number): PathEnd =>
    needsLink(index) ? (items[index]!.linkCells === null ? UNLINKED_NO_COLUMN : UNLINKED_EMPTY) : TOP_END;

  const parents = parentGraph(links);
  const components = stronglyConnected(items.length, parents);
  const paths = computePaths({ links, components, endWithoutLinks });
  const reach = computeReach(items, parents, components);
  const impact = computeImpact(items, links, components, reach);
  const goalTabs = plans.filter((plan) => plan.use !== 'declined' && layerSpec(plan.use).isGoal);
  const hasGoals = countOf[GOAL_RANK]! > 0;
  const noGoalReason = (index: number) => describeNoGoal(index, items, paths, goalTabs, hasGoals, noColumn);
  const flags = computeFlags({ items, links, components, paths, reach, declined, index, noGoalReason, needsLink, noColumn });
  // A row marked declined was said no to: nothing about it needs doing (its own receipt would otherwise flag it RESURFACED).
  for (const marked of structure.markedDeclined.keys()) flags[marked] = [];
  const measured = measureProgress(snapshot, config, { items, index, links, components, impact, structure, warnings }, options.today);
  addProgressFlags(items, measured.progress, flags, measured.progress.measuresGoals);

  const hasStrategyTab = plans.some((plan) => plan.use !== 'declined' && layerSpec(plan.use).isStrategy);
  return {
    plans,
    warnings,
    items,
    index,
    structure,
    declined,
    links,
    components,
    paths,
    reach,
    impact,
    flags,
    strategy: summarizeStrategy(items, hasStrategyTab),
    checkIns: measured.checkIns,
    progress: measured.progress,
    noGoalReason,
  };
}

const GOAL_RANK = LAYERS.find((spec) => spec.isGoal)!.rank;

interface Measured {
  readonly items: readonly Item[];
  readonly index: ItemIndex;
  readonly links: LinkTable;
  readonly components: Components;
  readonly impact: ImpactResults;
  readonly structure: TabStructure;
  readonly warnings: string[];
}

/** The check-ins and every item's progress (DESIGN §9); what the check-in tabs could not say goes into `warnings`. */
function measureProgress(snapshot: WorkbookSnapshot, config: LadderConfig, read: Measured, today: string | undefined) {
  const logs = snapshot.sheets.filter((sheet) => isCheckInTab(sheet.name, config));
  const checkIns = readCheckIns(logs, [GOAL_RANK], read.index);
  read.warnings.push(...checkIns.warnings);
  const day = today === undefined ? null : parseIsoDay(today);
  const progress = computeProgress({
    items: read.items,
    links: read.links,
    components: read.components,
    goalShares: read.impact.goalShares,
    metrics: read.structure.metrics,
    checkIns,
    periodOf: periodsByTab(),
    today: day,
  });
  return { checkIns, progress };
}

/** A tab's period, from its name, worked out once per tab. */
function periodsByTab(): (sheet: string) => Period | null {
  const known = new Map<string, Period | null>();
  return (sheet) => {
    if (!known.has(sheet)) known.set(sheet, periodOfName(sheet));
    return known.get(sheet)!;
  };
}

/** The reason the first upward path of an item misses every goal. */
function describeNoGoal(
  index: number,
  items: readonly Item[],
  paths: PathTable,
  goalTabs: readonly TabPlan[],
  hasGoals: boolean,
  noColumn: (item: Item) => string,
): string {
  if (goalTabs.length === 0) return 'the workbook has no goals tab';
  if (!hasGoals) return `the goals tab ${goalTabs.map((plan) => `"${plan.sheet}"`).join(', ')} has no goal rows`;
  if (paths.count(index) === 0) return 'no link';
  const path = paths.firstOf(index);
  const name = (item: Item) => `"${clip(item.title || item.key, 120)}"`;
  const anti = pathNodes(path).find((node) => items[node]!.isAntiPriority);
  if (anti !== undefined) return `linked to the anti-priority ${name(items[anti]!)}`;
  const end = path.end;
  if (end.kind === 'broken') return `"${clip(end.ref, 120)}" not found`;
  if (end.kind === 'ambiguous') return `"${clip(end.ref, 120)}" matches ${end.count} items`;
  if (end.kind === 'cycle') return `its links loop back to "${clip(items[end.back]!.key, 120)}" (cycle)`;
  const last = items[pathNodes(path).at(-1)!]!;
  if (end.kind === 'unlinked') {
    if (last.index === index) return last.linkCells === null ? noColumn(last) : 'no link';
    return `"${clip(last.key, 120)}" above it has no link`;
  }
  const highest = pathNodes(path)
    .map((node) => items[node]!)
    .find((item) => item.rank < GOAL_RANK);
  if (highest) return `linked only to the ${layerSpec(highest.layer).noun} ${name(highest)}, not to a goal`;
  return 'the workbook has no goals tab';
}
