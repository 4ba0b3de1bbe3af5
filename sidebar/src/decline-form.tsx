/**
 * Declining a request with a receipt: the reason, who asked, the pillar it didn't fit or
 * the goal it didn't move, and what happens to the roadmap row (kept, marked or removed).
 */
import { useState } from 'preact/hooks';
import type { Picker } from './types';

export interface Decline {
  reason: string;
  who?: string;
  pillar?: string;
  goal?: string;
  action: 'keep' | 'mark' | 'remove';
}

interface Props {
  picker: Picker;
  busy: boolean;
  onDecline(decline: Decline): void;
  onCancel(): void;
}

/** A labelled choice among briefs (pillars or goals), blank meaning "none". */
function BriefSelect({ label, options, value, onChange }: { label: string; options: Picker['goals']; value: string; onChange(value: string): void }) {
  return (
    <label class="field">
      {label}
      <select value={value} onChange={(event) => onChange((event.target as HTMLSelectElement).value)}>
        <option value="">—</option>
        {options.map((option) => <option key={option.key} value={option.key}>{option.title}</option>)}
      </select>
    </label>
  );
}

export function DeclineForm({ picker, busy, onDecline, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [who, setWho] = useState('');
  const [pillar, setPillar] = useState('');
  const [goal, setGoal] = useState('');
  const [action, setAction] = useState<Decline['action']>('mark');
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return (
    <form class="decline" onSubmit={(event) => {
      event.preventDefault();
      onDecline({ reason, action, ...(who ? { who } : {}), ...(pillar ? { pillar } : {}), ...(goal ? { goal } : {}) });
    }}>
      <label class="field">
        Why not? <span class="muted">(required)</span>
        <textarea required rows={3} value={reason} onInput={(event) => setReason(value(event))} />
      </label>
      <label class="field">
        Who asked
        <input type="text" value={who} onInput={(event) => setWho(value(event))} />
      </label>
      <BriefSelect label="Pillar it didn't fit" options={picker.pillars} value={pillar} onChange={setPillar} />
      <BriefSelect label="Goal it didn't move" options={picker.goals} value={goal} onChange={setGoal} />
      <fieldset>
        <legend>The roadmap row</legend>
        {([['mark', 'Mark it declined'], ['remove', 'Remove it'], ['keep', 'Leave it as it is']] as const).map(([choice, label]) => (
          <label key={choice} class="radio">
            <input type="radio" name="action" value={choice} checked={action === choice} onChange={() => setAction(choice)} /> {label}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || reason.trim() === ''}>Decline</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
