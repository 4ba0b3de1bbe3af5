/**
 * The columns that measure a goal (DESIGN §9): baseline, target, current, direction, a
 * progress cell, and the start and due dates. A qualified "value" is read by its qualifier
 * ("Target Value" is the target), so each qualified phrase is listed whole: the tokenizer then
 * joins it into one word and a bare "Value" alone stays impact.
 */

export const METRIC_ROLES = ['baseline', 'target', 'current', 'direction', 'progress', 'start', 'due', 'period'] as const;
export type MetricRole = (typeof METRIC_ROLES)[number];

export const METRIC_WORDS: Record<MetricRole, readonly string[]> = {
  baseline: ['baseline', 'start value', 'starting value', 'initial', 'initial value', 'baseline value'],
  target: ['target', 'target value', 'goal value'],
  current: ['current', 'current value', 'actual', 'actual value', 'latest', 'latest value', 'to date'],
  direction: ['direction'],
  // "% Complete" reads as "complete": `%` is not a word of a header.
  progress: ['progress', 'complete', 'percent complete', 'pct complete', 'completion', 'score'],
  start: ['start', 'start date'],
  // "Target date" is when the goal is due, not its target.
  due: ['due', 'due date', 'deadline', 'end', 'end date', 'target date'],
  // A row's own period ("Q2 2026" in a Quarter column), read as a tab's name would be.
  period: ['quarter', 'period', 'timeframe', 'time frame', 'cycle'],
};

const METRIC_SET: ReadonlySet<string> = new Set(METRIC_ROLES);

export function isMetricRole(role: string): role is MetricRole {
  return METRIC_SET.has(role);
}
