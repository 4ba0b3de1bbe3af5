/**
 * What the server calls share: the settings, the workbook and its cascade read through the
 * port, and finding an item's row by its key at the moment of writing (refusing when it is
 * gone, doubled or changed).
 */
import { buildCascade, type Cascade } from '../core/cascade';
import type { TabPlan } from '../core/detect';
import type { Item } from '../core/items';
import type { LadderSettings } from '../core/settings';
import type { WorkbookSnapshot } from '../core/snapshot';
import { clip, normalizeKey } from '../core/text';
import { Refusal, ROW_CHANGED, type RowGuard, type WorkbookPort } from './port';

export interface Loaded {
  /** The saved settings the tabs were read with (empty when damaged: `warnings` says why). */
  readonly settings: LadderSettings;
  readonly snapshot: WorkbookSnapshot;
  readonly cascade: Cascade;
  readonly warnings: readonly string[];
}

/** The settings, read once, then the tabs they count and the cascade, both read with them. */
export function load(port: WorkbookPort): Loaded {
  const saved = port.readSettings();
  const snapshot = port.read(saved.settings);
  const cascade = buildCascade(snapshot, saved.settings, { today: port.today() });
  return { settings: saved.settings, snapshot, cascade, warnings: [...(saved.ok ? [] : [saved.error]), ...cascade.warnings] };
}

export function planOf(cascade: Cascade, sheet: string): TabPlan {
  const plan = cascade.plans.find((candidate) => candidate.sheet === sheet);
  if (!plan) throw new Refusal(`"${clip(sheet, 80)}" is not a tab Ladder reads; refresh.`);
  return plan;
}

/** The one item of `sheet` whose key is `key`, as the sheet is now. */
export function itemByKey(cascade: Cascade, sheet: string, key: string, expectedTitle?: string): Item {
  const norm = normalizeKey(key);
  const found = cascade.items.filter((item) => item.sheet === sheet && item.keyNorm === norm);
  if (found.length === 0)
    throw new Refusal(`This row changed: "${clip(key, 80)}" is no longer on "${clip(sheet, 80)}". Refresh and try again.`);
  if (found.length > 1)
    throw new Refusal(`Several rows on "${clip(sheet, 80)}" have the key "${clip(key, 80)}"; give each its own id first.`);
  const item = found[0]!;
  if (expectedTitle !== undefined && normalizeKey(expectedTitle) !== normalizeKey(item.title)) {
    throw new Refusal(`This row changed: its title is now "${clip(item.title, 80)}". Refresh and try again.`);
  }
  return item;
}

/** The 0-based column an item's key is read from: its id column, else its title column. */
export function keyColumnOf(cascade: Cascade, plan: TabPlan, item: Item): number | undefined {
  return cascade.structure.keyColumn.get(item.index) ?? (item.id !== '' ? plan.columns.id?.[0] : plan.columns.title?.[0]);
}

/** What must still be in the sheet for a write to an item's row to be safe: its key, in its key column. */
export function guardOf(cascade: Cascade, plan: TabPlan, item: Item): RowGuard {
  const why = cascade.structure.notWritable.get(item.index);
  if (why) throw new Refusal(`"${clip(item.title || item.key, 80)}" can't be changed from here: ${why}.`);
  const column = keyColumnOf(cascade, plan, item);
  if (column === undefined) throw new Refusal(`"${clip(plan.sheet, 80)}" has no id or title column to find the row by.`);
  return { column: column + 1, key: item.key };
}

/** Refuses unless the row still holds its key (read now, from the sheet). */
export function assertGuard(port: WorkbookPort, sheet: string, row: number, guard: RowGuard): void {
  if (normalizeKey(port.readCell(sheet, row, guard.column)) !== normalizeKey(guard.key)) throw new Refusal(ROW_CHANGED);
}

/** The Ladder column that "Check the cascade" writes flags into. */
export const LADDER_HEADER = 'Ladder';

/** The 1-based column whose header is `header` (any case), or 0. */
export function columnNamed(plan: TabPlan, header: string): number {
  return plan.headers.findIndex((text) => normalizeKey(text) === normalizeKey(header)) + 1;
}

/** The first free column after the header row's last filled cell and the data's last column. */
export function nextColumn(snapshot: WorkbookSnapshot, plan: Pick<TabPlan, 'sheet' | 'headers'>): number {
  const values = snapshot.sheets.find((sheet) => sheet.name === plan.sheet)?.values ?? [];
  const widest = values.reduce((width, row) => Math.max(width, row.length), 0);
  return Math.max(widest, plan.headers.length) + 1;
}
