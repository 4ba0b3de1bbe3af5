/**
 * "Check this spreadsheet" on the fakes: the dialog, each check passing where the fakes behave
 * as documented and failing with its explanation where they are made not to, and the scratch
 * tab always removed.
 */
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);
type Result = { name: string; passed: boolean; detail: string };
const results = (value: unknown) => JSON.parse(JSON.stringify(value)) as Result[];

describe('Check this spreadsheet', () => {
  test('the menu item opens a dialog whose results are set as text, never HTML', () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderSelfTest');
    expect(gas.ui.dialogs).toHaveLength(1);
    expect(gas.ui.dialogs[0]!.title).toBe('Ladder: check this spreadsheet');
    expect(gas.ui.dialogs[0]!.content).toContain('ladderSelfTestEcho(undefined)');
    expect(gas.ui.dialogs[0]!.content).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
  });

  test('on sheets that behave as documented every check passes, and the scratch tab is gone', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    const list = results(gas.call('ladderSelfTestRun'));
    expect(list.map((result) => result.name)).toEqual([
      'Modern JavaScript (Array.prototype.at)',
      'An invisible change to a header survives',
      'Formulas recalculate after a header change',
      'Dates reach formulas as the day the sheet shows',
      'A Plain text cell keeps an id as written',
    ]);
    expect(list.filter((result) => !result.passed)).toEqual([]);
    expect(gas.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(Object.keys(tabs));
    expect(gas.spreadsheet.getActiveSheet().getName()).toBe('Roadmap');
  });

  test('where custom functions do not load (a test deployment), the formula checks fail and say why', () => {
    const gas = loadAppsScript(tabs);
    gas.spreadsheet.evaluator = () => ({ found: false });
    const failed = results(gas.call('ladderSelfTestRun')).filter((result) => !result.passed);
    expect(failed.map((result) => result.name)).toEqual([
      'Formulas recalculate after a header change',
      'Dates reach formulas as the day the sheet shows',
    ]);
    expect(failed[0]!.detail).toMatch(/test deployment/);
    expect(gas.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(Object.keys(tabs));
  });

  test('a date arriving on another day fails the date check, naming the time zone', () => {
    const gas = loadAppsScript(tabs, 'Asia/Tokyo');
    const probe = gas.spreadsheet.evaluator!;
    // As if Sheets handed the date over as UTC midnight instead of the sheet's midnight.
    const realmDate = vm.runInContext('Date', gas.context) as DateConstructor;
    gas.spreadsheet.evaluator = (name, args, at) =>
      probe(
        name,
        args.map((arg) => (arg instanceof realmDate ? new realmDate(arg.getTime() - 10 * 3600_000) : arg)),
        at,
      );
    const dates = results(gas.call('ladderSelfTestRun')).find((result) => result.name.startsWith('Dates'))!;
    expect(dates.passed).toBe(false);
    expect(dates.detail).toMatch(/2026-03-28 instead of 2026-03-29 \(time zone Asia\/Tokyo\)/);
  });

  test('a failure inside the checks still removes the scratch tab', () => {
    const gas = loadAppsScript(tabs);
    gas.log.fail('Range.setNumberFormat', 'Service Spreadsheets failed');
    const plain = results(gas.call('ladderSelfTestRun')).find((result) => result.name.startsWith('A Plain'))!;
    expect(plain).toMatchObject({ passed: false, detail: 'It failed with "Service Spreadsheets failed".' });
    expect(gas.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(Object.keys(tabs));
  });

  test('the undefined argument of the dialog arrives as null, which Ladder reads as no input', () => {
    const gas = loadAppsScript(tabs);
    expect(gas.call('ladderSelfTestEcho', null)).toBe('null');
  });
});
