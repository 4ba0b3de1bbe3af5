/**
 * One row of the review queue: the row as it is now, and what the PM can do with it (link it
 * to a goal, decline it with a receipt, or mark it reviewed). What the server answered is
 * handed up as a sentence; a refusal stays on the card with the form and its input intact.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Decline, DeclineForm } from './decline-form';
import { type Chosen, GoalPicker } from './goal-picker';
import { goalNames, named } from './names';
import { RowCard } from './row-card';
import { call } from './server';
import type { RowItem } from './types';
import { useCall } from './use-call';
import { useLatest } from './use-latest';

export type Outcome = 'linked' | 'declined' | 'reviewed';

interface Props {
  sheet: string;
  row: number;
  /** The row's key, as the queue has it. */
  rowKey: string;
  /** Focus the row's title once it is shown (after an action moved the queue on). */
  focus: boolean;
  onDone(outcome: Outcome, message: string): void;
  onDirty(dirty: boolean): void;
}

/** What a decline did, in a sentence, from the server's answer. */
export function declineMessage(reply: {
  title: string;
  key: string;
  sheet: string;
  declinedRow: number;
  action: Decline['action'];
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

export function ReviewCard({ sheet, row, rowKey, focus, onDone, onDirty }: Props) {
  // By key, so a card read again after its row moved (sorted, rows inserted) still shows that row.
  const context = useCall('rowContext', { sheet, row, key: rowKey }, [sheet, row, rowKey]);
  const [mode, setMode] = useState<'choose' | 'link' | 'decline'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const item = context.value?.item ?? null;
  const shown = item !== null;
  useEffect(() => {
    if (focus && shown) title.current?.focus();
  }, [focus, shown]);
  const report = useLatest(onDirty);
  useEffect(() => {
    if (mode === 'choose') report.current(false);
  }, [mode, report]);
  if (context.loading && !context.value)
    return (
      <p class="muted" role="status">
        Loading the row…
      </p>
    );
  if (context.error)
    return (
      <p class="error" role="alert">
        {context.error}
      </p>
    );
  if (!item)
    return (
      <p class="error" role="alert">
        This row is no longer where it was: the queue is read again.
      </p>
    );
  const guard = { sheet: item.sheet, key: item.key, expectedTitle: item.title };
  const answered = (reply: { ok: true } | { ok: false; error: string }, then: () => void) => {
    setBusy(false);
    if (reply.ok) then();
    else {
      setError(reply.error);
      // A row that changed under the card is read again, so "try again" means something; the form keeps its input.
      if (reply.error.startsWith('This row changed')) void context.reload();
    }
  };
  const link = (goals: Chosen[]) => {
    setBusy(true);
    setError(null);
    void call('linkRow', { ...guard, expectedLink: item.linkCell, goals }).then((reply) =>
      answered(reply, () => {
        if (reply.ok) onDone('linked', `Linked ${named(item)} to ${goalNames(reply.value.goals)}.`);
      }),
    );
  };
  const decline = (input: Decline) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    void call('declineRow', { ...guard, ...input }).then((reply) =>
      answered(reply, () => {
        if (!reply.ok) return;
        const value = reply.value;
        // A second decline the same day writes nothing: say where the first receipt is, and keep what was typed.
        if (value.repeated) {
          const first = `${named(item)} was already declined today: row ${value.declinedRow} of “${value.sheet}”${value.earlierReason ? `, reason “${value.earlierReason}”` : ''}.`;
          // No second receipt; a row to mark or remove was still marked or removed, and the queue moves on.
          if (value.action !== 'keep') {
            onDone(
              'declined',
              `${first} No second receipt was written. ${value.action === 'mark' ? 'The row is marked declined.' : 'The row was removed.'}`,
            );
            return;
          }
          setNotice(`${first} Nothing new was written; to change the reason or add who asked, edit that row.`);
          return;
        }
        onDone('declined', declineMessage(value));
      }),
    );
  };
  return (
    <div>
      <RowCard item={item} titleRef={title} />
      {error && (
        <p class="error" role="alert">
          {error}
          {error.startsWith('This row changed') ? ' The card now shows the row as the sheet has it; what you typed is kept.' : ''}
        </p>
      )}
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {mode === 'choose' && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setMode('link')}>
            {item.links.length > 0 ? 'Change its goals' : 'Link to a goal'}
          </button>
          <button type="button" onClick={() => setMode('decline')}>
            Decline
          </button>
          <button
            type="button"
            onClick={() =>
              onDone(
                'reviewed',
                `Marked ${named(item)} reviewed: it stays as it is, and leaves the queue until the sidebar is opened again.`,
              )
            }
          >
            Mark reviewed
          </button>
        </div>
      )}
      {mode === 'link' && (
        <GoalPicker
          picker={context.value!.picker}
          current={item.links}
          column={item.linkColumn}
          autoFocus
          busy={busy}
          onSave={link}
          onDirty={onDirty}
          onCancel={() => {
            setError(null);
            setMode('choose');
          }}
        />
      )}
      {mode === 'decline' && (
        <DeclineForm
          item={item as RowItem}
          picker={context.value!.picker}
          busy={busy}
          onDecline={decline}
          onDirty={onDirty}
          onCancel={() => {
            setError(null);
            setNotice(null);
            setMode('choose');
          }}
        />
      )}
    </div>
  );
}
