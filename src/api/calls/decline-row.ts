/**
 * `declineRow`: records a request that was said no to on the declined list (date, request,
 * who asked, the reason, the pillar it didn't fit, the goal it didn't move, each by its
 * title and id, for whoever reads it next quarter), then leaves, marks or removes the
 * roadmap row. Under the document lock, by key. A column the receipt needs and the list
 * lacks is added (the PM is told beforehand: see receiptPlan). A second decline of the same
 * request the same day adds nothing and answers where the first receipt is.
 */
import type * as z from 'zod/mini';
import type { Cascade } from '../../core/cascade';
import { declinedOn, dependentsOf, receiptName } from '../../core/declines';
import type { TabPlan } from '../../core/detect';
import type { DeclinedRequest, Item } from '../../core/items';
import { layerSpec } from '../../core/layers';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { clip, normalizeKey } from '../../core/text';
import { defineCall } from '../define-call';
import { Refusal, type RowGuard, type WorkbookPort, type Writable } from '../port';
import { declineInput } from '../schemas';
import { assertGuard, columnNamed, guardOf, itemByKey, load, nextColumn, planOf } from '../workbook';

export const DECLINED_TAB = 'Not on roadmap';
export const DECLINED_HEADERS = ['Date', 'Request', 'Requested by', 'Reason', "Pillar it didn't fit", "Goal it didn't move"];

type ReceiptRole = 'date' | 'title' | 'who' | 'why' | 'pillar' | 'goal';
const RECEIPT_ROLES: readonly ReceiptRole[] = ['date', 'title', 'who', 'why', 'pillar', 'goal'];
/** The header Ladder gives each receipt column it adds. */
export const RECEIPT_HEADERS: Record<ReceiptRole, string> = Object.fromEntries(
  RECEIPT_ROLES.map((role, i) => [role, DECLINED_HEADERS[i]!]),
) as Record<ReceiptRole, string>;

/**
 * Where a receipt goes: the declined list (null when there is none yet, and "Not on roadmap"
 * is created), and the headers of the columns it lacks for what a receipt can hold.
 */
export function receiptPlan(cascade: Cascade): { sheet: string | null; missing: { role: ReceiptRole; header: string }[] } {
  const plan = cascade.plans.find((candidate) => candidate.use === 'declined');
  if (!plan) return { sheet: null, missing: [] };
  return {
    sheet: plan.sheet,
    missing: RECEIPT_ROLES.filter((role) => plan.columns[role] === undefined).map((role) => ({ role, header: RECEIPT_HEADERS[role] })),
  };
}

/** Where "Declined <date>" goes (a Status column, added if there is none), checked before anything is written. */
function statusCell(port: WorkbookPort, snapshot: WorkbookSnapshot, plan: TabPlan, sheet: string, row: number, text: string) {
  const existing = columnNamed(plan, 'Status');
  const column = existing === 0 ? nextColumn(snapshot, plan) : existing;
  if (existing === 0) port.checkWrite(sheet, plan.headerRow!, column, 'Status');
  port.checkWrite(sheet, row, column, text);
  return { column, header: existing === 0, text };
}

type DeclineInput = z.output<typeof declineInput>;
/** Where "Declined <date>" goes: see statusCell. */
type StatusMark = ReturnType<typeof statusCell>;

/** The answer to a decline already recorded today: no second receipt, it says where the first one is. */
function repeatReply(earlier: DeclinedRequest, input: DeclineInput, title: string) {
  return {
    declinedRow: earlier.row,
    sheet: earlier.sheet,
    action: input.action,
    repeated: true,
    title,
    key: input.key,
    earlierReason: clip(earlier.reason, 300),
    addedColumns: [] as string[],
    statusAdded: false,
  };
}

/** Refuses to remove a row that tasks link to, unless the PM said to remove it anyway. */
function assertNoTasksLeft(cascade: Cascade, item: Item, input: DeclineInput): void {
  if (input.action !== 'remove' || input.removeWithTasks === true) return;
  const tasks = dependentsOf(cascade, item);
  if (tasks.length === 0) return;
  const names = tasks
    .slice(0, 3)
    .map((task) => `"${clip(task.title || task.key, 60)}"`)
    .join(', ');
  throw new Refusal(
    `${tasks.length === 1 ? '1 row links' : `${tasks.length} rows link`} to "${clip(item.title || item.key, 80)}" (${names}${tasks.length > 3 ? ', …' : ''}): removing it leaves ${tasks.length === 1 ? 'it' : 'them'} linked to a row that is gone, with no goal. Say so to remove it anyway.`,
  );
}

/** Marks the roadmap row declined, or removes it, as the PM asked; a row kept is left as it is. */
function markOrRemove(port: WorkbookPort, item: Item, itemPlan: TabPlan, mark: StatusMark | null, guard: RowGuard, input: DeclineInput) {
  if (mark) {
    if (mark.header) port.writeCell(item.sheet, itemPlan.headerRow!, mark.column, 'Status');
    port.writeCell(item.sheet, item.row, mark.column, mark.text, guard);
  } else if (input.action === 'remove') port.deleteRow(item.sheet, item.row, guard);
}

