/**
 * Reads the items of every planned tab: one per row below the header with a title or an id,
 * keyed by id when the tab has an id column and the cell is filled, else by title.
 */

import { allocationReader } from './allocation';
import { ROW_ITEM, ROW_SUB, readBlocks, type SubTable } from './blocks';
import type { Role } from './columns';
import type { DeclinedRole } from './declined-columns';
import type { TabPlan } from './detect';
import { type GoalMetrics, metricReader } from './goal-metrics';
import { type LayerCode, type LayerSpec, layerSpec } from './layers';
import { hasLevels, kindOfValue, levelFromText } from './row-kinds';
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
  /** Items whose row the sidebar must not write, with why: a board's subitem sits under other columns than the tab's. */
  readonly notWritable: Map<number, string>;
  /**
   * Work rows whose Status cell says they were declined ("Declined 2026-08-14", as the
   * sidebar's "Mark it declined" writes it), with that text: they are not planned work, so
   * they carry no flags and count in no coverage or effort.
   */
  readonly markedDeclined: Map<number, string>;
  /** Goal → the measures its row gives (baseline, target, current, dates...), for goals that give any. */
  readonly metrics: Map<number, GoalMetrics>;
  /** Strategy item → its target share of roadmap effort (DESIGN §10), for rows that give one. */
  readonly targets: Map<number, number>;
}

export function emptyStructure(): TabStructure {
  return {
    parentInTab: new Map(),
    altKeys: new Map(),
    keyColumn: new Map(),
    notWritable: new Map(),
    markedDeclined: new Map(),
    metrics: new Map(),
    targets: new Map(),
  };
}

/** A Status cell that says the row was declined: "Declined", "Declined 2026-08-14". */
const DECLINED_STATUS = /^declined\b/i;

/** The tab's "Status" column, where "Mark it declined" writes. */
function statusColumn(headers: readonly string[]): number | undefined {
  const found = headers.findIndex((header) => normalizeKey(header) === 'status');
  return found < 0 ? undefined : found;
}

/** A tab's columns and readers, worked out once before its rows. */
interface TabReading {
  readonly sheet: SheetSnapshot;
  readonly plan: TabPlan;
  readonly tabSpec: LayerSpec;
  readonly idCol: number | undefined;
  readonly titleCol: number | undefined;
  readonly whyCol: number | undefined;
  readonly kindCol: number | undefined;
  readonly groupCol: number | undefined;
  readonly effortCol: number | undefined;
  readonly impactCol: number | undefined;
  readonly confidenceCol: number | undefined;
  readonly reachCol: number | undefined;
  readonly weightCol: number | undefined;
  readonly altCols: readonly number[];
  readonly parentCols: readonly number[];
  readonly tabHasWhy: boolean;
  readonly tabHasImpact: boolean;
  readonly statusCol: number | undefined;
  readonly readMetrics: ReturnType<typeof metricReader>;
  readonly readTarget: ReturnType<typeof allocationReader>;
  /** Objectives followed by their key results: a key result with no link of its own hangs under the objective above. */
  readonly byLevel: boolean;
  /** The title columns of a tree, one per level; else none. */
  readonly titleCols: readonly number[];
}

function tabReading(sheet: SheetSnapshot, plan: TabPlan, tabSpec: LayerSpec): TabReading {
  const c = plan.columns;
  const groupCol = first(c, 'group');
  return {
    sheet,
    plan,
    tabSpec,
    idCol: first(c, 'id'),
    titleCol: first(c, 'title'),
    whyCol: first(c, 'why'),
    kindCol: first(c, 'kind'),
    groupCol,
    effortCol: first(c, 'effort'),
    impactCol: first(c, 'impact'),
    confidenceCol: first(c, 'confidence'),
    reachCol: first(c, 'reach'),
    weightCol: first(c, 'weight'),
    altCols: (c.id ?? []).slice(1),
    parentCols: c.parent ?? [],
    tabHasWhy: first(c, 'why') !== undefined,
    tabHasImpact: first(c, 'impact') !== undefined,
    statusCol: tabSpec.isWork ? statusColumn(plan.headers) : undefined,
    readMetrics: tabSpec.isGoal ? metricReader(sheet, plan) : null,
    readTarget: tabSpec.isStrategy ? allocationReader(sheet, plan) : null,
    byLevel: hasLevels(tabSpec.code) && groupCol === undefined,
    titleCols: plan.titleLevels ? (c.title ?? []) : [],
  };
}

