/**
 * `rowContext`: what the Link view shows for the selected row: its trace and flags, and the
 * goals to link it to, grouped by pillar, with the anti-priorities as warnings.
 */
import type { Cascade } from '../../core/cascade';
import type { Item } from '../../core/items';
import { layerSpec } from '../../core/layers';
import { clip } from '../../core/text';
import { tracePath, traceWhy } from '../../core/trace';
import type { WorkbookPort } from '../port';
import { selectionInput } from '../schemas';
import { load } from '../workbook';

const brief = (item: Item) => ({ key: item.key, title: clip(item.title || item.key, 200), why: clip(item.why, 500) });

/** Goals grouped under the pillar they link to (a goal under two pillars shows in both). */
export function goalPicker(cascade: Cascade) {
  const { items, links } = cascade;
  const goals = items.filter((item) => layerSpec(item.layer).isGoal);
  const pillars = items.filter((item) => layerSpec(item.layer).isStrategy);
  const under = (pillar: Item) =>
    goals.filter((goal) => links.of(goal.index).some((link) => link.status === 'ok' && link.targets[0] === pillar.index));
  const placed = new Set<number>();
  const groups = pillars.filter((pillar) => !pillar.isAntiPriority).map((pillar) => {
    const members = under(pillar);
    for (const goal of members) placed.add(goal.index);
    return { pillar: brief(pillar), goals: members.map(brief) };
  });
  const antiPriorities = pillars.filter((pillar) => pillar.isAntiPriority).map((anti) => {
    const members = under(anti);
    for (const goal of members) placed.add(goal.index);
    return { ...brief(anti), goals: members.map(brief) };
  });
  const loose = goals.filter((goal) => !placed.has(goal.index)).map(brief);
  return { groups, antiPriorities, loose, pillars: pillars.filter((p) => !p.isAntiPriority).map(brief), goals: goals.map(brief) };
}

export const rowContext = {
  name: 'rowContext' as const,
  input: selectionInput,
  run(port: WorkbookPort, input: { sheet?: string | undefined; row?: number | undefined } | undefined) {
    const { cascade } = load(port);
    const selected = input?.sheet && input.row ? { sheet: input.sheet, row: input.row } : port.selection();
    const item = selected ? cascade.items.find((candidate) => candidate.sheet === selected.sheet && candidate.row === selected.row) : undefined;
    return {
      selection: selected,
      item: item
        ? {
          sheet: item.sheet, row: item.row, key: item.key, title: item.title, layer: item.layer,
          linkText: (item.linkCells ?? []).join(', '),
          canLink: layerSpec(item.layer).isWork,
          flags: cascade.flags[item.index]!.map((flag) => ({ code: flag.code, message: clip(flag.message, 300) })),
          trace: tracePath(cascade, item.index),
          why: traceWhy(cascade, item.index),
        }
        : null,
      picker: goalPicker(cascade),
    };
  },
};