/** The declined list's plan, "Not on roadmap" created first when there is none. */
function declinedList(port: WorkbookPort, loaded: { cascade: Cascade; snapshot: WorkbookSnapshot }) {
  let { cascade, snapshot } = loaded;
  let plan = cascade.plans.find((candidate) => candidate.use === 'declined');
  if (!plan) {
    port.addSheet(DECLINED_TAB, [DECLINED_HEADERS]);
    ({ cascade, snapshot } = load(port));
    plan = planOf(cascade, DECLINED_TAB);
  }
  if (plan.headerRow === null) throw new Refusal(`The declined list "${plan.sheet}" needs a header row.`);
  return { cascade, snapshot, plan: plan as TabPlan & { headerRow: number } };
}

/** The receipt's cells in the list's columns, and the columns added for what it lacks. */
function receiptRow(snapshot: WorkbookSnapshot, plan: TabPlan, values: Record<ReceiptRole, Writable>) {
  // What the PM filled in is never dropped for want of a column: the column is added, after the list's last one.
  const added: { column: number; header: string }[] = [];
  const columnOf = new Map<ReceiptRole, number>();
  let free = nextColumn(snapshot, plan);
  for (const role of RECEIPT_ROLES) {
    const existing = plan.columns[role]?.[0];
    if (existing !== undefined) columnOf.set(role, existing + 1);
    else if (values[role] !== '') {
      added.push({ column: free, header: RECEIPT_HEADERS[role] });
      columnOf.set(role, free++);
    }
  }
  const width = Math.max(plan.headers.length, ...columnOf.values(), 1);
  const row: Writable[] = Array.from({ length: width }, () => '');
  for (const [role, column] of columnOf) if (values[role] !== '') row[column - 1] = values[role];
  return { row, added };
}

/**
 * Writes the receipt (its new column headers, then its row), then `alongside`; if any of it
 * fails, the receipt and its new columns are taken back. Answers the receipt's row.
 */
function writeReceipt(
  port: WorkbookPort,
  plan: TabPlan & { headerRow: number },
  receipt: ReturnType<typeof receiptRow>,
  alongside: () => void,
): number {
  let declinedRow = 0;
  const written: number[] = [];
  try {
    for (const { column, header } of receipt.added) {
      port.writeCell(plan.sheet, plan.headerRow, column, header);
      written.push(column);
    }
    declinedRow = port.appendRow(plan.sheet, receipt.row);
    alongside();
  } catch (error) {
    // The receipt and the change to the row go together: take the receipt and its new columns back.
    if (declinedRow > 0) port.deleteRow(plan.sheet, declinedRow);
    for (const column of written) port.writeCell(plan.sheet, plan.headerRow, column, '');
    throw error;
  }
  return declinedRow;
}

function decline(port: WorkbookPort, input: DeclineInput) {
  const today = port.today();
  const loaded = load(port);
  const { cascade, snapshot } = loaded;
  const stillThere = cascade.items.some((candidate) => candidate.sheet === input.sheet && candidate.keyNorm === normalizeKey(input.key));
  // A double click: the first click declined (and perhaps removed) the row already.
  const earlier = declinedOn(cascade, today, stillThere ? itemByKey(cascade, input.sheet, input.key).title : (input.expectedTitle ?? ''));
  const title = stillThere ? itemByKey(cascade, input.sheet, input.key).title : (input.expectedTitle ?? input.key);
  // The row already went with the first click (removed): nothing is left to do.
  if (earlier && !stillThere) return repeatReply(earlier, input, title);
  const item = itemByKey(cascade, input.sheet, input.key, input.expectedTitle);
  if (!layerSpec(item.layer).isWork) throw new Refusal('Only roadmap and task rows are declined here.');
  assertNoTasksLeft(cascade, item, input);
  const itemPlan = planOf(cascade, item.sheet);
  const guard = guardOf(cascade, itemPlan, item);
  // Checked before anything is written, the declined list included.
  if (input.action !== 'keep') assertGuard(port, item.sheet, item.row, guard);
  if (input.action === 'remove') port.checkDelete(item.sheet, item.row);
  const mark = input.action === 'mark' ? statusCell(port, snapshot, itemPlan, item.sheet, item.row, `Declined ${today}`) : null;
  if (earlier) {
    // Declined today already (a second click, or first left as it was): no second receipt, but the row
    // is still marked or removed as asked now.
    markOrRemove(port, item, itemPlan, mark, guard, input);
    return { ...repeatReply(earlier, input, title), statusAdded: mark?.header ?? false };
  }
  const list = declinedList(port, loaded);
  const receipt = receiptRow(list.snapshot, list.plan, {
    // A real date, like the list's other receipts, so the column still sorts and filters.
    date: { day: today },
    title: item.title || item.key,
    who: input.who ?? '',
    why: input.reason,
    pillar: receiptName(list.cascade, input.pillar),
    goal: receiptName(list.cascade, input.goal),
  });
  const { plan } = list;
  for (const { column, header } of receipt.added) port.checkWrite(plan.sheet, plan.headerRow, column, header);
  receipt.row.forEach((value, c) => {
    port.checkWrite(plan.sheet, null, c + 1, value);
  });
  const declinedRow = writeReceipt(port, plan, receipt, () => markOrRemove(port, item, itemPlan, mark, guard, input));
  return {
    declinedRow,
    sheet: plan.sheet,
    action: input.action,
    repeated: false,
    title: item.title,
    key: item.key,
    earlierReason: '',
    addedColumns: receipt.added.map((entry) => entry.header),
    statusAdded: mark?.header ?? false,
  };
}

export const declineRow = defineCall({
  name: 'declineRow',
  input: declineInput,
  run: (port, input) => port.withLock(() => decline(port, input)),
});
