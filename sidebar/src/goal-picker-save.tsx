/**
 * The goal picker's saving end: what the cell will read, what stops a save or is worth a word
 * first, the question before a save that replaces the PM's own links, and the buttons.
 */
import { ConfirmStep } from './confirm-step';
import { type Entry, name, round2 } from './goal-picker-rules';

/** Text in a code span, as the cell will hold it. */
const Cell = ({ text }: { text: string }) => (
  <code>
    <bdi>{text}</bdi>
  </code>
);

/** "Saving writes … into … instead of …", said as the PM edits. `was`: what the cell holds now ('' when empty). */
export function WillRead({ changed, after, where, was }: { changed: boolean; after: string; where: string; was: string }) {
  return (
    <p class="will-read" aria-live="polite">
      {changed ? (
        <>
          Saving writes <Cell text={after || '(empty)'} /> into {where}
          {was ? (
            <>
              , instead of <Cell text={was} />
            </>
          ) : (
            ''
          )}
          .
        </>
      ) : (
        'Nothing changed yet.'
      )}
    </p>
  );
}

/** What stops a save (`problem`, or a link left with no goal), else what a save would leave unlinked (`shortfall`). */
export function PickerProblems({
  problem,
  shortfall,
  empty,
}: {
  problem: string | null;
  shortfall: { total: number; by: number };
  empty: boolean;
}) {
  return (
    <>
      {!problem && shortfall.by > 0 && (
        <p class="flag">
          The shares add up to {round2(shortfall.total)}%: the other {round2(shortfall.by)}% of this row will reach no goal. Clear a share
          to let the links split the row.
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {empty && (
        <p class="error" role="alert">
          A link needs at least one goal. To unlink the row, clear its cell in the sheet.
        </p>
      )}
    </>
  );
}

/** The names of some links, in bold. */
const Names = ({ list }: { list: readonly Entry[] }) => (
  <strong>
    <bdi>{list.map(name).join(', ')}</bdi>
  </strong>
);

interface Replacement {
  dropped: readonly Entry[];
  reshared: readonly Entry[];
  changedOutside: boolean;
}

/** What a save replaces: the cell as changed in the sheet, the links dropped and the shares changed. */
function Replaces({ dropped, reshared, changedOutside, cellNow }: Replacement & { cellNow: string | undefined }) {
  const some = dropped.length + reshared.length > 0;
  return (
    <>
      This replaces what the cell says now
      {changedOutside ? (
        <>
          {' '}
          (“<bdi>{cellNow}</bdi>”, changed in the sheet)
        </>
      ) : (
        ''
      )}
      {some ? ':' : '.'}{' '}
      {dropped.length > 0 && (
        <>
          it drops <Names list={dropped} />
          {reshared.length > 0 ? ' and ' : ''}
        </>
      )}
      {reshared.length > 0 && (
        <>
          changes the share of <Names list={reshared} />
        </>
      )}
      {some ? '.' : ''}
    </>
  );
}

/** The question before a save that replaces the PM's own links. */
export function ConfirmReplace({
  busy,
  onReplace,
  onBack,
  ...replaces
}: Replacement & { cellNow: string | undefined; busy: boolean; onReplace(): void; onBack(): void }) {
  return (
    <ConfirmStep question="Replace the link?" action="Replace the link" busy={busy} onConfirm={onReplace} onBack={onBack}>
      <Replaces {...replaces} />
    </ConfirmStep>
  );
}

interface SaveProps {
  label: string;
  canSave: boolean;
  busy: boolean;
  onSave(): void;
  /** Shown when given (the picker is one step of a form); else an Undo button once something changed. */
  onCancel: (() => void) | undefined;
  onUndo: (() => void) | null;
}

export function SaveActions({ label, canSave, busy, onSave, onCancel, onUndo }: SaveProps) {
  return (
    <div class="actions">
      <button type="button" class="primary" disabled={busy || !canSave} onClick={onSave}>
        {label}
      </button>
      {onCancel && (
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      )}
      {onUndo && (
        <button type="button" disabled={busy} onClick={onUndo}>
          Undo changes
        </button>
      )}
    </div>
  );
}
