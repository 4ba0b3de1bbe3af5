/**
 * How each tab is read (DESIGN §2, §2a): which layer it is (classify.ts), where its header
 * row is (header-row.ts), and which column plays which role. Roles come from the header's
 * words; the values then settle what words alone cannot: an id column whose values repeat
 * on most rows names a group, not a row ("Project key"); a tab of key results listed under
 * an Objective column reads each objective as an item of its own; a Type column that names
 * several layers ("Epic", "Story") reads each row as the layer it names. Detection is a
 * default; the user's saved mapping (config.ts) wins.
 */
import { allDistinct, classifyTabName, columnValues, guessFromColumns, isCheckInName, isPeriodName, type TabUse } from './classify';
import { headerTokens, isPlainLinkHeader, layersNamed, NAMING_WORDS, roleMatcher, type Role } from './columns';
import type { LadderConfig, TabMapping } from './config';
import { type DeclinedRole, declinedRoleOf } from './declined-columns';
import { findHeaderRow as findHeader, HEADER_SEARCH_ROWS, isLabel, type HeaderVocabulary } from './header-row';
import { layerSpec, type LayerCode } from './layers';
import { kindOfValue } from './row-kinds';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText, headerLabel, normalizeKey } from './text';

export { classifyTabName, HEADER_SEARCH_ROWS, type TabUse };

export interface TabPlan {
  readonly sheet: string;
  readonly use: TabUse;
  /** A strategy tab whose rows are all anti-priorities ("Anti-priorities", "Non-goals"). */
  readonly allAntiPriorities: boolean;
  /** 1-based; null when no header row was found. */
  readonly headerRow: number | null;
  readonly headers: readonly string[];
  /**
   * Role → 0-based column indices. `parent` may have several, and so may `id`: every id
   * column is a key of the row, the first one its own id.
   */
  readonly columns: Partial<Record<Role | DeclinedRole, readonly number[]>>;
  /** The column holding the id of a row's group (an "Objective ID" beside "KR ID"), or null. */
  readonly groupId: number | null;
  /** Rows take the layer their Type cell names (a Jira export of epics and stories). */
  readonly layersByKind: boolean;
  /**
   * The title columns are levels of a tree ("Title 1", "Title 2": Azure DevOps' tree export):
   * a row's title is in the column of its level, and it hangs under the row above it one level up.
   */
  readonly titleLevels: boolean;
  /**
   * Columns whose header names a layer but whose values name nothing, read as labels (set by
   * buildCascade, which knows the items; `columns.parent` then holds only the kept ones).
   */
  readonly labelColumns?: readonly number[];
  /** How the layer was chosen: the tab's name, its columns, or the user's settings. */
  readonly source: 'detected' | 'columns' | 'settings';
  /** Things the PM should know about this tab ("no header row in the top 10 rows"). */
  readonly problems: readonly string[];
}

function vocabularyFor(use: TabUse): HeaderVocabulary & { roleOf: (header: string) => string | null } {
  if (use === 'declined') {
    return { roleOf: declinedRoleOf, names: (label) => declinedRoleOf(label) !== null, isTitleWord: (label) => declinedRoleOf(label) === 'title' };
  }
  const matcher = roleMatcher(use);
  return { roleOf: (header) => matcher.roleOf(header), names: (label) => matcher.roleOf(label) !== null, isTitleWord: (label) => matcher.isTitleWord(label) };
}

/** The 1-based header row of a tab read as `use`, or null. */
export function findHeaderRow(values: readonly (readonly Cell[])[], use: TabUse): number | null {
  return findHeader(values, vocabularyFor(use))?.row ?? null;
}

/**
 * Maps each header cell to its role. The first column wins a role, except links (several
 * may hold references) and ids and titles, whose other columns are kept as candidates.
 */
export function mapColumns(headers: readonly string[], use: TabUse): Partial<Record<string, number[]>> {
  const { roleOf } = vocabularyFor(use);
  const columns: Partial<Record<string, number[]>> = {};
  headers.forEach((header, index) => {
    const role = header === '' ? null : roleOf(header);
    if (role === null) return;
    const taken = columns[role];
    if (!taken) columns[role] = [index];
    else if (role === 'parent' || role === 'id' || role === 'title') taken.push(index);
  });
  return columns;
}

