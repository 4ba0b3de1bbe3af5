/**
 * Checking in on a goal (DESIGN §9): the value it is at now, how confident the PM is, a note
 * and who says so. The form shows where the goal stands and its check-ins so far, newest
 * first, and says before anything is sent where the row goes (a row added to the check-in
 * tab, or that tab created). What was done is said from the server's answer; a refusal is
 * said in the server's words and what was typed stays. Enter in a one-line box does not send
 * the form: only the button does. A goal's own cells are never written.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckInFields } from './check-in-fields';
import { History } from './check-in-history';
import type { GoalRef } from './check-in-rules';
import type { CheckedIn, GoalProgress } from './types';
import { useCheckIn } from './use-check-in';
import { useLatest } from './use-latest';

/** Where the goal stands, once read: or that it is being read, or why it could not be. Each its own element: a status line is not reused as another. */
function Standing({ view, error }: { view: GoalProgress | null; error: string | null }) {
  return (
    <>
      {error && !view && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!view && !error && (
        <p class="muted" role="status">
          Reading its check-ins…
        </p>
      )}
      {view && <p class="check-in-now">{view.measured ? `Now ${view.text}` : `No metric yet: ${view.text}.`}</p>}
    </>
  );
}

interface Props {
  goal: GoalRef;
  onClose(): void;
  onDirty?: ((dirty: boolean) => void) | undefined;
  /** After a check-in the server accepted: the view that opened the form reads its figures again. */
  onCheckedIn?: ((reply: CheckedIn) => void) | undefined;
}

export function CheckInForm({ goal, onClose, onDirty, onCheckedIn }: Props) {
  const { view, progress, typed, sure, busy, ready, error, said, send, valueBox, saidLine } = useCheckIn(goal, onDirty, onCheckedIn);
  const ids = `check-in-${goal.sheet}-${goal.key}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <form
      class="check-in"
      aria-label={`Check in on ${goal.title}`}
      noValidate
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Standing view={view} error={progress.error} />
      <CheckInFields typed={typed} sure={sure.ok} ids={ids} valueRef={valueBox} />
      {view && (
        <p class="muted">
          {view.logExists ? `Adds a row to “${view.log}”` : `Creates the tab “${view.log}” with its headers`}, dated today; the goal's own
          cells are left as they are.
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="check-in-said" role="status" aria-live="polite" tabIndex={-1} ref={saidLine}>
        {said}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={!ready}>
          Save check-in
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {said && !typed.dirty ? 'Close' : 'Cancel'}
        </button>
      </div>
      {view && <History title={goal.title} list={view.checkIns} />}
    </form>
  );
}

/** A goal's "Check in" button, which opens the form in its place; closing the form gives the focus back to the button. */
export function CheckInSlot({
  goal,
  onDirty,
  onCheckedIn,
  onOpen,
}: {
  goal: GoalRef;
  onDirty?: (dirty: boolean) => void;
  onCheckedIn?: (reply: CheckedIn) => void;
  onOpen?: (open: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  const told = useLatest(onOpen);
  useEffect(() => {
    told.current?.(open);
    if (!open && closed.current) opener.current?.focus();
    closed.current = false;
  }, [open, told]);
  if (open)
    return (
      <CheckInForm
        goal={goal}
        onDirty={onDirty}
        onCheckedIn={onCheckedIn}
        onClose={() => {
          closed.current = true;
          setOpen(false);
        }}
      />
    );
  return (
    <button type="button" class="check-in-open" ref={opener} onClick={() => setOpen(true)}>
      Check in<span class="visually-hidden"> on {goal.title}</span>
    </button>
  );
}
