/**
 * How each tab is read (DESIGN §2, §2a): which layer it is (classify.ts), where its header
 * row is (header-row.ts), and which column plays which role. Roles come from the header's
 * words; the values below then settle what words alone cannot (settle-columns.ts), and the
 * tabs of one layer are weighed against each other (across-tabs.ts). Detection is a default;
 * the PM's settings (settings.ts) win. `readingOf` is the one decision of which tabs count.
 */
import { settleAcrossTabs, withoutSummaries } from './across-tabs';
import { hasCheckInColumns } from './check-ins';
import { classifyTabName, columnValues, guessFromColumns, isCheckInName, isPeriodName, type TabUse } from './classify';
import { type Role, roleMatcher } from './columns';
import { type DeclinedRole, declinedRoleOf } from './declined-columns';
import { findHeaderRow as findHeader, HEADER_SEARCH_ROWS, type HeaderVocabulary, isLabel } from './header-row';
import { type LayerCode, layerSpec } from './layers';
import { isSnapshotTab } from './plan-snapshot';
import type { LadderSettings, TabMapping } from './settings';
import { settleColumns, UNSETTLED } from './settle-columns';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText, normalizeKey } from './text';

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
  /** Link columns within the layer found among the title candidates ("Initiative name"): kept if most values name rows, else dropped quietly. */
  readonly inLayerLinks: readonly number[];
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
    return {
      roleOf: declinedRoleOf,
      names: (label) => declinedRoleOf(label) !== null,
      isTitleWord: (label) => declinedRoleOf(label) === 'title',
    };
  }
  const matcher = roleMatcher(use);
  return {
    roleOf: (header) => matcher.roleOf(header),
    names: (label) => matcher.roleOf(label) !== null,
    isTitleWord: (label) => matcher.isTitleWord(label),
  };
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

/** Whether a row still reads as the header: the saved column names, or two known columns. */
function looksLikeHeader(values: readonly (readonly Cell[])[], savedRow: number, use: TabUse, mapping: TabMapping): boolean {
  const row = values[savedRow - 1] ?? [];
  const texts = row.map(cellText);
  const saved = Object.values(mapping.columns ?? {}).filter((header): header is string => typeof header === 'string' && header !== '');
  if (saved.length > 0) return saved.every((header) => texts.some((text) => normalizeKey(text) === normalizeKey(header)));
  const vocabulary = vocabularyFor(use);
  const known = row.filter((cell) => isLabel(cell) && vocabulary.names(cellText(cell))).length;
  const filled = texts.filter((text) => text !== '');
  if (known >= 2 || (filled.length === 1 && vocabulary.isTitleWord(filled[0]!))) return true;
  // A row of labels naming no known column is the header the PM said it is, unless another
  // top row now names known columns (a title row above it was deleted, and this is data).
  const found = findHeader(values, vocabulary);
  return row.filter((cell) => isLabel(cell)).length >= 2 && (found === null || found.byShape || found.row === savedRow);
}

/** What the PM should know about how a tab's columns were read. */
function columnProblems(plan: Omit<TabPlan, 'problems'>): string[] {
  if (plan.headerRow === null || plan.use === 'declined') return [];
  if (plan.columns.title === undefined && plan.columns.id === undefined) {
    const shown = plan.headers
      .filter((header) => header !== '')
      .slice(0, 8)
      .map((header) => `"${header}"`)
      .join(', ');
    return [`no title or id column in header row ${plan.headerRow} (${shown}); name the title column in Setup`];
  }
  if (plan.columns.title === undefined) return [`no title column in header row ${plan.headerRow}; rows are named by their id`];
  return [];
}

