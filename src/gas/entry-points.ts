/**
 * Everything Apps Script can call, in one list: triggers, menu actions, sidebar calls and
 * the custom functions. The build generates one top-level function per entry (Apps Script
 * sees nothing else), with this description as its JSDoc; custom functions also get their
 * parameters and @customfunction, which is what gives them autocomplete in Sheets.
 */

import { API_CALLS, callApi, gasName } from '../api/calls';
import { errorMessage } from '../api/reply';
import { SHEET_FUNCTIONS, type SheetFunction } from '../core/functions';
import { checkCascade, refreshLadderColumns } from './check-cascade';
import { impactFunction, progressFunction, traceFunction } from './custom-functions';
import { freezeFromMenu } from './freeze';
import { insertFunctionColumn } from './insert-column';
import { buildMenu } from './menu';
import { handleEdit } from './on-edit';
import { refreshAllFormulas, touchFormulaHeaders } from './refresh';
import { echoArgument, runSelfTest, selfTestProbe } from './self-test';
import { SELF_TEST_HTML, SELF_TEST_TITLE } from './self-test-dialog';
import { type SheetsPort, sheetsPort } from './sheets-port';
import { openSidebar } from './sidebar';
import { forgetSnapshot } from './snapshot-cache';
import { createStarter } from './starter';

/** A probe is called from a cell like a custom function, but has no @customfunction: it is not offered in autocomplete. */
export type EntryKind = 'trigger' | 'menu' | 'custom-function' | 'sidebar' | 'probe';

export interface EntryPoint {
  readonly name: string;
  readonly kind: EntryKind;
  readonly params: readonly string[];
  /** JSDoc lines (without the comment markers). */
  readonly doc: readonly string[];
  readonly run: (...args: never[]) => unknown;
}

/** Runs a menu action: its message as a toast, any failure as a dialog (never a stack trace). */
function menuAction(action: () => string | undefined): () => void {
  return () => {
    try {
      const message = action();
      if (message) SpreadsheetApp.getActiveSpreadsheet().toast(message, 'Ladder', 10);
    } catch (error) {
      const ui = SpreadsheetApp.getUi();
      ui.alert('Ladder', errorMessage(error), ui.ButtonSet.OK);
    }
  };
}

function customFunctionDoc(fn: SheetFunction, lastParam: string): string[] {
  return [
    `${fn.summary} Example: =${fn.example}`,
    ...fn.params.map((param) => `@param ${param.optional ? `[${param.name}]` : param.name} ${param.description}`),
    `@param [${lastParam}] Optional: a cell that, when it changes, makes Sheets recalculate (Ladder's own columns use their header).`,
    '@return The answer for each row, as text or a number; problems as readable text (#NO GOAL: …).',
    '@customfunction',
  ];
}

const [TRACE_FN, IMPACT_FN, PROGRESS_FN] = SHEET_FUNCTIONS as [SheetFunction, SheetFunction, SheetFunction];

/**
 * After a sidebar write, which onEdit never sees (DESIGN §8): Ladder's formula headers are
 * toggled so TRACE and IMPACT read the new sheet, and the Ladder columns follow. The write
 * itself succeeded; a failure here loses nothing, and "Refresh traces" or a check puts it right.
 * The call's own port reads the tabs again, with the settings it read already.
 */
function afterSidebarWrite(port: SheetsPort): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  for (const step of [() => touchFormulaHeaders(spreadsheet), () => refreshLadderColumns(spreadsheet, port)]) {
    try {
      step();
    } catch {
      // See above: the reply still says what was written.
    }
  }
}

