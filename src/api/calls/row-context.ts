/**
 * `rowContext`: what the Link view and a review card show for a row: its trace (one line per
 * path) and its flags in words, the links its goal cell holds now, the goals to link it to
 * (grouped by pillar, with the anti-priorities as warnings), and what a decline would do
 * (where the receipt goes, which columns it adds, which rows link to it).
 */
import type { Cascade } from '../../core/cascade';
import type { Item } from '../../core/items';
import { layerSpec } from '../../core/layers';
import { FLAG_LABELS, rowAdvice } from '../../core/row-advice';
import { clip } from '../../core/text';
import { tracePath, traceWhy } from '../../core/trace';
import { cellOf, goalColumn, linksInCell } from '../link-cell';
import type { WorkbookPort } from '../port';
import { selectionInput } from '../schemas';
import { columnNamed, LADDER_HEADER, type Loaded, load, planOf } from '../workbook';
import { dependentsOf, receiptPlan } from './decline-row';

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

export const rowContext = {
  name: 'rowContext' as const,
  input: selectionInput,
  run(port: WorkbookPort, input: { sheet?: string | undefined; row?: number | undefined } | undefined) {
    const loaded = load(port);
    const { cascade } = loaded;
    const selected = input?.sheet && input.row ? { sheet: input.sheet, row: input.row } : port.selection();
    const item = selected
      ? cascade.items.find((candidate) => candidate.sheet === selected.sheet && candidate.row === selected.row)
      : undefined;
    return {
      selection: selected,
      item: item ? rowFacts(loaded, item) : null,
      picker: goalPicker(cascade),
    };
  },
};

/** Paths listed one per line; the rest are counted ("+3 more"), since a row under many goals has dozens. */
const PATHS_SHOWN = 5;

function rowFacts({ cascade, snapshot }: Loaded, item: Item) {
  const spec = layerSpec(item.layer);
  const plan = planOf(cascade, item.sheet);
  const column = spec.isWork ? goalColumn(cascade, plan, item) : undefined;
  const linkCell = cellOf(snapshot, item, column);
  const paths = tracePath(cascade, item.index)
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('… more paths'));
  const dependents = spec.isWork ? dependentsOf(cascade, item) : [];
  const receipts = receiptPlan(cascade);
  return {
    sheet: item.sheet,
    row: item.row,
    key: item.key,
    title: item.title,
    layer: item.layer,
    noun: spec.noun,
    canLink: spec.isWork,
    flags: cascade.flags[item.index]!.map((flag) => ({ code: flag.code, label: FLAG_LABELS[flag.code], message: clip(flag.message, 300) })),
    advice: rowAdvice(cascade.flags[item.index]!, spec.isWork).map((advice) => ({ ...advice, problem: clip(advice.problem, 400) })),
    paths: paths.slice(0, PATHS_SHOWN).map((line) => clip(line, 600)),
    morePaths: Math.max(0, paths.length - PATHS_SHOWN) + (cascade.paths.isTruncated(item.index) ? 1 : 0),
    why: traceWhy(cascade, item.index),
    /** The goal cell: its header ('' when saving adds a Goal column), what it holds, and those links. */
    linkColumn: column === undefined ? '' : clip(plan.headers[column] ?? '', 80),
    linkCell,
    links: spec.isWork ? linksInCell(cascade, item, linkCell) : [],
    /** Rows that link to this one (its tasks), which removing it would leave without a goal. */
    dependents: { count: dependents.length, titles: dependents.slice(0, 5).map((other) => clip(other.title || other.key, 120)) },
    decline: {
      /** The declined list's tab; null when "Not on roadmap" would be created. */
      sheet: receipts.sheet,
      missing: receipts.missing.map((entry) => ({ role: entry.role, header: entry.header })),
      /** Whether marking the row declined adds a Status column to its tab. */
      addsStatus: columnNamed(plan, 'Status') === 0,
      hasLadderColumn: columnNamed(plan, LADDER_HEADER) > 0,
    },
    markedDeclined: cascade.structure.markedDeclined.get(item.index) ?? null,
  };
}
