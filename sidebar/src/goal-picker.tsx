/**
 * Choosing the goals a row moves. The links the row's goal cell holds now come first, as
 * chips that can be removed or given a share; the search and the goals grouped under their
 * pillar add to them. Anti-priorities are shown as warnings, never as choices. What the cell
 * will read is shown before saving, and a save that drops or changes a link the PM had asks
 * first. Saving hands back [{ key, share? }], the whole new link.
 */
import { LinkedChips } from './goal-picker-chips';
import { type Chosen, problemOf, shortfallOf } from './goal-picker-rules';
import { ConfirmReplace, PickerProblems, SaveActions, WillRead } from './goal-picker-save';
import { AntiPriorities, GoalSearch } from './goal-picker-search';
import type { CurrentLink, Picker } from './types';
import { useGoalPicker } from './use-goal-picker';

export type { Chosen } from './goal-picker-rules';

interface Props {
  picker: Picker;
  /** What the goal cell links to now. */
  current: readonly CurrentLink[];
  /** The goal cell's header ('' when saving adds a "Goal" column). */
  column: string;
  busy: boolean;
  onSave(goals: Chosen[]): void;
  onCancel?: () => void;
  onDirty?: (dirty: boolean) => void;
  saveLabel?: string;
  /** What the cell holds now when it changed in the sheet since `current` was read: the save replaces that. */
  cellNow?: string | undefined;
  /** Focus the search box when shown (opened by a button that is then gone). */
  autoFocus?: boolean;
}

export function GoalPicker({
  picker,
  current,
  column,
  cellNow,
  autoFocus = false,
  busy,
  onSave,
  onCancel,
  onDirty,
  saveLabel = 'Save link',
}: Props) {
  const state = useGoalPicker({ current, cellNow, autoFocus, busy, onSave, onDirty });
  const { chosen, changed, replacement } = state;
  const problem = problemOf(chosen);
  return (
    <div class="picker">
      <h4 class="picker-head">Linked to</h4>
      <LinkedChips chosen={chosen} onShare={state.setShare} onRemove={state.remove} />
      <GoalSearch
        picker={picker}
        query={state.query}
        onQuery={state.setQuery}
        searchRef={state.search}
        chosen={chosen}
        onToggle={state.toggle}
      />
      <AntiPriorities list={picker.antiPriorities} />
      <WillRead
        changed={changed}
        after={state.after}
        where={column ? `the “${column}” cell` : 'a new “Goal” column'}
        was={cellNow ?? state.before}
      />
      <PickerProblems problem={problem} shortfall={shortfallOf(chosen)} empty={chosen.length === 0 && changed} />
      {state.confirming ? (
        <ConfirmReplace {...replacement} cellNow={cellNow} busy={busy} onReplace={state.save} onBack={() => state.setConfirming(false)} />
      ) : (
        <SaveActions
          label={saveLabel}
          canSave={changed && chosen.length > 0 && problem === null}
          busy={busy}
          onSave={() => (replacement.replaces ? state.setConfirming(true) : state.save())}
          onCancel={onCancel}
          onUndo={!onCancel && changed ? state.undo : null}
        />
      )}
    </div>
  );
}
