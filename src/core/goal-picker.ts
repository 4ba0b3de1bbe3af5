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

/** Goals grouped under the pillar they link to (a goal under two pillars shows in both). */
export function goalPicker(cascade: Cascade) {
  const { items, links } = cascade;
  const goals = items.filter((item) => layerSpec(item.layer).isGoal);
  const pillars = items.filter((item) => layerSpec(item.layer).isStrategy);
  const under = (pillar: Item) =>
    goals.filter((goal) => links.of(goal.index).some((link) => link.status === 'ok' && link.targets[0] === pillar.index));
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
