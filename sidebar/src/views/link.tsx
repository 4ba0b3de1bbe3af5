/**
 * Link: follows the selected row, shows its trace and flags, and links it to one or several
 * goals. In Sheets the selection is asked for again a few seconds after each answer; in the
 * preview the grid says when a row is picked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { GoalPicker, type Chosen } from '../goal-picker';
import { RowCard } from '../row-card';
import { call, inAppsScript, type Reply } from '../server';
import type { RowContext } from '../types';

export type Selection = { sheet: string; row: number } | null;

/** How long after an answer the Link view asks Sheets for the selection again. */
export const POLL_MS = 3000;

interface Follower {
  /** Wants a fresh answer: sent now, or as soon as the call in flight comes back. */
  request(): void;
  stop(): void;
}

/**
 * Asks for the row one call at a time. google.script.run answers in any order and takes
 * as long as Apps Script takes, so: a poll is a timer started when an answer arrives (an
 * interval would pile calls up behind a slow server); a request made while a call is in
 * flight waits for it; and each request takes a sequence number, so an answer to an older
 * request than the newest (asked before a save or a new selection) is dropped and the row
 * asked for again, instead of painting the view with what the sheet used to say.
 */
function follow(ask: () => Promise<Reply<RowContext>>, show: (reply: Reply<RowContext>) => void, poll: boolean): Follower {
  let newest = 0;
  let inFlight = false;
  let stopped = false;
  let timer: number | undefined;
  const send = () => {
    const asked = newest;
    inFlight = true;
    const answered = (reply: Reply<RowContext>) => {
      inFlight = false;
      if (stopped) return;
      if (asked < newest) return send();
      show(reply);
      if (poll) timer = window.setTimeout(request, POLL_MS);
    };
    ask().then(answered, (error: unknown) => answered({ ok: false, error: String(error) }));
  };
  const request = () => {
    if (stopped) return;
    newest += 1;
    window.clearTimeout(timer);
    timer = undefined;
    if (!inFlight) send();
  };
  return {
    request,
    stop() {
      stopped = true;
      window.clearTimeout(timer);
    },
  };
}

export function Link({ selection }: { selection: Selection }) {
  const [context, setContext] = useState<RowContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // The selection the next call asks about: read when the call is sent, not when requested.
  const selected = useRef(selection);
  selected.current = selection;
  const [follower] = useState(() => follow(
    () => call('rowContext', selected.current ?? undefined),
    (reply) => {
      // A failed poll (a timeout, a busy sheet) shows until the next answer replaces it.
      if (reply.ok) {
        setContext(reply.value);
        setError(null);
      } else setError(reply.error);
    },
    inAppsScript(),
  ));
  useEffect(() => () => follower.stop(), []);
  useEffect(() => {
    setSaved(null);
    setSaveError(null);
    follower.request();
  }, [selection?.sheet, selection?.row]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!context) return <p class="muted" role="status">Reading the selected row…</p>;
  const item = context.item;
  if (!item) return <p class="muted">Select a roadmap or task row in the sheet to link it to goals.</p>;
  return (
    <div>
      <RowCard item={item} />
      <p class="why">{item.why}</p>
      {saved && <p class="ok" role="status">{saved}</p>}
      {saveError && <p class="error" role="alert">{saveError}</p>}
      {item.canLink ? (
        <GoalPicker key={`${item.sheet}!${item.row}`} picker={context.picker} busy={busy} onSave={(goals: Chosen[]) => {
          setBusy(true);
          setSaveError(null);
          void call('linkRow', { sheet: item.sheet, key: item.key, expectedTitle: item.title, goals }).then((reply) => {
            setBusy(false);
            if (reply.ok) {
              setSaved(`Saved: ${reply.value.linkText}`);
              // What was asked before the save is older than the save: ask afresh.
              follower.request();
            } else setSaveError(reply.error);
          });
        }} />
      ) : (
        <p class="muted">Goals and pillars are linked on their own tabs; the sidebar links roadmap and task rows.</p>
      )}
    </div>
  );
}
