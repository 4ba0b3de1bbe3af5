/**
 * Review, before quarterly planning: the goals behind their pace first (each with a way to
 * check in on it), the cascade's health at a glance, then the flagged
 * roadmap and task rows one at a time, most urgent first. Each is linked to a goal, declined
 * with a receipt, marked reviewed, or skipped; a handled row leaves the queue, the next one
 * comes up and what happened is said. Below: the goals no work reaches and the requests that
 * came back.
 */
import { useEffect, useState } from 'preact/hooks';
import { CheckInSlot, useDirtySet } from '../check-in-form';
import { ProgressBar } from '../progress-bar';
import { type Outcome, ReviewCard } from '../review-card';
import { inAppsScript } from '../server';
import type { CheckedIn, Health, ProgressView, Queued } from '../types';
import { useCall } from '../use-call';
import { useLatest } from '../use-latest';

interface Props {
  active: boolean;
  onDirty(dirty: boolean): void;
  onOpenSetup(): void;
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const idOf = (row: { sheet: string; key: string }) => `${row.sheet}\u0000${row.key}`;

/**
 * The goals behind their pace, furthest behind first. A goal whose check-in form is open stays
 * listed (its form and what was said with it) even once a check-in has brought it back on track.
 */
function AtRisk({
  goals,
  onDirty,
  onCheckedIn,
}: {
  goals: readonly ProgressView[];
  onDirty(id: string): (dirty: boolean) => void;
  onCheckedIn(): void;
}) {
  const [kept, setKept] = useState<ReadonlyMap<string, ProgressView>>(new Map());
  const behind = new Set(goals.map(idOf));
  const shown = [...goals, ...[...kept].filter(([id]) => !behind.has(id)).map(([, view]) => view)];
  if (shown.length === 0) return null;
  const keep = (view: ProgressView) => (open: boolean) =>
    setKept((before) => {
      const id = idOf(view);
      if (open === before.has(id)) return before;
      const next = new Map(before);
      if (open) next.set(id, view);
      else next.delete(id);
      return next;
    });
  const checkedIn = (view: ProgressView) => (reply: CheckedIn) => {
    if (reply.progress) {
      const now = reply.progress;
      setKept((before) => (before.has(idOf(view)) ? new Map(before).set(idOf(view), now) : before));
    }
    onCheckedIn();
  };
  return (
    <section aria-labelledby="risk-head">
      <h2 id="risk-head">Goals behind pace</h2>
      <ul class="plain at-risk">
        {shown.map((view) => (
          <li key={idOf(view)}>
            <div class="title">
              <bdi>{view.title}</bdi>
            </div>
            <ProgressBar view={view} />
            {/* An open form says it itself, read afresh. */}
            {!kept.has(idOf(view)) && <p class="progress-text">{view.text}</p>}
            {!behind.has(idOf(view)) && <p class="ok">No longer behind its pace.</p>}
            <CheckInSlot goal={view} onDirty={onDirty(idOf(view))} onCheckedIn={checkedIn(view)} onOpen={keep(view)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Summary({
  health,
  filter,
  onFilter,
  onOpenSetup,
}: {
  health: Health;
  filter: ReadonlySet<string>;
  onFilter(code: string): void;
  onOpenSetup(): void;
}) {
  const inQueue = new Set(health.queue.flatMap((at) => health.flagged[at]!.codes));
  return (
    <section aria-labelledby="health-head">
      <h2 id="health-head">Health</h2>
      {health.coverage.map((cover) => (
        <p key={cover.layer} class="coverage">
          <strong>{percent(cover.reaching, cover.rows)}</strong> of {cover.noun}s reach a goal ({cover.reaching} of {cover.rows})
          {cover.effort > 0 ? `; ${percent(cover.effortReaching, cover.effort)} of their effort` : ''}.
        </p>
      ))}
      {health.flagCounts.length === 0 ? (
        <p class="ok">Nothing flagged.</p>
      ) : (
        <fieldset class="chips">
          <legend class="visually-hidden">Show only rows with</legend>
          {health.flagCounts.map((entry) =>
            // Only the flags of rows in the queue filter it; the others (goals nothing reaches, a missing why)
            // are counted here and listed below.
            !inQueue.has(entry.code) ? (
              <span key={entry.code} class="chip-count">
                {entry.label} <strong>{entry.rows}</strong>
              </span>
            ) : (
              <button
                key={entry.code}
                type="button"
                class="chip-filter"
                aria-pressed={filter.has(entry.code)}
                title={entry.code}
                onClick={() => onFilter(entry.code)}
              >
                {entry.label} <strong>{entry.rows}</strong>
              </button>
            ),
          )}
        </fieldset>
      )}
      {health.strategy.checks.map((check) => (
        <p key={check} class="flag">
          ⚠ {check}
        </p>
      ))}
      {health.warnings.length > 0 && (
        <div class="warning" role="note">
          {health.warnings.map((warning) => (
            <p key={warning}>{warning}</p>
          ))}
          <button type="button" class="link-button" onClick={onOpenSetup}>
            Check it in Setup
          </button>
        </div>
      )}
    </section>
  );
}

export function Review({ active, onDirty, onOpenSetup }: Props) {
  const health = useCall('health', undefined, [], active);
  /** Rows handled in this sidebar, by sheet and key: they leave the queue even if a flag stays (a row declined before, now linked). */
  const [handled, setHandled] = useState<ReadonlyMap<string, Outcome>>(new Map());
  const [filter, setFilter] = useState<ReadonlySet<string>>(new Set());
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [atEnd, setAtEnd] = useState(false);
  const [said, setSaid] = useState('');
  const [moved, setMoved] = useState(false);
  /** Whether the card holds input not sent yet (a reason typed, goals ticked), and a move waiting on the PM's word. */
  const [cardDirty, setCardDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  // The view is unsaved while the card, or a check-in on a goal behind pace, holds typed text.
  const checkIns = useDirtySet();
  const report = useLatest(onDirty);
  const anyDirty = cardDirty || checkIns.any;
  useEffect(() => report.current(anyDirty), [anyDirty, report]);
  const value = health.value;
  const all: Queued[] = value ? value.queue.map((at) => value.flagged[at]!).filter((row) => !handled.has(idOf(row))) : [];
  const queue = filter.size === 0 ? all : all.filter((row) => row.codes.some((code) => filter.has(code)));
  const position = Math.max(
    0,
    queue.findIndex((row) => idOf(row) === currentId),
  );
  const current = atEnd ? undefined : queue[position];

  const showSheet = current?.sheet;
  const showRow = current?.row;
  useEffect(() => {
    // The preview's grid shows which row the review is on, while Review is on show (a row picked in the grid is
    // then the Link view's, not to be moved back); in Sheets the parent is Google's page, which is not told.
    if (showSheet !== undefined && active && !inAppsScript() && window.parent !== window) {
      window.parent.postMessage({ type: 'ladder-show', sheet: showSheet, row: showRow }, window.location.origin);
    }
  }, [showSheet, showRow, active]);

  if (health.loading && !value)
    return (
      <p class="muted" role="status">
        Reading the cascade…
      </p>
    );
  if (health.error || !value)
    return (
      <p class="error" role="alert">
        Ladder could not read the cascade: {health.error}
      </p>
    );

  const reportDirty = (dirty: boolean) => setCardDirty(dirty);
  // Moving on would drop the card and what was typed in it: with input not sent, the PM says so first.
  const guarded = (move: () => void) => () => {
    if (cardDirty) setPending(() => move);
    else move();
  };
  const go = (to: number, focus = true) => {
    setAtEnd(false);
    setMoved(focus);
    setSaid('');
    setCurrentId(queue[to] ? idOf(queue[to]!) : null);
  };
  const skip = () => {
    if (position + 1 < queue.length) go(position + 1);
    else {
      setAtEnd(true);
      setSaid(`That was the last row. ${plural(queue.length, 'row')} still to review.`);
    }
  };
  const done = (outcome: Outcome, message: string) => {
    const row = current!;
    const next = queue[position + 1];
    setHandled(new Map(handled).set(idOf(row), outcome));
    setSaid(next ? `${message} Next: “${next.title || next.key}”.` : `${message} That was the last row to review.`);
    setCurrentId(next ? idOf(next) : null);
    setAtEnd(next === undefined);
    setMoved(true);
    reportDirty(false);
    void health.reload();
  };
  const toggle = (code: string) => {
    const next = new Set(filter);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setFilter(next);
    setAtEnd(false);
    setSaid('');
    setCurrentId(null);
  };
  const orphans = value.flagged.filter((row) => row.codes.includes('ORPHAN'));
  const resurfaced = value.flagged.filter((row) => row.codes.includes('RESURFACED'));
  return (
    <div>
      <AtRisk goals={value.atRisk} onDirty={checkIns.mark} onCheckedIn={() => void health.reload()} />
      <Summary health={value} filter={filter} onFilter={(code) => guarded(() => toggle(code))()} onOpenSetup={onOpenSetup} />
      <section aria-labelledby="queue-head">
        <h2 id="queue-head">Rows to review</h2>
        <p class="said" role="status" aria-live="polite">
          {said}
        </p>
        {queue.length === 0 && (
          <p class="ok">
            {all.length === 0
              ? 'Every roadmap row and task reaches a goal, and nothing is left to review.'
              : 'No row left with the flags picked above.'}
          </p>
        )}
        {queue.length > 0 && (
          <div class="queue-nav">
            <label class="field">
              <span>
                {atEnd ? `End of the queue (${plural(queue.length, 'row')} left)` : `Row ${position + 1} of ${queue.length}`}
                {handled.size > 0 ? `, ${handled.size} handled` : ''}
              </span>
              <select
                value={atEnd ? '' : String(position)}
                onChange={(event) => {
                  const to = Number((event.target as HTMLSelectElement).value);
                  guarded(() => go(to, false))();
                }}
                aria-label="Jump to a row"
              >
                {atEnd && <option value="">—</option>}
                {queue.map((row, at) => (
                  <option key={idOf(row)} value={String(at)}>
                    {at + 1}. {row.title || row.key} ({row.labels.join(', ')})
                  </option>
                ))}
              </select>
            </label>
            <div class="actions">
              <button
                type="button"
                disabled={position === 0 && !atEnd}
                onClick={guarded(() => go(atEnd ? queue.length - 1 : position - 1))}
              >
                Previous
              </button>
              {atEnd ? (
                <button type="button" onClick={guarded(() => go(0))}>
                  Start again from the top
                </button>
              ) : (
                <button type="button" onClick={guarded(skip)}>
                  Skip
                </button>
              )}
            </div>
          </div>
        )}
        {pending && current && (
          <div class="notice" role="alert">
            <p>What you typed for “{current.title || current.key}” is not saved yet.</p>
            <div class="actions">
              <button
                type="button"
                onClick={() => {
                  const move = pending;
                  setPending(null);
                  reportDirty(false);
                  move();
                }}
              >
                Discard it and move on
              </button>
              <button type="button" class="primary" onClick={() => setPending(null)}>
                Keep editing
              </button>
            </div>
          </div>
        )}
        {current && (
          <ReviewCard
            key={`${current.sheet}!${current.row}!${current.key}`}
            sheet={current.sheet}
            row={current.row}
            rowKey={current.key}
            focus={moved}
            onDone={done}
            onDirty={reportDirty}
          />
        )}
      </section>
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-head">
          <h2 id="orphans-head">Goals and pillars nothing reaches</h2>
          <ul class="plain">
            {orphans.map((row) => (
              <li key={idOf(row)}>
                <bdi>{row.title || row.key}</bdi>{' '}
                <span class="muted">
                  <bdi>{row.sheet}</bdi> row {row.row}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {resurfaced.length > 0 && (
        <section aria-labelledby="resurfaced-head">
          <h2 id="resurfaced-head">Declined before, back again</h2>
          <ul class="plain">
            {resurfaced.map((row) => (
              <li key={idOf(row)}>
                <div class="title">
                  <bdi>{row.title}</bdi>
                </div>
                <div class="muted">{row.advice.find((advice) => advice.codes.includes('RESURFACED'))?.problem}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
