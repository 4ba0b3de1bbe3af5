/**
 * One row of the review queue: the row as it is now, and what the PM can do with it (link it
 * to a goal, decline it with a receipt, or mark it reviewed). What the server answered is
 * handed up as a sentence; a refusal stays on the card with the form and its input intact.
 */
import { DeclineForm } from './decline-form';
import { GoalPicker } from './goal-picker';
import { named } from './names';
import { RowCard } from './row-card';
import type { RowItem } from './types';
import { type Mode, type Outcome, useReviewCard } from './use-review-card';

export type { Outcome } from './use-review-card';

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

/** The card's three ways on: open the link form, open the decline form, or mark the row reviewed. */
function Choices({ item, onMode, onDone }: { item: RowItem; onMode(mode: Mode): void; onDone: Props['onDone'] }) {
  const reviewed = () =>
    onDone('reviewed', `Marked ${named(item)} reviewed: it stays as it is, and leaves the queue until the sidebar is opened again.`);
  return (
    <div class="actions">
      <button type="button" class="primary" onClick={() => onMode('link')}>
        {item.links.length > 0 ? 'Change its goals' : 'Link to a goal'}
      </button>
      <button type="button" onClick={() => onMode('decline')}>
        Decline
      </button>
      <button type="button" onClick={reviewed}>
        Mark reviewed
      </button>
    </div>
  );
}

/** A refusal, and a notice that changed nothing, kept on the card above the form. */
function Said({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
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
    </>
  );
}

export function ReviewCard({ onDone, onDirty, ...where }: Props) {
  const card = useReviewCard({ ...where, onDone, onDirty });
  const { context, item } = card;
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
  const picker = context.value!.picker;
  return (
    <div>
      <RowCard item={item} titleRef={card.title} />
      <Said error={card.error} notice={card.notice} />
      {card.mode === 'choose' && <Choices item={item} onMode={card.setMode} onDone={onDone} />}
      {card.mode === 'link' && (
        <GoalPicker
          picker={picker}
          current={item.links}
          column={item.linkColumn}
          autoFocus
          busy={card.busy}
          onSave={(goals) => card.link(item, goals)}
          onDirty={onDirty}
          onCancel={card.choose}
        />
      )}
      {card.mode === 'decline' && (
        <DeclineForm
          item={item}
          picker={picker}
          busy={card.busy}
          onDecline={(input) => card.decline(item, input)}
          onDirty={onDirty}
          onCancel={card.choose}
        />
      )}
    </div>
  );
}
