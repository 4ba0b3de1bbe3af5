/**
 * The check-in log (DESIGN §9): a tab named for check-ins ("Check-ins", "Goal updates",
 * "Progress log"), or a tab that is no layer whose header names a date, a goal and a value
 * ("KR Log": Date, KR ID, Value), with a row per reading of a goal: date, goal, value, confidence, note, by.
 * Its goal cells are references resolved as links are, among the goals. The log is never a
 * layer; a goal's latest reading on or before today stands in for its current cell.
 */
import { tokenize } from './columns';
import { findHeaderRow, type HeaderVocabulary } from './header-row';
import type { ItemIndex } from './item-index';
import { NOT_FOUND } from './link-table';
import { lookupReference } from './links';
import { type Day, parseAmount, parseDay, parseTruth } from './metric-values';
import { once } from './once';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText, clip, words } from './text';

export const CHECK_IN_ROLES = ['date', 'goal', 'value', 'confidence', 'note', 'by'] as const;
export type CheckInRole = (typeof CHECK_IN_ROLES)[number];

/** The headers the sidebar writes when it creates the log, in this order. */
export const CHECK_IN_HEADERS: Record<CheckInRole, string> = {
  date: 'Date',
  goal: 'Goal',
  value: 'Value',
  confidence: 'Confidence',
  note: 'Note',
  by: 'By',
};

const CHECK_IN_WORDS: Record<CheckInRole, readonly string[]> = {
  date: ['date', 'when', 'day', 'week', 'checked on', 'check in date'],
  goal: ['goal', 'objective', 'okr', 'key result', 'kr', 'kpi', 'metric', 'measure'],
  value: ['value', 'current', 'actual', 'reading', 'result', 'progress', 'current value'],
  confidence: ['confidence'],
  note: ['note', 'comment', 'update', 'detail', 'remark'],
  by: ['by', 'who', 'owner', 'author', 'reported by', 'checked by'],
};

const phrases = once(() => new Map(CHECK_IN_ROLES.map((role) => [role, CHECK_IN_WORDS[role].map((entry) => words(entry).join(' '))])));
const compounds = once(() =>
  Object.values(CHECK_IN_WORDS)
    .flat()
    .map((entry) => words(entry))
    .filter((phrase) => phrase.length > 1),
);

/** The check-in role a header names, or null. "Goal value" is the value: the goal is named by the goal word alone. */
export function checkInRoleOf(header: string): CheckInRole | null {
  const tokens = tokenize(header, compounds());
  const names = (role: CheckInRole) =>
    phrases()
      .get(role)!
      .some((phrase) => tokens.includes(phrase));
  for (const role of ['date', 'value', 'confidence', 'note', 'by', 'goal'] as const) if (names(role)) return role;
  return null;
}

const VOCABULARY: HeaderVocabulary = {
  names: (label) => checkInRoleOf(label) !== null,
  isTitleWord: () => false,
};

/** Words a check-in's own date column may be headed with: "Date", "Week", "Check-in date"; never "Due date". */
const READING_DATE_WORDS: ReadonlySet<string> = new Set([
  'date',
  'when',
  'day',
  'week',
  'checked',
  'on',
  'check',
  'in',
  'checkin',
  'logged',
  'reading',
]);

/**
 * Whether a tab's top rows are a check-in log's: a header naming the date of a reading, a goal
 * and a value ("Date | KR ID | Value"). A goals tab with a "Due date" and a "Current value" is
 * not one: its date is when the goal is due, not when it was read.
 */
export function hasCheckInColumns(rows: readonly (readonly Cell[])[]): boolean {
  const headerRow = findHeaderRow(rows.slice(0, 10), VOCABULARY)?.row ?? null;
  if (headerRow === null) return false;
  const header = rows[headerRow - 1] ?? [];
  const columns = columnsOf(header);
  if (columns.date === undefined || columns.goal === undefined || columns.value === undefined) return false;
  return words(cellText(header[columns.date])).every((word) => READING_DATE_WORDS.has(word));
}

export interface CheckIn {
  readonly sheet: string;
  /** 1-based. */
  readonly row: number;
  readonly goal: number;
  readonly date: Day;
  /** The reading as an amount, or null when it is a yes/no (then `done`) or empty. */
  readonly value: number | null;
  readonly done: boolean | null;
  /** 0..1, or null when not given. */
  readonly confidence: number | null;
  readonly note: string;
  readonly by: string;
}