function headersOf(values: readonly (readonly Cell[])[], headerRow: number | null): string[] {
  return headerRow === null ? [] : (values[headerRow - 1] ?? []).map(cellText);
}


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
function oneObjectivePerRow(values: readonly (readonly Cell[])[], headerRow: number, group: number, sub: number): boolean {
  const seen = new Set<string>();
  for (let r = headerRow; r < values.length; r++) {
    const objective = normalizeKey(cellText(values[r]?.[group]));
    if (cellText(values[r]?.[sub]) === '' && objective === '') continue;
    if (objective === '' || seen.has(objective)) return false;
    seen.add(objective);
  }
  return seen.size > 0;
}

/** Some cell of the column holds a list on several lines ("KR1: …\nKR2: …"). */
function listsInCells(values: readonly (readonly Cell[])[], headerRow: number, column: number): boolean {
  for (let r = headerRow; r < values.length; r++) if (/\S\s*[\r\n]+\s*\S/.test(cellText(values[r]?.[column]))) return true;
  return false;
}

/** A header that is a layer's word with naming or link words only: "Epic", "Initiative name", "Parent objective #". */
function namesAnItem(header: string): boolean {
  const tokens = headerTokens(header);
  return layersNamed(tokens).length > 0 && (isPlainLinkHeader(header) || tokens.every((token) => NAMING_WORDS.has(token) || layersNamed([token]).length > 0));
}

interface Settled {
  columns: Partial<Record<string, number[]>>;
  groupId: number | null;
  layersByKind: boolean;
  titleLevels: boolean;
}

const UNSETTLED: Settled = { columns: {}, groupId: null, layersByKind: false, titleLevels: false };

/** Title columns that differ only by a level number ("Title 1", "Title 2"), in level order; else null. */
function titleLadder(headers: readonly string[], titles: readonly number[]): number[] | null {
  const levels = titles.map((column) => /^(.*?)\s*(\d+)$/.exec(headerLabel(headers[column] ?? '')))
    .map((match, at) => match && { stem: match[1]!.toLowerCase(), level: Number(match[2]), column: titles[at]! })
    .filter((entry) => entry !== null);
  if (levels.length < 2 || new Set(levels.map((entry) => entry.stem)).size !== 1) return null;
  return levels.sort((a, b) => a.level - b.level).map((entry) => entry.column);
}

/** Settles what the header's words leave open, from the values below it. */
function settleColumns(
  values: readonly (readonly Cell[])[], headerRow: number, headers: readonly string[], use: TabUse,
  columns: Partial<Record<string, number[]>>, guessed: boolean,
): Settled {
  if (use === 'declined') return { ...UNSETTLED, columns };
  const out = { ...columns };
  const spec = layerSpec(use);
  let groupId: number | null = null;
  // Key results listed under an Objective column: the key result is the row's item.
  const titles = out.title ?? [];
  const sub = subItemColumn(headers, titles, use, 1);
  const group = sub === undefined ? undefined : subItemColumn(headers, titles.filter((c) => c !== sub), use, 0);
  const ladder = titleLadder(headers, titles);
  if (ladder) out.title = ladder;
  else if (sub !== undefined && group !== undefined && oneObjectivePerRow(values, headerRow, group, sub) && listsInCells(values, headerRow, sub)) {
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
  } else if (titles.length > 1) {
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
    const links = titles.filter((column) => column !== title && namesAnItem(headers[column] ?? ''));
    if (links.length > 0) out.parent = [...(out.parent ?? []), ...links].sort((a, b) => a - b);
  }
  if (out.id) {
    // The row's other ids are bare ("ID", "Key") or name the row's kind ("Issue id"); "Assignee Id" is a person's.
    const ids = out.id.filter((column, at) => !mostlyRepeats(columnValues(values, headerRow, column))
      && (at === 0 || headerTokens(headers[column] ?? '').every((token) => NAMING_WORDS.has(token) || layersNamed([token]).length > 0)));
    if (ids.length > 0) out.id = ids;
    else delete out.id;
  }
  let layersByKind = false;
  const kindColumn = out.kind?.[0];
  if (!spec.isStrategy && kindColumn !== undefined) {
    const named = new Set<LayerCode>();
    let splitting = false;
    for (const text of columnValues(values, headerRow, kindColumn)) {
      const kind = kindOfValue(text);
      if (kind) named.add(kind.layer);
      if (kind && kind.layer !== use && kind.splits) splitting = true;
    }
    // A tab named for its layer is split only by a tracker's kinds ("Story" on a roadmap tab);
    // one guessed from its columns by any.
    layersByKind = guessed ? named.size >= 2 || (named.size === 1 && !named.has(use)) : named.size >= 2 && splitting;
  }
  return { columns: out, groupId, layersByKind, titleLevels: ladder !== null };
}

