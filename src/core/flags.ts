/**
 * The flags of DESIGN §4, each with a sentence a PM can act on, and the strategy-wide checks.
 * Which flags apply to which layer is read from the layer table.
 */
import type { Components } from './graph';
import type { ItemIndex } from './item-index';
import type { DeclinedRequest, Item } from './items';
import { LAYERS, layerSpec } from './layers';
import type { LinkTable } from './link-table';
import { type PathTable, pathNodes } from './paths';
import type { Reach } from './reach';
import { clip, looseHash, normalizeKey, normalizeLoose } from './text';

export const FLAG_CODES = [
  'NO_GOAL',
  'NO_PARENT',
  'BROKEN_LINK',
  'AMBIGUOUS_LINK',
  'DUPLICATE_ID',
  'CYCLE',
  'ANTI_PRIORITY',
  'RESURFACED',
  'ORPHAN',
  'MISSING_WHY',
  'NO_METRIC',
  'AT_RISK',
  'OVER_INVESTED',
  'UNDER_INVESTED',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Rows carrying each flag, in the order of FLAG_CODES, flags no row carries left out. */
export function flagCounts(cascade: { readonly flags: readonly (readonly Flag[])[] }): { code: FlagCode; rows: number }[] {
  const rows = new Map<FlagCode, number>();
  for (const list of cascade.flags) for (const code of new Set(list.map((flag) => flag.code))) rows.set(code, (rows.get(code) ?? 0) + 1);
  return FLAG_CODES.filter((code) => rows.has(code)).map((code) => ({ code, rows: rows.get(code)! }));
}

/**
 * Why a row reaches no goal (NO_GOAL) or hangs from nothing (NO_PARENT), as a code: what the
 * sidebar advises follows from it, never from the wording of the message.
 */
export type LinkCause =
  /** Its link cell is empty. */
  | 'no-link'
  /** Its tab has no link column. */
  | 'no-link-column'
  /** NO_PARENT: nothing in its link cell names a row above. */
  | 'unresolved'
  /** NO_GOAL: its way up runs into an anti-priority. */
  | 'anti-priority'
  /** NO_GOAL: its way up ends at a reference that is not there, names several rows, or loops. */
  | 'broken'
  | 'ambiguous'
  | 'cycle'
  /** NO_GOAL: a row above it has no link. */
  | 'above-unlinked'
  /** NO_GOAL: it is linked only to the strategy, the vision or the mission, above the goals. */
  | 'above-goals'
  /** NO_GOAL: the workbook has no goals tab, or no goal rows. */
  | 'no-goals';

/** Why a work row reaches no goal: the cause, and the reason in words. */
export interface NoGoalWhy {
  readonly cause: LinkCause;
  readonly reason: string;
}

export interface Flag {
  readonly code: FlagCode;
  /** What is wrong, in words: `"O9" not found`, `declined 2026-08-14: "…"`. */
  readonly message: string;
  /** For NO_GOAL and NO_PARENT: why, as a code. */
  readonly cause?: LinkCause;
  /** The declined request, for RESURFACED. */
  readonly declined?: DeclinedRequest;
}

export const STRATEGY_FLAG_CODES = ['TOO_FEW_PILLARS', 'TOO_MANY_PILLARS', 'NO_ANTI_PRIORITIES'] as const;
export type StrategyFlagCode = (typeof STRATEGY_FLAG_CODES)[number];

export interface StrategySummary {
  readonly pillars: number;
  readonly antiPriorities: number;
  readonly flags: readonly { readonly code: StrategyFlagCode; readonly message: string }[];
}

export const PILLARS_MIN = 3;
export const PILLARS_MAX = 5;

export function describeItem(item: Item): string {
  return `${item.sheet}!${item.row}`;
}

/** Cell text inside a message, cut short: a 50,000-character cell must not make a 50,000-character flag. */
function quote(text: string): string {
  return `"${clip(text, 120)}"`;
}

export interface FlagInput {
  readonly items: readonly Item[];
  readonly links: LinkTable;
  readonly components: Components;
  readonly paths: PathTable;
  readonly reach: Reach;
  readonly declined: readonly DeclinedRequest[];
  /** Items by key: items of one layer sharing a key share an id. */
  readonly index: ItemIndex;
  /** Why a work item reaches no goal, in words. */
  readonly noGoal: (item: number) => NoGoalWhy;
  /** Whether an item with no links should have had one. */
  readonly needsLink: (item: number) => boolean;
  /** Why the item's tab gives it no link cell ("the tab has no link column"). */
  readonly noColumn: (item: Item) => string;
}

const NO_FLAGS: readonly Flag[] = Object.freeze([]);

const TITLES_LOOKED_UP = 5_000;

export function computeFlags(input: FlagInput): (readonly Flag[])[] {
  const { items, links, components, reach, declined, index } = input;
  const duplicates = duplicateIds(items, index);
  const declinedByMatch = new Map<string, DeclinedRequest>();
  for (const request of declined)
    if (request.match !== '' && !declinedByMatch.has(request.match)) declinedByMatch.set(request.match, request);
  // Titles are compared by hash first, so the loose form is built only for likely matches.
  const declinedHashes = new Set([...declinedByMatch.keys()].map(looseHash));
  const declinedFor = (title: string) => (declinedHashes.has(looseHash(title)) ? declinedByMatch.get(normalizeLoose(title)) : undefined);
  // ORPHAN only where the layers that should reach an item exist: with no roadmap, no goal is an orphan.
  let present = 0;
  for (const item of items) present |= 1 << item.rank;
  const orphanMasks = new Map(
    LAYERS.map((spec) => [spec.code, spec.orphanUnlessReachedFrom.reduce((bits, code) => bits | (1 << layerSpec(code).rank), 0) & present]),
  );

  const out: (readonly Flag[])[] = new Array(items.length);
  for (const item of items) {
    const i = item.index;
    const spec = layerSpec(item.layer);
    // Most rows are clean: the checks below only read, and a list is made for the few that are not.
    let problems = false;
    let resolves = false;
    for (let l = links.offsets[i]!; l < links.offsets[i + 1]!; l++) {
      if (links.target[l]! >= 0) resolves = true;
      else problems = true;
    }
    const hasLinks = links.offsets[i + 1]! > links.offsets[i]!;
    const noGoal = spec.isWork && !reach.throughGoal[i];
    // An anti-priority says what the strategy will not do: it need not ladder up to anything.
    const noParent = item.rank > 0 && !resolves && (hasLinks || (input.needsLink(i) && !item.isAntiPriority));
    const cyclic = components.cyclic[components.componentOf[i]!] === 1;
    const anti = spec.checksAntiPriority ? reach.antiPriorityAbove[i]! : -1;
    const request = spec.isWork && declinedByMatch.size > 0 ? declinedFor(item.title) : undefined;
    const mask = orphanMasks.get(item.layer)!;
    const orphan = mask !== 0 && !item.isAntiPriority && (reach.reachedFrom[i]! & mask) === 0;
    const missingWhy = spec.isStrategy && item.why === '';
    if (!(noGoal || noParent || problems || duplicates.has(i) || cyclic || anti >= 0 || request || orphan || missingWhy)) {
      out[i] = NO_FLAGS;
      continue;
    }
    out[i] = describeFlags(input, item, { noGoal, noParent, cyclic, anti, request, orphan, missingWhy, twins: duplicates.get(i) });
  }
  return out;
}

interface RowFindings {
  noGoal: boolean;
  noParent: boolean;
  cyclic: boolean;
  anti: number;
  request: DeclinedRequest | undefined;
  orphan: boolean;
  missingWhy: boolean;
  twins: number[] | undefined;
}

/** The flags of one row, in the order of FLAG_CODES, each with its sentence. */
function describeFlags(input: FlagInput, item: Item, found: RowFindings): Flag[] {
  const { items, links, paths } = input;
  const own = links.of(item.index);
  const spec = layerSpec(item.layer);
  const flags: Flag[] = [];
  const add = (code: FlagCode, message: string) => flags.push({ code, message });
  if (found.noGoal) {
    const { cause, reason } = input.noGoal(item.index);
    flags.push({ code: 'NO_GOAL', message: reason, cause });
  }
  if (found.noParent) {
    const cause: LinkCause = own.length > 0 ? 'unresolved' : item.linkCells === null ? 'no-link-column' : 'no-link';
    const message =
      cause === 'unresolved' ? 'no reference in the link cell resolves' : cause === 'no-link' ? 'no link' : input.noColumn(item);
    flags.push({ code: 'NO_PARENT', message, cause });
  }
  const broken = own.filter((link) => link.status === 'broken');
  if (broken.length > 0) add('BROKEN_LINK', broken.map((link) => notFound(link.text, item, input)).join('; '));
  for (const link of own.filter((l) => l.status === 'ambiguous')) {
    const where = link.targets.map((t) => describeItem(items[t]!)).join(', ');
    add('AMBIGUOUS_LINK', `${quote(link.text)} matches ${link.targets.length} items (${where})`);
  }
  if (found.twins) add('DUPLICATE_ID', `the id ${quote(item.id)} is also on ${found.twins.map((t) => describeItem(items[t]!)).join(', ')}`);
  if (found.cyclic) add('CYCLE', cycleMessage(item.index, items, paths));
  if (found.anti >= 0) add('ANTI_PRIORITY', `serves the anti-priority ${quote(items[found.anti]!.title || items[found.anti]!.key)}`);
  if (found.request) flags.push({ code: 'RESURFACED', message: receipt(found.request), declined: found.request });
  if (found.orphan) add('ORPHAN', `no ${spec.orphanUnlessReachedFrom.map((code) => layerSpec(code).noun).join(' or ')} reaches it`);
  if (found.missingWhy) add('MISSING_WHY', item.tabHasWhy ? 'no why given' : 'the tab has no Why column');
  return flags;
}

/**
 * `"O9" not found`, or where it is when it names an item below: links point up, never down.
 * Below is looked up by key, and by title in the layers below of at most TITLES_LOOKED_UP
 * items: a title lookup builds a table of the layer's titles, and on a 100k-row task list
 * nobody links to by title that table was a tenth of the whole cascade's time.
 */
function notFound(text: string, item: Item, { items, index }: FlagInput): string {
  const norm = normalizeKey(text);
  let below = index.withKey(norm).find((other) => items[other]!.rank > item.rank);
  for (let rank = item.rank + 1; below === undefined && rank < LAYERS.length; rank++) {
    if (index.countOf(rank) <= TITLES_LOOKED_UP) below = index.withTitleIn(rank, norm)[0];
  }
  if (below === undefined) return `${quote(text)} not found`;
  const found = items[below]!;
  return `${quote(text)} is not above it: it names the ${layerSpec(found.layer).noun} ${quote(found.title || found.key)} (${describeItem(found)}), below; links point up`;
}

/** "declined 2026-08-14: too niche (didn't fit: Premium first)". */
export function receipt(request: DeclinedRequest): string {
  const parts = [`declined${request.date ? ` ${request.date}` : ''}`];
  if (request.reason) parts.push(`: ${quote(request.reason)}`);
  const fit = [request.pillar && `didn't fit ${quote(request.pillar)}`, request.goal && `didn't move ${quote(request.goal)}`].filter(
    Boolean,
  );
  if (fit.length > 0) parts.push(` (${fit.join(', ')})`);
  if (request.who) parts.push(`, asked by ${request.who}`);
  return parts.join('');
}

function cycleMessage(index: number, items: readonly Item[], paths: PathTable): string {
  for (const path of paths.of(index)) {
    if (path.end.kind !== 'cycle') continue;
    const back = path.end.back;
    const from = pathNodes(path).indexOf(back);
    const loop = [...pathNodes(path).slice(from), back].map((n) => items[n]!.key);
    return `links loop: ${loop.join(' › ')}`;
  }
  return 'its links loop back to it';
}

/** Items of one layer whose ids are equal, each with the others. */
function duplicateIds(items: readonly Item[], index: ItemIndex): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const group of index.sharedKeys()) {
    for (const member of group) {
      const { id, rank } = items[member]!;
      if (id === '') continue;
      const twins = group.filter((other) => other !== member && items[other]!.rank === rank && items[other]!.id !== '');
      if (twins.length > 0) out.set(member, twins);
    }
  }
  return out;
}