export interface CheckInLog {
  /** Each goal's check-ins, oldest first (on one date, in the order of the rows). */
  readonly byGoal: ReadonlyMap<number, readonly CheckIn[]>;
  /** The log tabs read, with where their header is. */
  readonly tabs: readonly { readonly sheet: string; readonly headerRow: number; readonly columns: Partial<Record<CheckInRole, number>> }[];
  /** What the PM should know: rows naming no goal, or no date. */
  readonly warnings: readonly string[];
}

export const NO_CHECK_INS: CheckInLog = { byGoal: new Map(), tabs: [], warnings: [] };

/** Reads every check-in tab; `goalRanks` is where a goal cell's reference is looked up. */
export function readCheckIns(sheets: readonly SheetSnapshot[], goalRanks: readonly number[], index: ItemIndex): CheckInLog {
  if (sheets.length === 0) return NO_CHECK_INS;
  const byGoal = new Map<number, CheckIn[]>();
  const tabs: CheckInLog['tabs'][number][] = [];
  const warnings: string[] = [];
  for (const sheet of sheets) {
    const headerRow = findHeaderRow(sheet.values.slice(0, 10), VOCABULARY)?.row ?? null;
    const columns = headerRow === null ? {} : columnsOf(sheet.values[headerRow - 1] ?? []);
    if (headerRow === null || columns.goal === undefined || columns.date === undefined) {
      warnings.push(
        `The check-in tab "${clip(sheet.name, 80)}" has no Date and Goal columns in its top 10 rows, so its check-ins are not read.`,
      );
      continue;
    }
    tabs.push({ sheet: sheet.name, headerRow, columns });
    const skipped = { goal: [] as number[], date: [] as number[] };
    for (let r = headerRow; r < sheet.values.length; r++) {
      const row = sheet.values[r]!;
      const goalText = cellText(row[columns.goal]);
      if (goalText === '') continue;
      const goal = goalRanks.length === 0 ? NOT_FOUND : lookupReference(goalText, goalRanks, index);
      const date = parseDay(row[columns.date]);
      if (typeof goal !== 'number' || goal < 0) skipped.goal.push(r + 1);
      else if (date === null) skipped.date.push(r + 1);
      else {
        const list = byGoal.get(goal) ?? [];
        list.push(readRow(sheet.name, r + 1, goal, date, row, columns));
        byGoal.set(goal, list);
      }
    }
    if (skipped.goal.length > 0)
      warnings.push(`${countRows(skipped.goal)} of "${clip(sheet.name, 80)}" name no goal, or several (${rowList(skipped.goal)}).`);
    if (skipped.date.length > 0)
      warnings.push(
        `${countRows(skipped.date)} of "${clip(sheet.name, 80)}" have no date Ladder can read (${rowList(skipped.date)}); write it as 2026-07-01.`,
      );
  }
  // Stable: rows of one date keep their order, so the last of them is the one furthest down.
  for (const list of byGoal.values()) list.sort((a, b) => a.date - b.date);
  return { byGoal, tabs, warnings };
}

function readRow(
  sheet: string,
  row: number,
  goal: number,
  date: Day,
  cells: readonly Cell[],
  columns: Partial<Record<CheckInRole, number>>,
): CheckIn {
  const at = (role: CheckInRole): Cell => (columns[role] === undefined ? null : cells[columns[role]!]);
  const value = at('value');
  return {
    sheet,
    row,
    goal,
    date,
    value: typeof value === 'boolean' ? null : parseAmount(value),
    done: parseTruth(value),
    confidence: confidenceOf(at('confidence')),
    note: cellText(at('note')),
    by: cellText(at('by')),
  };
}

/** 0..1 as is; "80%" and 80 are 0.8; High/Medium/Low as 0.9/0.6/0.3, the way check-in tools label them. */
function confidenceOf(cell: Cell): number | null {
  if (typeof cell === 'string') {
    const named = { high: 0.9, medium: 0.6, med: 0.6, low: 0.3 }[cell.trim().toLowerCase()];
    if (named !== undefined) return named;
  }
  const amount = parseAmount(cell);
  if (amount === null || amount < 0) return null;
  const fraction = amount > 1 && !(typeof cell === 'string' && cell.includes('%')) ? amount / 100 : amount;
  return fraction <= 1 ? fraction : null;
}

function columnsOf(header: readonly Cell[]): Partial<Record<CheckInRole, number>> {
  const columns: Partial<Record<CheckInRole, number>> = {};
  header.forEach((cell, column) => {
    const role = checkInRoleOf(cellText(cell));
    if (role !== null && columns[role] === undefined) columns[role] = column;
  });
  return columns;
}

const countRows = (rows: readonly number[]) => (rows.length === 1 ? '1 check-in' : `${rows.length} check-ins`);
const rowList = (rows: readonly number[]) =>
  `row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? '…' : ''}`;