function planFromMapping(sheet: SheetSnapshot, mapping: TabMapping, use: TabUse): TabPlan {
  const problems: string[] = [];
  let headerRow = mapping.headerRow ?? findHeaderRow(sheet.values, use);
  if (headerRow !== null && mapping.headerRow !== undefined && !looksLikeHeader(sheet.values, headerRow, use, mapping)) {
    // Rows were inserted or deleted above it: reading the saved row would misread every column.
    const found = findHeaderRow(sheet.values, use);
    if (found !== headerRow) {
      problems.push(
        `the saved header row ${headerRow} no longer holds the headers${found === null ? '' : `; row ${found} does, and is used instead`}`,
      );
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
    sheet: sheet.name,
    use,
    allAntiPriorities: mapping.use === 'anti-priorities',
    headerRow,
    headers,
    columns,
    groupId: settled.groupId,
    layersByKind: settled.layersByKind,
    titleLevels: settled.titleLevels,
    inLayerLinks: settled.inLayerLinks,
    source: 'settings' as const,
  };
  return { ...plan, problems: [...problems, ...columnProblems(plan)] };
}

type Detected = {
  use: TabUse;
  allAntiPriorities: boolean;
  source: 'detected' | 'columns';
  note: string | null;
  /** A guess too thin to stand alone: kept only if its link columns name rows of the tabs that are read. */
  tentative?: { readonly evidence: readonly string[]; readonly reason: string };
};

/** A year alone ("2026", "FY27"): a plan's tab as often as a budget's, so its columns decide, with less to go on. */
const YEAR_NAME = /^(?:fy|cy)?\s?'?\d{2}(?:\d{2})?$/i;

const plural = (use: LayerCode) => (use === 'tasks' ? 'tasks' : `${layerSpec(use).noun}s`);

/** What a tab's name, or else its columns, make it; null for a tab Ladder does not read. `rows` is asked for only when the name does not say. */
function detectUse(name: string, rows: () => readonly (readonly Cell[])[]): Detected | null {
  // A log of check-ins ("Goal check-ins") names goals on every row, but is not a layer (DESIGN §9).
  if (isCheckInName(name)) return null;
  const byName = classifyTabName(name);
  if (byName) return { ...byName, source: 'detected', note: null };
  const values = rows();
  // A log of readings ("KR Log": Date, KR ID, Value) names goals on every row too, and is no layer either.
  if (hasCheckInColumns(values)) return null;
  const found = guessFromColumns(values);
  const period = isPeriodName(name);
  if (found && !(period && found.use === 'roadmap')) {
    const told = found.evidence
      .slice(0, 3)
      .map((header) => `"${header}"`)
      .join(', ');
    // A guess from references alone ("Name | Project" of a team list) needs a tab that names
    // more than a title and a link: three columns Ladder reads (a year's tab, two), or links
    // that name rows of the other tabs.
    const needed = YEAR_NAME.test(name.trim()) ? 2 : 3;
    const sure = !found.byReference || knownColumns(values, found.use) >= needed;
    return {
      use: found.use,
      allAntiPriorities: false,
      source: 'columns',
      note: `read as ${plural(found.use)} from its columns (${told}), since its name does not say; if that is wrong, map the tab in Setup`,
      ...(sure
        ? {}
        : {
            tentative: {
              evidence: found.evidence,
              reason: `${name}: its columns (${told}) look like ${plural(found.use)}, but too few of them, and none names a row of another tab, so it is not read; if it is a layer, map it in Setup.`,
            },
          }),
    };
  }
  if (period) return { use: 'roadmap', allAntiPriorities: false, source: 'detected', note: null };
  return null;
}

/** How many header cells of a tab name a column of a layer. */
function knownColumns(values: readonly (readonly Cell[])[], use: LayerCode): number {
  const headerRow = findHeaderRow(values, use);
  return headerRow === null
    ? 0
    : Object.values(mapColumns(headersOf(values, headerRow), use)).reduce((sum, list) => sum + (list?.length ?? 0), 0);
}

function detectPlan(sheet: SheetSnapshot, detected: Detected, tentative: Map<TabPlan, NonNullable<Detected['tentative']>>): TabPlan {
  const { use } = detected;
  const headerRow = findHeaderRow(sheet.values, use);
  const headers = headersOf(sheet.values, headerRow);
  const settled =
    headerRow === null
      ? UNSETTLED
      : settleColumns(sheet.values, headerRow, headers, use, mapColumns(headers, use), detected.source === 'columns');
  const plan = {
    sheet: sheet.name,
    use,
    allAntiPriorities: detected.allAntiPriorities,
    headerRow,
    headers,
    columns: settled.columns,
    groupId: settled.groupId,
    layersByKind: settled.layersByKind,
    titleLevels: settled.titleLevels,
    inLayerLinks: settled.inLayerLinks,
    source: detected.source,
  };
  const kindHeader = settled.layersByKind ? headers[settled.columns.kind![0]!] : undefined;
  const byKind = kindHeader === undefined ? '' : `; each row is read as the layer its "${kindHeader}" names`;
  const problems = [
    ...(detected.note ? [detected.note.replace('; if that is wrong', `${byKind}; if that is wrong`)] : byKind ? [byKind.slice(2)] : []),
    ...(headerRow === null ? [`no header row found in the top ${HEADER_SEARCH_ROWS} rows`] : []),
    ...columnProblems(plan),
  ];
  const planned = { ...plan, problems };
  if (detected.tentative) tentative.set(planned, detected.tentative);
  return planned;
}

/** The tentative plans whose link columns name rows of the other tabs read; the others are left out, and said so. */
function confirmTentative(
  plans: TabPlan[],
  sheets: readonly SheetSnapshot[],
  tentative: ReadonlyMap<TabPlan, NonNullable<Detected['tentative']>>,
  warnings: string[],
): TabPlan[] {
  if (tentative.size === 0) return plans;
  const valuesOf = (plan: TabPlan) => sheets.find((sheet) => sheet.name === plan.sheet)!.values;
  const names = new Set<string>();
  for (const plan of plans) {
    if (tentative.has(plan) || plan.headerRow === null) continue;
    for (const column of [...(plan.columns.id ?? []), ...(plan.columns.title ?? [])]) {
      for (const name of columnValues(valuesOf(plan), plan.headerRow, column)) names.add(name);
    }
  }
  return plans.filter((plan) => {
    const doubt = tentative.get(plan);
    if (!doubt) return true;
    const columns = doubt.evidence.map((header) => plan.headers.indexOf(header)).filter((column) => column >= 0);
    const linked =
      plan.headerRow !== null &&
      columns.some((column) => columnValues(valuesOf(plan), plan.headerRow!, column).some((value) => names.has(value)));
    if (!linked) warnings.push(doubt.reason);
    return linked;
  });
}

/** How a tab counts: as the PM's settings map it, or as detection makes it out. */
type Reading = { readonly mapping: TabMapping; readonly use: TabUse } | { readonly detected: Detected };

/** A tab's entry in the settings; the last one wins if they name a tab twice. */
function mappingOf(name: string, settings: LadderSettings): TabMapping | undefined {
  for (let i = settings.tabs.length - 1; i >= 0; i--) if (settings.tabs[i]!.sheet === name) return settings.tabs[i];
  return undefined;
}

/**
 * Whether a tab counts, and as what: the PM's mapping if the settings have one (`ignore`
 * leaves it out), else its name, else its columns; null for a tab Ladder leaves out. The one
 * place that decides, for planTabs and for Apps Script's reader alike. `rows` (the whole tab,
 * or its top rows) is asked for only when neither the settings nor the name say.
 */
function readingOf(name: string, rows: () => readonly (readonly Cell[])[], settings: LadderSettings): Reading | null {
  const mapping = mappingOf(name, settings);
  if (mapping) return mapping.use === 'ignore' ? null : { mapping, use: mapping.use === 'anti-priorities' ? 'strategy' : mapping.use };
  const detected = detectUse(name, rows);
  return detected ? { detected } : null;
}

/**
 * Whether a tab is read, from its name and, if that does not say, its top rows (what Apps
 * Script reads before the whole tab). planTabs, given the same rows, plans no tab this
 * leaves out; weighing the tabs together, it may still leave out one this reads (a thin
 * guess, a dashboard).
 */
export function tabIsRead(name: string, topRows: () => readonly (readonly Cell[])[], settings: LadderSettings): boolean {
  return readingOf(name, topRows, settings) !== null || isCheckInTab(name, settings, topRows);
}

/**
 * Whether a tab is a log of goal check-ins (DESIGN §9), not mapped to anything else by the
 * PM: named so ("Check-ins"), or, given its top rows, headed by a date, a goal and a value
 * ("KR Log"). Only a tab that is not a layer is asked about its rows.
 */
export function isCheckInTab(name: string, settings: LadderSettings, rows?: () => readonly (readonly Cell[])[]): boolean {
  if (mappingOf(name, settings) !== undefined) return false;
  return isCheckInName(name) || (rows !== undefined && hasCheckInColumns(rows()));
}

/** Plans every tab: which are layers or the declined list, and how to read them. Unrecognised tabs are left out. */
export function planTabs(sheets: readonly SheetSnapshot[], settings: LadderSettings): { plans: TabPlan[]; warnings: string[] } {
  const plans: TabPlan[] = [];
  const warnings: string[] = [];
  const tentative = new Map<TabPlan, NonNullable<Detected['tentative']>>();
  for (const mapping of settings.tabs) {
    if (!sheets.some((sheet) => sheet.name === mapping.sheet)) {
      warnings.push(`The tab "${mapping.sheet}" in Ladder's settings is gone (renamed or deleted); its mapping is not used.`);
    }
  }
  for (const sheet of sheets) {
    // A frozen plan (DESIGN §10) holds every layer's rows: whatever its name, it is never read as one.
    if (isSnapshotTab(sheet.values)) continue;
    const reading = readingOf(sheet.name, () => sheet.values, settings);
    if (!reading) continue;
    plans.push(
      'mapping' in reading ? planFromMapping(sheet, reading.mapping, reading.use) : detectPlan(sheet, reading.detected, tentative),
    );
  }
  const confirmed = confirmTentative(plans, sheets, tentative, warnings);
  const settled = confirmed.some((plan) => plan.columns.group) ? settleAcrossTabs(confirmed, sheets) : confirmed;
  return { plans: withoutSummaries(settled, sheets, warnings), warnings };
}
