/**
 * Loads the built add-on (dist/*.js) into a fresh Node vm context that holds only fakes of
 * the Apps Script services Ladder uses: no require, process, Buffer or setTimeout. Tests
 * drive it through the same top-level functions Apps Script calls.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { FakeSheet, FakeSpreadsheet, FakeRuleBuilder, CallLog } from './fakes/sheets';
import { FakeCache, FakeLock, FakeProperties, FakeUi, formatDate, guard, type AuthState } from './fakes/services';

export const DIST_FILES = ['dist/ladder.js', 'dist/main.js'];

export interface AppsScript {
  readonly context: vm.Context;
  readonly spreadsheet: FakeSpreadsheet;
  readonly properties: FakeProperties;
  readonly cache: FakeCache;
  readonly ui: FakeUi;
  readonly lock: FakeLock;
  readonly auth: AuthState;
  readonly log: CallLog;
  /** Every Utilities.sleep, in milliseconds (the backoff between retries). */
  readonly sleeps: number[];
  /** Calls a top-level function of the add-on, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Makes the formula's own sheet the active one (what a custom function sees). */
  on(sheet: string): AppsScript;
  /** As a custom function runs: its formula in a cell of `sheet`, while the PM looks at `lookingAt`. */
  formulaIn(sheet: string, lookingAt: string): AppsScript;
}

export function loadAppsScript(tabs: Record<string, readonly (readonly unknown[])[]> = {}, timeZone = 'Europe/Paris'): AppsScript {
  const context = vm.createContext({});
  const realmDate = vm.runInContext('(time) => new Date(time)', context) as (time: number) => Date;
  const spreadsheet = new FakeSpreadsheet({ date: realmDate }, timeZone);
  for (const [name, values] of Object.entries(tabs)) spreadsheet.addSheet(name, values);
  const log = spreadsheet.log;
  const auth: AuthState = { mode: 'FULL' };
  const properties = new FakeProperties(auth, log);
  const cache = new FakeCache(auth, log);
  const ui = new FakeUi();
  const lock = new FakeLock();
  const files = new Map([['sidebar', readFileSync('dist/sidebar.html', 'utf8')]]);
  const sleeps: number[] = [];

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
      getUi: () => ui,
      flush: () => log.count('SpreadsheetApp.flush'),
      newConditionalFormatRule: () => new FakeRuleBuilder(),
    },
    PropertiesService: { getDocumentProperties: () => properties },
    CacheService: { getDocumentCache: () => cache },
    LockService: { getDocumentLock: () => lock },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => {
        const content = files.get(name);
        if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
        const output = { setTitle: () => output, getContent: () => content };
        return output;
      },
    },
    Utilities: { formatDate, sleep: (ms: number) => sleeps.push(ms) },
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' } },
  });
  for (const file of DIST_FILES) vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });

  const script: AppsScript = {
    context, spreadsheet, properties, cache, ui, lock, auth, log, sleeps,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`no top-level function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
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
  };
  return script;
}

export type { FakeSheet };
