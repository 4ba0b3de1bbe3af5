/**
 * The cascade model: from a workbook snapshot to items, links, paths, reach, impact and
 * flags, then progress (cascade-progress.ts), computed once. Adapters (custom functions, sidebar calls, the CLI) read from it.
 * The steps before the graph (reading tabs, settling label columns, collecting links) are
 * in cascade-steps.ts; buildCascade is their sequence, then the graph's.
 */
import { measureProgress } from './cascade-progress';
import { collectLinks, itemCounts, layerFacts, readTabs, settleLabelColumns } from './cascade-steps';
import type { CheckInLog } from './check-ins';
import { planTabs, type TabPlan } from './detect';
import type { EffortMix } from './effort';
import { computeFlags, type Flag, type LinkCause, type NoGoalWhy, type StrategySummary, summarizeStrategy } from './flags';
import { type Components, parentGraph, stronglyConnected } from './graph';
import { computeImpact, type ImpactResults } from './impact';
import { DEFAULT_TOLERANCE, type Investment, measureInvestment } from './investment';
import { ItemIndex } from './item-index';
import type { DeclinedRequest, Item, TabStructure } from './items';
import { LAYERS, layerSpec } from './layers';
import type { LinkTable } from './link-table';
import { computePaths, type PathEnd, type PathTable, pathNodes, TOP_END, UNLINKED_EMPTY, UNLINKED_NO_COLUMN } from './paths';
import type { ProgressResults } from './progress';
import { addProgressFlags } from './progress-flags';
import { computeReach, type Reach } from './reach';
import { readingNotes } from './reading-notes';
import { EMPTY_SETTINGS, type LadderSettings } from './settings';
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
  /** Points a pillar's share of effort may be off its target before it is flagged (the settings', or 10). */
  readonly tolerance: number;
  /** Why a work item reaches no goal, in words. */
  noGoalReason(item: number): string;
  /** Where the roadmap's effort goes (DESIGN §6), made on first use and then kept. */
  effortMix(): EffortMix;
  /** Each pillar's share of effort against its target (DESIGN §10), made on first use and then kept. */
  investment(): Investment;
}

export interface CascadeOptions {
  /** The spreadsheet's date ("2026-09-30"), for pace and check-ins; without it, goals have no pace. */
  readonly today?: string;
}

export function buildCascade(snapshot: WorkbookSnapshot, config: LadderSettings = EMPTY_SETTINGS, options: CascadeOptions = {}): Cascade {
  const planned = planTabs(snapshot.sheets, config);
  const warnings = planned.warnings;
  const sheetsByName = new Map(snapshot.sheets.map((sheet) => [sheet.name, sheet]));
  const read = readTabs(planned.plans, sheetsByName);
  const { items, declined, structure } = read;
  const layers = layerFacts(items);
  const index = new ItemIndex(items, structure.altKeys);
  const { plans, labels, noColumn } = settleLabelColumns(planned.plans, sheetsByName, read, layers, index);
  warnings.push(...readingNotes({ plans, sheets: sheetsByName, counts: itemCounts(read.rangeOf), items, labels }));

  const links = collectLinks(items, structure, layers, index);
  const needsLink = (index: number) => items[index]!.rank > 0 && layers.nearestAbove[items[index]!.rank] !== undefined;
  const endWithoutLinks = (index: number): PathEnd =>
    needsLink(index) ? (items[index]!.linkCells === null ? UNLINKED_NO_COLUMN : UNLINKED_EMPTY) : TOP_END;

  const parents = parentGraph(links);
  const components = stronglyConnected(items.length, parents);
  const paths = computePaths({ links, components, endWithoutLinks });
  const reach = computeReach(items, parents, components);
  const impact = computeImpact(items, links, components, reach);
  const goalTabs = plans.filter((plan) => plan.use !== 'declined' && layerSpec(plan.use).isGoal);
  const hasGoals = layers.countOf[GOAL_RANK]! > 0;
  const noGoal = (index: number) => describeNoGoal(index, items, paths, goalTabs, hasGoals, noColumn);
  const noGoalReason = (index: number) => noGoal(index).reason;
  const flags = computeFlags({ items, links, components, paths, reach, declined, index, noGoal, needsLink, noColumn });
  // A row marked declined was said no to: nothing about it needs doing (its own receipt would otherwise flag it RESURFACED).
  for (const marked of structure.markedDeclined.keys()) flags[marked] = [];
  const layerTabs = new Set(plans.map((plan) => plan.sheet));
  const measured = measureProgress(
    snapshot,
    config,
    { items, index, links, components, impact, structure },
    options.today,
    warnings,
    layerTabs,
  );
  addProgressFlags(items, measured.progress, flags);

  const invested = measureInvestment({ items, components, structure, links }, flags, config.tolerance ?? DEFAULT_TOLERANCE);
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
    ...invested,
  };
}

const GOAL_RANK = LAYERS.find((spec) => spec.isGoal)!.rank;

/** The reason the first upward path of an item misses every goal. */
function describeNoGoal(
  index: number,
  items: readonly Item[],
  paths: PathTable,
  goalTabs: readonly TabPlan[],
  hasGoals: boolean,
  noColumn: (item: Item) => string,
): NoGoalWhy {
  const why = (cause: LinkCause, reason: string): NoGoalWhy => ({ cause, reason });
  if (goalTabs.length === 0) return why('no-goals', 'the workbook has no goals tab');
  if (!hasGoals) return why('no-goals', `the goals tab ${goalTabs.map((plan) => `"${plan.sheet}"`).join(', ')} has no goal rows`);
  if (paths.count(index) === 0) return why('no-link', 'no link');
  const path = paths.firstOf(index);
  const name = (item: Item) => `"${clip(item.title || item.key, 120)}"`;
  const anti = pathNodes(path).find((node) => items[node]!.isAntiPriority);
  if (anti !== undefined) return why('anti-priority', `linked to the anti-priority ${name(items[anti]!)}`);
  const end = path.end;
  if (end.kind === 'broken') return why('broken', `"${clip(end.ref, 120)}" not found`);
  if (end.kind === 'ambiguous') return why('ambiguous', `"${clip(end.ref, 120)}" matches ${end.count} items`);
  if (end.kind === 'cycle') return why('cycle', `its links loop back to "${clip(items[end.back]!.key, 120)}" (cycle)`);
  const last = items[pathNodes(path).at(-1)!]!;
  if (end.kind === 'unlinked') {
    if (last.index === index) return last.linkCells === null ? why('no-link-column', noColumn(last)) : why('no-link', 'no link');
    return why('above-unlinked', `"${clip(last.key, 120)}" above it has no link`);
  }
  const highest = pathNodes(path)
    .map((node) => items[node]!)
    .find((item) => item.rank < GOAL_RANK);
  if (highest) return why('above-goals', `linked only to the ${layerSpec(highest.layer).noun} ${name(highest)}, not to a goal`);
  return why('no-goals', 'the workbook has no goals tab');
}
