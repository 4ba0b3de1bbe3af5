/**
 * The cascade's health at a glance, for the sidebar: counts per flag, how much of the
 * roadmap reaches a goal (rows and effort), the strategy checks, and the flagged rows.
 * Plain data: whoever shows it decides how (and escapes it).
 */
import { itemsInCascadeOrder } from './audit';
import type { Cascade } from './cascade';
import { type FlagCode, flagCounts } from './flags';
import type { Item } from './items';
import { LAYERS, layerSpec } from './layers';
import { goalsAtRisk, type ProgressView } from './progress-view';
import { coverage } from './report';
import { type Advice, FLAG_LABELS, rowAdvice, sentence, urgencyOf } from './row-advice';
import { clip } from './text';
import { tracePath } from './trace';

export interface Health {
  readonly items: number;
  readonly flagCounts: readonly { readonly code: FlagCode; readonly label: string; readonly rows: number }[];
  readonly coverage: readonly {
    readonly layer: string;
    readonly noun: string;
    readonly rows: number;
    readonly reaching: number;
    readonly effort: number;
    readonly effortReaching: number;
  }[];
  readonly strategy: { readonly pillars: number; readonly antiPriorities: number; readonly checks: readonly string[] };
  readonly flagged: readonly {
    readonly sheet: string;
    readonly row: number;
    readonly key: string;
    readonly title: string;
    readonly layer: string;
    readonly flags: readonly string[];
    readonly codes: readonly FlagCode[];
    readonly trace: string;
    readonly effort: number | null;
    readonly isWork: boolean;
    readonly advice: readonly Advice[];
    /** Each cause in a few words, for lists: the label of its own flag. */
    readonly labels: readonly string[];
  }[];
  /**
   * The review queue: flagged roadmap and task rows, most urgent first (see URGENCY in
   * row-advice.ts), then the most effort first, then in the sheet's order; as indexes into
   * `flagged`.
   */
  readonly queue: readonly number[];
  /** Goals behind their pace, furthest behind first: what Review shows above the queue. */
  readonly atRisk: readonly ProgressView[];
  readonly warnings: readonly string[];
}

/** At most this many flagged rows are listed (the counts cover them all). */
export const HEALTH_ROW_LIMIT = 200;

export function cascadeHealth(cascade: Cascade, warnings: readonly string[] = []): Health {
  const flaggedItems = itemsInCascadeOrder(cascade)
    .filter((item) => cascade.flags[item.index]!.length > 0)
    .slice(0, HEALTH_ROW_LIMIT);
  const urgency = flaggedItems.map((item) => urgencyOf(cascade.flags[item.index]!));
  const queue = flaggedItems
    .map((item, at) => ({ item, at }))
    .filter(({ item }) => layerSpec(item.layer).isWork)
    .sort((a, b) => urgency[a.at]! - urgency[b.at]! || (b.item.effort ?? 0) - (a.item.effort ?? 0) || a.at - b.at)
    .map(({ at }) => at);
  return {
    items: cascade.items.length,
    flagCounts: flagCounts(cascade).map((entry) => ({ ...entry, label: FLAG_LABELS[entry.code] })),
    coverage: LAYERS.filter((spec) => spec.isWork)
      .map((spec) => ({ layer: spec.code, noun: spec.noun, ...coverage(cascade, spec.code) }))
      .filter((entry) => entry.rows > 0),
    strategy: {
      pillars: cascade.strategy.pillars,
      antiPriorities: cascade.strategy.antiPriorities,
      checks: cascade.strategy.flags.map((flag) => sentence(flag.message)),
    },
    flagged: flaggedItems.map((item) => ({
      sheet: item.sheet,
      row: item.row,
      key: clip(item.key, 60),
      title: clip(item.title, 120),
      layer: item.layer,
      codes: cascade.flags[item.index]!.map((flag) => flag.code),
      flags: cascade.flags[item.index]!.map((flag) => `${flag.code}: ${clip(flag.message, 200)}`),
      trace: clip(tracePath(cascade, item.index).split('\n')[0]!, 300),
      effort: item.effort,
      isWork: layerSpec(item.layer).isWork,
      ...adviceOf(cascade, item),
    })),
    queue,
    atRisk: goalsAtRisk(cascade),
    warnings,
  };
}

/** Advice quotes cell text; a 50,000-character title must not make a 50,000-character sentence. */
function clipAdvice(advice: Advice): Advice {
  return { codes: advice.codes, problem: clip(advice.problem, 400), todo: advice.todo };
}

/** A row's causes, in sentences and as labels. */
function adviceOf(cascade: Cascade, item: Item): { advice: Advice[]; labels: string[] } {
  const advice = rowAdvice(cascade.flags[item.index]!, layerSpec(item.layer).isWork);
  return { advice: advice.map(clipAdvice), labels: advice.map((one) => FLAG_LABELS[one.codes[0]!]) };
}