/** Whether a row still reads as the header: the saved column names, or two known columns. */
function looksLikeHeader(row: readonly Cell[], use: TabUse, mapping: TabMapping): boolean {
  const texts = row.map(cellText);
  const saved = Object.values(mapping.columns ?? {}).filter((header): header is string => typeof header === 'string' && header !== '');
  if (saved.length > 0) return saved.every((header) => texts.some((text) => normalizeKey(text) === normalizeKey(header)));
  // The PM said this row is the header: it still is while it reads as a row of labels.
  const vocabulary = vocabularyFor(use);
  const labels = row.filter((cell) => isLabel(cell)).length;
  const filled = texts.filter((text) => text !== '');
  return labels >= 2 || (filled.length === 1 && vocabulary.isTitleWord(filled[0]!));
}

/** What the PM should know about how a tab's columns were read. */
function columnProblems(plan: Omit<TabPlan, 'problems'>): string[] {
  if (plan.headerRow === null || plan.use === 'declined') return [];
  if (plan.columns.title === undefined && plan.columns.id === undefined) {
    const shown = plan.headers.filter((header) => header !== '').slice(0, 8).map((header) => `"${header}"`).join(', ');
    return [`no title or id column in header row ${plan.headerRow} (${shown}); name the title column in Setup`];
  }
  if (plan.columns.title === undefined) return [`no title column in header row ${plan.headerRow}; rows are named by their id`];
  return [];
}

function planFromMapping(sheet: SheetSnapshot, mapping: TabMapping): TabPlan | null {
  if (mapping.use === 'ignore') return null;
  const use: TabUse = mapping.use === 'anti-priorities' ? 'strategy' : mapping.use;
  const problems: string[] = [];
  let headerRow = mapping.headerRow ?? findHeaderRow(sheet.values, use);
  if (headerRow !== null && mapping.headerRow !== undefined && !looksLikeHeader(sheet.values[headerRow - 1] ?? [], use, mapping)) {
    // Rows were inserted or deleted above it: reading the saved row would misread every column.
    const found = findHeaderRow(sheet.values, use);
    if (found !== headerRow) {
      problems.push(`the saved header row ${headerRow} no longer holds the headers${found === null ? '' : `; row ${found} does, and is used instead`}`);
      headerRow = found;
    }
  }
  const headers = headersOf(sheet.values, headerRow);
  const settled = headerRow === null ? UNSETTLED : settleColumns(sheet.values, headerRow, headers, use, mapColumns(headers, use), false);
  const columns = settled.columns;
  for (const [role, header] of Object.entries(mapping.columns ?? {})) {
    if (header === undefined || header === '') continue;
    const index = headers.findIndex((text) => normalizeKey(text) === normalizeKey(header));
    if (index < 0) problems.push(`the column "${header}" saved as ${role} is no longer in the header row`);
    else {
      // The saved role takes the column from whatever detection gave it.
      for (const [other, list] of Object.entries(columns)) columns[other] = list?.filter((i) => i !== index);
      columns[role] = [index];
    }
  }
  for (const [role, list] of Object.entries(columns)) if (list?.length === 0) delete columns[role];
  if (headerRow === null) problems.push(`no header row found in the top ${HEADER_SEARCH_ROWS} rows`);
  const plan = {
    sheet: sheet.name, use, allAntiPriorities: mapping.use === 'anti-priorities', headerRow, headers,
    columns, groupId: settled.groupId, layersByKind: settled.layersByKind, titleLevels: settled.titleLevels, source: 'settings' as const,
  };
  return { ...plan, problems: [...problems, ...columnProblems(plan)] };
}

