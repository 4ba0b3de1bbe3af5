/**
 * `declineRow`: records a request that was said no to on the declined list (date, request,
 * who asked, the reason, the pillar it didn't fit, the goal it didn't move), then leaves,
 * marks or removes the roadmap row. Under the document lock, by key; a second click on the
 * same request the same day adds nothing (the first one already did the work).
 */
import type { TabPlan } from '../../core/detect';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { normalizeKey, normalizeLoose } from '../../core/text';
import { layerSpec } from '../../core/layers';
import { Refusal, type WorkbookPort, type Writable } from '../port';
import { declineInput } from '../schemas';
import { assertGuard, columnNamed, guardOf, itemByKey, load, nextColumn, planOf } from '../workbook';

type DeclineInput = typeof declineInput['_zod']['output'];

export const DECLINED_TAB = 'Not on roadmap';
export const DECLINED_HEADERS = ['Date', 'Request', 'Requested by', 'Reason', "Pillar it didn't fit", "Goal it didn't move"];

/** Where "Declined <date>" goes (a Status column, added if there is none), checked before anything is written. */
function statusCell(port: WorkbookPort, snapshot: WorkbookSnapshot, plan: TabPlan, sheet: string, row: number, text: string) {
  const existing = columnNamed(plan, 'Status');
  const column = existing === 0 ? nextColumn(snapshot, plan) : existing;
  if (existing === 0) port.checkWrite(sheet, plan.headerRow!, column, 'Status');
  port.checkWrite(sheet, row, column, text);
  return { column, header: existing === 0, text };
}

export const declineRow = {
  name: 'declineRow' as const,
  input: declineInput,
  run(port: WorkbookPort, input: DeclineInput) {
    return port.withLock(() => {
      const today = port.today();
      let { cascade, snapshot } = load(port);
      const declinedToday = (title: string) =>
        cascade.declined.find((request) => request.date === today && request.match !== '' && request.match === normalizeLoose(title));
      const stillThere = cascade.items.some((candidate) => candidate.sheet === input.sheet && candidate.keyNorm === normalizeKey(input.key));
      // A double click: the first click declined (and perhaps removed) the row already.
      const earlier = declinedToday(stillThere ? itemByKey(cascade, input.sheet, input.key).title : (input.expectedTitle ?? ''));
      if (earlier) return { declinedRow: earlier.row, sheet: earlier.sheet, action: input.action, repeated: true };
      const item = itemByKey(cascade, input.sheet, input.key, input.expectedTitle);
      if (!layerSpec(item.layer).isWork) throw new Refusal('Only roadmap and task rows are declined here.');
      const itemPlan = planOf(cascade, item.sheet);
      const guard = guardOf(cascade, itemPlan, item);
      // Checked before anything is written, the declined list included.
      if (input.action !== 'keep') assertGuard(port, item.sheet, item.row, guard);
      if (input.action === 'remove') port.checkDelete(item.sheet, item.row);
      const mark = input.action === 'mark' ? statusCell(port, snapshot, itemPlan, item.sheet, item.row, `Declined ${today}`) : null;

      let plan = cascade.plans.find((candidate) => candidate.use === 'declined');
      if (!plan) {
        port.addSheet(DECLINED_TAB, [DECLINED_HEADERS]);
        ({ cascade, snapshot } = load(port));
        plan = planOf(cascade, DECLINED_TAB);
      }
      if (plan.headerRow === null || plan.columns.title === undefined) {
        throw new Refusal(`The declined list "${plan.sheet}" needs a header row with a Request column.`);
      }
      const width = Math.max(plan.headers.length, 1);
      const row: Writable[] = Array.from({ length: width }, () => '');
      const put = (role: 'date' | 'title' | 'who' | 'why' | 'pillar' | 'goal', value: Writable) => {
        const column = plan!.columns[role]?.[0];
        if (column !== undefined && value !== '') row[column] = value;
      };
      // A real date, like the list's other receipts, so the column still sorts and filters.
      put('date', { day: today });
      put('title', item.title || item.key);
      put('who', input.who ?? '');
      put('why', input.reason);
      put('pillar', input.pillar ?? '');
      put('goal', input.goal ?? '');
      row.forEach((value, c) => port.checkWrite(plan!.sheet, null, c + 1, value));
      const declinedRow = port.appendRow(plan.sheet, row);
      try {
        if (mark) {
          if (mark.header) port.writeCell(item.sheet, itemPlan.headerRow!, mark.column, 'Status');
          port.writeCell(item.sheet, item.row, mark.column, mark.text, guard);
        } else if (input.action === 'remove') {
          port.deleteRow(item.sheet, item.row, guard);
        }
      } catch (error) {
        // The receipt and the change to the row go together: take the receipt back.
        port.deleteRow(plan.sheet, declinedRow);
        throw error;
      }
      return { declinedRow, sheet: plan.sheet, action: input.action, repeated: false };
    });
  },
};