/** Where the rows read so far leave a tab: what a row below may hang under. */
interface TabWalk {
  /** The last top-level item (an objective above its key results). */
  lastTop: number;
  /** The last item seen at each level of a tree of title columns. */
  readonly lastAtLevel: number[];
  readonly groups: Map<string, number>;
  /** The group (objective) the rows below belong to, from the last row that named one. */
  group: number;
  /** The last item of the tab, which a board's subitem hangs under. */
  lastOfTab: number;
}

/** The level of the first title column of a tree the row fills, or -1. */
function treeLevelOf(row: readonly Cell[], titleCols: readonly number[]): number {
  for (let level = 0; level < titleCols.length; level++) if (cellText(row[titleCols[level]!]) !== '') return level;
  return -1;
}

/** What a work row's Status cell, a goal row's measures and a pillar's target say, beside the item just read. */
function noteStatusAndMetrics(tab: TabReading, spec: LayerSpec, row: readonly Cell[], index: number, structure: TabStructure): void {
  if (tab.statusCol !== undefined && layerSpec(spec.code).isWork) {
    const status = cellText(row[tab.statusCol]);
    if (DECLINED_STATUS.test(status)) structure.markedDeclined.set(index, status);
  }
  if (tab.readMetrics && spec === tab.tabSpec) {
    const metrics = tab.readMetrics(row);
    if (metrics) structure.metrics.set(index, metrics);
  }
  const target = tab.readTarget?.(row) ?? null;
  if (target !== null) structure.targets.set(index, target);
}

/** Reads the item of one row (with its group's, when the row names a new one). */
function readItemRow(tab: TabReading, walk: TabWalk, row: readonly Cell[], r: number, items: Item[], structure: TabStructure): void {
  const { sheet, plan, tabSpec, titleCols, parentCols } = tab;
  if (tab.groupCol !== undefined) {
    // An objective is written on its first key result's row, and often left blank below it (merged cells).
    const groupTitle = cellText(row[tab.groupCol]);
    if (groupTitle !== '') walk.group = groupItem(walk.groups, items, sheet, plan, row, r, groupTitle, parentCols, structure);
  }
  const id = cellText(cellAt(row, tab.idCol));
  // In a tree of title columns, the row's title is in the column of its level.
  const treeLevel = treeLevelOf(row, titleCols);
  const title = cellText(cellAt(row, treeLevel > 0 ? titleCols[treeLevel] : tab.titleCol));
  if (id === '' && title === '') return;
  const kind = tab.kindCol === undefined || tabSpec.isStrategy ? null : kindOfValue(cellText(row[tab.kindCol]));
  const spec = plan.layersByKind && kind ? layerSpec(kind.layer) : tabSpec;
  const level = tab.byLevel && spec === tabSpec ? ((kind?.layer === spec.code ? kind.level : levelFromText(spec.code, id, title)) ?? 0) : 0;
  // A row its group holds reads no link cells of its own.
  const linkCells: readonly string[] | null = walk.group >= 0 || parentCols.length === 0 ? null : linkTexts(row, parentCols);
  const unlinked = linkCells === null || linkCells.length === 0;
  let parentInTab = -1;
  if (walk.group >= 0) parentInTab = walk.group;
  else if (level === 1 && walk.lastTop >= 0 && unlinked) parentInTab = walk.lastTop;
  else if (treeLevel > 0 && unlinked) parentInTab = walk.lastAtLevel[treeLevel - 1] ?? -1;
  if (treeLevel >= 0) {
    walk.lastAtLevel[treeLevel] = items.length;
    walk.lastAtLevel.length = treeLevel + 1;
  }
  const key = id !== '' ? id : title;
  if (parentInTab >= 0) structure.parentInTab.set(items.length, parentInTab);
  if (id === '' && treeLevel > 0) structure.keyColumn.set(items.length, titleCols[treeLevel]!);
  if (tab.altCols.length > 0) {
    const others = otherKeys(row, tab.altCols, key);
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
    isAntiPriority: spec.isStrategy && (plan.allAntiPriorities || saysAntiPriority(cellAt(row, tab.kindCol))),
    why: cellText(cellAt(row, tab.whyCol)),
    effort: parseEffort(cellAt(row, tab.effortCol)),
    impact: parseImpact(cellAt(row, tab.impactCol)),
    confidence: parseConfidence(cellAt(row, tab.confidenceCol)),
    reach: parseNumber(cellAt(row, tab.reachCol)),
    weight: parseNumber(cellAt(row, tab.weightCol)) ?? 1,
    linkCells,
    tabHasWhy: tab.tabHasWhy,
    tabHasImpact: tab.tabHasImpact,
  });
  noteStatusAndMetrics(tab, spec, row, items.length - 1, structure);
  if (level === 0 && spec === tabSpec) walk.lastTop = items.length - 1;
  walk.lastOfTab = items.length - 1;
}

