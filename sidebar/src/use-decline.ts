/**
 * A decline form's state: what is typed and chosen, whether it may be sent (a reason, and a
 * tick before removing a row others link to), and the decline it sends.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RowItem } from './types';
import { useDirtyReport } from './use-dirty-set';

export interface Decline {
  reason: string;
  who?: string;
  pillar?: string;
  goal?: string;
  action: 'keep' | 'mark' | 'remove';
  removeWithTasks?: boolean;
}

export function useDecline(item: RowItem, busy: boolean, onDecline: (decline: Decline) => void, onDirty?: (dirty: boolean) => void) {
  const [reason, setReason] = useState('');
  const [who, setWho] = useState('');
  const [pillar, setPillar] = useState('');
  const [goal, setGoal] = useState('');
  const [action, setAction] = useState<Decline['action']>('mark');
  const [withTasks, setWithTasks] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  // The button that opened the form is gone: the focus goes to the first thing to fill in.
  useEffect(() => reasonBox.current?.focus(), []);
  useDirtyReport(reason !== '' || who !== '' || pillar !== '' || goal !== '', onDirty);
  const blocked = action === 'remove' && item.dependents.count > 0 && !withTasks;
  const ready = !busy && reason.trim() !== '' && !blocked;
  const submit = () => {
    if (!ready) return;
    onDecline({
      reason,
      action,
      ...(who ? { who } : {}),
      ...(pillar ? { pillar } : {}),
      ...(goal ? { goal } : {}),
      ...(action === 'remove' && withTasks ? { removeWithTasks: true } : {}),
    });
  };
  return {
    reason,
    setReason,
    who,
    setWho,
    pillar,
    setPillar,
    goal,
    setGoal,
    action,
    setAction,
    withTasks,
    setWithTasks,
    /** The receipt's columns the PM filled in, by role: a column the receipt tab lacks is added for them. */
    filled: { date: true, title: true, who: who.trim() !== '', why: true, pillar: pillar !== '', goal: goal !== '' },
    reasonBox,
    ready,
    submit,
  };
}

export type DeclineState = ReturnType<typeof useDecline>;
