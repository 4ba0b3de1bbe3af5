/**
 * The goals a work row can be linked to, as the sidebar's picker lists them: grouped under the
 * pillar they link to (a goal under two pillars shows in both), the anti-priorities apart with
 * the goals under them (shown as warnings, never as choices), and the goals under no pillar.
 */
import type { Cascade } from './cascade';
import type { Item } from './items';
import { layerSpec } from './layers';
import { clip } from './text';

const brief = (item: Item) => ({ key: item.key, title: clip(item.title || item.key, 200), why: clip(item.why, 500) });

/**
 * The pillars a goal is under: those it links to, and those of the goals it hangs from (a key
 * result under its objective is under the objective's pillar).
 */
function pillarsOf(cascade: Cascade, goal: number, seen = new Set<number>()): Set<number> {
  const out = new Set<number>();
  if (seen.has(goal)) return out;
  seen.add(goal);
  for (const link of cascade.links.of(goal)) {
    if (link.status !== 'ok') continue;
    const target = cascade.items[link.targets[0]!]!;
    if (layerSpec(target.layer).isStrategy) out.add(target.index);
    else if (layerSpec(target.layer).isGoal) for (const pillar of pillarsOf(cascade, target.index, seen)) out.add(pillar);
  }
  return out;
}

/** Goals grouped under their pillars (a goal under two pillars shows in both). */
export function goalPicker(cascade: Cascade) {
  const { items } = cascade;
  const goals = items.filter((item) => layerSpec(item.layer).isGoal);
  const pillars = items.filter((item) => layerSpec(item.layer).isStrategy);
  const pillarsByGoal = new Map(goals.map((goal) => [goal.index, pillarsOf(cascade, goal.index)]));
  const under = (pillar: Item) => goals.filter((goal) => pillarsByGoal.get(goal.index)!.has(pillar.index));
  const placed = new Set<number>();
  const groups = pillars
    .filter((pillar) => !pillar.isAntiPriority)
    .map((pillar) => {
      const members = under(pillar);
      for (const goal of members) placed.add(goal.index);
      return { pillar: brief(pillar), goals: members.map(brief) };
    });
  const antiPriorities = pillars
    .filter((pillar) => pillar.isAntiPriority)
    .map((anti) => {
      const members = under(anti);
      for (const goal of members) placed.add(goal.index);
      return { ...brief(anti), goals: members.map(brief) };
    });
  const loose = goals.filter((goal) => !placed.has(goal.index)).map(brief);
  return { groups, antiPriorities, loose, pillars: pillars.filter((p) => !p.isAntiPriority).map(brief), goals: goals.map(brief) };
}
