/**
 * Loads the built add-on (dist/*.js) into a fresh Node vm context that holds only fakes of
 * the Apps Script services Ladder uses: no require, process, Buffer, TextEncoder or setTimeout
 * (V8 runtime overview, "Unavailable APIs"). Tests drive it as Apps Script would:
 * - `call` runs a top-level function as one execution (a menu item, a sidebar call) in FULL
 *   mode; custom functions run in CUSTOM_FUNCTION mode, read-only. When an execution ends,
 *   Sheets recalculates the custom functions whose arguments changed (formulas.ts);
 * - `userEdit` is a person typing into a cell: the only thing that fires onEdit, with the
 *   event object of "Event objects" (guides/triggers/events, Edit) in LIMITED mode. A
 *   script's writes never fire it (Simple triggers, "Restrictions").
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { Clock, FakeCache } from './fakes/cache';
import { recalculate } from './fakes/formulas';
import { type AuthState, FakeLock, FakeProperties, FakeUi, formatDate, guard } from './fakes/services';
import { type CallLog, type FakeRange, FakeRuleBuilder, type FakeSheet, FakeSpreadsheet, type GridSize } from './fakes/sheets';
import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder } from './fakes/validation';

export const DIST_FILES = ['dist/ladder.js', 'dist/main.js'];

export interface AppsScript {
  readonly context: vm.Context;
  readonly spreadsheet: FakeSpreadsheet;
  readonly properties: FakeProperties;
  readonly cache: FakeCache;
  readonly clock: Clock;
  readonly ui: FakeUi;
  readonly lock: FakeLock;
  readonly auth: AuthState;
  readonly log: CallLog;
  /** Every Utilities.sleep, in milliseconds (the backoff between retries). */
  readonly sleeps: number[];
  /** Runs a top-level function of the add-on as one execution, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  /** A person types `text` into one cell: the cell changes, then onEdit runs (LIMITED). */
  userEdit(sheet: string, a1: string, text: string): void;
  /** Makes the formula's own sheet the active one (what a custom function sees). */
  on(sheet: string): AppsScript;
  /** As a custom function runs: its formula in a cell of `sheet`, while the PM looks at `lookingAt`. */
  formulaIn(sheet: string, lookingAt: string): AppsScript;
  /** Sheets' recalculation now (what happens after every execution and edit). */
  recalculate(): number;
}

export interface LoadOptions {
  readonly timeZone?: string;
  /** Grid sizes by tab; a tab's grid otherwise ends at its data. */
  readonly grids?: Record<string, GridSize>;
}

