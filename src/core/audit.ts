/**
 * The audit document of DESIGN §6: the layers found, the declined list, the strategy-wide
 * checks, and every item with its parents, upward paths (as keys), flags, impact, progress
 * and status.
 */
import type { Cascade } from './cascade';
import type { FlagCode, StrategyFlagCode } from './flags';
import { tidy } from './impact-format';
import type { Item } from './items';
import { LAYERS, type LayerCode, layerSpec } from './layers';
import type { LinkTable } from './link-table';
import { dayText } from './metric-values';
import type { Status } from './progress';

export interface AuditLayer {
  layer: LayerCode;
  sheet: string;
  headerRow: number | null;
  items: number;
}

export interface AuditDeclined {
  sheet: string;
  row: number;
  request: string;
  date: string | null;
  reason: string;
}

export interface AuditItem {
  sheet: string;
  row: number;
  layer: LayerCode;
  key: string;
  title: string;
  kind?: 'pillar' | 'anti-priority';
  parents: string[];
  traces: string[][];
  flags: FlagCode[];
  impact: number | null;
  roi: number | null;
  /** How far it has come (DESIGN §9), a fraction, uncapped; null when nothing measures it. */
  progress: number | null;
  status: Status | null;
}

export interface AuditDocument {
  layers: AuditLayer[];
  /** What the PM should know about how the workbook was read (a layer guessed, a column read as a label). */
  warnings: string[];
  declined: AuditDeclined[];
  strategy: { pillars: number; antiPriorities: number; flags: StrategyFlagCode[] };
  /** Each pillar's share of roadmap effort against its target (DESIGN §10), fractions; target null when not given. */
  investment: {
    pillars: { key: string; title: string; target: number | null; actual: number }[];
    antiPriorities: number;
    noPillar: number;
  };
  /** The date pace was judged on (YYYY-MM-DD), or null when none was given. */
  today: string | null;
  items: AuditItem[];
}

const finite = (value: number): number | null => (Number.isFinite(value) ? tidy(value) : null);

/**
 * Items from the mission down to the tasks; within a layer, tab by tab and row by row. Items
 * are read tab by tab and row by row already, so grouping them by layer keeps that order.
 */
export function itemsInCascadeOrder(cascade: Cascade): Item[] {
  const byRank: Item[][] = LAYERS.map(() => []);
  for (const item of cascade.items) byRank[item.rank]!.push(item);
  // Concatenated by hand: Array.prototype.flat is slow on 100k items.
  const out: Item[] = [];
  for (const layer of byRank) for (const item of layer) out.push(item);
  return out;
}

function parentKeys(links: LinkTable, item: number, items: readonly Item[]): string[] {
  const keys: string[] = [];
  for (let l = links.offsets[item]!; l < links.offsets[item + 1]!; l++) if (links.target[l]! >= 0) keys.push(items[links.target[l]!]!.key);
  return keys;
}

/** The audit document as text: indented for a person, compact for a program (a tenth faster on large plans). */
export function auditJson(cascade: Cascade, { indent = false } = {}): string {
  return JSON.stringify(auditDocument(cascade), null, indent ? 2 : undefined);
}

/**
 * One entry per tab and layer, from the mission down: a tab's own layer always (with 0
 * items too), and any other layer its rows were read as (the epics of a Jira export).
 */
export function auditLayers(cascade: Cascade): AuditLayer[] {
  const counts = new Map<string, number[]>();
  for (const item of cascade.items) {
    let list = counts.get(item.sheet);
    if (!list) counts.set(item.sheet, (list = LAYERS.map(() => 0)));
    list[item.rank]!++;
  }
  const out: AuditLayer[] = [];
  for (const plan of cascade.plans) {
    if (plan.use === 'declined') continue;
    const list = counts.get(plan.sheet) ?? LAYERS.map(() => 0);
    const own = layerSpec(plan.use).rank;
    for (const spec of LAYERS) {
      if (spec.rank === own || list[spec.rank]! > 0)
        out.push({ layer: spec.code, sheet: plan.sheet, headerRow: plan.headerRow, items: list[spec.rank]! });
    }
  }
  // Stable: tabs of one layer keep the workbook's order.
  return out.sort((a, b) => layerSpec(a.layer).rank - layerSpec(b.layer).rank);
}

export function auditDocument(cascade: Cascade): AuditDocument {
  return {
    layers: auditLayers(cascade),
    warnings: [...cascade.warnings],
    declined: cascade.declined.map((request) => ({
      sheet: request.sheet,
      row: request.row,
      request: request.request,
      date: request.date || null,
      reason: request.reason,
    })),
    strategy: {
      pillars: cascade.strategy.pillars,
      antiPriorities: cascade.strategy.antiPriorities,
      flags: cascade.strategy.flags.map((flag) => flag.code),
    },
    investment: auditInvestment(cascade),
    today: cascade.progress.today === null ? null : dayText(cascade.progress.today),
    items: itemsInCascadeOrder(cascade).map((item) => auditItem(cascade, item)),
  };
}

function auditInvestment(cascade: Cascade): AuditDocument['investment'] {
  const investment = cascade.investment();
  return {
    pillars: investment.pillars.map((pillar) => ({
      key: pillar.key,
      title: pillar.title,
      target: pillar.target === null ? null : tidy(pillar.target),
      actual: tidy(pillar.actual),
    })),
    antiPriorities: tidy(investment.antiPriorities),
    noPillar: tidy(investment.noPillar),
  };
}

// Frozen, so a reader of one document cannot change the flags of another row.
const NO_CODES = Object.freeze([]) as unknown as FlagCode[];

export function auditItem(cascade: Cascade, item: Item): AuditItem {
  const { items, links, paths, flags, impact } = cascade;
  const score = impact.score[item.index]!;
  const parents = parentKeys(links, item.index, items);
  const traces = paths.nodesOf(item.index, (node) => items[node]!.key);
  // Most rows carry no flag: they share one empty list rather than each making one.
  const own = flags[item.index]!;
  const codes = own.length === 0 ? NO_CODES : own.map((flag) => flag.code);
  const scored = finite(Number.isNaN(score) ? impact.total[item.index]! : score);
  const roi = finite(impact.roi[item.index]!);
  const { sheet, row, layer, key, title } = item;
  const measured = cascade.progress.progress[item.index]!;
  const progress = Number.isNaN(measured) ? null : measured;
  const status = cascade.progress.status[item.index]!;
  // Two literals rather than a spread of the optional `kind`: profiled on 200k items, the
  // spread took about a fifth of building the document. `kind` must sit after the title.
  if (!layerSpec(layer).isStrategy)
    return { sheet, row, layer, key, title, parents, traces, flags: codes, impact: scored, roi, progress, status };
  const kind = item.isAntiPriority ? 'anti-priority' : 'pillar';
  return { sheet, row, layer, key, title, kind, parents, traces, flags: codes, impact: scored, roi, progress, status };
}
