/**
 * A review card's state: the row read by its key, which form is open, and the link or
 * decline sent from it. A refusal stays on the card, with the form's input kept; a row that
 * changed under the card is read again, so "try again" means something.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Decline } from './decline-form';
import type { Chosen } from './goal-picker';
import { goalNames, named } from './names';
import { declineOutcome } from './review-messages';
import { call } from './server';
import type { RowItem } from './types';
import { useCall } from './use-call';
import { useLatest } from './use-latest';

export type Outcome = 'linked' | 'declined' | 'reviewed';
export type Mode = 'choose' | 'link' | 'decline';

/** Sending a link or a decline, and what came back: a sentence handed up (`onDone`), or an error or notice kept on the card. */
function useCardActions(reload: () => void, onDone: (outcome: Outcome, message: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const guard = (item: RowItem) => ({ sheet: item.sheet, key: item.key, expectedTitle: item.title });
  const start = () => {
    setBusy(true);
    setError(null);
  };
  const refused = (error: string) => {
    setError(error);
    // A row that changed under the card is read again, so "try again" means something; the form keeps its input.
    if (error.startsWith('This row changed')) reload();
  };
  const link = (item: RowItem, goals: Chosen[]) => {
    start();
    void call('linkRow', { ...guard(item), expectedLink: item.linkCell, goals }).then((reply) => {
      setBusy(false);
      if (!reply.ok) return refused(reply.error);
      onDone('linked', `Linked ${named(item)} to ${goalNames(reply.value.goals)}.`);
    });
  };
  const decline = (item: RowItem, input: Decline) => {
    start();
    setNotice(null);
    void call('declineRow', { ...guard(item), ...input }).then((reply) => {
      setBusy(false);
      if (!reply.ok) return refused(reply.error);
      const outcome = declineOutcome(item, reply.value);
      if ('done' in outcome) onDone('declined', outcome.done);
      else setNotice(outcome.notice);
    });
  };
  return { busy, error, notice, setError, setNotice, link, decline };
}

interface Options {
  sheet: string;
  row: number;
  rowKey: string;
  focus: boolean;
  onDone(outcome: Outcome, message: string): void;
  onDirty(dirty: boolean): void;
}

export function useReviewCard({ sheet, row, rowKey, focus, onDone, onDirty }: Options) {
  // By key, so a card read again after its row moved (sorted, rows inserted) still shows that row.
  const context = useCall('rowContext', { sheet, row, key: rowKey }, [sheet, row, rowKey]);
  const [mode, setMode] = useState<Mode>('choose');
  const actions = useCardActions(() => void context.reload(), onDone);
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
  // Back to the three choices: what was said about the form just left goes with it.
  const choose = () => {
    actions.setError(null);
    actions.setNotice(null);
    setMode('choose');
  };
  return { context, item, mode, setMode, choose, title, ...actions };
}
