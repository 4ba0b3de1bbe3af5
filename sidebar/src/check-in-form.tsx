/**
 * Checking in on a goal (DESIGN §9): the value it is at now, how confident the PM is, a note
 * and who says so. The form shows where the goal stands and its check-ins so far, newest
 * first, and says before anything is sent where the row goes (a row added to the check-in
 * tab, or that tab created). What was done is said from the server's answer; a refusal is
 * said in the server's words and what was typed stays. Enter in a one-line box does not send
 * the form: only the button does. A goal's own cells are never written.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { percentOf } from './progress-bar';
import { call } from './server';
import type { CheckedIn, CheckInView, ProgressView } from './types';
import { useCall } from './use-call';
import { useLatest } from './use-latest';

/** The goal a check-in is for, as the view that opened the form knows it. */
export type GoalRef = Pick<ProgressView, 'sheet' | 'key' | 'title'>;

/** Check-ins listed before "N earlier" folds the rest away. */
const RECENT = 4;

/** A plain number as the sheet shows it ("300000" → "300,000"); anything else as it is. */
const amount = (value: string) =>
  /^-?\d+(\.\d+)?$/.test(value) ? Number(value).toLocaleString('en-US', { maximumFractionDigits: 10 }) : value;

/** What a check-in did, in a sentence, from the server's answer. */
export function checkedInMessage(reply: CheckedIn): string {
  const made = reply.created ? ` The tab “${reply.sheet}” was created for it.` : '';
  const added =
    reply.addedColumns.length > 0
      ? ` “${reply.sheet}” got the new column${reply.addedColumns.length === 1 ? '' : 's'} ${reply.addedColumns.map((header) => `“${header}”`).join(', ')}.`
      : '';
  const view = reply.progress;
  const now =
    view === null
      ? ''
      : !view.measured
        ? ' It has no metric yet, so it shows no progress.'
        : view.progress === null
          ? ' Progress: no data yet.'
          : ` Progress now ${percentOf(view.progress)}${view.status ? `, ${view.status}` : ''}.`;
  return `Checked in ${amount(reply.value)} on “${reply.title}” (row ${reply.row} of “${reply.sheet}”).${made}${added}${now}`;
}

/** A confidence as typed: blank, or a whole percent from 0 to 100. */
function confidenceOf(typed: string): { ok: true; value: number | undefined } | { ok: false } {
  const text = typed.trim().replace(/%$/, '');
  if (text === '') return { ok: true, value: undefined };
  if (!/^\d{1,3}$/.test(text) || Number(text) > 100) return { ok: false };
  return { ok: true, value: Number(text) };
}

/** The title as the server will compare it, when the view's copy can be trusted to match (not cut short, not the key). */
const expectedTitleOf = (goal: GoalRef) => (goal.title !== goal.key && goal.title.length < 200 ? { expectedTitle: goal.title } : {});

function Entry({ entry }: { entry: CheckInView }) {
  return (
    <li class={entry.current ? 'current' : undefined}>
      <div>
        <strong>
          <bdi>{entry.value || '—'}</bdi>
        </strong>{' '}
        <span class="muted">
          on {entry.date || 'no date'}
          {entry.confidence ? `, confidence ${entry.confidence}` : ''}
          {entry.by ? (
            <>
              , by <bdi>{entry.by}</bdi>
            </>
          ) : (
            ''
          )}
        </span>
        {entry.current && <span class="history-tag"> current</span>}
      </div>
      {entry.note && (
        <p class="history-note">
          <bdi>{entry.note}</bdi>
        </p>
      )}
    </li>
  );
}

