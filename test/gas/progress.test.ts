/**
 * =PROGRESS() as Sheets runs it, through the built bundle: a PROGRESS column on the goals,
 * strategy and roadmap tabs of the Tesla example gives, cell for cell, what the audit's JSON
 * says for the same workbook on the same day; and the column Ladder inserts is never read
 * back as the PM's own Progress column.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);
// The add-on's today is the spreadsheet's: the fake's is in Paris.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const audit = auditDocument(buildCascade(TESLA, undefined, { today }));

describe('a PROGRESS column', () => {
  test.each(['Goals', 'Strategy', 'Roadmap'])('on %s matches the audit cell for cell', (sheet) => {
    const gas = loadAppsScript(tabs).on(sheet);
    gas.call('ladderInsertProgressColumn');
    gas.recalculate();
    const values = gas.spreadsheet.getSheetByName(sheet)!.dump();
    const header = values.findIndex((row) => row.includes('Progress (Ladder)'));
    const column = values[header]!.indexOf('Progress (Ladder)');
    const items = audit.items.filter((item) => item.sheet === sheet);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      const cell = values[item.row - 1]![column];
      if (item.progress === null) expect(String(cell), item.key).toMatch(/^#NO (METRIC|DATA|GOAL)/);
      else expect(Math.abs(Number(cell) - item.progress), `${item.key}: ${cell}`).toBeLessThan(1e-12);
    }
  });

  test('is shown as percents, under a header that is not the PM\'s "Progress"', () => {
    const gas = loadAppsScript(tabs).on('Goals');
    gas.call('ladderInsertProgressColumn');
    const goals = gas.spreadsheet.getSheetByName('Goals')!;
    expect(goals.getRange('K1').getValue()).toBe('Progress (Ladder)');
    expect(goals.getRange('K2').getFormula()).toBe('=PROGRESS(A2:A, "fraction", K1)');
    expect(goals.getRange('K2').getNumberFormat()).toBe('0%');
    expect(gas.spreadsheet.toasts.at(-1)).toContain('column K');
    gas.recalculate();
    // Read again with the column in place: its answers are not taken for progress cells.
    expect(gas.call('PROGRESS', '4', 'status')).toBe(audit.items.find((item) => item.key === '4')!.status);
    expect(gas.call('PROGRESS', '7')).toBe('#NO METRIC: no target or progress cell, and no measured goal under it');
  });
});

describe('PROGRESS in each mode', () => {
  test('fraction, status and text; over a range, one answer per cell', () => {
    const gas = loadAppsScript(tabs).on('Goals');
    const goal = (key: string) => audit.items.find((item) => item.key === key)!;
    expect(gas.call('PROGRESS', '5')).toBe(0.75);
    expect(gas.call('PROGRESS', '1', 'status')).toBe('done');
    expect(gas.call('PROGRESS', '5', 'text')).toMatch(/^75%: \$?200 of \$?150 \(decrease\), /);
    expect(gas.call('PROGRESS', [['1'], ['7'], [''], ['R-8']], 'status')).toEqual([
      [goal('1').status],
      ['#NO METRIC: no target or progress cell, and no measured goal under it'],
      [''],
      ['#NO GOAL: no link'],
    ]);
    expect(gas.call('PROGRESS', '4', 'sideways')).toBe(
      `#ERROR: PROGRESS's second argument must be one of "fraction", "status", "text", not "sideways"`,
    );
  });
});
