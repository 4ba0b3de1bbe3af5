/**
 * Declining a request with a receipt: the reason, who asked, the pillar it didn't fit or
 * the goal it didn't move, and what happens to the roadmap row (kept, marked or removed).
 * Before anything is sent it says where the receipt goes and which columns that adds, and
 * removing a row that others link to needs a tick of its own. Enter in a one-line box does
 * not send the form: only the Decline button does.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Picker, RowItem } from './types';
import { useLatest } from './use-latest';

export interface Decline {
  reason: string;
  who?: string;
  pillar?: string;
  goal?: string;
  action: 'keep' | 'mark' | 'remove';
  removeWithTasks?: boolean;
}

interface Props {
  item: RowItem;
  picker: Picker;
  busy: boolean;
  onDecline(decline: Decline): void;
  onCancel(): void;
  onDirty?: (dirty: boolean) => void;
}

/** A labelled choice among briefs (pillars or goals), blank meaning "none". */
function BriefSelect({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Picker['goals'];
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label class="field">
      {label}
      <select value={value} onChange={(event) => onChange((event.target as HTMLSelectElement).value)}>
        <option value="">—</option>
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.title === option.key ? option.key : `${option.title} (${option.key})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Where the receipt goes and what that adds, in one sentence. */
function receiptNote(item: RowItem, filled: Record<string, boolean>): string {
  const { sheet, missing } = item.decline;
  if (sheet === null) return 'The receipt goes to a new tab, “Not on roadmap”.';
  const adds = missing.filter((column) => filled[column.role]).map((column) => `“${column.header}”`);
  return adds.length === 0
    ? `The receipt goes to “${sheet}”.`
    : `The receipt goes to “${sheet}”, which gets ${adds.length === 1 ? 'a column' : 'the columns'} ${adds.join(', ')} for what you filled in.`;
}

export function DeclineForm({ item, picker, busy, onDecline, onCancel, onDirty }: Props) {
  const [reason, setReason] = useState('');
  const [who, setWho] = useState('');
  const [pillar, setPillar] = useState('');
  const [goal, setGoal] = useState('');
  const [action, setAction] = useState<Decline['action']>('mark');
  const [withTasks, setWithTasks] = useState(false);
  const dirty = reason !== '' || who !== '' || pillar !== '' || goal !== '';
  const report = useLatest(onDirty);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  // The button that opened the form is gone: the focus goes to the first thing to fill in.
  useEffect(() => reasonBox.current?.focus(), []);
  useEffect(() => report.current?.(dirty), [dirty, report]);
  useEffect(() => () => report.current?.(false), [report]);
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  const tasks = item.dependents;
  const blocked = action === 'remove' && tasks.count > 0 && !withTasks;
  const filled = { date: true, title: true, who: who.trim() !== '', why: true, pillar: pillar !== '', goal: goal !== '' };
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
        if (busy || reason.trim() === '' || blocked) return;
        onDecline({
          reason,
          action,
          ...(who ? { who } : {}),
          ...(pillar ? { pillar } : {}),
          ...(goal ? { goal } : {}),
          ...(action === 'remove' && withTasks ? { removeWithTasks: true } : {}),
        });
      }}
    >
      <label class="field">
        Why not? <span class="muted">(required)</span>
        <textarea ref={reasonBox} required rows={3} value={reason} onInput={(event) => setReason(value(event))} />
      </label>
      <label class="field">
        Who asked
        <input type="text" value={who} onInput={(event) => setWho(value(event))} />
      </label>
      <BriefSelect label="Pillar it didn't fit" options={picker.pillars} value={pillar} onChange={setPillar} />
      <BriefSelect label="Goal it didn't move" options={picker.goals} value={goal} onChange={setGoal} />
      <fieldset>
        <legend>The {item.noun} row</legend>
        {(
          [
            ['mark', 'Mark it declined'],
            ['remove', 'Remove it'],
            ['keep', 'Leave it as it is'],
          ] as const
        ).map(([choice, label]) => (
          <label key={choice} class="radio">
            <input type="radio" name="action" value={choice} checked={action === choice} onChange={() => setAction(choice)} /> {label}
          </label>
        ))}
        {action === 'mark' && (
          <p class="muted">
            {item.decline.addsStatus
              ? `A “Status” column is added to “${item.sheet}”, reading “Declined” and today's date.`
              : `Its Status cell will read “Declined” and today's date.`}
          </p>
        )}
        {action === 'remove' && tasks.count > 0 && (
          <div class="warning" role="note">
            <p>
              {tasks.count === 1 ? '1 row links' : `${tasks.count} rows link`} to it: <bdi>{tasks.titles.join(', ')}</bdi>
              {tasks.count > tasks.titles.length ? ', …' : ''}. Removing it leaves {tasks.count === 1 ? 'that row' : 'them'} linked to a row
              that is gone, so {tasks.count === 1 ? 'it reaches' : 'they reach'} no goal.
            </p>
            <label class="radio">
              <input type="checkbox" checked={withTasks} onChange={() => setWithTasks(!withTasks)} /> Remove it anyway
            </label>
          </div>
        )}
      </fieldset>
      {item.declinedToday ? (
        <p class="notice">
          Already declined today: row {item.declinedToday.row} of “<bdi>{item.declinedToday.sheet}</bdi>”
          {item.declinedToday.reason ? (
            <>
              , reason “<bdi>{item.declinedToday.reason}</bdi>”
            </>
          ) : (
            ''
          )}
          . Declining again writes no second receipt (edit that row to change it); it still marks or removes the row as you choose below.
        </p>
      ) : (
        <p class="muted">{receiptNote(item, filled)}</p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || reason.trim() === '' || blocked}>
          Decline
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
