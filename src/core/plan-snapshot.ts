/**
 * A frozen plan (DESIGN §10): the whole cascade as values in a tab of its own, "Ladder
 * snapshot YYYY-MM-DD". First a block of label/value rows (Date; Coverage; "Effort mix by
 * pillar", one row per pillar: key, actual, target), a blank row, then the item header row,
 * exactly SNAPSHOT_HEADER, and one row per item. A tab holding that header row is a snapshot
 * whatever it is renamed to: never read as a layer (detect.ts), and read back here as a plan
 * state to compare against.
 */
import { dayText, parseDay } from './metric-values';
import type { PlanItem, PlanState } from './plan-state';
import type { Cell } from './snapshot';
import { cellText, normalizeKey } from './text';

export const SNAPSHOT_HEADER = [
  'Layer',
  'Tab',
  'Key',
  'Title',
  'Parents',
  'Effort',
  'Impact score',
  'ROI',
  'Progress',
  'Status',
  'Flags',
] as const;
export const SNAPSHOT_TAB_PREFIX = 'Ladder snapshot';
const MIX_LABEL = 'Effort mix by pillar';

/** How far down a snapshot's item header may sit (the label block has one row per pillar). */
export const SNAPSHOT_HEADER_SEARCH = 200;

/** The row (0-based) of a tab's snapshot header, or -1 when it is not a snapshot. */
export function snapshotHeaderRow(values: readonly (readonly Cell[])[]): number {
  const limit = Math.min(values.length, SNAPSHOT_HEADER_SEARCH);
  for (let r = 0; r < limit; r++) {
    const row = values[r]!;
    if (row[0] !== 'Layer') continue;
    if (row.length >= SNAPSHOT_HEADER.length && SNAPSHOT_HEADER.every((label, c) => cellText(row[c]) === label)) return r;
  }
  return -1;
}

export function isSnapshotTab(values: readonly (readonly Cell[])[]): boolean {
  return snapshotHeaderRow(values) >= 0;
}

/** The rows of a snapshot tab for this plan state, written in one go. */
export function snapshotRows(state: PlanState, today: string): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Date', today],
    ['Coverage', state.coverage ?? ''],
    [MIX_LABEL],
    ...state.mix.map((pillar) => [pillar.key, pillar.actual, pillar.target ?? '']),
    [],
    [...SNAPSHOT_HEADER],
  ];
  for (const item of state.items) {
    rows.push([
      item.layer,
      item.sheet,
      item.key,
      item.title,
      item.parents,
      item.effort ?? '',
      item.score ?? '',
      item.roi ?? '',
      item.progress ?? '',
      item.status ?? '',
      item.flags.join(', '),
    ]);
  }
  const width = SNAPSHOT_HEADER.length;
  return rows.map((row) => (row.length === width ? row : [...row, ...Array<string>(width - row.length).fill('')]));
}

const numberOr = (cell: Cell): number | null => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null);

/** A snapshot tab read back as a plan state; null when the tab is not a snapshot. */
export function stateOfSnapshot(label: string, values: readonly (readonly Cell[])[]): PlanState | null {
  const header = snapshotHeaderRow(values);
  if (header < 0) return null;
  let coverage: number | null = null;
  let date: string | null = null;
  const mix: PlanState['mix'][number][] = [];
  let inMix = false;
  for (let r = 0; r < header; r++) {
    const row = values[r] ?? [];
    const name = cellText(row[0]);
    if (name === '') inMix = false;
    else if (normalizeKey(name) === 'coverage') coverage = numberOr(row[1]);
    else if (normalizeKey(name) === 'date') {
      const day = parseDay(row[1]);
      date = day === null ? null : dayText(day);
    } else if (name === MIX_LABEL) inMix = true;
    else if (inMix) mix.push({ key: name, title: name, actual: numberOr(row[1]) ?? 0, target: numberOr(row[2]) });
  }
  const items: PlanItem[] = [];
  for (let r = header + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const key = cellText(row[2]);
    if (key === '') continue;
    const flags = cellText(row[10]);
    items.push({
      layer: cellText(row[0]) as PlanItem['layer'],
      sheet: cellText(row[1]),
      key,
      title: cellText(row[3]),
      parents: cellText(row[4]),
      effort: numberOr(row[5]),
      score: numberOr(row[6]),
      roi: numberOr(row[7]),
      progress: numberOr(row[8]),
      status: cellText(row[9]) || null,
      flags: flags === '' ? [] : flags.split(/,\s*/),
    });
  }
  return { label, items, mix, coverage, declined: [], declinedKnown: false, date };
}
