/**
 * Declining a request with a receipt: the reason, who asked, the pillar it didn't fit or
 * the goal it didn't move, and what happens to the roadmap row (kept, marked or removed).
 * Before anything is sent it says where the receipt goes and which columns that adds, and
 * removing a row that others link to needs a tick of its own. Enter in a one-line box does
 * not send the form: only the Decline button does.
 */
import { BriefSelect, Receipt, RowAction } from './decline-parts';
import type { Picker, RowItem } from './types';
import { type Decline, useDecline } from './use-decline';

export type { Decline } from './use-decline';

interface Props {
  item: RowItem;
  picker: Picker;
  busy: boolean;
  onDecline(decline: Decline): void;
  onCancel(): void;
  onDirty?: (dirty: boolean) => void;
}

export function DeclineForm({ item, picker, busy, onDecline, onCancel, onDirty }: Props) {
  const state = useDecline(item, busy, onDecline, onDirty);
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return (
    <form
      class="decline"
      aria-label={`Decline ${item.title || item.key}`}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        state.submit();
      }}
    >
      <label class="field">
        Why not? <span class="muted">(required)</span>
        <textarea ref={state.reasonBox} required rows={3} value={state.reason} onInput={(event) => state.setReason(value(event))} />
      </label>
      <label class="field">
        Who asked
        <input type="text" value={state.who} onInput={(event) => state.setWho(value(event))} />
      </label>
      <BriefSelect label="Pillar it didn't fit" options={picker.pillars} value={state.pillar} onChange={state.setPillar} />
      <BriefSelect label="Goal it didn't move" options={picker.goals} value={state.goal} onChange={state.setGoal} />
      <RowAction item={item} state={state} />
      <Receipt item={item} filled={state.filled} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!state.ready}>
          Decline
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
