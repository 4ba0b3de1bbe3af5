/**
 * `rowContext`: what the Link view and a review card show for a row: its trace (one line per
 * path) and its flags in words, the links its goal cell holds now, the goals to link it to
 * (grouped by pillar, with the anti-priorities as warnings), and what a decline would do
 * (where the receipt goes, which columns it adds, which rows link to it).
 */

import type { Cascade } from '../../core/cascade';
import { declinedOn, dependentsOf } from '../../core/declines';
import { goalPicker } from '../../core/goal-picker';
import type { Item } from '../../core/items';
import { layerSpec } from '../../core/layers';
import { FLAG_LABELS, rowAdvice } from '../../core/row-advice';
import { clip, normalizeKey } from '../../core/text';
import { tracePath, traceWhy } from '../../core/trace';
import { defineCall } from '../define-call';
import { cellOf, goalColumn, linksInCell } from '../link-cell';
import { selectionInput } from '../schemas';
import { columnNamed, LADDER_HEADER, type Loaded, load, planOf } from '../workbook';
import { receiptPlan } from './decline-row';

export const rowContext = defineCall({
  name: 'rowContext',
  input: selectionInput,
  run(port, input) {
    const loaded = load(port);
    const { cascade } = loaded;
    const selected = input?.sheet && input.row ? { sheet: input.sheet, row: input.row } : port.selection();
    const byKey = input?.key === undefined ? [] : keyed(cascade, selected?.sheet, input.key);
    // A key on one row only: that row, wherever it is now. Otherwise the row at that number.
    const item =
      byKey.length === 1
        ? byKey[0]
        : selected
          ? cascade.items.find((candidate) => candidate.sheet === selected.sheet && candidate.row === selected.row)
          : undefined;
    return {
      selection: selected,
      item: item ? rowFacts(loaded, item, port.today()) : null,
      picker: goalPicker(cascade),
    };
  },
});

/** The items of a tab with this key. */
function keyed(cascade: Cascade, sheet: string | undefined, key: string): Item[] {
  const norm = normalizeKey(key);
  return cascade.items.filter((candidate) => candidate.sheet === sheet && candidate.keyNorm === norm);
}

/** Paths listed one per line; the rest are counted ("+3 more"), since a row under many goals has dozens. */
const PATHS_SHOWN = 5;

function rowFacts({ cascade, snapshot }: Loaded, item: Item, today: string) {
  const earlier = declinedOn(cascade, today, item.title);
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
    /** A receipt for this request dated today: declining again adds none (the form says so first). */
    declinedToday: earlier ? { sheet: earlier.sheet, row: earlier.row, reason: clip(earlier.reason, 300) } : null,
  };
}
