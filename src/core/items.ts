/**
 * Reads the items of every planned tab: one per row below the header with a title or an id,
 * keyed by id when the tab has an id column and the cell is filled, else by title.
 */
import type { Role } from './columns';
import type { TabPlan } from './detect';
import type { DeclinedRole } from './declined-columns';
import { layerSpec, type LayerCode } from './layers';
import { readBlocks, ROW_ITEM, ROW_SUB, type SubTable } from './blocks';
import { hasLevels, kindOfValue, levelFromText } from './row-kinds';
import { hashName, NameTable } from './name-table';
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

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * What a tab's own layout says about some of its items, kept beside them rather than on
 * every item: most plans have none of it, and two more fields on 200k items cost more in
 * garbage collection than all the lookups below.
 */
export interface TabStructure {
  /**
   * Item → the item its own tab lists it under: a key result under the objective of its
   * Objective column or the objective row above it, a row of a tree under its parent row.
   * Its link cells are not read then.
   */
  readonly parentInTab: Map<number, number>;
  /** Item → its other ids, normalised: every id column is a key (Jira's Issue id beside its Issue key). */
  readonly altKeys: Map<number, readonly string[]>;
  /**
   * Item → the 0-based column its key is written in, where that is not the tab's first id or
   * title column: an objective read from its key results' Objective column, a row of a tree
   * titled in "Title 2". Writes find the row again by that cell.
   */
  readonly keyColumn: Map<number, number>;
}

export function emptyStructure(): TabStructure {
  return { parentInTab: new Map(), altKeys: new Map(), keyColumn: new Map() };
}

