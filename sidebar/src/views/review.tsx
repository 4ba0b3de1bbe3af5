/**
 * Review, before quarterly planning: the goals behind their pace first (each with a way to
 * check in on it), the cascade's health at a glance, then the flagged
 * roadmap and task rows one at a time, most urgent first. Each is linked to a goal, declined
 * with a receipt, marked reviewed, or skipped; a handled row leaves the queue, the next one
 * comes up and what happened is said. Below: the goals no work reaches and the requests that
 * came back.
 */
import { useEffect } from 'preact/hooks';
import type { Outcome } from '../review-card';
import { useCall } from '../use-call';
import { useDirtySet } from '../use-dirty-set';
import { useLatest } from '../use-latest';
import { AtRisk } from './review-at-risk';
import { Orphans, Resurfaced } from './review-lists';
import { Queue } from './review-queue';
import { Summary } from './review-summary';
import { useMoveGuard, useReviewQueue, useShowInGrid } from './use-review-queue';

interface Props {
  active: boolean;
  onDirty(dirty: boolean): void;
  onOpenSetup(): void;
}

export function Review({ active, onDirty, onOpenSetup }: Props) {
  const health = useCall('health', undefined, [], active);
  const value = health.value;
  const queue = useReviewQueue(value);
  const guard = useMoveGuard();
  // The view is unsaved while the card, or a check-in on a goal behind pace, holds typed text.
  const checkIns = useDirtySet();
  const report = useLatest(onDirty);
  const anyDirty = guard.cardDirty || checkIns.any;
  useEffect(() => report.current(anyDirty), [anyDirty, report]);
  useShowInGrid(queue.current, active);
  if (health.loading && !value)
    return (
      <p class="muted" role="status">
        Reading the cascade…
      </p>
    );
  if (health.error || !value)
    return (
      <p class="error" role="alert">
        Ladder could not read the cascade: {health.error}
      </p>
    );
  const done = (outcome: Outcome, message: string) => {
    queue.done(outcome, message);
    guard.setCardDirty(false);
    void health.reload();
  };
  return (
    <div>
      <AtRisk goals={value.atRisk} onDirty={checkIns.mark} onCheckedIn={() => void health.reload()} />
      <Summary
        health={value}
        filter={queue.filter}
        onFilter={(code) => guard.guarded(() => queue.toggle(code))()}
        onOpenSetup={onOpenSetup}
      />
      <Queue queue={queue} guard={guard} onDone={done} />
      <Orphans rows={value.flagged.filter((row) => row.codes.includes('ORPHAN'))} />
      <Resurfaced rows={value.flagged.filter((row) => row.codes.includes('RESURFACED'))} />
    </div>
  );
}
