/**
 * The sheet functions as data: name, arguments, help, and how each answers for one item.
 * One runner turns what Sheets passes (a value or a 2-D range) into answers of the same
 * shape, and every problem into readable cell text, never a thrown error.
 */
import type { Cascade } from './cascade';
import { IMPACT_MODES, type ImpactMode, impactOf } from './impact-format';
import { findItem } from './lookup';
import { PROGRESS_MODES, type ProgressMode, progressOf } from './progress-format';
import type { Cell } from './snapshot';
import { cellText } from './text';
import { TRACE_FORMATS, type TraceFormat, traceColumns, traceKeys, tracePath, traceWhy } from './trace';

export type Answer = string | number;

export interface SheetFunction {
  readonly name: string;
  readonly summary: string;
  readonly params: readonly { readonly name: string; readonly description: string; readonly optional: boolean }[];
  readonly example: string;
  readonly options: readonly string[];
  /** The answer for one item: one cell, or a row of cells. */
  answer(cascade: Cascade, item: number, option: string): Answer | Answer[];
}

export const TRACE: SheetFunction = {
  name: 'TRACE',
  summary: 'Walks a row up the strategy cascade to the mission: goal, pillar, vision, mission.',
  params: [
    {
      name: 'ref',
      description: 'The key or title of a row, usually its id cell (A5), or a whole column of them (A2:A500).',
      optional: false,
    },
    {
      name: 'format',
      description:
        '"path" (default): one line per upward path; "columns": one cell per layer; "why": a sentence; "keys": the first path as keys.',
      optional: true,
    },
  ],
  example: 'TRACE(A5)',
  options: TRACE_FORMATS,
  answer(cascade, item, option) {
    const format = option as TraceFormat;
    if (format === 'columns') return traceColumns(cascade, item);
    if (format === 'why') return traceWhy(cascade, item);
    if (format === 'keys') return traceKeys(cascade, item);
    return tracePath(cascade, item);
  },
};

export const IMPACT: SheetFunction = {
  name: 'IMPACT',
  summary: 'How much a row moves the goals: impact × confidence × reach × strategic weight, per unit of effort.',
  params: [
    { name: 'ref', description: 'The key or title of a row (A5), or a whole column of them (A2:A500).', optional: false },
    {
      name: 'mode',
      description: '"roi" (default): score per unit of effort; "score": the score; "goals": the goals it reaches, with shares.',
      optional: true,
    },
  ],
  example: 'IMPACT(A5, "score")',
  options: IMPACT_MODES,
  answer(cascade, item, option) {
    return impactOf(cascade, item, option as ImpactMode);
  },
};

export const PROGRESS: SheetFunction = {
  name: 'PROGRESS',
  summary: 'How far a goal has come: its progress as a fraction, its status against the time gone, or both in words.',
  params: [
    {
      name: 'ref',
      description: 'The key or title of a goal, pillar or roadmap row (A5), or a whole column of them (A2:A500).',
      optional: false,
    },
    {
      name: 'mode',
      description:
        '"fraction" (default): a number to format as %; "status": done, on track, at risk, off track...; "text": the figures in words.',
      optional: true,
    },
  ],
  example: 'PROGRESS(A5, "text")',
  options: PROGRESS_MODES,
  answer(cascade, item, option) {
    return progressOf(cascade, item, option as ProgressMode);
  },
};

export const SHEET_FUNCTIONS: readonly SheetFunction[] = [TRACE, IMPACT, PROGRESS];

type RangeIn = Cell | readonly (readonly Cell[])[];

function optionOf(fn: SheetFunction, raw: unknown): { ok: true; option: string } | { ok: false; error: string } {
  const text = Array.isArray(raw) ? cellText(raw[0]?.[0] as Cell) : cellText(raw as Cell);
  if (text === '') return { ok: true, option: fn.options[0]! };
  const option = text.toLowerCase();
  if (fn.options.includes(option)) return { ok: true, option };
  const list = fn.options.map((o) => `"${o}"`).join(', ');
  return { ok: false, error: `#ERROR: ${fn.name}'s second argument must be one of ${list}, not "${text.slice(0, 40)}"` };
}

function one(fn: SheetFunction, cascade: Cascade, ref: Cell, option: string, sheet: string | undefined): Answer[] {
  if (cellText(ref) === '') return [''];
  const found = findItem(cascade, ref, sheet);
  if (!found.ok) return [found.error];
  const answer = fn.answer(cascade, found.item, option);
  return Array.isArray(answer) ? answer : [answer];
}

/**
 * Runs a sheet function over a value or a range. A range gives a range of the same shape
 * (each cell's row of answers side by side, padded so every row is as wide).
 */
export function runSheetFunction(
  fn: SheetFunction,
  cascade: Cascade,
  ref: unknown,
  rawOption: unknown,
  formulaSheet?: string,
): Answer | Answer[][] {
  const option = optionOf(fn, rawOption);
  if (!Array.isArray(ref)) {
    if (!option.ok) return option.error;
    const answers = one(fn, cascade, ref as Cell, option.option, formulaSheet);
    return answers.length === 1 ? answers[0]! : [answers];
  }
  const rows = (ref as RangeIn[][]).map((row) =>
    (Array.isArray(row) ? row : [row]).flatMap((cell) =>
      option.ok ? one(fn, cascade, cell as Cell, option.option, formulaSheet) : [option.error],
    ),
  );
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
  return rows.map((row) => (row.length === width ? row : [...row, ...new Array<Answer>(width - row.length).fill('')]));
}
