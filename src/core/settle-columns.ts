/**
 * What a tab's header words leave open, settled from the values below it (DESIGN §2a): an id
 * column whose values repeat on most rows names a group, not a row ("Project key"); key
 * results listed under an Objective column read each objective as an item of its own, unless
 * each row is an objective with its key results listed in one cell; title columns that
 * differ by a number ("Title 1", "Title 2") are the levels of a tree; a second column naming
 * an item of the layer ("Initiative name" beside "Feature name") is a link within it; a Type
 * column naming several layers ("Epic", "Story") splits the tab row by row.
 */
import { columnValues, type TabUse } from './classify';
import { headerTokens, isPlainLinkHeader, layersNamed, NAMING_WORDS } from './columns';
import { type LayerCode, layerSpec } from './layers';
import { kindOfValue } from './row-kinds';
import type { Cell } from './snapshot';
import { cellText, headerLabel, normalizeKey } from './text';

/** A column most of whose rows share a few values ("PROJ" on every row): it names a group, not the row. */
function mostlyRepeats(texts: readonly string[]): boolean {
  return texts.length >= 3 && new Set(texts).size * 2 <= texts.length;
}

/** The level-1 words of a layer (key result), whose column is the title when a level-0 column (objective) stands beside it. */
function subItemColumn(headers: readonly string[], candidates: readonly number[], use: LayerCode, level: 0 | 1): number | undefined {
  const kinds = layerSpec(use).rowKinds.filter((kind) => kind.level === level);
  return candidates.find((column) => {
    const tokens = headerTokens(headers[column] ?? '');
    return kinds.some((kind) => kind.words.some((word) => tokens.includes(headerTokens(word).join(' '))));
  });
}

/** Every row with a key result names its own objective, none twice (no blanks below, no repeats). */
export function oneObjectivePerRow(values: readonly (readonly Cell[])[], headerRow: number, group: number, sub: number): boolean {
  const seen = new Set<string>();
  for (let r = headerRow; r < values.length; r++) {
    const objective = normalizeKey(cellText(values[r]?.[group]));
    if (cellText(values[r]?.[sub]) === '' && objective === '') continue;
    if (objective === '' || seen.has(objective)) return false;
    seen.add(objective);
  }
  return seen.size > 0;
}

/** Most cells of the column hold a list on several lines ("KR1: …\nKR2: …"). */
function listsInCells(values: readonly (readonly Cell[])[], headerRow: number, column: number): boolean {
  let filled = 0;
  let lists = 0;
  for (let r = headerRow; r < values.length; r++) {
    const text = cellText(values[r]?.[column]);
    if (text === '') continue;
    filled++;
    if (/\S\s*[\r\n]+\s*\S/.test(text)) lists++;
  }
  // Most of its cells: one key result wrapped onto two lines is not a list.
  return lists * 2 > filled;
}

/** A header that is a layer's word with naming or link words only: "Epic", "Initiative name", "Parent objective #". */
function namesAnItem(header: string): boolean {
  const tokens = headerTokens(header);
  return (
    layersNamed(tokens).length > 0 &&
    (isPlainLinkHeader(header) || tokens.every((token) => NAMING_WORDS.has(token) || layersNamed([token]).length > 0))
  );
}

export interface Settled {
  columns: Partial<Record<string, number[]>>;
  groupId: number | null;
  layersByKind: boolean;
  titleLevels: boolean;
  /** Link columns found among the title candidates ("Initiative name"): kept only if most of their values name rows. */
  inLayerLinks: readonly number[];
}

export const UNSETTLED: Settled = { columns: {}, groupId: null, layersByKind: false, titleLevels: false, inLayerLinks: [] };

/** Title columns that differ only by a level number ("Title 1", "Title 2"), in level order; else null. */
function titleLadder(headers: readonly string[], titles: readonly number[]): number[] | null {
  const levels = titles
    .map((column) => /^(.*?)\s*(\d+)$/.exec(headerLabel(headers[column] ?? '')))
    .map((match, at) => match && { stem: match[1]!.toLowerCase(), level: Number(match[2]), column: titles[at]! })
    .filter((entry) => entry !== null);
  if (levels.length < 2 || new Set(levels.map((entry) => entry.stem)).size !== 1) return null;
  return levels.sort((a, b) => a.level - b.level).map((entry) => entry.column);
}

type Values = readonly (readonly Cell[])[];
type Columns = Partial<Record<string, number[]>>;

/**
 * Among several title columns, the row's own (into `out.title`); another that names an item
 * of the layer becomes a link within it (into `out.parent`), and is answered.
 */
