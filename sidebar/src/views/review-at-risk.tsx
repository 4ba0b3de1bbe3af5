/**
 * Review's first section: the goals behind their pace, furthest behind first, each with its
 * bar and a way to check in on it.
 */
import { useState } from 'preact/hooks';
import { CheckInSlot } from '../check-in-form';
import { ProgressBar } from '../progress-bar';
import type { CheckedIn, ProgressView } from '../types';
import { idOf } from './review-format';

/**
 * The goals whose check-in form is open, with their latest figures: they stay listed (the form
 * and what was said with it) even once a check-in has brought them back on track.
 */
function useKept() {
  const [kept, setKept] = useState<ReadonlyMap<string, ProgressView>>(new Map());
  const keep = (view: ProgressView) => (open: boolean) =>
    setKept((before) => {
      const id = idOf(view);
      if (open === before.has(id)) return before;
      const next = new Map(before);
      if (open) next.set(id, view);
      else next.delete(id);
      return next;
    });
  const update = (view: ProgressView, now: ProgressView) =>
    setKept((before) => (before.has(idOf(view)) ? new Map(before).set(idOf(view), now) : before));
  return { kept, keep, update };
}

interface Props {
  goals: readonly ProgressView[];
  onDirty(id: string): (dirty: boolean) => void;
  onCheckedIn(): void;
}

export function AtRisk({ goals, onDirty, onCheckedIn }: Props) {
  const { kept, keep, update } = useKept();
  const behind = new Set(goals.map(idOf));
  const shown = [...goals, ...[...kept].filter(([id]) => !behind.has(id)).map(([, view]) => view)];
  if (shown.length === 0) return null;
  const checkedIn = (view: ProgressView) => (reply: CheckedIn) => {
    if (reply.progress) update(view, reply.progress);
    onCheckedIn();
  };
  return (
    <section aria-labelledby="risk-head">
      <h2 id="risk-head">Goals behind pace</h2>
      <ul class="plain at-risk">
        {shown.map((view) => (
          <li key={idOf(view)}>
            <div class="title">
              <bdi>{view.title}</bdi>
            </div>
            <ProgressBar view={view} />
            {/* An open form says it itself, read afresh. */}
            {!kept.has(idOf(view)) && <p class="progress-text">{view.text}</p>}
            {!behind.has(idOf(view)) && <p class="ok">No longer behind its pace.</p>}
            <CheckInSlot goal={view} onDirty={onDirty(idOf(view))} onCheckedIn={checkedIn(view)} onOpen={keep(view)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