/** The strategy-wide checks; a workbook with no strategy tab has nothing to check them on. */
export function summarizeStrategy(items: readonly Item[], hasStrategyTab = true): StrategySummary {
  const strategyRanks = new Set(LAYERS.filter((spec) => spec.isStrategy).map((spec) => spec.rank));
  const strategy = items.filter((item) => strategyRanks.has(item.rank));
  const antiPriorities = strategy.filter((item) => item.isAntiPriority).length;
  const pillars = strategy.length - antiPriorities;
  const flags: { code: StrategyFlagCode; message: string }[] = [];
  if (!hasStrategyTab) return { pillars, antiPriorities, flags };
  if (pillars < PILLARS_MIN)
    flags.push({
      code: 'TOO_FEW_PILLARS',
      message: `${pillars} pillar${pillars === 1 ? '' : 's'}; a strategy has ${PILLARS_MIN} to ${PILLARS_MAX}`,
    });
  if (pillars > PILLARS_MAX)
    flags.push({
      code: 'TOO_MANY_PILLARS',
      message: `${pillars} pillars; a strategy has ${PILLARS_MIN} to ${PILLARS_MAX}, so some are not priorities`,
    });
  if (antiPriorities === 0) flags.push({ code: 'NO_ANTI_PRIORITIES', message: 'no anti-priorities: say what the strategy will not do' });
  return { pillars, antiPriorities, flags };
}
