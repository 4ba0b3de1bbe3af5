/**
 * `strategy`: the one-pager (pillars and anti-priorities with their why, goals under each)
 * and where the roadmap's effort goes: by pillar, by goal, and the share that reaches none.
 * A row's effort follows its shares to its goals, and a goal's to its pillars.
 */
import type { Cascade } from '../../core/cascade';
import { layerSpec } from '../../core/layers';
import { clip } from '../../core/text';
import type { WorkbookPort } from '../port';
import { noInput } from '../schemas';
import { load } from '../workbook';
import { goalPicker } from './row-context';

export function effortSplit(cascade: Cascade) {
  const { items, links, impact, reach } = cascade;
  const byGoal = new Map<number, number>();
  let total = 0;
  let noGoal = 0;
  for (const item of items) {
    if (!layerSpec(item.layer).rollsUpImpact || item.effort === null) continue;
    total += item.effort;
    const shares = impact.goalShares[item.index]!;
    const sum = shares.reduce((acc, [, share]) => acc + share, 0);
    if (!reach.throughGoal[item.index] || sum === 0) {
      noGoal += item.effort;
      continue;
    }
    // Shares below 100% (a broken second link) still put all the effort on the goals it reaches.
    for (const [goal, share] of shares) byGoal.set(goal, (byGoal.get(goal) ?? 0) + (item.effort * share) / sum);
  }
  const byPillar = new Map<number, number>();
  let unplaced = 0;
  for (const [goal, effort] of byGoal) {
    const up = links.of(goal).filter((link) => link.status === 'ok' && layerSpec(items[link.targets[0]!]!.layer).isStrategy);
    const sum = up.reduce((acc, link) => acc + link.share, 0);
    if (sum === 0) unplaced += effort;
    for (const link of up) byPillar.set(link.targets[0]!, (byPillar.get(link.targets[0]!) ?? 0) + (effort * link.share) / sum);
  }
  const named = (map: Map<number, number>) => [...map].map(([index, effort]) => ({
    key: items[index]!.key, title: clip(items[index]!.title || items[index]!.key, 120), effort, anti: items[index]!.isAntiPriority,
  })).sort((a, b) => b.effort - a.effort);
  return { total, noGoal, byGoal: named(byGoal), byPillar: named(byPillar), noPillar: unplaced };
}

export const strategy = {
  name: 'strategy' as const,
  input: noInput,
  run(port: WorkbookPort) {
    const { cascade, warnings } = load(port);
    return { ...goalPicker(cascade), checks: cascade.strategy.flags.map((flag) => flag.message), effort: effortSplit(cascade), warnings };
  },
};
