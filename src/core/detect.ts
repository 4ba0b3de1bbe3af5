/**
 * Which tab is which layer, where its header row is, and which column plays which role
 * (DESIGN §2). Detection is a default; the user's saved mapping (config.ts) wins.
 */
import { roleMatcher, type Role } from './columns';
import type { LadderConfig, TabMapping } from './config';
import { type DeclinedRole, declinedRoleOf } from './declined-columns';
import { ANTI_PRIORITY_TAB_WORDS, DECLINED_TAB_WORDS, LAYERS, type LayerCode } from './layers';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellText, normalizeKey, words } from './text';

/** How many top rows may hold the header (title rows and notes can sit above it). */
export const HEADER_SEARCH_ROWS = 10;

export type TabUse = LayerCode | 'declined';

export interface TabPlan {
  readonly sheet: string;
  readonly use: TabUse;
  /** A strategy tab whose rows are all anti-priorities ("Anti-priorities", "Non-goals"). */
  readonly allAntiPriorities: boolean;
  /** 1-based; null when no header row was found. */
  readonly headerRow: number | null;
  readonly headers: readonly string[];
  /** Role → 0-based column indices. Only `parent` may have several. */
  readonly columns: Partial<Record<Role | DeclinedRole, readonly number[]>>;
  readonly source: 'detected' | 'settings';
  /** Things the PM should know about this tab ("no header row in the top 10 rows"). */
  readonly problems: readonly string[];
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
export function classifyTabName(name: string): { use: TabUse; allAntiPriorities: boolean } | null {
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

type RoleOf = (header: string) => string | null;

function roleOfFor(use: TabUse): { roleOf: RoleOf; isTitleWord: (header: string) => boolean } {
  if (use === 'declined') {
    return { roleOf: declinedRoleOf, isTitleWord: (header) => declinedRoleOf(header) === 'title' };
  }
  const matcher = roleMatcher(use);
  return { roleOf: (header) => matcher.roleOf(header), isTitleWord: (header) => matcher.isTitleWord(header) };
}

/** The first of the top rows where two cells name columns; else a lone title word in a one-column layout. */
export function findHeaderRow(values: readonly (readonly Cell[])[], use: TabUse): number | null {
  const { roleOf, isTitleWord } = roleOfFor(use);
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    let known = 0;
    for (const cell of values[r] ?? []) if (typeof cell === 'string' && roleOf(cell) !== null) known++;
    if (known >= 2) return r + 1;
  }
  for (let r = 0; r < limit; r++) {
    const filled = (values[r] ?? []).map(cellText).filter((text) => text !== '');
    if (filled.length === 1 && isTitleWord(filled[0]!)) return r + 1;
  }
  return null;
}

/** Maps each header cell to its role; the first column wins a role, except links, which may span several. */
export function mapColumns(headers: readonly string[], use: TabUse): Partial<Record<string, number[]>> {
  const { roleOf } = roleOfFor(use);
  const columns: Partial<Record<string, number[]>> = {};
  headers.forEach((header, index) => {
    const role = header === '' ? null : roleOf(header);
    if (role === null) return;
    const taken = columns[role];
    if (!taken) columns[role] = [index];
    else if (role === 'parent') taken.push(index);
  });
  return columns;
}

function headersOf(values: readonly (readonly Cell[])[], headerRow: number | null): string[] {
  return headerRow === null ? [] : (values[headerRow - 1] ?? []).map(cellText);
}

/** Whether a row still reads as the header: the saved column names, or two known columns. */
function looksLikeHeader(row: readonly Cell[], use: TabUse, mapping: TabMapping): boolean {
  const texts = row.map(cellText);
  const saved = Object.values(mapping.columns ?? {}).filter((header): header is string => typeof header === 'string' && header !== '');
  if (saved.length > 0) return saved.every((header) => texts.some((text) => normalizeKey(text) === normalizeKey(header)));
  const { roleOf, isTitleWord } = roleOfFor(use);
  const known = texts.filter((text) => text !== '' && roleOf(text) !== null).length;
  const filled = texts.filter((text) => text !== '');
  return known >= 2 || (filled.length === 1 && isTitleWord(filled[0]!));
}

function planFromMapping(sheet: SheetSnapshot, mapping: TabMapping): TabPlan | null {
  if (mapping.use === 'ignore') return null;
  const use: TabUse = mapping.use === 'anti-priorities' ? 'strategy' : mapping.use;
  const problems: string[] = [];
  let headerRow = mapping.headerRow ?? findHeaderRow(sheet.values, use);
  if (headerRow !== null && mapping.headerRow !== undefined && !looksLikeHeader(sheet.values[headerRow - 1] ?? [], use, mapping)) {
    // Rows were inserted or deleted above it: reading the saved row would misread every column.
    const found = findHeaderRow(sheet.values, use);
    problems.push(`the saved header row ${headerRow} no longer holds the headers${found === null ? '' : `; row ${found} does, and is used instead`}`);
    headerRow = found;
  }
  const headers = headersOf(sheet.values, headerRow);
  const columns = mapColumns(headers, use);
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
  if (headerRow === null) problems.push(`no header row found in the top ${HEADER_SEARCH_ROWS} rows`);
  return {
    sheet: sheet.name, use, allAntiPriorities: mapping.use === 'anti-priorities', headerRow, headers,
    columns, source: 'settings', problems,
  };
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
    if (mapping) {
      const plan = planFromMapping(sheet, mapping);
      if (plan) plans.push(plan);
      continue;
    }
    const detected = classifyTabName(sheet.name);
    if (!detected) continue;
    const headerRow = findHeaderRow(sheet.values, detected.use);
    const headers = headersOf(sheet.values, headerRow);
    plans.push({
      sheet: sheet.name, ...detected, headerRow, headers, columns: mapColumns(headers, detected.use), source: 'detected',
      problems: headerRow === null ? [`no header row found in the top ${HEADER_SEARCH_ROWS} rows`] : [],
    });
  }
  return { plans, warnings };
}