/** Appends the items of one tab to `items`, numbered on from those already there. */
export function readItems(sheet: SheetSnapshot, plan: TabPlan, items: Item[], structure: TabStructure): void {
  if (plan.use === 'declined' || plan.headerRow === null) return;
  const tabSpec = layerSpec(plan.use);
  const c = plan.columns;
  const [idCol, titleCol, whyCol, kindCol, groupCol] = [first(c, 'id'), first(c, 'title'), first(c, 'why'), first(c, 'kind'), first(c, 'group')];
  const [effortCol, impactCol, confidenceCol, reachCol, weightCol] =
    [first(c, 'effort'), first(c, 'impact'), first(c, 'confidence'), first(c, 'reach'), first(c, 'weight')];
  const altCols = (c.id ?? []).slice(1);
  const parentCols = c.parent ?? [];
  const tabHasWhy = whyCol !== undefined;
  const tabHasImpact = impactCol !== undefined;
  // Objectives followed by their key results: a key result with no link of its own hangs under the objective above.
  const byLevel = hasLevels(tabSpec.code) && groupCol === undefined;
  let lastTop = -1;
  const titleCols = plan.titleLevels ? (c.title ?? []) : [];
  /** The last item seen at each level of a tree of title columns. */
  const lastAtLevel: number[] = [];
  const groups = new Map<string, number>();
  let group = -1;
  const blocks = readBlocks(sheet, plan);
  let lastOfTab = -1;
  for (let r = plan.headerRow; r < sheet.values.length; r++) {
    const row = sheet.values[r]!;
    if (blocks && blocks.kind[r] !== ROW_ITEM) {
      if (blocks.kind[r] === ROW_SUB) subItem(sheet, row, r, blocks.subOf.get(r)!, lastOfTab, items, structure);
      continue;
    }
    if (groupCol !== undefined) {
      // An objective is written on its first key result's row, and often left blank below it (merged cells).
      const groupTitle = cellText(row[groupCol]);
      if (groupTitle !== '') group = groupItem(groups, items, sheet, plan, row, r, groupTitle, parentCols, structure);
    }
    const id = cellText(cellAt(row, idCol));
    // In a tree of title columns, the row's title is in the column of its level.
    let treeLevel = -1;
    for (let level = 0; level < titleCols.length && treeLevel < 0; level++) if (cellText(row[titleCols[level]!]) !== '') treeLevel = level;
    const title = cellText(cellAt(row, treeLevel > 0 ? titleCols[treeLevel] : titleCol));
    if (id === '' && title === '') continue;
    const kind = kindCol === undefined || tabSpec.isStrategy ? null : kindOfValue(cellText(row[kindCol]));
    const spec = plan.layersByKind && kind ? layerSpec(kind.layer) : tabSpec;
    const level = byLevel && spec === tabSpec ? (kind?.layer === spec.code ? kind.level : levelFromText(spec.code, id, title)) ?? 0 : 0;
    let linkCells: readonly string[] | null = parentCols.length === 0 ? null : linkTexts(row, parentCols);
    let parentInTab = -1;
    if (group >= 0) {
      parentInTab = group;
      linkCells = null;
    } else if (level === 1 && lastTop >= 0 && (linkCells === null || linkCells.length === 0)) parentInTab = lastTop;
    else if (treeLevel > 0 && (linkCells === null || linkCells.length === 0)) parentInTab = lastAtLevel[treeLevel - 1] ?? -1;
    if (treeLevel >= 0) {
      lastAtLevel[treeLevel] = items.length;
      lastAtLevel.length = treeLevel + 1;
    }
    const key = id !== '' ? id : title;
    if (parentInTab >= 0) structure.parentInTab.set(items.length, parentInTab);
    if (id === '' && treeLevel > 0) structure.keyColumn.set(items.length, titleCols[treeLevel]!);
    if (altCols.length > 0) {
      const others = otherKeys(row, altCols, key);
      if (others.length > 0) structure.altKeys.set(items.length, others);
    }
    items.push({
      index: items.length,
      layer: spec.code,
      rank: spec.rank,
      sheet: sheet.name,
      row: r + 1,
      id,
      title,
      key,
      keyNorm: normalizeKey(key),
      isAntiPriority: spec.isStrategy && (plan.allAntiPriorities || saysAntiPriority(cellAt(row, kindCol))),
      why: cellText(cellAt(row, whyCol)),
      effort: parseEffort(cellAt(row, effortCol)),
      impact: parseImpact(cellAt(row, impactCol)),
      confidence: parseConfidence(cellAt(row, confidenceCol)),
      reach: parseNumber(cellAt(row, reachCol)),
      weight: parseNumber(cellAt(row, weightCol)) ?? 1,
      linkCells,
      tabHasWhy,
      tabHasImpact,
    });
    if (level === 0 && spec === tabSpec) lastTop = items.length - 1;
    lastOfTab = items.length - 1;
  }
}

/** A subitem of a board's export (blocks.ts): titled and keyed by its block's columns, under the item above. */
function subItem(sheet: SheetSnapshot, row: readonly Cell[], r: number, sub: SubTable, parent: number, items: Item[], structure: TabStructure): void {
  const spec = layerSpec(sub.layer);
  const id = cellText(cellAt(row, sub.id));
  const title = cellText(cellAt(row, sub.title));
  const key = id !== '' ? id : title;
  if (parent >= 0) structure.parentInTab.set(items.length, parent);
  const keyColumn = id !== '' ? sub.id : sub.title;
  if (keyColumn !== undefined) structure.keyColumn.set(items.length, keyColumn);
  items.push({
    index: items.length, layer: spec.code, rank: spec.rank, sheet: sheet.name, row: r + 1, id, title, key, keyNorm: normalizeKey(key),
    isAntiPriority: false, why: '', effort: null, impact: null, confidence: null, reach: null, weight: 1, linkCells: null,
    tabHasWhy: false, tabHasImpact: false,
  });
}

