/**
 * Review's queue: where the PM is in it, a jump to any row, Previous and Skip, the question
 * before a move would drop what was typed, and the card of the row on show.
 */
import { type Outcome, ReviewCard } from '../review-card';
import type { Queued } from '../types';
import { idOf, plural } from './review-format';
import type { MoveGuard, ReviewQueue } from './use-review-queue';

interface Moves {
  queue: ReviewQueue;
  guarded: MoveGuard['guarded'];
}

function JumpTo({ queue: { queue, position, atEnd, handled, go }, guarded }: Moves) {
  return (
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
  );
}

function QueueNav({ queue, guarded }: Moves) {
  const { position, atEnd, go, skip } = queue;
  return (
    <div class="queue-nav">
      <JumpTo queue={queue} guarded={guarded} />
      <div class="actions">
        <button
          type="button"
          disabled={position === 0 && !atEnd}
          onClick={guarded(() => go(atEnd ? queue.queue.length - 1 : position - 1))}
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
  );
}

function Unsaved({ row, guard }: { row: Queued; guard: MoveGuard }) {
  return (
    <div class="notice" role="alert">
      <p>What you typed for “{row.title || row.key}” is not saved yet.</p>
      <div class="actions">
        <button type="button" onClick={guard.discard}>
          Discard it and move on
        </button>
        <button type="button" class="primary" onClick={guard.keepEditing}>
          Keep editing
        </button>
      </div>
    </div>
  );
}

export function Queue({ queue, guard, onDone }: { queue: ReviewQueue; guard: MoveGuard; onDone(outcome: Outcome, message: string): void }) {
  const { current } = queue;
  return (
    <section aria-labelledby="queue-head">
      <h2 id="queue-head">Rows to review</h2>
      <p class="said" role="status" aria-live="polite">
        {queue.said}
      </p>
      {queue.queue.length === 0 && (
        <p class="ok">
          {queue.all.length === 0
            ? 'Every roadmap row and task reaches a goal, and nothing is left to review.'
            : 'No row left with the flags picked above.'}
        </p>
      )}
      {queue.queue.length > 0 && <QueueNav queue={queue} guarded={guard.guarded} />}
      {guard.pending && current && <Unsaved row={current} guard={guard} />}
      {current && (
        <ReviewCard
          key={`${current.sheet}!${current.row}!${current.key}`}
          sheet={current.sheet}
          row={current.row}
          rowKey={current.key}
          focus={queue.moved}
          onDone={onDone}
          onDirty={guard.setCardDirty}
        />
      )}
    </section>
  );
}
