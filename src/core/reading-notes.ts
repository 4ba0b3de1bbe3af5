/**
 * What the PM should know about how the workbook was read (DESIGN §2a, the audit's
 * `warnings`): a tab's layer guessed from its columns, a column read as a label, a tab that
 * was found but gave no items and why, a workbook with no goals tab. Each is said once.
 */
import type { TabPlan } from './detect';
import type { Item } from './items';
import { LAYERS, type LayerCode, layerSpec } from './layers';
import type { LabelColumn } from './link-columns';
import type { SheetSnapshot } from './snapshot';
import { cellText } from './text';

const GOALS: LayerCode = LAYERS.find((spec) => spec.isGoal)!.code;

function quoted(list: readonly string[]): string {
  return list.map((text) => `"${text}"`).join(', ');
}

/** One note for a column read as a label, with its values; one line for several (a Jira export has five). */
export function labelNote(plan: TabPlan, labels: readonly LabelColumn[]): string {
  if (labels.length > 1) {
    const down = labels.every((label) => label.pointsDown);
    const listed = labels.map((label) => `"${label.header}" (${quoted(label.examples.slice(0, 1))})`).join(', ');
    return `${plan.sheet}: the columns ${listed} were read as labels, not as links: ${
      down ? 'their values name items below their rows, and links point up' : 'none of their values names an item above'
    }`;
  }
  const label = labels[0]!;
  const start = `${plan.sheet}: the column "${label.header}" was read as a label, not as links:`;
  if (label.values === 1) {
    return label.pointsDown
      ? `${start} its only value (${quoted(label.examples)}) names an item below its row, and links point up`
      : `${start} its only value (${quoted(label.examples)}) names no item above`;
  }
  const values = `${label.values} values (${quoted(label.examples)})`;
  return label.pointsDown
    ? `${start} its ${values} name items below their rows, and links point up`
    : `${start} none of its ${values} names an item above`;
}

/** Why a tab with a header row and a title or id column gave no items. */
function emptyReason(plan: TabPlan & { headerRow: number }, sheet: SheetSnapshot): string {
  const below = sheet.values.length - plan.headerRow;
  if (below <= 0 || sheet.values.slice(plan.headerRow).every((row) => row.every((cell) => cellText(cell) === ''))) {
    return `nothing is written below its header row ${plan.headerRow}`;
  }
  return `its rows below header row ${plan.headerRow} have no title or id`;
}

export interface ReadingInput {
  readonly plans: readonly TabPlan[];
  readonly sheets: ReadonlyMap<string, SheetSnapshot>;
  /** Items read from each tab. */
  readonly counts: ReadonlyMap<string, number>;
  readonly items: readonly Item[];
  readonly labels: readonly string[];
}

export function readingNotes({ plans, sheets, counts, items, labels }: ReadingInput): string[] {
  const notes: string[] = [];
  for (const plan of plans) {
    for (const problem of plan.problems) notes.push(`${plan.sheet}: ${problem}.`);
    if (plan.use === 'declined' || (counts.get(plan.sheet) ?? 0) > 0) continue;
    const sheet = sheets.get(plan.sheet)!;
    // A missing header row, or one with no title or id column, is already said among the problems.
    const said = plan.headerRow === null || (plan.columns.title === undefined && plan.columns.id === undefined);
    if (!said)
      notes.push(
        `${plan.sheet}: read as ${layerSpec(plan.use).code} but gave no items: ${emptyReason({ ...plan, headerRow: plan.headerRow! }, sheet)}.`,
      );
  }
  for (const label of labels) notes.push(`${label}.`);
  const work = items.some((item) => layerSpec(item.layer).isWork);
  if (work && !plans.some((plan) => plan.use === GOALS)) {
    notes.push('The workbook has no goals tab, so no work can reach a goal: add a tab of goals or OKRs, or map one in Setup.');
  }
  return notes;
}
