/**
 * A plan as "What changed" compares it (DESIGN §10): every item with the fields a change is
 * read in (title, parents with shares, effort, flags, progress), the effort mix by pillar,
 * coverage, and the declined requests. Made from a cascade, or read back from a frozen
 * snapshot tab (plan-snapshot.ts).
 */
import { itemsInCascadeOrder } from './audit';
import type { Cascade } from './cascade';
import { FLAG_CODES } from './flags';
import { tidy } from './impact-format';
import { type LayerCode, layerSpec } from './layers';
import { coverage } from './report';

export interface PlanItem {
  readonly layer: LayerCode;
  readonly sheet: string;
  readonly key: string;
  readonly title: string;
  /** The keys it links to, with shares when it has several: "G1 (60%), G2 (40%)". */
  readonly parents: string;
  readonly effort: number | null;
  readonly score: number | null;
  readonly roi: number | null;
  readonly progress: number | null;
  readonly status: string | null;
  /** Flag codes, in FLAG_CODES order. */
  readonly flags: readonly string[];
}

export interface PlanState {
  /** The snapshot tab or the file it was read from. */
  readonly label: string;
  readonly items: readonly PlanItem[];
  readonly mix: readonly { readonly key: string; readonly title: string; readonly actual: number; readonly target: number | null }[];
  /** The share of roadmap rows that reach a goal, or null with no roadmap rows. */
  readonly coverage: number | null;
  readonly declined: readonly { readonly request: string; readonly date: string; readonly reason: string }[];
  /**
   * Whether `declined` is the declined list as it was. A snapshot does not keep the list: the
   * requests of the newer plan dated on or before its `date` stand in for it.
   */
  readonly declinedKnown: boolean;
  /** The day the plan was frozen (YYYY-MM-DD), or null. */
  readonly date: string | null;
}

const finite = (value: number): number | null => (Number.isFinite(value) ? tidy(value) : null);

/** "G1 (60%), G2 (40%)": the keys an item links to, shares written when there are several. */
function parentsText(cascade: Cascade, item: number): string {
  const { links, items } = cascade;
  const parts: string[] = [];
  const count = links.offsets[item + 1]! - links.offsets[item]!;
  for (let l = links.offsets[item]!; l < links.offsets[item + 1]!; l++) {
    const target = links.target[l]!;
    const name = target >= 0 ? items[target]!.key : links.text(l);
    parts.push(count > 1 ? `${name} (${tidy(links.share[l]! * 100)}%)` : name);
  }
  return parts.join(', ');
}

export function stateOfCascade(cascade: Cascade, label: string, date: string | null = null): PlanState {
  const order = new Map<string, number>(FLAG_CODES.map((code, i) => [code, i]));
  const items = itemsInCascadeOrder(cascade).map((item): PlanItem => {
    const score = cascade.impact.score[item.index]!;
    const progress = cascade.progress.progress[item.index]!;
    return {
      layer: item.layer,
      sheet: item.sheet,
      key: item.key,
      title: item.title,
      parents: parentsText(cascade, item.index),
      effort: item.effort,
      score: finite(Number.isNaN(score) ? cascade.impact.total[item.index]! : score),
      roi: finite(cascade.impact.roi[item.index]!),
      progress: Number.isNaN(progress) ? null : progress,
      status: cascade.progress.status[item.index] ?? null,
      flags: [...new Set(cascade.flags[item.index]!.map((flag) => flag.code))].sort((a, b) => order.get(a)! - order.get(b)!),
    };
  });
  const roadmap = cascade.items.find((item) => layerSpec(item.layer).rollsUpImpact)?.layer ?? 'roadmap';
  const cover = coverage(cascade, roadmap);
  return {
    label,
    items,
    mix: cascade.investment().pillars.map(({ key, title, actual, target }) => ({ key, title, actual, target })),
    coverage: cover.rows === 0 ? null : cover.reaching / cover.rows,
    declined: cascade.declined.map((request) => ({ request: request.request, date: request.date, reason: request.reason })),
    declinedKnown: true,
    date,
  };
}
