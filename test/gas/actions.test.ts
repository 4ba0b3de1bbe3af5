/**
 * The other menu actions and the edit trigger: inserting TRACE and IMPACT columns,
 * refreshing them, keeping the Ladder column of edited rows current, and the starter
 * cascade.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);

describe('inserting a TRACE or IMPACT column', () => {
  test('one array formula over the key column, its header as the refresh argument', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    gas.call('ladderInsertImpactColumn');
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    expect(roadmap.getRange('J1').getValue()).toBe('Trace');
    expect(roadmap.getRange('J2').getFormula()).toBe('=TRACE(A2:A, "path", J1)');
    expect(roadmap.getRange('K1').getValue()).toBe('Impact (roi)');
    expect(roadmap.getRange('K2').getFormula()).toBe('=IMPACT(A2:A, "roi", K1)');
    expect(gas.spreadsheet.toasts.at(-1)).toContain('column K');
  });

  test('inserting again updates the same column', () => {
    const gas = loadAppsScript(tabs).on('Strategy');
    gas.call('ladderInsertTraceColumn');
    gas.call('ladderInsertTraceColumn');
    const strategy = gas.spreadsheet.getSheetByName('Strategy')!;
    expect(strategy.getRange('F3').getValue()).toBe('Trace');
    expect(strategy.getRange('F4').getFormula()).toBe('=TRACE(A4:A, "path", F3)');
    // No second column: the grid still ends at the Trace column.
    expect(strategy.getMaxColumns()).toBe(6);
  });

  test('on a tab that is not a layer, a dialog says why and nothing is written', () => {
    const gas = loadAppsScript({
      ...tabs,
      Notes: [
        ['Idea', 'Owner'],
        ['x', 'y'],
      ],
    }).on('Notes');
    gas.call('ladderInsertTraceColumn');
    expect(gas.ui.alerts[0]).toMatch(/^Ladder: "Notes" is not a cascade layer tab/);
    expect(gas.spreadsheet.formulaWrites).toEqual([]);
  });
});

describe('refreshing traces', () => {
  test("a person's edit toggles Ladder's formula headers invisibly, so their formulas recalculate", () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    gas.userEdit('Goals', 'B2', 'Sell every Roadster');
    const header = gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J1').getValue();
    expect(header).toBe('Trace\u200b');
    gas.userEdit('Goals', 'B2', 'Sell every Roadster, twice');
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J1').getValue()).toBe('Trace');
  });

  test("a write from the sidebar toggles the formula headers too (onEdit never fires for a script's writes)", () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    const header = () => gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J1').getValue();
    expect(header()).toBe('Trace');
    expect(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] }) as { ok: boolean }).toMatchObject({
      ok: true,
    });
    expect(header()).toBe('Trace\u200b');
    gas.call('ladderSetup', null);
    expect(header()).toBe('Trace\u200b');
  });

  test('Refresh traces forgets the cached workbook, so the formulas read the sheet as it is', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    expect(gas.call('TRACE', 'R-8', 'keys')).toBe('R-8');
    // A script's write: onEdit does not fire, the cache still holds the old sheet.
    gas.spreadsheet.getSheetByName('Roadmap')!.getRange('C9').setValue('2');
    gas.call('ladderRefreshTraces');
    expect(gas.call('TRACE', 'R-8', 'keys')).toMatch(/^R-8 › 2 › /);
  });

  test('Refresh traces also re-enters formulas typed by hand, and puts each back as it was', () => {
    const gas = loadAppsScript({
      ...tabs,
      Summary: [
        ['Row', 'Why'],
        ['', ''],
      ],
    });
    gas.spreadsheet.getSheetByName('Summary')!.getRange('B2').setFormula('=TRACE("R-1", "why")');
    gas.spreadsheet.formulaWrites.length = 0;
    gas.call('ladderRefreshTraces');
    expect(gas.spreadsheet.formulaWrites).toEqual([
      { sheet: 'Summary', a1: 'B2', formula: '' },
      { sheet: 'Summary', a1: 'B2', formula: '=TRACE("R-1", "why")' },
    ]);
    expect(gas.spreadsheet.getSheetByName('Summary')!.getRange('B2').getValue()).toMatch(/Roadster/);
    expect(gas.spreadsheet.toasts.at(-1)).toBe('Ladder refreshed 1 Ladder formula (TRACE, IMPACT, PROGRESS).');
  });

  test('a formula typed by hand that cannot be put back is named, with its text, so the PM can type it again', () => {
    const gas = loadAppsScript({
      ...tabs,
      Summary: [
        ['Row', 'Why'],
        ['', ''],
      ],
    });
    gas.spreadsheet.getSheetByName('Summary')!.getRange('B2').setFormula('=TRACE("R-1", "why")');
    gas.log.at('SpreadsheetApp.flush', () => gas.log.fail('Range.setFormula', 'Service error: Spreadsheets', 8));
    gas.call('ladderRefreshTraces');
    expect(gas.ui.alerts.at(-1)).toBe(
      'Ladder: Ladder could not put back the formula of Summary!B2 (Service error: Spreadsheets). Type it in again: =TRACE("R-1", "why")',
    );
  });

  test('an edit on a tab Ladder does not read touches nothing', () => {
    const gas = loadAppsScript({ ...tabs, Notes: [['a']] });
    gas.log.reset();
    gas.userEdit('Notes', 'A1', 'b');
    // Its top rows are read once, to learn that its columns name no layer either.
    expect(gas.log.get('Range.getValues')).toBe(1);
    expect(gas.log.get('TextFinder.findAll')).toBe(0);
    expect(gas.spreadsheet.sheets.filter((sheet) => sheet.name !== 'Notes').map((sheet) => sheet.dump())).toEqual(
      Object.entries(tabs).map(([name]) => gas.spreadsheet.getSheetByName(name)!.dump()),
    );
  });
});

describe('the Ladder column follows edits', () => {
  test("fixing a link clears the edited row's flags, and those of rows on other tabs that depended on it", () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderCheckCascade');
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    const backlog = gas.spreadsheet.getSheetByName('Backlog')!;
    // T-4 hangs under R-6, whose goal "G9" is not found: it reaches no goal either.
    expect(backlog.getRange('E5').getValue()).toBe('⚠ NO_GOAL');
    gas.log.reset();
    gas.userEdit('Roadmap', 'C7', '5');
    expect(roadmap.getRange('J7').getValue()).toBe('');
    expect(backlog.getRange('E5').getValue()).toBe('');
    expect(roadmap.getRange('J9').getValue()).toMatch(/^⚠ NO_GOAL/);
    // Solar roof tiles now serves zero-emission power, which gets 20% of the effort, its target.
    expect(gas.spreadsheet.getSheetByName('Strategy')!.getRange('F7').getValue()).toBe('');
    // One write per tab whose Ladder column changed: the roadmap, the backlog and the strategy.
    expect(gas.log.get('Range.setValues')).toBe(3);
  });

  test('breaking a link flags the row as the PM types', () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderCheckCascade');
    gas.userEdit('Roadmap', 'C2', 'Z99');
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J2').getValue()).toBe(
      '⚠ NO_GOAL\n⚠ NO_PARENT\n⚠ BROKEN_LINK: "Z99" not found',
    );
  });

  test('a tab without a Ladder column gets none from an edit, and the workbook is not read', () => {
    const gas = loadAppsScript(tabs);
    gas.log.reset();
    gas.userEdit('Roadmap', 'C2', 'Z99');
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.dump()[0]).not.toContain('Ladder');
    expect(gas.log.get('Range.getValues')).toBe(0);
  });

  test('a failing edit trigger stays silent and leaves the sheet as it was', () => {
    const gas = loadAppsScript(tabs);
    gas.cache.failing = true;
    expect(() => gas.userEdit('Roadmap', 'C2', '1')).not.toThrow();
    expect(gas.ui.alerts).toEqual([]);
  });

  test('a step that throws (finding the formulas to recalculate) does not stop the Ladder column from following the edit', () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderCheckCascade');
    // The first search (the formulas' headers) fails; Apps Script's daily quota message is not retried.
    gas.log.fail('TextFinder.findAll', 'Service invoked too many times for one day: spreadsheets.');
    expect(() => gas.userEdit('Roadmap', 'C2', 'Z99')).not.toThrow();
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J2').getValue()).toMatch(/BROKEN_LINK: "Z99"/);
  });

  test('one failing step of the edit trigger does not stop the others', () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderCheckCascade');
    gas.cache.failing = true;
    gas.userEdit('Roadmap', 'C2', 'Z99');
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J2').getValue()).toMatch(/BROKEN_LINK: "Z99"/);
  });
});

describe('the starter cascade', () => {
  test('an empty spreadsheet gets the six layers and a declined list, checked', () => {
    const gas = loadAppsScript({ Sheet1: [] });
    gas.call('ladderCreateStarter');
    expect(gas.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(TESLA.sheets.map((sheet) => sheet.name));
    const declined = gas.spreadsheet.getSheetByName('Not on roadmap')!.dump();
    expect(declined[1]![0]).toBeInstanceOf(Date);
    expect(gas.spreadsheet.getSheetByName('Goals')!.dump()[1]![0]).toBe(1);
    expect(gas.spreadsheet.getSheetByName('Strategy')!.frozenRows).toBe(3);
    expect(gas.spreadsheet.toasts.at(-1)).toMatch(
      /^Ladder created 8 tabs with the Tesla example\. Ladder checked 4 tabs: 8 of 27 rows flagged/,
    );
  });

  test('a spreadsheet with data is left alone, with a dialog', () => {
    const gas = loadAppsScript({ Budget: [['Cost'], [10]] });
    gas.call('ladderCreateStarter');
    expect(gas.ui.alerts[0]).toMatch(/goes into an empty spreadsheet/);
    expect(gas.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Budget']);
  });
});
