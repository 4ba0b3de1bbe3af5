/**
 * Link: follows the selected row, shows its trace and flags, and links it to one or several
 * goals. In Sheets the selection is asked for again a few seconds after each answer; in the
 * preview the grid says when a row is picked.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Chosen, GoalPicker } from '../goal-picker';
import { goalNames, named } from '../names';
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

/** Why the choices on screen are not the sheet's any more, and the button that lets them go. */
function LetGo({ label, onLetGo, children }: { label: string; onLetGo(): void; children: ComponentChildren }) {
  return (
    <div class="notice" role="alert">
      <p>{children}</p>
      <div class="actions">
        <button type="button" onClick={onLetGo}>
          {label}
        </button>
      </div>
    </div>
  );
}

interface Props {
  selection: Selection;
  onDirty(dirty: boolean): void;
}

const placeOf = (item: { sheet: string; row: number }) => `${item.sheet}!${item.row}`;

export function Link({ selection, onDirty }: Props) {
  /** The newest answer, and the one shown: they differ while the picker holds changes for a row no longer selected. */
  const [latest, setLatest] = useState<RowContext | null>(null);
  const [shown, setShown] = useState<RowContext | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const status = useRef<HTMLParagraphElement>(null);
  const dirtyNow = useRef(false);
  dirtyNow.current = dirty;
  // The selection the next call asks about: read when the call is sent, not when requested.
  const selected = useRef(selection);
  selected.current = selection;
  const [follower] = useState(() =>
    follow(
      () => call('rowContext', selected.current ?? undefined),
      (reply) => {
        // A failed poll (a timeout, a busy sheet) shows until the next answer replaces it.
        if (!reply.ok) {
          setError(reply.error);
          return;
        }
        setError(null);
        setLatest(reply.value);
        // Changes not saved yet keep their row on screen: a click elsewhere in the sheet loses nothing.
        if (!dirtyNow.current) setShown(reply.value);
      },
      inAppsScript(),
    ),
  );
  // The follower is made once (useState's initialiser) and never replaced.
  useEffect(() => () => follower.stop(), [follower]);
  const selectedSheet = selection?.sheet;
  const selectedRow = selection?.row;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection is what asks again; the call reads it from a ref.
  useEffect(() => follower.request(), [follower, selectedSheet, selectedRow]);
  const markDirty = (value: boolean) => {
    setDirty(value);
    onDirty(value);
  };
  /** Lets the unsaved choices go and shows the row as the sheet has it now. */
  const showLatest = () => {
    markDirty(false);
    setShown(latest);
  };
  const shownItem = shown?.item ?? null;
  const latestItem = latest?.item ?? null;
  const shownPlace = shownItem ? placeOf(shownItem) : '';
  useEffect(() => {
    // The form the focus was in is rebuilt after a save: focus what was said instead of losing it.
    if (saved) status.current?.focus();
  }, [saved]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another row is shown: what was said about the last one no longer applies.
  useEffect(() => {
    setSaved(null);
    setSaveError(null);
  }, [shownPlace]);

  if (error && !shown)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!shown)
    return (
      <p class="muted" role="status">
        Reading the selected row…
      </p>
    );
  const elsewhere = dirty && latestItem && shownItem && placeOf(latestItem) !== shownPlace ? latestItem : null;
  const item = shownItem;
  const outdated =
    dirty && !elsewhere && latestItem && item && placeOf(latestItem) === shownPlace && latestItem.linkCell !== item.linkCell
      ? latestItem
      : null;
  return (
    <div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {elsewhere && (
        <LetGo label="Discard them and show the new row" onLetGo={showLatest}>
          You selected {named(elsewhere)} (<bdi>{placeOf(elsewhere)}</bdi>). The changes below for {named(item!)} are not saved yet.
        </LetGo>
      )}
      {outdated && (
        <LetGo label="Start again from what it says now" onLetGo={showLatest}>
          Its link cell changed in the sheet meanwhile: it now reads “<bdi>{outdated.linkCell}</bdi>”. Save to replace that with your
          choice, or start again from it.
        </LetGo>
      )}
      <p class="said" role="status" tabIndex={-1} ref={status}>
        {saved ?? ''}
      </p>
      {!item ? (
        <p class="muted">Select a roadmap or task row in the sheet to link it to goals.</p>
      ) : (
        <>
          <h2 class="visually-hidden">Selected row</h2>
          <RowCard item={item} />
          {item.why && <p class="why">{item.why}</p>}
          {saveError && (
            <p class="error" role="alert">
              {saveError}
            </p>
          )}
          {item.canLink ? (
            <GoalPicker
              key={`${shownPlace}:${item.linkCell}:${version}`}
              picker={shown.picker}
              current={item.links}
              cellNow={outdated?.linkCell}
              column={item.linkColumn}
              busy={busy}
              onDirty={markDirty}
              onSave={(goals: Chosen[]) => {
                setBusy(true);
                setSaveError(null);
                void call('linkRow', {
                  sheet: item.sheet,
                  key: item.key,
                  expectedTitle: item.title,
                  // Once the sidebar has said the cell changed (and shows what it holds now), saving replaces that.
                  expectedLink: (outdated ?? item).linkCell,
                  goals,
                }).then((reply) => {
                  setBusy(false);
                  if (reply.ok) {
                    markDirty(false);
                    setSaved(`Saved: ${named(item)} now links to ${goalNames(reply.value.goals)}.`);
                    setVersion(version + 1);
                    // What was asked before the save is older than the save: ask afresh.
                    follower.request();
                  } else {
                    setSaveError(reply.error);
                    // A refusal because the cell changed: show what it holds now (the picker keeps the PM's choice until they leave it).
                    follower.request();
                  }
                });
              }}
            />
          ) : (
            <p class="muted">Goals and pillars are linked on their own tabs; the sidebar links roadmap and task rows.</p>
          )}
        </>
      )}
    </div>
  );
}