/** What a tab's name, or else its columns, make it; null for a tab Ladder does not read. */
function detectUse(sheet: SheetSnapshot): { use: TabUse; allAntiPriorities: boolean; source: 'detected' | 'columns'; note: string | null } | null {
  // A log of check-ins ("Goal check-ins") names goals on every row, but is not a layer (DESIGN §9).
  if (isCheckInName(sheet.name)) return null;
  const byName = classifyTabName(sheet.name);
  if (byName) return { ...byName, source: 'detected', note: null };
  const found = guessFromColumns(sheet.values);
  // A guess from references alone ("Name | Project" of a team list) needs a tab that names
  // more than a title and a link: three columns Ladder reads.
  const guess = found && (!found.byReference || knownColumns(sheet, found.use) >= 3) ? found : null;
  const period = isPeriodName(sheet.name);
  if (guess && !(period && guess.use === 'roadmap')) {
    const told = guess.evidence.slice(0, 3).map((header) => `"${header}"`).join(', ');
    const noun = layerSpec(guess.use).noun;
    return {
      use: guess.use, allAntiPriorities: false, source: 'columns',
      note: `read as ${noun === 'task' ? 'tasks' : `${noun}s`} from its columns (${told}), since its name does not say; if that is wrong, map the tab in Setup`,
    };
  }
  if (period) return { use: 'roadmap', allAntiPriorities: false, source: 'detected', note: null };
  return null;
}

/** How many header cells of a tab name a column of a layer. */
function knownColumns(sheet: SheetSnapshot, use: LayerCode): number {
  const headerRow = findHeaderRow(sheet.values, use);
  return headerRow === null ? 0 : Object.values(mapColumns(headersOf(sheet.values, headerRow), use)).reduce((sum, list) => sum + (list?.length ?? 0), 0);
}

function detectPlan(sheet: SheetSnapshot): TabPlan | null {
  const detected = detectUse(sheet);
  if (!detected) return null;
  const { use } = detected;
  const headerRow = findHeaderRow(sheet.values, use);
  const headers = headersOf(sheet.values, headerRow);
  const settled = headerRow === null
    ? UNSETTLED
    : settleColumns(sheet.values, headerRow, headers, use, mapColumns(headers, use), detected.source === 'columns');
  const plan = {
    sheet: sheet.name, use, allAntiPriorities: detected.allAntiPriorities, headerRow, headers, columns: settled.columns,
    groupId: settled.groupId, layersByKind: settled.layersByKind, titleLevels: settled.titleLevels, source: detected.source,
  };
  const kindHeader = settled.layersByKind ? headers[settled.columns.kind![0]!] : undefined;
  const byKind = kindHeader === undefined ? '' : `; each row is read as the layer its "${kindHeader}" names`;
  const problems = [
    ...(detected.note ? [detected.note.replace('; if that is wrong', `${byKind}; if that is wrong`)] : byKind ? [byKind.slice(2)] : []),
    ...(headerRow === null ? [`no header row found in the top ${HEADER_SEARCH_ROWS} rows`] : []),
    ...columnProblems(plan),
  ];
  return { ...plan, problems };
}

/** The names in a column's values, one reference per part ("KR1, KR2" is two). */
function namesIn(values: readonly (readonly Cell[])[], headerRow: number, column: number): Set<string> {
  const out = new Set<string>();
  for (const text of columnValues(values, headerRow, column)) {
    out.add(text);
    for (const part of text.split(/[,;\n]/)) if (part.trim() !== '') out.add(part.trim());
  }
  return out;
}

/**
 * Objectives in one tab and key results in another (Notion's OKR databases): a column of key
 * results on the objectives tab lists the rows of the other tab, so the objective is that tab's
 * item; and an Objective column on the key-results tab names the objectives of the other tab,
 * so it is a link to them, not a group of objectives of its own. Decided from what the tabs of
 * a layer hold, once every tab is planned.
 */