/** The item of a group (an objective of a key-result tab), made on the first row that names it. */
function groupItem(
  groups: Map<string, number>, items: Item[], sheet: SheetSnapshot, plan: TabPlan, row: readonly Cell[], r: number,
  title: string, parentCols: readonly number[], structure: TabStructure,
): number {
  const idText = plan.groupId === null ? '' : cellText(row[plan.groupId]);
  const name = normalizeKey(idText !== '' ? idText : title);
  const known = groups.get(name);
  if (known !== undefined) return known;
  structure.keyColumn.set(items.length, idText !== '' ? plan.groupId! : plan.columns.group![0]!);
  const spec = layerSpec(plan.use as LayerCode);
  const key = idText !== '' ? idText : title;
  const item: Writable<Item> = {
    index: items.length, layer: spec.code, rank: spec.rank, sheet: sheet.name, row: r + 1, id: idText, title, key,
    keyNorm: normalizeKey(key), isAntiPriority: false, why: '', effort: null, impact: null, confidence: null, reach: null,
    weight: 1, linkCells: parentCols.length === 0 ? null : linkTexts(row, parentCols),
    tabHasWhy: first(plan.columns, 'why') !== undefined, tabHasImpact: first(plan.columns, 'impact') !== undefined,
  };
  items.push(item);
  groups.set(name, item.index);
  return item.index;
}

function otherKeys(row: readonly Cell[], columns: readonly number[], key: string): readonly string[] {
  let out: string[] | null = null;
  const own = normalizeKey(key);
  for (const column of columns) {
    const norm = normalizeKey(cellText(row[column]));
    if (norm !== '' && norm !== own) (out ??= []).push(norm);
  }
  return out ?? NO_TEXT;
}

/**
 * Reads the link cells of a tab's items again from only the columns kept as links, once the
 * others were found to be labels (link-columns.ts). Items a group holds keep no link cells.
 */
export function relinkItems(sheet: SheetSnapshot, items: readonly Item[], start: number, end: number, keep: readonly number[]): void {
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    if (item.linkCells === null) continue;
    const row = sheet.values[item.row - 1] ?? [];
    (item as Writable<Item>).linkCells = keep.length === 0 ? null : linkTexts(row, keep);
  }
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
 * the layer), and per layer normalised title → items. Each table maps a name to its first
 * item, and items sharing a name are chained in `next…` arrays: one number per item instead
 * of one small array per name keeps a 200k-row plan light on the garbage collector.
 * A layer's title table is built the first time a reference looks for a title there: most
 * references name a key, so a large task list nobody links to by title never pays for one.
 */
export class ItemIndex {
  /** The layer rank of each item, as a flat array for the hot lookup loops. */
  readonly rankOf: Uint8Array;
  private readonly firstWithKey: NameTable;
  private readonly nextWithKey: Int32Array;
  private readonly titles = new Map<number, NameTable>();
  private readonly nextWithTitle: Int32Array;
  private readonly ranks: readonly number[];
  private readonly counts: number[] = [];
  /** Other ids of items (TabStructure.altKeys): entry e names item `altItem[e]`; null when there are none. */
  private readonly firstWithAlt: NameTable | null = null;
  private readonly nextWithAlt: Int32Array = new Int32Array(0);
  private readonly altItem: Int32Array = new Int32Array(0);

