/**
 * Which layer a tab is (DESIGN §1, §2a). Its name decides first: the declined list's words,
 * then anti-priorities, then the layer whose word comes last ("Roadmap tasks" is a task
 * list). A name that says nothing ("Sheet1", "Jira", "Export") or only a period ("Q3",
 * "H2 2026") leaves it to the columns: a header naming a layer's items, with values that
 * differ row by row, says the rows are that layer's items; one whose values repeat, or that
 * sits beside a plain Title column, names the item each row belongs to, so the rows are
 * the layer below. A period with nothing in its columns is the roadmap.
 */
import { headerTokens, layersNamed, NAMING_WORDS, roleMatcher } from './columns';
import { findHeaderRow, type HeaderVocabulary, isLabel } from './header-row';
import {
  ANTI_PRIORITY_TAB_WORDS,
  CHECK_IN_TAB_WORDS,
  DECLINED_TAB_WORDS,
  LAYERS,
  type LayerCode,
  type LayerSpec,
  layerSpec,
} from './layers';
import { kindOfValue } from './row-kinds';
import type { Cell } from './snapshot';
import { cellText, normalizeKey, words } from './text';

export type TabUse = LayerCode | 'declined';

export interface NameClass {
  readonly use: TabUse;
  readonly allAntiPriorities: boolean;
}

/** Where a phrase last occurs in a list of words, or -1. */
function lastIndexOfPhrase(nameWords: readonly string[], phrase: string): number {
  const target = words(phrase);
  for (let at = nameWords.length - target.length; at >= 0; at--) {
    if (target.every((word, k) => nameWords[at + k] === word)) return at;
  }
  return -1;
}

/** What a tab's name makes it: declined list first, then anti-priorities, then the layer whose word comes last. */
export function classifyTabName(name: string): NameClass | null {
  const nameWords = words(name);
  const has = (list: readonly string[]) => list.some((phrase) => lastIndexOfPhrase(nameWords, phrase) >= 0);
  if (has(DECLINED_TAB_WORDS)) return { use: 'declined', allAntiPriorities: false };
  if (has(ANTI_PRIORITY_TAB_WORDS)) return { use: 'strategy', allAntiPriorities: true };
  // "Roadmap tasks" is a task list: the last layer word in a name is its head noun.
  let found: { use: LayerCode; at: number } | null = null;
  for (const layer of LAYERS) {
    for (const phrase of layer.tabWords) {
      const at = lastIndexOfPhrase(nameWords, phrase);
      if (at >= 0 && (!found || at > found.at)) found = { use: layer.code, at };
    }
  }
  return found ? { use: found.use, allAntiPriorities: false } : null;
}

/** Whether a tab's name makes it a log of goal check-ins (DESIGN §9), which is never a layer. */
export function isCheckInName(name: string): boolean {
  const nameWords = words(name.replace(/check[\s-]*ins?\b/gi, 'checkin'));
  return CHECK_IN_TAB_WORDS.some((phrase) => lastIndexOfPhrase(nameWords, phrase) >= 0);
}

const YEAR = "'?\\d{2}(?:\\d{2})?";
const PART = '(?:q[1-4]|h[12])';
/**
 * A quarter or a half, with or without a year on either side ("Q3", "H2 2026", "2026 Q1",
 * "FY27 H1"). A year alone ("2026", "FY27") is not one: a budget or a hiring plan is named so
 * too, so such a tab is left to its columns.
 */
const PERIOD = new RegExp(`^(?:${PART}(?: ?(?:fy ?)?${YEAR})?|(?:fy ?)?${YEAR} ?${PART})$`);

/** A name that is only a quarter or a half: "Q3", "Q2 2026", "H2", "2026 Q1", "FY27 H1". */
export function isPeriodName(name: string): boolean {
  const text = name
    .trim()
    .toLowerCase()
    .replace(/[-_/.]+/g, ' ')
    .replace(/\s+/g, ' ');
  return PERIOD.test(text);
}

/** Any layer's header words (the declined list's are not guessed from columns). */
const ANY_LAYER: HeaderVocabulary = {
  names: (label) => LAYERS.some((spec) => roleMatcher(spec.code).roleOf(label) !== null),
  isTitleWord: () => false,
};

/** How many rows below the header are sampled to judge a column by its values. */
const SAMPLE_ROWS = 500;

/** A column's filled values below the header, as keys compare (normalised), from the first SAMPLE_ROWS rows. */
export function columnValues(values: readonly (readonly Cell[])[], headerRow: number, column: number): string[] {
  const out: string[] = [];
  for (let r = headerRow; r < Math.min(values.length, headerRow + SAMPLE_ROWS); r++) {
    const text = normalizeKey(cellText(values[r]?.[column]));
    if (text !== '') out.push(text);
  }
  return out;
}

/** Whether no value of a column repeats: each row names its own item. */
export function allDistinct(texts: readonly string[]): boolean {
  return texts.length > 0 && new Set(texts).size === texts.length;
}