function settleAcrossTabs(plans: TabPlan[], sheets: readonly SheetSnapshot[]): TabPlan[] {
  const valuesOf = (plan: TabPlan) => sheets.find((sheet) => sheet.name === plan.sheet)!.values;
  const titlesOf = (plan: TabPlan) => {
    const column = plan.columns.title?.[0] ?? plan.columns.id?.[0];
    return plan.headerRow === null || column === undefined ? new Set<string>() : new Set(columnValues(valuesOf(plan), plan.headerRow, column));
  };
  // Most of the parts of a tab's key-result cells are rows of another tab of its layer.
  const mostlyListed = (names: Set<string>, plan: TabPlan) => plans.some((other) => {
    if (other === plan || other.use !== plan.use) return false;
    const titles = titlesOf(other);
    let listed = 0;
    for (const name of names) if (titles.has(name)) listed++;
    return listed * 2 >= titles.size && listed > 0;
  });
  const grouped = (plan: TabPlan) => plan.columns.group !== undefined && plan.headerRow !== null;
  // First a tab of one row per objective whose key-result column lists another tab's rows: the
  // objectives are its items.
  let out = plans.map((plan) => {
    if (!grouped(plan) || !oneObjectivePerRow(valuesOf(plan), plan.headerRow!, plan.columns.group![0]!, plan.columns.title![0]!)) return plan;
    if (!mostlyListed(namesIn(valuesOf(plan), plan.headerRow!, plan.columns.title![0]!), plan)) return plan;
    const { group, title: _, ...rest } = plan.columns;
    return { ...plan, columns: { ...rest, title: group! } };
  });
  // Then the tabs whose Objective column names another tab's objectives: a link to them.
  out = out.map((plan) => {
    if (!grouped(plan)) return plan;
    const names = namesIn(valuesOf(plan), plan.headerRow!, plan.columns.group![0]!);
    if (!out.some((other) => other !== plan && other.use === plan.use && [...titlesOf(other)].some((title) => names.has(title)))) return plan;
    const { group, ...rest } = plan.columns;
    return { ...plan, columns: { ...rest, parent: [...(rest.parent ?? []), ...group!].sort((a, b) => a - b) } };
  });
  return out;
}

/**
 * A tab guessed from its columns whose rows are mostly the rows of a tab named for the same
 * layer is a summary of it (a dashboard listing the goals): reading it would make every link
 * by title ambiguous, so it is left out, and said so.
 */
function withoutSummaries(plans: TabPlan[], sheets: readonly SheetSnapshot[], warnings: string[]): TabPlan[] {
  const namesOf = (plan: TabPlan) => {
    const values = sheets.find((sheet) => sheet.name === plan.sheet)!.values;
    const column = plan.columns.title?.[0] ?? plan.columns.id?.[0];
    return plan.headerRow === null || column === undefined ? [] : columnValues(values, plan.headerRow, column);
  };
  return plans.filter((plan) => {
    if (plan.source !== 'columns') return true;
    const names = namesOf(plan);
    const of = plans.find((other) => other !== plan && other.use === plan.use && other.source !== 'columns' && (() => {
      const theirs = new Set(namesOf(other));
      return names.length > 0 && names.filter((name) => theirs.has(name)).length * 2 >= names.length;
    })());
    if (!of) return true;
    warnings.push(`${plan.sheet}: its rows repeat those of "${of.sheet}", so it reads as a summary and is not read; if it is a layer of its own, map it in Setup.`);
    return false;
  });
}

/** Plans every tab: which are layers or the declined list, and how to read them. Unrecognised tabs are left out. */
export function planTabs(sheets: readonly SheetSnapshot[], config: LadderConfig): { plans: TabPlan[]; warnings: string[] } {
  const plans: TabPlan[] = [];
  const warnings: string[] = [];
  const byName = new Map(config.tabs.map((mapping) => [mapping.sheet, mapping]));
  for (const mapping of config.tabs) {
    if (!sheets.some((sheet) => sheet.name === mapping.sheet)) {
      warnings.push(`The tab "${mapping.sheet}" in Ladder's settings is gone (renamed or deleted); its mapping is not used.`);
    }
  }
  for (const sheet of sheets) {
    const mapping = byName.get(sheet.name);
    const plan = mapping ? planFromMapping(sheet, mapping) : detectPlan(sheet);
    if (plan) plans.push(plan);
  }
  const settled = plans.some((plan) => plan.columns.group) ? settleAcrossTabs(plans, sheets) : plans;
  return { plans: withoutSummaries(settled, sheets, warnings), warnings };
}

/** Whether a tab would be read, judged from its name and its top rows (what Apps Script reads before the whole tab). */
export function tabIsRead(sheet: SheetSnapshot, config: LadderConfig): boolean {
  const mapping = config.tabs.find((tab) => tab.sheet === sheet.name);
  if (mapping) return mapping.use !== 'ignore';
  return detectUse(sheet) !== null;
}

export { allDistinct };
