/**
 * A goal's progress as the sidebar shows it (DESIGN §9): the fraction, status and pace, the
 * figures in words, and its check-ins, newest first. Plain data: the sidebar escapes it.
 */
import type { Cascade } from './cascade';
import type { CheckIn } from './check-ins';
import { layerSpec } from './layers';
import { dayText } from './metric-values';
import type { Status } from './progress';
import { amountText, asPercent, paceText, progressText } from './progress-format';
import { clip } from './text';

export interface ProgressView {
  readonly key: string;
  readonly title: string;
  readonly sheet: string;
  readonly row: number;
  /** A fraction (uncapped), or null when nothing measures it yet. */
  readonly progress: number | null;
  readonly status: Status | null;
  /** "63%: 2% → 7% of 10%, on track (61% of the time gone)". */
  readonly text: string;
  readonly pace: string;
  readonly measured: boolean;
}

export interface CheckInView {
  readonly date: string;
  readonly value: string;
  readonly confidence: string;
  readonly note: string;
  readonly by: string;
  readonly sheet: string;
  readonly row: number;
  /** Whether it is the one the goal's current value comes from (the latest on or before today). */
  readonly current: boolean;
}

export function progressView(cascade: Cascade, item: number): ProgressView {
  const found = cascade.items[item]!;
  const fraction = cascade.progress.progress[item]!;
  const goal = cascade.progress.goals.get(item);
  return {
    key: clip(found.key, 200),
    title: clip(found.title || found.key, 200),
    sheet: found.sheet,
    row: found.row,
    progress: Number.isNaN(fraction) ? null : fraction,
    status: cascade.progress.status[item] ?? null,
    text: clip(progressText(cascade, item), 300),
    pace: paceText(goal),
    measured: goal?.measured ?? true,
  };
}

/** A goal's check-ins, newest first (at most `limit`). */
export function checkInHistory(cascade: Cascade, item: number, limit = 50): CheckInView[] {
  const list = cascade.checkIns.byGoal.get(item) ?? [];
  const current = cascade.progress.goals.get(item)?.checkIn ?? null;
  const inPercent = cascade.structure.metrics.get(item)?.inPercent === true;
  return list
    .slice()
    .reverse()
    .slice(0, limit)
    .map((entry: CheckIn) => ({
      date: dayText(entry.date),
      value: entry.value !== null ? amountText(entry.value, inPercent) : entry.done === null ? '' : entry.done ? 'done' : 'not done',
      confidence: entry.confidence === null ? '' : asPercent(entry.confidence),
      note: clip(entry.note, 1000),
      by: clip(entry.by, 200),
      sheet: entry.sheet,
      row: entry.row,
      current: entry === current,
    }));
}

/** The goals behind their pace, furthest behind first: the top of the review. */
export function goalsAtRisk(cascade: Cascade): ProgressView[] {
  const behind: { item: number; gap: number }[] = [];
  for (const [item, goal] of cascade.progress.goals) {
    const status = cascade.progress.status[item];
    if ((status !== 'at risk' && status !== 'off track') || goal.elapsed === null) continue;
    behind.push({ item, gap: goal.elapsed - cascade.progress.progress[item]! });
  }
  return behind.sort((a, b) => b.gap - a.gap || a.item - b.item).map(({ item }) => progressView(cascade, item));
}

/** Progress of every pillar and goal, by key, for the Strategy one-pager's bars. */
export function strategyProgress(cascade: Cascade): { pillars: ProgressView[]; goals: ProgressView[]; today: string | null } {
  const pillars: ProgressView[] = [];
  const goals: ProgressView[] = [];
  for (const item of cascade.items) {
    const spec = layerSpec(item.layer);
    if (spec.isStrategy && !item.isAntiPriority) pillars.push(progressView(cascade, item.index));
    else if (spec.isGoal) goals.push(progressView(cascade, item.index));
  }
  const { today } = cascade.progress;
  return { pillars, goals, today: today === null ? null : dayText(today) };
}
