/**
 * `linkRow`: writes the link cell of a row to one or several goals, with optional shares.
 * Under the document lock it reads the sheet as it is now, finds the row by its key, checks
 * each goal exists, refuses if the cell no longer holds what the sidebar showed (an edit made
 * meanwhile is never written over), and writes that one cell (see goalColumn: never over a
 * work parent or into a label column; a "Goal" column is added when there is no place for it),
 * checking the row's key once more as it writes. If the tab has a Ladder column, the row's
 * flags are rewritten too: both cells change, or neither (the link is put back).
 */
import type { Cascade } from '../../core/cascade';
import { flagCellText } from '../../core/flag-text';
import type { Item } from '../../core/items';
import { layerSpec } from '../../core/layers';
import { cellText, clip, normalizeKey } from '../../core/text';
import { defineCall } from '../define-call';
import { goalColumn } from '../link-cell';
import { Refusal } from '../port';
import { linkInput } from '../schemas';
import { columnNamed, guardOf, itemByKey, LADDER_HEADER, load, nextColumn, planOf } from '../workbook';

/** A share as the link cell shows it: at most two decimals ("33.33"), never float noise. */
const shareText = (share: number) => String(Math.round(share * 100) / 100);

/**
 * The same goal named twice (ticked twice, or by its id and its title) is one link: its shares
 * add up, and without shares it is simply there once.
 */
function mergedGoals(goals: readonly { key: string; share: number | undefined }[]): { key: string; share: number | undefined }[] {
  const merged: { key: string; share: number | undefined }[] = [];
  for (const goal of goals) {
    const same = merged.find((entry) => entry.key === goal.key);
    if (!same) merged.push({ ...goal });
    else if (same.share !== undefined || goal.share !== undefined) same.share = (same.share ?? 0) + (goal.share ?? 0);
  }
  return merged;
}

/**
 * The row a reference names: a goal by its key first; else a row above the linked one (a
 * pillar the link cell already named, kept when the PM adds a goal beside it).
 */
function targetOf(cascade: Cascade, item: Item, key: string): Item {
  const norm = normalizeKey(key);
  const goals = cascade.items.filter((candidate) => layerSpec(candidate.layer).isGoal && candidate.keyNorm === norm);
  const matches = goals.length > 0 ? goals : cascade.items.filter((candidate) => candidate.rank < item.rank && candidate.keyNorm === norm);
  if (matches.length !== 1)
    throw new Refusal(`The goal "${clip(key, 80)}" ${matches.length === 0 ? 'is no longer there' : 'is not unique'}; refresh.`);
  return matches[0]!;
}

export const linkRow = defineCall({
  name: 'linkRow',
  input: linkInput,
  run(port, input) {
    return port.withLock(() => {
      const { cascade, snapshot } = load(port);
      const item = itemByKey(cascade, input.sheet, input.key, input.expectedTitle);
      if (!layerSpec(item.layer).isWork) throw new Refusal('Only roadmap and task rows are linked to goals here.');
      const goals = mergedGoals(input.goals.map(({ key, share }) => ({ key: targetOf(cascade, item, key).key, share })));
      const total = goals.reduce((sum, goal) => sum + (goal.share ?? 0), 0);
      if (total > 100.0001) throw new Refusal(`The shares add up to ${total}%, more than 100%.`);
      const text = goals.map((goal) => (goal.share === undefined ? goal.key : `${goal.key} (${shareText(goal.share)}%)`)).join(', ');
      const plan = planOf(cascade, item.sheet);
      const guard = guardOf(cascade, plan, item);
      let column = (goalColumn(cascade, plan, item) ?? -1) + 1;
      if (column === 0) column = columnNamed(plan, 'Goal');
      const header = column === 0;
      if (header) column = nextColumn(snapshot, plan);
      // Both cells are checked before either is written: a dropdown refusing the link leaves no stray header.
      if (header) port.checkWrite(item.sheet, plan.headerRow!, column, 'Goal');
      port.checkWrite(item.sheet, item.row, column, text);
      const previous = header ? '' : port.readCell(item.sheet, item.row, column);
      if (input.expectedLink !== undefined && cellText(previous).trim() !== input.expectedLink.trim()) {
        throw new Refusal(
          `The link of "${clip(item.title || item.key, 80)}" changed since the sidebar read it: it now reads "${clip(cellText(previous), 120)}". Look at it again and save once more.`,
        );
      }
      if (header) port.writeCell(item.sheet, plan.headerRow!, column, 'Goal');
      port.writeCell(item.sheet, item.row, column, text, guard);

      const ladder = columnNamed(plan, LADDER_HEADER);
      if (ladder > 0) {
        try {
          const after = load(port).cascade;
          const linked = itemByKey(after, item.sheet, item.key);
          port.writeCell(item.sheet, item.row, ladder, flagCellText(after.flags[linked.index]!), guard);
        } catch (error) {
          port.writeCell(item.sheet, item.row, column, previous);
          throw error;
        }
      }
      const titleOf = (key: string) => targetOf(cascade, item, key).title || key;
      return {
        sheet: item.sheet,
        row: item.row,
        key: item.key,
        title: item.title,
        linkText: text,
        previous: cellText(previous),
        goals: goals.map((goal) => ({ key: goal.key, title: clip(titleOf(goal.key), 200), share: goal.share ?? null })),
      };
    });
  },
});
