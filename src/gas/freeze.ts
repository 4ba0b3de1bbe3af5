/**
 * "Ladder › Freeze this plan": the sidebar's freezePlan call, run from the menu, and the
 * sentence the toast shows. The snapshot tab is values only, written in one setValues, and
 * never read as a layer or written again (DESIGN §10).
 */
import { callApi } from '../api/calls';
import { Refusal } from '../api/port';
import { sheetsPort } from './sheets-port';

export function freezeFromMenu(): string {
  const reply = callApi(sheetsPort(), 'freezePlan', null);
  if (!reply.ok) throw new Refusal(reply.error);
  const { sheet, items } = reply.value as { sheet: string; items: number };
  return `Ladder froze the plan: ${items} rows as they are now, in the new tab "${sheet}". Ladder never reads it as a layer or writes to it again; "What changed" in the sidebar compares with it.`;
}
