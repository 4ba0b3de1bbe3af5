/**
 * =TRACE() and =IMPACT() as Sheets runs them: each call a fresh execution of the bundle,
 * against the Tesla example held in the fake spreadsheet.
 */

import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { buildCascade } from '../../src/core/cascade';
import { runSheetFunction, TRACE } from '../../src/core/functions';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';
import { wallClock } from './fakes/sheets';

const tabs = tabsOf(TESLA);
const expected = buildCascade(TESLA);
const CASCADE_TABS = TESLA.sheets.length;

function fresh() {
  return loadAppsScript({ ...tabs, Notes: [['Anything'], ['else']] }, 'America/Los_Angeles');
}

describe('answers', () => {
  test('TRACE of one value gives the core answer, in each format', () => {
    const gas = fresh().on('Roadmap');
    for (const format of [undefined, 'path', 'columns', 'why', 'keys']) {
      expect(gas.call('TRACE', 'R-2', format)).toEqual(
        JSON.parse(JSON.stringify(runSheetFunction(TRACE, expected, 'R-2', format, 'Roadmap'))),
      );
    }
    expect(gas.call('TRACE', 'R-6')).toBe('Solar roof tiles › ⚠ "G9" not found');
  });

  test('IMPACT of one value gives the core answer, in each mode', () => {
    const gas = fresh().on('Roadmap');
    expect(gas.call('IMPACT', 'R-1')).toBe(735);
    expect(gas.call('IMPACT', 'R-1', 'score')).toBe(5880);
    expect(gas.call('IMPACT', 'R-2', 'goals')).toBe('Reach 10% of US luxury sedan sales (60%), Be profitable at every rung (40%)');
    expect(gas.call('IMPACT', 'R-8')).toBe('#NO GOAL: no link');
  });

  test('a range gives a range of the same shape, blanks blank', () => {
    const gas = fresh().on('Roadmap');
    const keys = [['R-1'], ['R-6'], [''], ['R-8']];
    expect(gas.call('IMPACT', keys, 'score')).toEqual([[5880], ['#NO GOAL: "G9" not found'], [''], ['#NO GOAL: no link']]);
    const columns = gas.call('TRACE', [['1'], ['R-1']], 'columns') as string[][];
    expect(columns.map((row) => row.length)).toEqual([5, 5]);
    expect(columns[1]![4]).toBe('Roadster');
  });

  test('a name on two tabs prefers the tab the formula is in', () => {
    const gas = loadAppsScript({
      ...tabs,
      Backlog: [
        ['Ticket ID', 'Task', 'Initiative'],
        ['T-1', 'Roadster', 'R-1'],
      ],
    });
    expect(gas.on('Backlog').call('TRACE', 'Roadster', 'keys')).toBe(
      "T-1 › R-1 › 1 › P1 › The most compelling car company of the 21st century › Accelerate the world's transition to sustainable energy",
    );
    expect(gas.on('Roadmap').call('TRACE', 'Roadster', 'keys')).toMatch(/^R-1 › 1 › P1/);
  });

  test("a date argument is the day the sheet shows, in the spreadsheet's time zone", () => {
    const day = new Date('2026-08-14T00:00:00Z');
    const gas = loadAppsScript(
      {
        ...tabs,
        Releases: [
          ['ID', 'Initiative', 'Goal'],
          [day, 'Summer release', '1'],
        ],
      },
      'Europe/Paris',
    );
    // Sheets hands the custom function the instant of that midnight in Paris: 22:00 UTC the day before.
    const instant = wallClock(day, 'Europe/Paris').getTime();
    expect(new Date(instant).toISOString()).toBe('2026-08-13T22:00:00.000Z');
    // Made in the script's own realm, as Sheets would hand it over.
    const argument = vm.runInContext(`new Date(${instant})`, gas.context);
    expect(gas.on('Releases').call('TRACE', argument, 'keys')).toMatch(/^2026-08-14 › 1 › /);
  });

  test("the formula's tab is the one its cell is in, not the tab the PM is looking at", () => {
    const gas = loadAppsScript({
      ...tabs,
      Backlog: [
        ['Ticket ID', 'Task', 'Initiative'],
        ['T-1', 'Roadster', 'R-1'],
      ],
    });
    expect(gas.formulaIn('Backlog', 'Roadmap').call('TRACE', 'Roadster', 'keys')).toMatch(/^T-1 › R-1/);
    expect(gas.formulaIn('Roadmap', 'Backlog').call('TRACE', 'Roadster', 'keys')).toMatch(/^R-1 › 1 › P1/);
  });

  test('failures are readable text, never a thrown error', () => {
    const gas = fresh().on('Roadmap');
    expect(gas.call('TRACE', 'nothing like this')).toMatch(/^#NOT FOUND: "nothing like this"/);
    expect(gas.call('TRACE', 'R-1', 'sideways')).toMatch(/^#ERROR: TRACE's second argument must be one of/);
    gas.cache.evictAll();
    gas.spreadsheet.getSheets = () => {
      throw new Error('Service Spreadsheets failed while accessing document');
    };
    expect(gas.call('TRACE', 'R-1')).toBe(
      '#ERROR: Ladder could not read the cascade (Service Spreadsheets failed while accessing document)',
    );
  });
});

describe('reads', () => {
  test('a cold call reads each cascade tab once, and only the top rows of a tab whose name says nothing', () => {
    const gas = fresh().on('Roadmap');
    gas.call('TRACE', [['R-1'], ['R-2'], ['R-3']]);
    // "Notes" is judged by its columns from one read of its top rows, and not read again.
    expect(gas.log.get('Range.getValues')).toBe(CASCADE_TABS + 1);
  });

  test('a small tab read by its columns is read once: its top rows are the whole tab', () => {
    const export_ = [
      ['Summary', 'Issue key', 'Issue Type', 'Parent'],
      ['Paint shop', 'T-9', 'Task', 'R-1'],
    ];
    const gas = loadAppsScript({ ...tabs, Sheet1: export_ }).on('Roadmap');
    expect(gas.call('TRACE', 'T-9', 'keys')).toMatch(/^T-9 › R-1/);
    expect(gas.log.get('Range.getValues')).toBe(CASCADE_TABS + 1);
  });

  test('a tab Ladder leaves out is not read (a tab the settings ignore, notes); a check-in log is, for its check-ins', () => {
    const checkIns = [
      ['Date', 'Goal', 'Value'],
      [new Date('2026-09-01T00:00:00Z'), '1', 2000],
    ];
    const notes = [
      ['Idea', 'Owner'],
      ['x', 'y'],
    ];
    const gas = loadAppsScript({ ...tabs, 'Goal check-ins': checkIns, Notes: notes }).on('Roadmap');
    gas.properties.store.set('ladder.settings', JSON.stringify({ version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] }));
    expect(gas.call('TRACE', 'R-1', 'keys')).toMatch(/^R-1 › /);
    // Every tab of the example but the ignored Backlog, and the second check-in log; Notes only peeked at, in one call.
    expect(gas.log.get('Range.getValues')).toBe(CASCADE_TABS - 1 + 1 + 1);
  });

  test('a burst of calls shares one read through the cache', () => {
    const gas = fresh().on('Roadmap');
    gas.call('TRACE', 'R-1');
    gas.log.reset();
    for (const key of ['R-2', 'R-3', 'R-4', '1', 'P1']) gas.call('TRACE', key);
    expect(gas.log.get('Range.getValues')).toBe(0);
    expect(gas.log.get('Cache.getAll')).toBe(5);
  });

  test("the cached workbook keeps dates, in the sheet's time zone", () => {
    const gas = fresh().on('Roadmap');
    const cold = gas.call('TRACE', 'R-8', 'why');
    const warm = gas.call('TRACE', 'R-8', 'why');
    expect(warm).toBe(cold);
    gas.log.reset();
    expect(gas.call('IMPACT', 'R-1')).toBe(735);
    expect(gas.log.get('Range.getValues')).toBe(0);
  });

  test('a workbook over 100 KB is cached in chunks under the limit', () => {
    const big = [['ID', 'Initiative', 'Goal', 'Impact']];
    for (let i = 1; i <= 3000; i++) big.push([`B-${i}`, `Initiative number ${i} with a long descriptive title`, '1', 'High']);
    const gas = loadAppsScript({ ...tabs, Roadmap: big }).on('Roadmap');
    gas.call('TRACE', 'B-1');
    expect([...gas.cache.entries.keys()].length).toBeGreaterThan(3);
    for (const { value } of gas.cache.entries.values()) expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(100 * 1024);
    gas.log.reset();
    expect(gas.call('TRACE', 'B-3000', 'keys')).toMatch(/^B-3000 › 1 › P1/);
    expect(gas.log.get('Range.getValues')).toBe(0);
  });

  test('a failing cache costs a read, not an answer', () => {
    const gas = fresh().on('Roadmap');
    gas.cache.failing = true;
    expect(gas.call('IMPACT', 'R-1')).toBe(735);
  });

  test('an edit on a cascade tab forgets the cache; the next call sees the change', () => {
    const gas = fresh().on('Roadmap');
    expect(gas.call('TRACE', 'R-6')).toBe('Solar roof tiles › ⚠ "G9" not found');
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('C7').setValue('5');
    gas.call('onEdit', { range: roadmap.getRange('C7'), value: '5' });
    expect(gas.call('TRACE', 'R-6', 'keys')).toMatch(/^R-6 › 5 › P4/);
  });
});
