/**
 * `linkRow`: writes the link cell of a row to one or several goals, with optional shares.
 * Under the document lock it reads the sheet as it is now, finds the row by its key, checks
 * each goal exists, and writes that one cell (see goalColumn: never over a work parent or into
 * a label column; a "Goal" column is added when there is no place for it),
 * checking the row's key once more as it writes. If the tab has a Ladder column, the row's
 * flags are rewritten too: both cells change, or neither (the link is put back).
 */
import type { Cascade } from '../../core/cascade';
import { headerTokens, isPlainLinkHeader, layersNamed } from '../../core/columns';
import type { TabPlan } from '../../core/detect';
import type { Item } from '../../core/items';
import { flagCellText } from '../../core/flag-text';
import { layerSpec } from '../../core/layers';
import { clip, normalizeKey } from '../../core/text';
import { Refusal, type WorkbookPort } from '../port';
import { linkInput } from '../schemas';
import { columnNamed, guardOf, itemByKey, LADDER_HEADER, load, nextColumn, planOf } from '../workbook';

type LinkInput = typeof linkInput['_zod']['output'];

const namesGoals = (header: string) => layersNamed(headerTokens(header)).some((spec) => spec.isGoal);

/**
 * Where a row's goals are written: a link column named for goals ("Goal", "Objective #"), even
 * one read as a label because its ids match nothing yet; else the tab's first link column,
 * unless this row's link there names work above it (a story's epic in Jira's "Parent"), which
 * a goal must not replace; else none, and a Goal column is added. Never a label column such as
 * "Theme" or "Project lead".
 */
function goalColumn(cascade: Cascade, plan: TabPlan, item: Item): number | undefined {
  // A label column takes the goal only when its header says nothing but "goal" ("Goal", "OKR #"), not "Success metric".
  const named = [...(plan.columns.parent ?? []), ...(plan.labelColumns ?? []).filter((column) => isPlainLinkHeader(plan.headers[column] ?? ''))]
    .find((column) => namesGoals(plan.headers[column] ?? ''));
  if (named !== undefined) return named;
  const first = plan.columns.parent?.[0];
  const linksToWork = cascade.links.of(item.index).some((link) => link.targets.some((target) => layerSpec(cascade.items[target]!.layer).isWork));
  return first !== undefined && !linksToWork ? first : undefined;
}

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

export const linkRow = {
  name: 'linkRow' as const,
  input: linkInput,
  run(port: WorkbookPort, input: LinkInput) {
    return port.withLock(() => {
      const { cascade, snapshot } = load(port);
      const item = itemByKey(cascade, input.sheet, input.key, input.expectedTitle);
      if (!layerSpec(item.layer).isWork) throw new Refusal('Only roadmap and task rows are linked to goals here.');
      const goals = mergedGoals(input.goals.map(({ key, share }) => {
        const matches = cascade.items.filter((candidate) => layerSpec(candidate.layer).isGoal && candidate.keyNorm === normalizeKey(key));
        if (matches.length !== 1) throw new Refusal(`The goal "${clip(key, 80)}" ${matches.length === 0 ? 'is no longer there' : 'is not unique'}; refresh.`);
        return { key: matches[0]!.key, share };
      }));
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
      if (header) port.writeCell(item.sheet, plan.headerRow!, column, 'Goal');
      const previous = port.readCell(item.sheet, item.row, column);
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
      return { sheet: item.sheet, row: item.row, key: item.key, linkText: text };
    });
  },
};
