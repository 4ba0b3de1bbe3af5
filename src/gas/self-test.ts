/**
 * "Check this spreadsheet": tries, in the real Sheets, each behaviour Ladder relies on that
 * only Google can confirm (our tests run on fakes), in a scratch tab that is removed
 * afterwards, and reports each as passed or failed with what it means. The dialog adds the
 * one check that needs the browser: how an undefined argument of google.script.run arrives.
 */
import { errorMessage } from '../api/reply';
import { PLAIN_TEXT_FORMAT } from './cell-rules';
import { sheetDate, timeZoneOf } from './workbook-reader';

export interface CheckResult {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** How long a check waits for Sheets to compute a formula. */
const WAIT_MS = 15_000;
const STEP_MS = 500;
const ZERO_WIDTH = '\u200b';
const PROBE = 'LADDER_SELF_TEST';

/**
 * The probe a scratch cell calls as a custom function: a Date argument comes back as the day
 * Ladder reads it in (so the date check sees what TRACE would see); anything else as a fresh
 * token each time it is computed (so the recalculation check sees whether it was).
 */
export function selfTestProbe(value: unknown): string {
  if (value instanceof Date) {
    const day = sheetDate(value, timeZoneOf(SpreadsheetApp.getActiveSpreadsheet()));
    return `day:${day.toISOString().slice(0, 10)}`;
  }
  return `token:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The value of a formula cell once Sheets has computed it (not "Loading..."), or null if it never did. */
function computed(cell: GoogleAppsScript.Spreadsheet.Range, unlike?: string): string | null {
  for (let waited = 0; waited <= WAIT_MS; waited += STEP_MS) {
    SpreadsheetApp.flush();
    const value = String(cell.getValue());
    if (value !== '' && !/^Loading/i.test(value) && value !== unlike) return value;
    Utilities.sleep(STEP_MS);
  }
  return null;
}

type Outcome = { passed: boolean; detail: string };

/** A check's outcome under its name; one that throws fails alone, and the others still run. */
function check(name: string, run: () => Outcome): CheckResult {
  try {
    return { name, ...run() };
  } catch (error) {
    return { name, passed: false, detail: `It failed with "${errorMessage(error)}".` };
  }
}

const NOT_LOADED =
  'Custom functions did not run here (the cell shows #NAME? or never finished). Under a test deployment of the add-on they are reported not to load: try a copy of the spreadsheet with Ladder bound to it (Extensions › Apps Script).';

function modernJavaScript(): Outcome {
  const passed = typeof ([] as unknown[]).at === 'function' && [1, 2, 3].at(-1) === 3;
  return {
    passed,
    detail: passed
      ? 'Available.'
      : "Missing: some of Ladder's reading would fail. Tell us the spreadsheet's runtime (Extensions › Apps Script › Project Settings).",
  };
}

function invisibleChangeSurvives(scratch: GoogleAppsScript.Spreadsheet.Sheet): Outcome {
  const cell = scratch.getRange('A1');
  cell.setValue(`Trace${ZERO_WIDTH}`);
  SpreadsheetApp.flush();
  const kept = cell.getValue() === `Trace${ZERO_WIDTH}`;
  cell.setValue('Trace');
  SpreadsheetApp.flush();
  const back = cell.getValue() === 'Trace';
  return {
    passed: kept && back,
    detail:
      kept && back
        ? 'The zero-width space is kept and removed as written.'
        : "Sheets changed the header text, so Ladder's columns would not recalculate after edits. Use Refresh traces after changes.",
  };
}

function formulasRecalculate(scratch: GoogleAppsScript.Spreadsheet.Sheet): Outcome {
  const cell = scratch.getRange('B1');
  cell.setFormula(`=${PROBE}(A1)`);
  const first = computed(cell);
  if (first === null || !first.startsWith('token:')) return { passed: false, detail: NOT_LOADED };
  scratch.getRange('A1').setValue(`Trace${ZERO_WIDTH}`);
  const second = computed(cell, first);
  scratch.getRange('A1').setValue('Trace');
  const third = second === null ? null : computed(cell, second);
  const passed = second !== null && third !== null;
  return {
    passed,
    detail: passed
      ? 'The formula was computed again after each change, back and forth.'
      : 'The formula kept its old value: TRACE and IMPACT columns will not follow edits on other tabs. Use Refresh traces.',
  };
}

function datesReachFormulas(scratch: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): Outcome {
  const cell = scratch.getRange('A2');
  cell.setValue('2026-03-29');
  scratch.getRange('B2').setFormula(`=${PROBE}(A2)`);
  const value = computed(scratch.getRange('B2'));
  if (value === null || !value.startsWith('day:')) return { passed: false, detail: NOT_LOADED };
  const passed = value === 'day:2026-03-29';
  return {
    passed,
    detail: passed
      ? `Read as 2026-03-29 in ${timeZone}.`
      : `Read as ${value.slice(4)} instead of 2026-03-29 (time zone ${timeZone}): TRACE of a date key may miss.`,
  };
}

function plainTextKeepsIds(scratch: GoogleAppsScript.Spreadsheet.Sheet): Outcome {
  const cell = scratch.getRange('A3');
  cell.setNumberFormat(PLAIN_TEXT_FORMAT);
  cell.setValue('0012');
  SpreadsheetApp.flush();
  const plain = cell.getValue();
  cell.setValue("'0012");
  SpreadsheetApp.flush();
  const quoted = cell.getValue();
  const passed = plain === '0012';
  return {
    passed,
    detail: `Written as is it reads "${String(plain)}"; with an apostrophe, "${String(quoted)}". ${passed ? 'Ladder writes ids into Plain text cells as is.' : "Ladder's links written into Plain text cells may change: tell us both readings."}`,
  };
}

function runChecks(scratch: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): CheckResult[] {
  return [
    check('Modern JavaScript (Array.prototype.at)', modernJavaScript),
    check('An invisible change to a header survives', () => invisibleChangeSurvives(scratch)),
    check('Formulas recalculate after a header change', () => formulasRecalculate(scratch)),
    check('Dates reach formulas as the day the sheet shows', () => datesReachFormulas(scratch, timeZone)),
    check('A Plain text cell keeps an id as written', () => plainTextKeepsIds(scratch)),
  ];
}

/** Runs every server-side check in a scratch tab, removed afterwards whatever happens. */
export function runSelfTest(): CheckResult[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const active = spreadsheet.getActiveSheet();
  const scratch = spreadsheet.insertSheet(`Ladder self-test ${Date.now().toString(36)}`, spreadsheet.getSheets().length);
  try {
    return runChecks(scratch, timeZoneOf(spreadsheet));
  } finally {
    try {
      spreadsheet.deleteSheet(scratch);
    } finally {
      spreadsheet.setActiveSheet(active);
    }
  }
}

/** What the dialog's undefined argument arrived as: null is documented, and Ladder reads either as "no input". */
export function echoArgument(value: unknown): string {
  return value === null ? 'null' : value === undefined ? 'undefined' : typeof value;
}