  constructor(readonly items: readonly Item[], altKeys: ReadonlyMap<number, readonly string[]> = new Map()) {
    this.rankOf = new Uint8Array(items.length);
    this.firstWithKey = new NameTable(items.length);
    this.nextWithKey = new Int32Array(items.length).fill(-1);
    this.nextWithTitle = new Int32Array(items.length).fill(-1);
    const ranks: number[] = [];
    // Walked backwards so each chain runs in row order.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      this.rankOf[i] = item.rank;
      this.counts[item.rank] = (this.counts[item.rank] ?? 0) + 1;
      if (!ranks.includes(item.rank)) ranks.push(item.rank);
      chain(this.firstWithKey, this.nextWithKey, item.keyNorm, i);
    }
    this.ranks = ranks.sort((a, b) => a - b);
    let alts = 0;
    for (const keys of altKeys.values()) alts += keys.length;
    if (alts > 0) {
      this.firstWithAlt = new NameTable(alts);
      this.nextWithAlt = new Int32Array(alts).fill(-1);
      this.altItem = new Int32Array(alts);
      // Entries chained from the last item back, so each chain runs in row order.
      const owners = [...altKeys.keys()].sort((a, b) => b - a);
      let entry = alts;
      for (const owner of owners) {
        const keys = altKeys.get(owner)!;
        for (let k = keys.length - 1; k >= 0; k--) {
          this.altItem[--entry] = owner;
          chain(this.firstWithAlt, this.nextWithAlt, keys[k]!, entry);
        }
      }
    }
  }

  /** The first item of a layer one of whose other ids is this normalised name: one, several, or -1 (none). */
  altKeyMatch(rank: number, norm: string, hash = hashName(norm)): number | number[] {
    if (this.firstWithAlt === null) return -1;
    let found = -1;
    let several: number[] | null = null;
    for (let e = this.firstWithAlt.get(norm, hash); e !== -1; e = this.nextWithAlt[e]!) {
      const item = this.altItem[e]!;
      if (this.rankOf[item] !== rank || item === found || several?.includes(item)) continue;
      if (found === -1) found = item;
      else (several ??= [found]).push(item);
    }
    return several ?? found;
  }

  /** Whether some item has another id (so lookups try them too). */
  get hasAltKeys(): boolean {
    return this.firstWithAlt !== null;
  }

  /** The first item with this normalised key, or -1; `nextSameKey` walks the rest. `hash` is `hashName(norm)`. */
  keyHead(norm: string, hash = hashName(norm)): number {
    return this.firstWithKey.get(norm, hash);
  }

  nextSameKey(item: number): number {
    return this.nextWithKey[item]!;
  }

  /** The first item of a layer with this normalised title (when it is not also its key), or -1. */
  titleHead(rank: number, norm: string, hash = hashName(norm)): number {
    return this.titlesOf(rank).get(norm, hash);
  }

  nextSameTitle(item: number): number {
    return this.nextWithTitle[item]!;
  }

  /** Items of any layer with this normalised key. */
  withKey(norm: string): number[] {
    return this.walk(this.keyHead(norm), this.nextWithKey);
  }

  /** Items of any layer with this normalised title. */
  withTitle(norm: string): number[] {
    return this.ranks.flatMap((rank) => this.withTitleIn(rank, norm));
  }

  /** Items of one layer with this normalised title. */
  withTitleIn(rank: number, norm: string): number[] {
    return this.ranks.includes(rank) ? this.walk(this.titleHead(rank, norm), this.nextWithTitle) : [];
  }

  /** How many items a layer has. */
  countOf(rank: number): number {
    return this.counts[rank] ?? 0;
  }

  /** Every group of two or more items sharing a key. */
  *sharedKeys(): Generator<number[]> {
    for (const head of this.firstWithKey.values()) if (this.nextWithKey[head] !== -1) yield this.walk(head, this.nextWithKey);
  }

  private walk(head: number, next: Int32Array): number[] {
    const out: number[] = [];
    for (let at = head; at !== -1; at = next[at]!) out.push(at);
    return out;
  }

  private titlesOf(rank: number): NameTable {
    let titles = this.titles.get(rank);
    if (!titles) {
      // Ranks are read from the flat array: touching every Item object is what costs here.
      let count = 0;
      for (let i = 0; i < this.rankOf.length; i++) if (this.rankOf[i] === rank) count++;
      titles = new NameTable(count);
      for (let i = this.items.length - 1; i >= 0; i--) {
        if (this.rankOf[i] !== rank) continue;
        const item = this.items[i]!;
        if (item.title !== item.key) chain(titles, this.nextWithTitle, normalizeKey(item.title), i);
      }
      this.titles.set(rank, titles);
    }
    return titles;
  }
}

/** Puts an item at the head of its name's chain. */
function chain(first: NameTable, next: Int32Array, norm: string, item: number): void {
  if (norm === '') return;
  next[item] = first.set(norm, item);
}