export function loadAppsScript(tabs: Record<string, readonly (readonly unknown[])[]> = {}, options: LoadOptions | string = {}): AppsScript {
  const { timeZone = 'Europe/Paris', grids = {} } = typeof options === 'string' ? { timeZone: options } : options;
  const context = vm.createContext({});
  const realmDate = vm.runInContext('(time) => new Date(time)', context) as (time: number) => Date;
  const spreadsheet = new FakeSpreadsheet({ date: realmDate }, timeZone);
  for (const [name, values] of Object.entries(tabs)) spreadsheet.addSheet(name, values, grids[name] ?? {});
  const log = spreadsheet.log;
  const auth: AuthState = { mode: 'FULL', customFunction: false };
  const clock = new Clock();
  const properties = new FakeProperties(auth, log);
  const cache = new FakeCache(auth, log, clock);
  const ui = new FakeUi(auth);
  const lock = new FakeLock();
  const files = new Map([['sidebar', readFileSync('dist/sidebar.html', 'utf8')]]);
  const sleeps: number[] = [];
  let depth = 0;

  const htmlOutput = (content: string) => {
    let title = '';
    const output = {
      setTitle: (text: string) => {
        title = text;
        return output;
      },
      getTitle: () => title,
      setWidth: () => output,
      setHeight: () => output,
      getContent: () => content,
    };
    return output;
  };
  Object.assign(context, {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => {
        guard(auth, 'SpreadsheetApp.getActiveSpreadsheet');
        return spreadsheet;
      },
      getActive: () => {
        guard(auth, 'SpreadsheetApp.getActive');
        return spreadsheet;
      },
      getActiveSheet: () => {
        guard(auth, 'SpreadsheetApp.getActiveSheet');
        return spreadsheet.getActiveSheet();
      },
      // In a custom function, the formula's cell (DESIGN §8); elsewhere the selection.
      getActiveRange: () => {
        guard(auth, 'SpreadsheetApp.getActiveRange');
        return spreadsheet.getActiveRange();
      },
      // "Cannot call SpreadsheetApp.getUi() from this context." in custom functions (no UI there).
      getUi: () => {
        if (auth.customFunction) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return ui;
      },
      // SpreadsheetApp.flush: "applies all pending Spreadsheet changes", recalculation included.
      flush: () => {
        log.count('SpreadsheetApp.flush');
        if (!auth.customFunction) recalculate(spreadsheet);
      },
      newConditionalFormatRule: () => new FakeRuleBuilder(),
      newDataValidation: () => new FakeDataValidationBuilder(),
      DataValidationCriteria: DATA_VALIDATION_CRITERIA,
    },
    PropertiesService: { getDocumentProperties: () => properties },
    CacheService: { getDocumentCache: () => cache },
    LockService: { getDocumentLock: () => lock },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => {
        const content = files.get(name);
        if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return htmlOutput(content);
      },
      createHtmlOutput: (content = '') => htmlOutput(String(content)),
    },
    Utilities: { formatDate, sleep: (ms: number) => sleeps.push(ms) },
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } },
  });
  for (const file of DIST_FILES) vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  const registry = (context as { LadderApp_: { entryPoints: { name: string; kind: string }[] } }).LadderApp_.entryPoints;
  // Any top-level function can be called from a cell; @customfunction only adds autocomplete (Custom functions guide, "Autocomplete").
  const customFunctions = new Map(
    registry
      .filter((entry) => entry.kind === 'custom-function' || entry.kind === 'probe')
      .map((entry) => [entry.name.toUpperCase(), entry.name]),
  );

  const topLevel = (name: string) => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`no top-level function ${name}`);
    return fn as (...a: unknown[]) => unknown;
  };
  /** One execution: in a mode, and followed by Sheets' recalculation once the outermost one ends. */
  const execute = <T>(mode: AuthState['mode'], customFunction: boolean, work: () => T): T => {
    const saved = { ...auth };
    auth.mode = depth === 0 ? mode : auth.mode;
    auth.customFunction = customFunction;
    spreadsheet.inCustomFunction = customFunction;
    depth++;
    try {
      return work();
    } finally {
      depth--;
      Object.assign(auth, saved);
      spreadsheet.inCustomFunction = auth.customFunction;
      if (depth === 0) recalculate(spreadsheet);
    }
  };
  // Custom functions as Sheets runs them: read-only, with the formula's cell as the active range.
  spreadsheet.evaluator = (name: string, args: unknown[], at: FakeRange) => {
    const script = customFunctions.get(name.toUpperCase());
    if (!script) return { found: false };
    const before = spreadsheet.computing;
    spreadsheet.computing = at;
    try {
      const result = execute(auth.mode, true, () => topLevel(script)(...args));
      return { found: true, result };
    } catch (error) {
      return { found: true, result: `#ERROR! ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      spreadsheet.computing = before;
    }
  };

  const script: AppsScript = {
    context,
    spreadsheet,
    properties,
    cache,
    clock,
    ui,
    lock,
    auth,
    log,
    sleeps,
    call(name, ...args) {
      const custom = customFunctions.has(name.toUpperCase());
      return execute(auth.mode, custom, () => topLevel(name)(...args));
    },
    userEdit(sheetName, a1, text) {
      const sheet = spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const range = sheet.getRange(a1);
      const oldValue = range.getValue();
      // A person's entry that a "Reject input" dropdown refuses never reaches the sheet.
      range.setValue(text);
      const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
      const event = {
        authMode: 'LIMITED',
        range,
        source: spreadsheet,
        user: { getEmail: () => '' },
        ...(single ? { value: text, ...(oldValue === '' ? {} : { oldValue: String(oldValue) }) } : {}),
      };
      execute('LIMITED', false, () => {
        if (typeof (context as Record<string, unknown>).onEdit === 'function') topLevel('onEdit')(event);
      });
    },
    on(sheet) {
      const found = spreadsheet.getSheetByName(sheet);
      if (!found) throw new Error(`no sheet ${sheet}`);
      spreadsheet.setActiveSheet(found);
      return script;
    },
    formulaIn(sheet, lookingAt) {
      const found = spreadsheet.getSheetByName(sheet);
      const active = spreadsheet.getSheetByName(lookingAt);
      if (!found || !active) throw new Error(`no sheet ${found ? lookingAt : sheet}`);
      // The formula's cell is the active range, but the active sheet is the tab the PM looks at (DESIGN §8).
      spreadsheet.select(sheet, 'A1');
      spreadsheet.setActiveSheet(active);
      return script;
    },
    recalculate: () => recalculate(spreadsheet),
  };
  return script;
}

export type { FakeSheet };
