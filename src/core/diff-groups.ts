/**
 * "What changed since…" as the sidebar groups it (DESIGN §10): each change under the pillar
 * and the goal its row serves now (the first path up, as TRACE walks it), the changes of the
 * pillars and goals themselves under their own names, and whatever is gone or linked to
 * nothing under a group of its own.
 */
import type { Cascade } from './cascade';
import { changeSentence } from './diff-report';
import { layerSpec } from './layers';
import { pathNodes } from './paths';
import type { ItemChange, PlanDiff } from './plan-diff';
import { clip, normalizeKey } from './text';

export interface ChangeGroup {
  /** The pillar's title, or null for changes that reach no pillar. */
  readonly pillar: string | null;
  /** The goal's title, or null for changes above the goals or that reach no goal. */
  readonly goal: string | null;
  readonly changes: readonly (ItemChange & { readonly sentence: string })[];
}

/** The pillar and goal a row of the newer plan sits under, by its first path up. */
function placeOf(cascade: Cascade, change: ItemChange): { pillar: string | null; goal: string | null } {
  const norm = normalizeKey(change.key);
  const item = cascade.items.find((candidate) => candidate.layer === change.layer && candidate.keyNorm === norm);
  if (!item || change.change === 'removed') return { pillar: null, goal: null };
  const nodes =
    cascade.paths.count(item.index) === 0
      ? [item.index]
      : [item.index, ...pathNodes(cascade.paths.firstOf(item.index)).filter((node) => node !== item.index)];
  const title = (index: number | undefined) =>
    index === undefined ? null : clip(cascade.items[index]!.title || cascade.items[index]!.key, 200);
  const goal = nodes.find((node) => layerSpec(cascade.items[node]!.layer).isGoal);
  const pillar = nodes.find((node) => layerSpec(cascade.items[node]!.layer).isStrategy);
  return { pillar: title(pillar), goal: title(goal) };
}

export function groupChanges(diff: PlanDiff, newer: Cascade): ChangeGroup[] {
  const groups = new Map<string, { pillar: string | null; goal: string | null; changes: (ItemChange & { sentence: string })[] }>();
  for (const change of diff.items) {
    const place = placeOf(newer, change);
    const id = `${place.pillar ?? ''}\u0000${place.goal ?? ''}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { ...place, changes: [] }));
    group.changes.push({ ...change, sentence: changeSentence(change) });
  }
  // Pillars in the order met, the group reaching no pillar last.
  return [...groups.values()].sort((a, b) => Number(a.pillar === null) - Number(b.pillar === null));
}
