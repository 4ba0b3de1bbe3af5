/**
 * TRACE's outputs (DESIGN §5): the upward paths as titles (`path`), one cell per layer
 * (`columns`), a sentence for a 1:1 (`why`), or the first path's keys (`keys`).
 */
import type { Cascade } from './cascade';
import type { Item } from './items';
import { LAYERS, layerSpec } from './layers';
import { type Path, pathNodes } from './paths';
import { clip } from './text';

export const TRACE_FORMATS = ['path', 'columns', 'why', 'keys'] as const;
export type TraceFormat = (typeof TRACE_FORMATS)[number];

export const SEPARATOR = ' › ';
/** Sheets holds at most 50,000 characters in a cell. */
export const CELL_LIMIT = 50_000;
const TITLE_LIMIT = 120;

function label(item: Item): string {
  return clip(item.title || item.key, TITLE_LIMIT);
}

function quoted(item: Item): string {
  return `"${label(item)}"`;
}

interface PathWarning {
  readonly text: string;
  /** The layer (rank) whose cell shows it in the `columns` format. */
  readonly rank: number;
}

const GOAL_RANK = LAYERS.find((spec) => spec.isGoal)!.rank;

/** The warning that ends a path, if any: why it stops, or that it misses the goals. */
export function pathWarning(cascade: Cascade, start: number, path: Path): PathWarning | null {
  const { items } = cascade;
  const end = path.end;
  const nodes = pathNodes(path);
  // A path that stops shows it where the next link up should have landed.
  const highest = nodes.reduce((top, node) => Math.min(top, items[node]!.rank), Infinity);
  const stop = (text: string) => ({ text, rank: Math.max(0, highest - 1) });
  if (end.kind === 'broken') return stop(`⚠ "${clip(end.ref, TITLE_LIMIT)}" not found`);
  if (end.kind === 'ambiguous') return stop(`⚠ "${clip(end.ref, TITLE_LIMIT)}" is ambiguous (${end.count} matches)`);
  if (end.kind === 'cycle') return stop('⚠ cycle');
  const spec = layerSpec(items[start]!.layer);
  const anti = nodes.find((node) => items[node]!.isAntiPriority);
  if (spec.checksAntiPriority && anti !== undefined) return { text: '⚠ anti-priority', rank: items[anti]!.rank };
  if (spec.isWork && !nodes.some((node) => layerSpec(items[node]!.layer).isGoal)) return { text: '⚠ no goal', rank: GOAL_RANK };
  if (end.kind === 'unlinked') return stop('⚠ no link');
  return null;
}

function pathLine(cascade: Cascade, start: number, path: Path): string {
  const parts = pathNodes(path).map((node) => label(cascade.items[node]!));
  const warning = pathWarning(cascade, start, path);
  if (warning) parts.push(warning.text);
  return parts.join(SEPARATOR);
}

function limit(text: string): string {
  return text.length <= CELL_LIMIT ? text : `${text.slice(0, CELL_LIMIT - 1)}…`;
}

export function tracePath(cascade: Cascade, item: number): string {
  const lines = cascade.paths.of(item).map((path) => pathLine(cascade, item, path));
  if (cascade.paths.isTruncated(item)) lines.push('… more paths not shown');
  return limit(lines.join('\n'));
}

export function traceKeys(cascade: Cascade, item: number): string {
  const path = cascade.paths.firstOf(item);
  return limit(
    pathNodes(path)
      .map((node) => cascade.items[node]!.key)
      .join(SEPARATOR),
  );
}

/** One cell per layer from the mission down to the item's own layer, along the first path. */
export function traceColumns(cascade: Cascade, item: number): string[] {
  const { items } = cascade;
  const own = items[item]!;
  const path = cascade.paths.firstOf(item);
  const cells: string[] = LAYERS.filter((spec) => spec.rank <= own.rank).map(() => '');
  // Nested items of one layer share its cell, the outermost first.
  for (const node of [...pathNodes(path)].reverse()) {
    const rank = items[node]!.rank;
    cells[rank] = cells[rank] ? `${cells[rank]}${SEPARATOR}${label(items[node]!)}` : label(items[node]!);
  }
  const warning = pathWarning(cascade, item, path);
  if (warning && warning.rank < cells.length) {
    const at = warning.rank;
    cells[at] = cells[at] ? `${cells[at]} ${warning.text}` : warning.text;
  }
  return cells.map(limit);
}

/** A sentence a PM can say in a 1:1: the goal it moves, under which pillar, and that pillar's why. */
export function traceWhy(cascade: Cascade, item: number): string {
  const { items } = cascade;
  const own = items[item]!;
  const spec = layerSpec(own.layer);
  const paths = cascade.paths.of(item);
  const isGoal = (node: number) => layerSpec(items[node]!.layer).isGoal;
  const isPillar = (node: number) => layerSpec(items[node]!.layer).isStrategy && !items[node]!.isAntiPriority;
  const pillarClause = (path: Path, from: number): string => {
    const pillar = pathNodes(path).slice(from).find(isPillar);
    if (pillar === undefined) return ', which is under no pillar';
    const why = items[pillar]!.why;
    return ` under the pillar ${quoted(items[pillar]!)}${why ? `: ${clip(why, 300)}` : ' (no why written yet)'}`;
  };
  const antiNote = (): string => {
    const anti = cascade.reach.antiPriorityAbove[item]!;
    if (!spec.checksAntiPriority || anti < 0) return '';
    const why = items[anti]!.why;
    return ` Careful: it serves the anti-priority ${quoted(items[anti]!)}${why ? ` (${clip(why, 200)})` : ''}.`;
  };

  if (spec.isWork) {
    const withGoal = paths.find((path) => pathNodes(path).some(isGoal));
    if (!withGoal) return limit(`${quoted(own)} moves no goal: ${cascade.noGoalReason(item)}.${antiNote()}`);
    const at = pathNodes(withGoal).findIndex(isGoal);
    const more = cascade.impact.goalShares[item]!.length - 1;
    const others = more > 0 ? ` (and ${more} more goal${more === 1 ? '' : 's'})` : '';
    return limit(
      `${quoted(own)} moves the goal ${quoted(items[pathNodes(withGoal)[at]!]!)}${others}${pillarClause(withGoal, at)}.${antiNote()}`,
    );
  }
  if (spec.isGoal) return limit(`${quoted(own)} is a goal${pillarClause(paths[0]!, 0)}.${antiNote()}`);
  if (spec.isStrategy) {
    const what = own.isAntiPriority ? 'an anti-priority, something the strategy will not do' : 'a pillar of the strategy';
    return limit(`${quoted(own)} is ${what}${own.why ? `: ${clip(own.why, 300)}` : ' (no why written yet)'}.`);
  }
  const above = pathNodes(paths[0]!)[1];
  const serves = above === undefined ? '' : `, serving the ${layerSpec(items[above]!.layer).noun} ${quoted(items[above]!)}`;
  return limit(`${quoted(own)} is the ${spec.noun}${serves}.`);
}
