/**
 * Where Review is in its queue: the flagged rows still to review (those handled here leave
 * it, a filter narrows it), the row on show, what was said about the last move, and moves
 * that would drop a card's unsent input waiting on the PM's word. While Review is on show,
 * the preview's grid is told which row it is on.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Outcome } from '../review-card';
import { inAppsScript } from '../server';
import type { Health, Queued } from '../types';
import { idOf, plural } from './review-format';

export function useReviewQueue(value: Health | null) {
  /** Rows handled in this sidebar, by sheet and key: they leave the queue even if a flag stays (a row declined before, now linked). */
  const [handled, setHandled] = useState<ReadonlyMap<string, Outcome>>(new Map());
  const [filter, setFilter] = useState<ReadonlySet<string>>(new Set());
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [atEnd, setAtEnd] = useState(false);
  const [said, setSaid] = useState('');
  const [moved, setMoved] = useState(false);
  const all: Queued[] = value ? value.queue.map((at) => value.flagged[at]!).filter((row) => !handled.has(idOf(row))) : [];
  const queue = filter.size === 0 ? all : all.filter((row) => row.codes.some((code) => filter.has(code)));
  const position = Math.max(
    0,
    queue.findIndex((row) => idOf(row) === currentId),
  );
  const current = atEnd ? undefined : queue[position];
  const go = (to: number, focus = true) => {
    setAtEnd(false);
    setMoved(focus);
    setSaid('');
    setCurrentId(queue[to] ? idOf(queue[to]!) : null);
  };
  const skip = () => {
    if (position + 1 < queue.length) go(position + 1);
    else {
      setAtEnd(true);
      setSaid(`That was the last row. ${plural(queue.length, 'row')} still to review.`);
    }
  };
  /** The row on show was handled: it leaves the queue and the next comes up, with what happened said. */
  const done = (outcome: Outcome, message: string) => {
    const next = queue[position + 1];
    setHandled(new Map(handled).set(idOf(current!), outcome));
    setSaid(next ? `${message} Next: “${next.title || next.key}”.` : `${message} That was the last row to review.`);
    setCurrentId(next ? idOf(next) : null);
    setAtEnd(next === undefined);
    setMoved(true);
  };
  const toggle = (code: string) => {
    const next = new Set(filter);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setFilter(next);
    setAtEnd(false);
    setSaid('');
    setCurrentId(null);
  };
  return { all, queue, position, current, atEnd, handled, filter, said, moved, go, skip, done, toggle };
}

export type ReviewQueue = ReturnType<typeof useReviewQueue>;

/** Whether the card holds input not sent yet (a reason typed, goals ticked), and a move waiting on the PM's word. */
export function useMoveGuard() {
  const [cardDirty, setCardDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  // Moving on would drop the card and what was typed in it: with input not sent, the PM says so first.
  const guarded = (move: () => void) => () => {
    if (cardDirty) setPending(() => move);
    else move();
  };
  const discard = () => {
    const move = pending;
    setPending(null);
    setCardDirty(false);
    move?.();
  };
  return { cardDirty, setCardDirty, pending, guarded, discard, keepEditing: () => setPending(null) };
}

export type MoveGuard = ReturnType<typeof useMoveGuard>;

/**
 * The preview's grid shows which row the review is on, while Review is on show (a row picked in the grid is
 * then the Link view's, not to be moved back); in Sheets the parent is Google's page, which is not told.
 */
export function useShowInGrid(current: Queued | undefined, active: boolean) {
  const showSheet = current?.sheet;
  const showRow = current?.row;
  useEffect(() => {
    if (showSheet !== undefined && active && !inAppsScript() && window.parent !== window) {
      window.parent.postMessage({ type: 'ladder-show', sheet: showSheet, row: showRow }, window.location.origin);
    }
  }, [showSheet, showRow, active]);
}
