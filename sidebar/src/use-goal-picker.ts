/**
 * The goal picker's state: the search, the links as edited, and the question a replacing save
 * asks first; where the focus goes as these change; and the "not saved yet" report.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Chosen, cellText, type Entry, fromCurrent, replacementOf, toChosen } from './goal-picker-rules';
import type { Brief, CurrentLink } from './types';
import { useDirtyReport } from './use-dirty-set';

interface Options {
  current: readonly CurrentLink[];
  cellNow: string | undefined;
  autoFocus: boolean;
  busy: boolean;
  onSave(goals: Chosen[]): void;
  onDirty: ((dirty: boolean) => void) | undefined;
}

/** The question before a replacing save (its answer takes the focus, in ConfirmStep), and the search box's focus when asked for. */
function useConfirm(autoFocus: boolean, busy: boolean, search: RefObject<HTMLInputElement>) {
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (autoFocus) search.current?.focus();
  }, [autoFocus, search]);
  // A save that came back refused ends the question: what is asked next time may differ (the cell changed).
  useEffect(() => {
    if (!busy) setConfirming(false);
  }, [busy]);
  return { confirming, setConfirming };
}

export function useGoalPicker({ current, cellNow, autoFocus, busy, onSave, onDirty }: Options) {
  const initial = useMemo(() => fromCurrent(current), [current]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Entry[]>(initial);
  const search = useRef<HTMLInputElement>(null);
  const confirm = useConfirm(autoFocus, busy, search);
  const before = cellText(initial);
  const after = cellText(chosen);
  const changed = after !== before;
  useDirtyReport(changed, onDirty);
  // Any edit ends a question asked about the links as they were.
  const edit = (next: Entry[]) => {
    confirm.setConfirming(false);
    setChosen(next);
  };
  return {
    ...confirm,
    query,
    setQuery,
    search,
    chosen,
    before,
    after,
    changed,
    replacement: replacementOf(initial, chosen, cellNow),
    toggle: (goal: Brief) =>
      edit(
        chosen.some((entry) => entry.key === goal.key)
          ? chosen.filter((entry) => entry.key !== goal.key)
          : [...chosen, { key: goal.key, title: goal.title, status: 'goal', share: '' }],
      ),
    remove: (key: string) => edit(chosen.filter((entry) => entry.key !== key)),
    setShare: (key: string, share: string) => edit(chosen.map((entry) => (entry.key === key ? { ...entry, share } : entry))),
    save: () => onSave(toChosen(chosen)),
    undo: () => setChosen(initial),
  };
}