function onOpen(): void {
  buildMenu();
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'onOpen',
    kind: 'trigger',
    params: ['e'],
    doc: ['Builds the Ladder menu (works in AuthMode.NONE: touches nothing else).'],
    run: onOpen,
  },
  {
    name: 'onInstall',
    kind: 'trigger',
    params: ['e'],
    doc: ['Runs when the add-on is installed: builds the menu right away, as onOpen does.'],
    run: onOpen,
  },
  {
    name: 'onEdit',
    kind: 'trigger',
    params: ['e'],
    doc: ['Keeps traces and the Ladder column of edited rows current.'],
    run: (event: GoogleAppsScript.Events.SheetsOnEdit) => {
      try {
        handleEdit(event);
      } catch {
        // A trigger has no one to tell; the next check or refresh puts things right.
      }
    },
  },
  {
    name: 'ladderOpenSidebar',
    kind: 'menu',
    params: [],
    doc: ['Menu: opens the Ladder sidebar.'],
    run: menuAction(() => {
      openSidebar();
      return undefined;
    }),
  },
  {
    name: 'ladderCheckCascade',
    kind: 'menu',
    params: [],
    doc: ['Menu: flags rows in a Ladder column.'],
    run: menuAction(() => checkCascade().summary),
  },
  {
    name: 'ladderRefreshTraces',
    kind: 'menu',
    params: [],
    doc: ['Menu: recalculates every TRACE, IMPACT and PROGRESS formula.'],
    run: menuAction(() => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      // The formulas must read the sheet as it is now, not the cached copy of a few minutes ago.
      forgetSnapshot(CacheService.getDocumentCache());
      const count = refreshAllFormulas(spreadsheet);
      return `Ladder refreshed ${count} Ladder formula${count === 1 ? '' : 's'} (TRACE, IMPACT, PROGRESS).`;
    }),
  },
  {
    name: 'ladderInsertTraceColumn',
    kind: 'menu',
    params: [],
    doc: ['Menu: adds a TRACE column to the current tab.'],
    run: menuAction(() => insertFunctionColumn('TRACE')),
  },
  {
    name: 'ladderInsertImpactColumn',
    kind: 'menu',
    params: [],
    doc: ['Menu: adds an IMPACT column to the current tab.'],
    run: menuAction(() => insertFunctionColumn('IMPACT')),
  },
  {
    name: 'ladderInsertProgressColumn',
    kind: 'menu',
    params: [],
    doc: ['Menu: adds a PROGRESS column to the current tab (a goals tab, usually).'],
    run: menuAction(() => insertFunctionColumn('PROGRESS')),
  },
  {
    name: 'ladderFreezeThisPlan',
    kind: 'menu',
    params: [],
    doc: ['Menu: freezes the plan as it is now into a new snapshot tab (values only).'],
    run: menuAction(freezeFromMenu),
  },
  {
    name: 'ladderSelfTest',
    kind: 'menu',
    params: [],
    doc: ['Menu: checks, in a scratch tab, the Sheets behaviours Ladder relies on, and shows the results.'],
    run: menuAction(() => {
      SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(SELF_TEST_HTML).setWidth(460).setHeight(420), SELF_TEST_TITLE);
    }),
  },
  {
    name: 'ladderSelfTestEcho',
    kind: 'sidebar',
    params: ['input'],
    doc: ['Self-test dialog: says what its undefined argument arrived as.'],
    run: echoArgument,
  },
  {
    name: 'ladderSelfTestRun',
    kind: 'sidebar',
    params: [],
    doc: ['Self-test dialog: runs the checks in a scratch tab, removed afterwards.'],
    run: runSelfTest,
  },
  {
    name: 'LADDER_SELF_TEST',
    kind: 'probe',
    params: ['value'],
    doc: ['Used by Ladder › Check this spreadsheet in its scratch tab; not meant for your cells.'],
    run: selfTestProbe,
  },
  {
    name: 'ladderCreateStarter',
    kind: 'menu',
    params: [],
    doc: ['Menu: creates the starter cascade in an empty spreadsheet.'],
    run: menuAction(() => `${createStarter()} ${checkCascade().summary}`),
  },
  ...API_CALLS.map(
    (call): EntryPoint => ({
      name: gasName(call.name),
      kind: 'sidebar',
      params: ['input'],
      doc: [`Sidebar call "${call.name}": its input is checked before anything runs; answers { ok, value } or { ok: false, error }.`],
      run: (input: unknown) => {
        const port = sheetsPort();
        const reply = callApi(port, call.name, input);
        // onEdit never fires for a script's writes (DESIGN §8): Ladder's own formulas are told here.
        if (port.wrote()) afterSidebarWrite(port);
        return reply;
      },
    }),
  ),
  {
    name: TRACE_FN.name,
    kind: 'custom-function',
    params: ['ref', 'format', 'refresh'],
    doc: customFunctionDoc(TRACE_FN, 'refresh'),
    run: traceFunction,
  },
  {
    name: IMPACT_FN.name,
    kind: 'custom-function',
    params: ['ref', 'mode', 'refresh'],
    doc: customFunctionDoc(IMPACT_FN, 'refresh'),
    run: impactFunction,
  },
  {
    name: PROGRESS_FN.name,
    kind: 'custom-function',
    params: ['ref', 'mode', 'refresh'],
    doc: customFunctionDoc(PROGRESS_FN, 'refresh'),
    run: progressFunction,
  },
];
