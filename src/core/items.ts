/**
 * Reads the items of every planned tab: one per row below the header with a title or an id,
 * keyed by id when the tab has an id column and the cell is filled, else by title.
 */
import type { Role } from './columns';
import type { TabPlan } from './detect';
import type { DeclinedRole } from './declined-columns';
import { layerSpec, type LayerCode } from './layers';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText, normalizeKey, normalizeLoose, words } from './text';
import { parseConfidence, parseEffort, parseImpact, parseNumber } from './values';

export interface Item {
  readonly index: number;
  readonly layer: LayerCode;
  readonly rank: number;
  readonly sheet: string;
  /** 1-based, as Sheets numbers rows. */
  readonly row: number;
  readonly id: string;
  readonly title: string;
  /** The id when there is one, else the title: what links and TRACE name it by. */
  readonly key: string;
  /** `key` as it compares (normalizeKey), computed once. */
  readonly keyNorm: string;
  readonly isAntiPriority: boolean;
  readonly why: string;
  readonly effort: number | null;
  readonly impact: number | null;
  readonly confidence: number | null;
  readonly reach: number | null;
  readonly weight: number;
  /** Text of each link cell; null when the tab has no link column. */
  readonly linkCells: readonly string[] | null;
  /** Whether the tab has a why column (MISSING_WHY says which is missing). */
  readonly tabHasWhy: boolean;
  /** Whether the tab has an impact column (so #NO ESTIMATE can say which is missing). */
  readonly tabHasImpact: boolean;
}

export interface DeclinedRequest {
  readonly sheet: string;
  readonly row: number;
  readonly request: string;
  readonly date: string;
  readonly who: string;
  readonly reason: string;
  readonly pillar: string;
  readonly goal: string;
  /** Letters and digits only, for matching titles that come back. */
  readonly match: string;
}

type Columns = TabPlan['columns'];

function first(columns: Columns, role: Role | DeclinedRole): number | undefined {
  return columns[role]?.[0];
}

function cellAt(row: readonly Cell[], column: number | undefined): Cell {
  return column === undefined ? null : row[column];
}

/** A kind cell marks an anti-priority when it says so ("Anti-priority", "Not doing", "Non-goal"). */
function saysAntiPriority(cell: Cell): boolean {
  return words(cellText(cell)).some((word) => word.startsWith('anti') || word === 'not' || word === 'non' || word === 'nongoal');
}

const NO_TEXT: readonly string[] = Object.freeze([]);

function linkTexts(row: readonly Cell[], columns: readonly number[]): readonly string[] {
  let out: string[] | null = null;
  for (const column of columns) {
    const text = cellText(row[column]);
    if (text !== '') (out ??= []).push(text);
  }
  return out ?? NO_TEXT;
}

export function readItems(sheet: SheetSnapshot, plan: TabPlan, firstIndex: number): Item[] {
  if (plan.use === 'declined' || plan.headerRow === null) return [];
  const spec = layerSpec(plan.use);
  const c = plan.columns;
  const [idCol, titleCol, whyCol, kindCol] = [first(c, 'id'), first(c, 'title'), first(c, 'why'), first(c, 'kind')];
  const [effortCol, impactCol, confidenceCol, reachCol, weightCol] =
    [first(c, 'effort'), first(c, 'impact'), first(c, 'confidence'), first(c, 'reach'), first(c, 'weight')];
  const parentCols = c.parent ?? [];
  const items: Item[] = [];
  for (let r = plan.headerRow; r < sheet.values.length; r++) {
    const row = sheet.values[r]!;
    const id = cellText(cellAt(row, idCol));
    const title = cellText(cellAt(row, titleCol));
    if (id === '' && title === '') continue;
    items.push({
      index: firstIndex + items.length,
      layer: spec.code,
      rank: spec.rank,
      sheet: sheet.name,
      row: r + 1,
      id,
      title,
      key: id !== '' ? id : title,
      keyNorm: normalizeKey(id !== '' ? id : title),
      isAntiPriority: spec.isStrategy && (plan.allAntiPriorities || saysAntiPriority(cellAt(row, kindCol))),
      why: cellText(cellAt(row, whyCol)),
      effort: parseEffort(cellAt(row, effortCol)),
      impact: parseImpact(cellAt(row, impactCol)),
      confidence: parseConfidence(cellAt(row, confidenceCol)),
      reach: parseNumber(cellAt(row, reachCol)),
      weight: parseNumber(cellAt(row, weightCol)) ?? 1,
      linkCells: parentCols.length === 0 ? null : linkTexts(row, parentCols),
      tabHasWhy: whyCol !== undefined,
      tabHasImpact: impactCol !== undefined,
    });
  }
  return items;
}

export function readDeclined(sheet: SheetSnapshot, plan: TabPlan): DeclinedRequest[] {
  if (plan.use !== 'declined' || plan.headerRow === null) return [];
  const c = plan.columns;
  const text = (row: readonly Cell[], role: DeclinedRole) => cellText(cellAt(row, first(c, role)));
  const out: DeclinedRequest[] = [];
  for (let r = plan.headerRow; r < sheet.values.length; r++) {
    const row = sheet.values[r]!;
    const request = text(row, 'title');
    if (request === '') continue;
    out.push({
      sheet: sheet.name, row: r + 1, request, date: text(row, 'date'), who: text(row, 'who'),
      reason: text(row, 'why'), pillar: text(row, 'pillar'), goal: text(row, 'goal'), match: normalizeLoose(request),
    });
  }
  return out;
}

/**
 * Lookup tables for the whole cascade: normalised key → items across layers (callers pick
 * the layer), and per layer normalised title → items. A layer's title table is built the
 * first time a reference looks for a title there: most references name a key, so a large
 * task list nobody links to by title never pays for one.
 */
export class ItemIndex {
  readonly byKey = new Map<string, number[]>();
  private readonly titles = new Map<number, Map<string, number[]>>();
  private readonly ranks: readonly number[];

  constructor(readonly items: readonly Item[]) {
    const ranks = new Set<number>();
    for (const item of items) {
      add(this.byKey, item.keyNorm, item.index);
      ranks.add(item.rank);
    }
    this.ranks = [...ranks];
  }

  /** Titles of one layer (by rank). */
  titlesOf(rank: number): Map<string, number[]> {
    let titles = this.titles.get(rank);
    if (!titles) {
      titles = new Map();
      for (const item of this.items) if (item.rank === rank && item.title !== item.key) add(titles, normalizeKey(item.title), item.index);
      this.titles.set(rank, titles);
    }
    return titles;
  }

  /** Items of any layer with this normalised title. */
  withTitle(norm: string): number[] {
    return this.ranks.flatMap((rank) => this.titlesOf(rank).get(norm) ?? []);
  }
}

function add(map: Map<string, number[]>, norm: string, index: number): void {
  if (norm === '') return;
  const list = map.get(norm);
  if (list) list.push(index);
  else map.set(norm, [index]);
}