function History({ title, list }: { title: string; list: readonly CheckInView[] }) {
  if (list.length === 0) return <p class="muted">No check-ins yet.</p>;
  const recent = list.slice(0, RECENT);
  const earlier = list.slice(RECENT);
  return (
    <div class="history">
      <p class="picker-head">Check-ins so far ({list.length}), newest first</p>
      <ul class="history-list" aria-label={`Check-ins on ${title}`}>
        {recent.map((entry) => (
          <Entry key={`${entry.sheet}!${entry.row}`} entry={entry} />
        ))}
      </ul>
      {earlier.length > 0 && (
        <details>
          <summary>{earlier.length} earlier</summary>
          <ul class="history-list" aria-label={`Earlier check-ins on ${title}`}>
            {earlier.map((entry) => (
              <Entry key={`${entry.sheet}!${entry.row}`} entry={entry} />
            ))}
          </ul>
        </details>
      )}
    </div>
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
  const progress = useCall('goalProgress', { sheet: goal.sheet, key: goal.key }, [goal.sheet, goal.key]);
  const [value, setValue] = useState('');
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');
  const [by, setBy] = useState('');
  /** Who the last accepted check-in was by: kept in the box for the next one, and not "unsaved". */
  const [sentBy, setSentBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const dirty = value !== '' || confidence !== '' || note !== '' || by !== sentBy;
  const report = useLatest(onDirty);
  useEffect(() => report.current?.(dirty), [dirty, report]);
  useEffect(() => () => report.current?.(false), [report]);
  const valueBox = useRef<HTMLInputElement>(null);
  const saidLine = useRef<HTMLParagraphElement>(null);
  // The button that opened the form is gone: the focus goes to the first thing to fill in.
  useEffect(() => valueBox.current?.focus(), []);
  const typed = (event: Event) => (event.target as HTMLInputElement).value;
  const sure = confidenceOf(confidence);
  const view = progress.value;
  const ready = !busy && value.trim() !== '' && sure.ok;
  const ids = `check-in-${goal.sheet}-${goal.key}`.replace(/[^A-Za-z0-9_-]/g, '_');
  useEffect(() => {
    // The button the focus was on is disabled now the value is cleared: focus what was said instead.
    if (said) saidLine.current?.focus();
  }, [said]);
  const send = () => {
    if (!ready || !sure.ok) return;
    setBusy(true);
    setError(null);
    setSaid('');
    void call('checkIn', {
      sheet: goal.sheet,
      key: goal.key,
      ...expectedTitleOf(goal),
      value,
      ...(sure.value === undefined ? {} : { confidence: sure.value }),
      ...(note.trim() === '' ? {} : { note }),
      ...(by.trim() === '' ? {} : { by: by.trim() }),
    }).then((reply) => {
      setBusy(false);
      if (!reply.ok) {
        // The server's sentence, and everything typed stays for another try.
        setError(reply.error);
        return;
      }
      setSaid(checkedInMessage(reply.value));
      setValue('');
      setConfidence('');
      setNote('');
      setSentBy(by);
      void progress.reload();
      onCheckedIn?.(reply.value);
    });
  };
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
      {progress.error && !view && (
        <p class="error" role="alert">
          {progress.error}
        </p>
      )}
      {!view && !progress.error && (
        <p class="muted" role="status">
          Reading its check-ins…
        </p>
      )}
      {view && <p class="check-in-now">{view.measured ? `Now ${view.text}` : `No metric yet: ${view.text}.`}</p>}
      <div class="row-fields">
        <label class="field">
          Value now <span class="muted">(required)</span>
          <input
            ref={valueBox}
            type="text"
            required
            autoComplete="off"
            aria-describedby={`${ids}-hint`}
            value={value}
            onInput={(event) => setValue(typed(event))}
          />
        </label>
        <label class="field narrow">
          Confidence %
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={!sure.ok}
            aria-describedby={sure.ok ? undefined : `${ids}-sure`}
            value={confidence}
            onInput={(event) => setConfidence(typed(event))}
          />
        </label>
      </div>
      <p id={`${ids}-hint`} class="hint">
        A number (17, 1,200, 17%, $200) or done / not done.
      </p>
      {!sure.ok && (
        <p id={`${ids}-sure`} class="error" role="alert">
          Confidence is a whole percent from 0 to 100, or blank.
        </p>
      )}
      <label class="field">
        Note
        <textarea rows={2} value={note} onInput={(event) => setNote(typed(event))} />
      </label>
      <label class="field">
        Checked in by
        <input type="text" autoComplete="off" value={by} onInput={(event) => setBy(typed(event))} />
      </label>
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
          {said && !dirty ? 'Close' : 'Cancel'}
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

/** Which of a view's forms hold typed text not sent yet, told to the view as one yes or no. */
export function useDirtySet(onDirty?: (dirty: boolean) => void) {
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const report = useLatest(onDirty);
  const any = dirty.size > 0;
  useEffect(() => report.current?.(any), [any, report]);
  const mark = useCallback(
    (id: string) => (isDirty: boolean) =>
      setDirty((before) => {
        if (before.has(id) === isDirty) return before;
        const next = new Set(before);
        if (isDirty) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  return { any, mark };
}
