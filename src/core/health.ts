/**
 * The cascade's health at a glance, for the sidebar: counts per flag, how much of the
 * roadmap reaches a goal (rows and effort), the strategy checks, and the flagged rows.
 * Plain data: whoever shows it decides how (and escapes it).
 */
import { itemsInCascadeOrder } from './audit';
import type { Cascade } from './cascade';
import { flagCounts, type FlagCode } from './flags';
import { LAYERS } from './layers';
import { coverage } from './report';
import { clip } from './text';
import { tracePath } from './trace';

export interface Health {
  readonly items: number;
  readonly flagCounts: readonly { readonly code: FlagCode; readonly rows: number }[];
  readonly coverage: readonly { readonly layer: string; readonly rows: number; readonly reaching: number; readonly effort: number; readonly effortReaching: number }[];
  readonly strategy: { readonly pillars: number; readonly antiPriorities: number; readonly checks: readonly string[] };
  readonly flagged: readonly {
    readonly sheet: string; readonly row: number; readonly key: string; readonly title: string; readonly layer: string;
    readonly flags: readonly string[]; readonly codes: readonly string[]; readonly trace: string;
  }[];
  readonly warnings: readonly string[];
}

/** At most this many flagged rows are listed (the counts cover them all). */
export const HEALTH_ROW_LIMIT = 200;

export function cascadeHealth(cascade: Cascade, warnings: readonly string[] = []): Health {
  const flaggedItems = itemsInCascadeOrder(cascade).filter((item) => cascade.flags[item.index]!.length > 0);
  return {
    items: cascade.items.length,
    flagCounts: flagCounts(cascade),
    coverage: LAYERS.filter((spec) => spec.isWork).map((spec) => ({ layer: spec.code, ...coverage(cascade, spec.code) })).filter((entry) => entry.rows > 0),
    strategy: {
      pillars: cascade.strategy.pillars,
      antiPriorities: cascade.strategy.antiPriorities,
      checks: cascade.strategy.flags.map((flag) => `${flag.code}: ${flag.message}`),
    },
    flagged: flaggedItems.slice(0, HEALTH_ROW_LIMIT).map((item) => ({
      sheet: item.sheet,
      row: item.row,
      key: clip(item.key, 60),
      title: clip(item.title, 120),
      layer: item.layer,
      codes: cascade.flags[item.index]!.map((flag) => flag.code),
      flags: cascade.flags[item.index]!.map((flag) => `${flag.code}: ${clip(flag.message, 200)}`),
      trace: clip(tracePath(cascade, item.index).split('\n')[0]!, 300),
    })),
    warnings,
  };
}