/** Appends the items of one tab to `items`, numbered on from those already there. */
export function readItems(sheet: SheetSnapshot, plan: TabPlan, items: Item[], structure: TabStructure): void {
  if (plan.use === 'declined' || plan.headerRow === null) return;
  const tab = tabReading(sheet, plan, layerSpec(plan.use));
  const walk: TabWalk = { lastTop: -1, lastAtLevel: [], groups: new Map(), group: -1, lastOfTab: -1 };
  const blocks = readBlocks(sheet, plan);
  for (let r = plan.headerRow; r < sheet.values.length; r++) {
    const row = sheet.values[r]!;
    if (blocks && blocks.kind[r] !== ROW_ITEM) {
      if (blocks.kind[r] === ROW_SUB) subItem(sheet, row, r, blocks.subOf.get(r)!, walk.lastOfTab, items, structure);
      continue;
    }
    readItemRow(tab, walk, row, r, items, structure);
  }
}

/** A subitem of a board's export (blocks.ts): titled and keyed by its block's columns, under the item above. */
function subItem(
  sheet: SheetSnapshot,
  row: readonly Cell[],
  r: number,
  sub: SubTable,
  parent: number,
  items: Item[],
  structure: TabStructure,
): void {
  const spec = layerSpec(sub.layer);
  const id = cellText(cellAt(row, sub.id));
  const title = cellText(cellAt(row, sub.title));
  if (parent >= 0) structure.parentInTab.set(items.length, parent);
  const keyColumn = id !== '' ? sub.id : sub.title;
  if (keyColumn !== undefined) structure.keyColumn.set(items.length, keyColumn);
  structure.notWritable.set(items.length, 'it is a subitem of a board export, laid out under its own header; edit it in the sheet');
  items.push(bareItem(items.length, spec, sheet.name, r + 1, id, title, null));
}

/** An item read from a layout rather than from a row of its own columns: no estimates, weight 1. */
function bareItem(
  index: number,
  spec: LayerSpec,
  sheet: string,
  row: number,
  id: string,
  title: string,
  linkCells: readonly string[] | null,
): Item {
  const key = id !== '' ? id : title;
  return {
    index,
    layer: spec.code,
    rank: spec.rank,
    sheet,
    row,
    id,
    title,
    key,
    keyNorm: normalizeKey(key),
    isAntiPriority: false,
    why: '',
    effort: null,
    impact: null,
    confidence: null,
    reach: null,
    weight: 1,
    linkCells,
    tabHasWhy: false,
    tabHasImpact: false,
  };
}

/** The item of a group (an objective of a key-result tab), made on the first row that names it. */
function groupItem(
  groups: Map<string, number>,
  items: Item[],
  sheet: SheetSnapshot,
  plan: TabPlan,
  row: readonly Cell[],
  r: number,
  title: string,
  parentCols: readonly number[],
  structure: TabStructure,
): number {
  const idText = plan.groupId === null ? '' : cellText(row[plan.groupId]);
  const name = normalizeKey(idText !== '' ? idText : title);
  const known = groups.get(name);
  if (known !== undefined) return known;
  structure.keyColumn.set(items.length, idText !== '' ? plan.groupId! : plan.columns.group![0]!);
  const item: Item = {
    ...bareItem(
      items.length,
      layerSpec(plan.use as LayerCode),
      sheet.name,
      r + 1,
      idText,
      title,
      parentCols.length === 0 ? null : linkTexts(row, parentCols),
    ),
    tabHasWhy: first(plan.columns, 'why') !== undefined,
    tabHasImpact: first(plan.columns, 'impact') !== undefined,
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
      sheet: sheet.name,
      row: r + 1,
      request,
      date: text(row, 'date'),
      who: text(row, 'who'),
      reason: text(row, 'why'),
      pillar: text(row, 'pillar'),
      goal: text(row, 'goal'),
      match: normalizeLoose(request),
    });
  }
  return out;
}