function settleRowTitle(values: Values, headerRow: number, headers: readonly string[], titles: readonly number[], out: Columns): number[] {
  // The first title column whose values name rows, not groups ("Summary" before "Project
  // name"); a plain Title or Name beats one that names the layer ("Feature name" is the row's
  // own when no plain one stands beside it).
  const plain = titles.filter((column) => layersNamed(headerTokens(headers[column] ?? '')).length === 0);
  const kept = plain.length > 0 ? plain : titles;
  const title = kept.find((column) => !mostlyRepeats(columnValues(values, headerRow, column))) ?? kept[0]!;
  out.title = [title];
  // Another column naming an item of the layer ("Objective" beside "Title" on a tab of key
  // results, "Initiative name" beside "Feature name") names the item a row sits under: a link
  // within the layer, kept if its values say so. One that names more ("KPI count") is neither.
  const inLayer = titles.filter((column) => column !== title && namesAnItem(headers[column] ?? ''));
  if (inLayer.length > 0) out.parent = [...(out.parent ?? []), ...inLayer].sort((a, b) => a - b);
  return inLayer;
}

/** Settles the title columns (into `out`): a tree's levels, objectives over their key results, or the row's own title. */
function settleTitles(values: Values, headerRow: number, headers: readonly string[], use: LayerCode, out: Columns) {
  let groupId: number | null = null;
  let inLayer: number[] = [];
  // Key results listed under an Objective column: the key result is the row's item.
  const titles = out.title ?? [];
  const sub = subItemColumn(headers, titles, use, 1);
  const group =
    sub === undefined
      ? undefined
      : subItemColumn(
          headers,
          titles.filter((c) => c !== sub),
          use,
          0,
        );
  const ladder = titleLadder(headers, titles);
  if (ladder) out.title = ladder;
  else if (
    sub !== undefined &&
    group !== undefined &&
    oneObjectivePerRow(values, headerRow, group, sub) &&
    listsInCells(values, headerRow, sub)
  ) {
    // One row per objective, its key results listed in one cell: the objective is the item.
    out.title = [group];
  } else if (sub !== undefined && group !== undefined) {
    out.title = [sub];
    out.group = [group];
    const ids = out.id ?? [];
    const groupWords = headerTokens(headers[group] ?? '');
    const ofGroup = ids.find((column) => headerTokens(headers[column] ?? '').some((token) => groupWords.includes(token)));
    if (ofGroup !== undefined && ids.length > 1) {
      groupId = ofGroup;
      out.id = ids.filter((column) => column !== ofGroup);
    }
  } else if (titles.length > 1) inLayer = settleRowTitle(values, headerRow, headers, titles, out);
  return { groupId, inLayer, ladder };
}

/** Keeps the id columns that name the row (into `out.id`, dropped when none does). */
function settleIds(values: Values, headerRow: number, headers: readonly string[], out: Columns): void {
  if (!out.id) return;
  // The row's other ids are bare ("ID", "Key") or name the row's kind ("Issue id"); "Assignee Id" is a person's.
  const ids = out.id.filter(
    (column, at) =>
      !mostlyRepeats(columnValues(values, headerRow, column)) &&
      (at === 0 || headerTokens(headers[column] ?? '').every((token) => NAMING_WORDS.has(token) || layersNamed([token]).length > 0)),
  );
  if (ids.length > 0) out.id = ids;
  else delete out.id;
}

/** Whether the tab's kind column splits it into layers row by row. */
function splitsByKind(values: Values, headerRow: number, use: LayerCode, kindColumn: number | undefined, guessed: boolean): boolean {
  if (layerSpec(use).isStrategy || kindColumn === undefined) return false;
  const named = new Set<LayerCode>();
  let splitting = false;
  for (const text of columnValues(values, headerRow, kindColumn)) {
    const kind = kindOfValue(text);
    if (kind) named.add(kind.layer);
    if (kind && kind.layer !== use && kind.splits) splitting = true;
  }
  // A tab named for its layer is split only by a tracker's kinds ("Story" on a roadmap tab);
  // one guessed from its columns by any.
  return guessed ? named.size >= 2 || (named.size === 1 && !named.has(use)) : named.size >= 2 && splitting;
}

/** Settles what the header's words leave open, from the values below it. */
export function settleColumns(
  values: Values,
  headerRow: number,
  headers: readonly string[],
  use: TabUse,
  columns: Columns,
  guessed: boolean,
): Settled {
  if (use === 'declined') return { ...UNSETTLED, columns };
  const out = { ...columns };
  const { groupId, inLayer, ladder } = settleTitles(values, headerRow, headers, use, out);
  settleIds(values, headerRow, headers, out);
  const layersByKind = splitsByKind(values, headerRow, use, out.kind?.[0], guessed);
  return { columns: out, groupId, layersByKind, titleLevels: ladder !== null, inLayerLinks: inLayer };
}
