/**
 * "Check the cascade" against the Tesla example and a hostile roadmap: the Ladder column,
 * its notes and Ladder's colour rules, and what a second run changes (nothing).
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';
import { FakeRuleBuilder } from './fakes/sheets';

const tabs = tabsOf(TESLA);
const ladderColumn = (values: unknown[][], header: number) => values[header - 1]!.indexOf('Ladder');

function checked() {
  const gas = loadAppsScript(tabs);
  gas.call('ladderCheckCascade');
  return gas;
}

describe('the Ladder column', () => {
  test('flags exactly the flagged rows of the roadmap and backlog, with their reasons', () => {
    const gas = checked();
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!.dump();
    const column = ladderColumn(roadmap, 1);
    expect(column).toBe(9);
    expect(roadmap.slice(1).map((row) => row[column] ?? '')).toEqual([
      '',
      '',
      '',
      '',
      '',
      '⚠ NO_GOAL\n⚠ NO_PARENT\n⚠ BROKEN_LINK: "G9" not found',
      '⚠ ANTI_PRIORITY: serves the anti-priority "Discounted fleet sales"',
      '⚠ NO_GOAL\n⚠ NO_PARENT\n⚠ RESURFACED: declined 2026-08-14: "Fun, but it moves no goal" (didn\'t fit "P2", didn\'t move "2"), asked by Sales team',
    ]);
    const backlog = gas.spreadsheet.getSheetByName('Backlog')!.dump();
    expect(backlog.slice(1).map((row) => row[4] ?? '')).toEqual(['', '', '', '⚠ NO_GOAL']);
  });

  test('goals and strategy get a column only where a flag applies', () => {
    const gas = checked();
    expect(ladderColumn(gas.spreadsheet.getSheetByName('Goals')!.dump(), 1)).toBe(10);
    // Zero-emission power gets less effort than its target: the strategy tab gets a column too.
    expect(ladderColumn(gas.spreadsheet.getSheetByName('Strategy')!.dump(), 3)).toBe(5);
    expect(ladderColumn(gas.spreadsheet.getSheetByName('Mission')!.dump(), 1)).toBe(-1);
  });

  test('each flagged cell has a note saying what the flag means and what to do', () => {
    const gas = checked();
    const notes = gas.spreadsheet
      .getSheetByName('Roadmap')!
      .getRange('J2:J9')
      .getNotes()
      .map((row) => row[0]);
    expect(notes[0]).toBe('');
    expect(notes[5]).toContain('BROKEN_LINK: "G9" not found\nA reference in the link cell matches no row.');
  });

  test('nothing but the Ladder column is written', () => {
    const gas = loadAppsScript(tabs);
    const before = gas.spreadsheet
      .getSheetByName('Roadmap')!
      .dump()
      .map((row) => row.slice(0, 9));
    gas.call('ladderCheckCascade');
    expect(
      gas.spreadsheet
        .getSheetByName('Roadmap')!
        .dump()
        .map((row) => row.slice(0, 9)),
    ).toEqual(before);
  });

  test('a summary is shown as a toast', () => {
    expect(checked().spreadsheet.toasts[0]).toBe(
      'Ladder checked 4 tabs: 8 of 27 rows flagged (NO_GOAL 3, NO_PARENT 2, BROKEN_LINK 1, ANTI_PRIORITY 2, RESURFACED 1, ORPHAN 1, NO_METRIC 1, AT_RISK 1, UNDER_INVESTED 1).',
    );
  });
});

describe('colour rules', () => {
  test("flagged rows and empty links are tinted by Ladder's own rules", () => {
    const rules = checked().spreadsheet.getSheetByName('Roadmap')!.rules;
    expect(rules.map((rule) => [rule.formula, rule.ranges.map((r) => r.getA1Notation()), rule.background])).toEqual([
      // To the end of the grid, which for a loaded tab is its last row.
      ['=AND(N("Ladder")=0, $A2<>"", $C2="")', ['A2:J9'], '#fef0c7'],
      ['=AND(N("Ladder")=0, $J2<>"")', ['A2:J9'], '#fce8e6'],
    ]);
  });

  test("the PM's own rules are kept", () => {
    const gas = loadAppsScript(tabs, { grids: { Roadmap: { rows: 1000, columns: 26 } } });
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    const own = new FakeRuleBuilder()
      .whenFormulaSatisfied('=$I2="Shipped"')
      .setBackground('#00ff00')
      .setRanges([roadmap.getRange('A2:I100')])
      .build();
    roadmap.setConditionalFormatRules([own]);
    gas.call('ladderCheckCascade');
    gas.call('ladderCheckCascade');
    expect(roadmap.rules[0]).toBe(own);
    expect(roadmap.rules).toHaveLength(3);
  });
});

describe('running it twice', () => {
  test('changes nothing: no cell, note or rule is written again', () => {
    const gas = checked();
    const snapshot = gas.spreadsheet.sheets.map((sheet) => JSON.stringify([sheet.dump(), sheet.rules.length]));
    gas.log.reset();
    gas.call('ladderCheckCascade');
    expect(gas.log.get('Range.setValues')).toBe(0);
    expect(gas.log.get('Range.setValue')).toBe(0);
    expect(gas.log.get('Range.setNotes')).toBe(0);
    expect(gas.log.get('Sheet.setConditionalFormatRules')).toBe(0);
    expect(gas.spreadsheet.sheets.map((sheet) => JSON.stringify([sheet.dump(), sheet.rules.length]))).toEqual(snapshot);
  });

  test('a fixed row loses its flag', () => {
    const gas = checked();
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('C7').setValue('5');
    gas.call('ladderCheckCascade');
    expect(roadmap.getRange('J7').getValue()).toBe('');
  });
});

describe('text stays text', () => {
  test('titles and requests that look like formulas never become formulas', () => {
    const formulaTitle = "=cmd|' /C calc'!A0";
    const gas = loadAppsScript({
      ...tabs,
      Roadmap: [...TESLA.sheets[4]!.values, ['R-9', formulaTitle, 'X1', 'S', 'Low', 1, 1]],
      'Not on roadmap': [
        ['Date', 'Request', 'Reason'],
        ['', formulaTitle, '=HYPERLINK("http://evil.invalid")'],
      ],
    });
    gas.call('ladderCheckCascade');
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    const cell = roadmap.getRange('J10');
    expect(cell.getFormula()).toBe('');
    expect(String(cell.getValue())).toContain('⚠ RESURFACED: declined: "=HYPERLINK');
    expect(gas.spreadsheet.formulaWrites).toEqual([]);
  });
});

test('rules Sheets gives back with other spacing are still recognised as the same', () => {
  const gas = checked();
  const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
  roadmap.rules = roadmap.rules.map(
    (rule) =>
      new (rule.constructor as typeof import('./fakes/sheets').FakeRule)(rule.formula.replace(/, /g, ','), rule.background, rule.ranges),
  );
  gas.log.reset();
  gas.call('ladderCheckCascade');
  expect(gas.log.get('Sheet.setConditionalFormatRules')).toBe(0);
});

test('when colours cannot be set, the flags are still written and the toast says so', () => {
  const gas = loadAppsScript(tabs);
  for (const sheet of gas.spreadsheet.sheets) {
    sheet.setConditionalFormatRules = () => {
      throw new Error('You are trying to edit a protected cell or object.');
    };
  }
  gas.call('ladderCheckCascade');
  expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J7').getValue()).toMatch(/^⚠ NO_GOAL/);
  expect(gas.spreadsheet.toasts[0]).toContain('Colours on "Roadmap" could not be set (You are trying to edit a protected cell or object.)');
  expect(gas.ui.alerts).toEqual([]);
});
