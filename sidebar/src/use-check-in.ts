/**
 * A check-in form's state: what is typed (and whether any of it is unsent), the goal's figures
 * and check-ins read from the server, and sending, with where the focus goes before and after.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkedInMessage, checkInInput, confidenceOf, type GoalRef } from './check-in-rules';
import { call } from './server';
import type { CheckedIn } from './types';
import { useCall } from './use-call';
import { useDirtyReport } from './use-dirty-set';

/** The boxes as typed. `sent` empties them after an accepted check-in, but keeps who it was by for the next one. */
function useTyped() {
  const [value, setValue] = useState('');
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');
  const [by, setBy] = useState('');
  /** Who the last accepted check-in was by: kept in the box for the next one, and not "unsaved". */
  const [sentBy, setSentBy] = useState('');
  const sent = () => {
    setValue('');
    setConfidence('');
    setNote('');
    setSentBy(by);
  };
  const dirty = value !== '' || confidence !== '' || note !== '' || by !== sentBy;
  return { value, setValue, confidence, setConfidence, note, setNote, by, setBy, dirty, sent };
}

export type Typed = ReturnType<typeof useTyped>;

export function useCheckIn(goal: GoalRef, onDirty?: (dirty: boolean) => void, onCheckedIn?: (reply: CheckedIn) => void) {
  const progress = useCall('goalProgress', { sheet: goal.sheet, key: goal.key }, [goal.sheet, goal.key]);
  const typed = useTyped();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  useDirtyReport(typed.dirty, onDirty);
  const valueBox = useRef<HTMLInputElement>(null);
  const saidLine = useRef<HTMLParagraphElement>(null);
  // The button that opened the form is gone: the focus goes to the first thing to fill in.
  useEffect(() => valueBox.current?.focus(), []);
  // The button the focus was on is disabled now the value is cleared: focus what was said instead.
  useEffect(() => {
    if (said) saidLine.current?.focus();
  }, [said]);
  const sure = confidenceOf(typed.confidence);
  const ready = !busy && typed.value.trim() !== '' && sure.ok;
  const send = () => {
    if (!ready || !sure.ok) return;
    setBusy(true);
    setError(null);
    setSaid('');
    void call('checkIn', checkInInput(goal, typed, sure.value)).then((reply) => {
      setBusy(false);
      if (!reply.ok) {
        // The server's sentence, and everything typed stays for another try.
        setError(reply.error);
        return;
      }
      setSaid(checkedInMessage(reply.value));
      typed.sent();
      void progress.reload();
      onCheckedIn?.(reply.value);
    });
  };
  return { progress, view: progress.value, typed, sure, busy, ready, error, said, send, valueBox, saidLine };
}
