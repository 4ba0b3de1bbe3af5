/**
 * A check-in's rules, apart from its form: a confidence as typed, what is sent to the server,
 * and what a check-in did, said in a sentence from the server's answer.
 */
import { percentOf } from './progress-bar';
import type { CheckedIn, ProgressView } from './types';

/** The goal a check-in is for, as the view that opened the form knows it. */
export type GoalRef = Pick<ProgressView, 'sheet' | 'key' | 'title'>;

/** A plain number as the sheet shows it ("300000" → "300,000"); anything else as it is. */
const amount = (value: string) =>
  /^-?\d+(\.\d+)?$/.test(value) ? Number(value).toLocaleString('en-US', { maximumFractionDigits: 10 }) : value;

/** Where the goal stands after a check-in, as the end of the sentence ('' when the server sent no figures). */
function progressNow(view: CheckedIn['progress']): string {
  if (view === null) return '';
  if (!view.measured) return ' It has no metric yet, so it shows no progress.';
  if (view.progress === null) return ' Progress: no data yet.';
  return ` Progress now ${percentOf(view.progress)}${view.status ? `, ${view.status}` : ''}.`;
}

/** What a check-in did, in a sentence, from the server's answer. */
export function checkedInMessage(reply: CheckedIn): string {
  const made = reply.created ? ` The tab “${reply.sheet}” was created for it.` : '';
  const added =
    reply.addedColumns.length > 0
      ? ` “${reply.sheet}” got the new column${reply.addedColumns.length === 1 ? '' : 's'} ${reply.addedColumns.map((header) => `“${header}”`).join(', ')}.`
      : '';
  return `Checked in ${amount(reply.value)} on “${reply.title}” (row ${reply.row} of “${reply.sheet}”).${made}${added}${progressNow(reply.progress)}`;
}

/** A confidence as typed: blank, or a whole percent from 0 to 100. */
export function confidenceOf(typed: string): { ok: true; value: number | undefined } | { ok: false } {
  const text = typed.trim().replace(/%$/, '');
  if (text === '') return { ok: true, value: undefined };
  if (!/^\d{1,3}$/.test(text) || Number(text) > 100) return { ok: false };
  return { ok: true, value: Number(text) };
}

/** The title as the server will compare it, when the view's copy can be trusted to match (not cut short, not the key). */
const expectedTitleOf = (goal: GoalRef) => (goal.title !== goal.key && goal.title.length < 200 ? { expectedTitle: goal.title } : {});

/** The check-in call's input: blank boxes are left out, so the server's defaults apply. */
export const checkInInput = (goal: GoalRef, typed: { value: string; note: string; by: string }, confidence: number | undefined) => ({
  sheet: goal.sheet,
  key: goal.key,
  ...expectedTitleOf(goal),
  value: typed.value,
  ...(confidence === undefined ? {} : { confidence }),
  ...(typed.note.trim() === '' ? {} : { note: typed.note }),
  ...(typed.by.trim() === '' ? {} : { by: typed.by.trim() }),
});
