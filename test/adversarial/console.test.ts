/**
 * 6. Every server call, called from the browser console instead of the sidebar: wrong
 * types, huge strings, negative or fractional rows, __proto__ keys, unknown tabs. Each is
 * refused by its zod schema with a clear message, writes nothing, and gives away nothing
 * (no stack, no file name). Only the registered entry points are top-level functions.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { addOn, reply, values } from './harness';

const CASES: [string, string, unknown][] = [
  ['a number for a key', 'ladderLinkRow', { sheet: 'Roadmap', key: 8, goals: [{ key: '2' }] }],
  ['a string for the goals', 'ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: '2' }],
  ['a huge key', 'ladderLinkRow', { sheet: 'Roadmap', key: 'k'.repeat(5000), goals: [{ key: '2' }] }],
  ['a huge reason', 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'r'.repeat(10_000), action: 'keep' }],
  ['a negative row', 'ladderRowContext', { sheet: 'Roadmap', row: -3 }],
  ['a fractional row', 'ladderRowContext', { sheet: 'Roadmap', row: 1.5 }],
  ['a __proto__ key', 'ladderLinkRow', JSON.parse('{"sheet":"Roadmap","key":"R-8","goals":[{"key":"2"}],"__proto__":{"polluted":1}}')],
  ['a constructor key', 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'x', action: 'keep', constructor: 'x' }],
  ['an unknown tab', 'ladderLinkRow', { sheet: 'Salaries', key: 'R-8', goals: [{ key: '2' }] }],
  ['an unknown action', 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'x', action: 'delete-all' }],
  ['settings of another version', 'ladderSaveSetup', { version: 9, tabs: [] }],
  ['settings with an unknown layer', 'ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Roadmap', use: 'everything' }] }],
  ['nothing at all', 'ladderLinkRow', undefined],
];

describe('calls from the console', () => {
  test.each(CASES)('%s is refused with a message, writes nothing, tells nothing', (_, name, input) => {
    const gas = addOn();
    const before = gas.spreadsheet.sheets.map((sheet) => JSON.stringify(sheet.dump()));
    const answer = reply(gas, name, input);
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/^(That request was not valid|This row changed)/);
    expect(answer.error).not.toMatch(/\bat \w+ \(|\.ts:|\.js:|node_modules/);
    expect(gas.spreadsheet.sheets.map((sheet) => JSON.stringify(sheet.dump()))).toEqual(before);
    expect(gas.properties.store.size).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an unexpected failure inside a call is its message only', () => {
    const gas = addOn();
    gas.spreadsheet.getSheets = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'getValues')\n    at readSheet (ladder.js:120:9)");
    };
    expect(reply(gas, 'ladderHealth')).toEqual({ ok: false, error: "Cannot read properties of undefined (reading 'getValues')" });
  });

  test('only the registered entry points are top-level functions; the bundle hides behind LadderApp_', () => {
    const bundle = readFileSync('dist/ladder.js', 'utf8');
    expect(bundle).toMatch(/^(?:"use strict";)?var LadderApp_ ?= ?\(\(\) ?=> ?\{/m);
    // Loaded alone, the bundle adds one global of its own; zod keeps its settings in one more.
    const alone = vm.createContext({});
    vm.runInContext(bundle, alone);
    expect(Object.keys(alone).sort()).toEqual(['LadderApp_', '__zod_globalConfig']);
    const gas = addOn();
    const functions = Object.keys(gas.context).filter((name) => typeof gas.context[name] === 'function');
    const main = readFileSync('dist/main.js', 'utf8');
    expect(functions.sort()).toEqual([...main.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort());
  });
});

test('values() helper sanity: the untouched example reads back as loaded', () => {
  expect(values(addOn(), 'Goals')[1]).toEqual([
    1,
    'Sell out the Roadster run',
    'P1',
    1,
    0,
    '2,450 cars',
    '2,450 cars',
    '',
    // values() prints the stored instant in UTC: midnight in Paris, the sheet's zone, is 23:00 the day before.
    '2025-12-31',
    '2026-06-29',
  ]);
});
