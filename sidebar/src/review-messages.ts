/**
 * What a review card's decline did, in the sentences the Review view says: a decline with
 * its receipt, or a repeat on the same day, which writes no second receipt.
 */
import { named } from './names';
import type { Declined, RowItem } from './types';

/** What a decline did, in a sentence, from the server's answer. */
function declineMessage(reply: {
  title: string;
  key: string;
  sheet: string;
  declinedRow: number;
  action: 'keep' | 'mark' | 'remove';
  addedColumns: readonly string[];
  statusAdded: boolean;
}): string {
  const added =
    reply.addedColumns.length > 0
      ? ` (with the new column${reply.addedColumns.length === 1 ? '' : 's'} ${reply.addedColumns.map((header) => `“${header}”`).join(', ')})`
      : '';
  const row = {
    mark: `The row is marked declined${reply.statusAdded ? ' in a new Status column' : ''}.`,
    remove: 'The row was removed.',
    keep: 'The row was left as it is.',
  }[reply.action];
  return `Declined ${named(reply)}: receipt on row ${reply.declinedRow} of “${reply.sheet}”${added}. ${row}`;
}

/**
 * What a decline did, as the card hands it on: `done` moves the queue on with that sentence;
 * `notice` stays on the card (a repeat that changed nothing, with what was typed kept).
 */
export function declineOutcome(item: RowItem, value: Declined): { done: string } | { notice: string } {
  if (!value.repeated) return { done: declineMessage(value) };
  // A second decline the same day writes nothing: say where the first receipt is.
  const first = `${named(item)} was already declined today: row ${value.declinedRow} of “${value.sheet}”${value.earlierReason ? `, reason “${value.earlierReason}”` : ''}.`;
  // No second receipt; a row to mark or remove was still marked or removed, and the queue moves on.
  if (value.action !== 'keep')
    return {
      done: `${first} No second receipt was written. ${value.action === 'mark' ? 'The row is marked declined.' : 'The row was removed.'}`,
    };
  return { notice: `${first} Nothing new was written; to change the reason or add who asked, edit that row.` };
}
