/**
 * The parts of a decline form beyond its text boxes: a choice among pillars or goals, what
 * happens to the row (and the warning before removing one that others link to), and where
 * the receipt goes.
 */
import type { Picker, RowItem } from './types';
import type { DeclineState } from './use-decline';

/** A labelled choice among briefs (pillars or goals), blank meaning "none". */
export function BriefSelect({
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

const ACTIONS = [
  ['mark', 'Mark it declined'],
  ['remove', 'Remove it'],
  ['keep', 'Leave it as it is'],
] as const;

/** Removing a row others link to leaves them linked to nothing: said, and a tick of its own. */
function RemoveWarning({ tasks, state }: { tasks: RowItem['dependents']; state: DeclineState }) {
  const one = tasks.count === 1;
  return (
    <div class="warning" role="note">
      <p>
        {one ? '1 row links' : `${tasks.count} rows link`} to it: <bdi>{tasks.titles.join(', ')}</bdi>
        {tasks.count > tasks.titles.length ? ', …' : ''}. Removing it leaves {one ? 'that row' : 'them'} linked to a row that is gone, so{' '}
        {one ? 'it reaches' : 'they reach'} no goal.
      </p>
      <label class="radio">
        <input type="checkbox" checked={state.withTasks} onChange={() => state.setWithTasks(!state.withTasks)} /> Remove it anyway
      </label>
    </div>
  );
}

/** What happens to the declined row: marked, removed or left, and what each choice writes. */
export function RowAction({ item, state }: { item: RowItem; state: DeclineState }) {
  const { action } = state;
  return (
    <fieldset>
      <legend>The {item.noun} row</legend>
      {ACTIONS.map(([choice, label]) => (
        <label key={choice} class="radio">
          <input type="radio" name="action" value={choice} checked={action === choice} onChange={() => state.setAction(choice)} /> {label}
        </label>
      ))}
      {action === 'mark' && (
        <p class="muted">
          {item.decline.addsStatus
            ? `A “Status” column is added to “${item.sheet}”, reading “Declined” and today's date.`
            : `Its Status cell will read “Declined” and today's date.`}
        </p>
      )}
      {action === 'remove' && item.dependents.count > 0 && <RemoveWarning tasks={item.dependents} state={state} />}
    </fieldset>
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

/** Where the receipt goes; or, when the row was declined today already, that no second receipt is written. */
export function Receipt({ item, filled }: { item: RowItem; filled: Record<string, boolean> }) {
  const today = item.declinedToday;
  if (!today) return <p class="muted">{receiptNote(item, filled)}</p>;
  return (
    <p class="notice">
      Already declined today: row {today.row} of “<bdi>{today.sheet}</bdi>”
      {today.reason ? (
        <>
          , reason “<bdi>{today.reason}</bdi>”
        </>
      ) : (
        ''
      )}
      . Declining again writes no second receipt (edit that row to change it); it still marks or removes the row as you choose below.
    </p>
  );
}