export interface ColumnGuess {
  readonly use: LayerCode;
  /** The headers that told, for the report ("Issue key", "Issue id"). */
  readonly evidence: readonly string[];
  /** Only columns naming what each row belongs to told ("Project"): weaker than columns naming the rows. */
  readonly byReference: boolean;
}

interface Named {
  readonly layer: LayerSpec;
  readonly header: string;
  readonly column: number;
  readonly qualified: boolean;
}

const LINK_WORDS = new Set(['link', 'linked', 'parent', 'ladders', 'supports', 'serves']);
const KIND_WORDS = new Set(['type', 'kind']);

/** The layer the most rows of a Type column name ("Story", "Bug", "Epic"; values it does not know are not counted), or null. */
function layerOfKinds(texts: readonly string[]): LayerSpec | null {
  const counts = new Map<LayerCode, number>();
  for (const text of texts) {
    const kind = kindOfValue(text);
    if (kind) counts.set(kind.layer, (counts.get(kind.layer) ?? 0) + 1);
  }
  let best: [LayerCode, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && layerSpec(best[0]);
}

type Claims = ReadonlyMap<LayerCode, readonly { column: number; header: string }[]>;

/** More columns naming a layer's own items win; on a tie, the leftmost (a tab's title comes first). */
function mostClaimed(own: Claims): { layer: LayerCode; columns: readonly { column: number; header: string }[] } | null {
  let best: { layer: LayerCode; columns: readonly { column: number; header: string }[] } | null = null;
  for (const [layer, list] of own) {
    if (!best || list.length > best.columns.length || (list.length === best.columns.length && list[0]!.column < best.columns[0]!.column)) {
      best = { layer, columns: list };
    }
  }
  return best;
}

/** The layer a tab's columns say it is, or null when they name none. */
export function guessFromColumns(values: readonly (readonly Cell[])[]): ColumnGuess | null {
  const header = findHeaderRow(values, ANY_LAYER);
  if (header === null) return null;
  const cells = values[header.row - 1] ?? [];
  const named: Named[] = [];
  /** Each layer whose items a column refers to, as the lowest rank referred to; the tab is below it. */
  let lowestReferenced = -1;
  const referredBy: string[][] = LAYERS.map(() => []);
  const refer = (rank: number, label: string) => {
    lowestReferenced = Math.max(lowestReferenced, rank);
    referredBy[rank]?.push(label);
  };
  const own = new Map<LayerCode, { column: number; header: string }[]>();
  const claim = (layer: LayerSpec, column: number, label: string) =>
    own.set(layer.code, [...(own.get(layer.code) ?? []), { column, header: label }]);
  let plainTitle = false;
  cells.forEach((cell, column) => {
    if (!isLabel(cell)) return;
    const label = cellText(cell);
    const tokens = headerTokens(label);
    const layers = layersNamed(tokens);
    const rest = tokens.filter((token) => !NAMING_WORDS.has(token));
    if (tokens.some((token) => KIND_WORDS.has(token))) {
      // A Type column's values say what its rows are: "Story", "Bug" are tasks.
      const kinds = layerOfKinds(columnValues(values, header.row, column));
      if (kinds) claim(kinds, column, label);
      return;
    }
    if (layers.length !== 1) {
      if (layers.length === 0 && rest.length === 0 && tokens.some((token) => token === 'title' || token === 'name' || token === 'summary'))
        plainTitle = true;
      return;
    }
    const layer = layers[0]!;
    // "Epic Link" refers to an epic; "Parent issue" to an item of the tab's own layer.
    if (tokens.includes('parent')) refer(layer.rank - 1, label);
    else if (tokens.some((token) => LINK_WORDS.has(token))) refer(layer.rank, label);
    // Only a layer's words and naming words: "Epic", "Issue key", "Project name", "Objectives &
    // Key Results"; not "Project lead".
    else if (rest.length > 0 && rest.every((token) => layersNamed([token]).length > 0)) {
      named.push({ layer, header: label, column, qualified: tokens.length > rest.length });
    }
  });
  for (const entry of named) {
    const texts = columnValues(values, header.row, entry.column);
    // An empty column says nothing about the rows.
    if (texts.length === 0) continue;
    const distinct = allDistinct(texts);
    const bareBeside = named.some((other) => other !== entry && other.layer === entry.layer && !other.qualified);
    // Beside a plain Title column, "Project" and "Project ID" name the project a row belongs to.
    if (!distinct || (plainTitle && (!entry.qualified || bareBeside))) refer(entry.layer.rank, entry.header);
    else claim(entry.layer, entry.column, entry.header);
  }
  const best = mostClaimed(own);
  if (best) return { use: best.layer, evidence: best.columns.map((entry) => entry.header), byReference: false };
  const below = LAYERS[lowestReferenced + 1];
  if (lowestReferenced >= 0 && below) return { use: below.code, evidence: referredBy[lowestReferenced]!, byReference: true };
  return null;
}
