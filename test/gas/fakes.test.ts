/**
 * The fakes themselves, held to the documented behaviour each one models (see the comment on
 * each fake for its source): if a fake drifts kinder than Google, these fail before Ladder's
 * tests start passing for the wrong reason.
 */
import { describe, expect, test } from 'vitest';
import { loadAppsScript } from './apps-script';
import { Clock, FakeCache } from './fakes/cache';
import { shiftReferences } from './fakes/references';
import { type AuthState, FakeProperties } from './fakes/services';
import { CallLog, FakeSpreadsheet, OUTSIDE_GRID } from './fakes/sheets';
import { parseTyped } from './fakes/typing';
import { FakeDataValidationBuilder } from './fakes/validation';

const realm = { date: (time: number) => new Date(time) };

describe('the grid', () => {
  test('a loaded tab ends at its data; a range past it cannot be had until columns are inserted', () => {
    const sheet = new FakeSpreadsheet(realm).addSheet('Jira', [
      ['Key', 'Summary'],
      ['A-1', 'x'],
    ]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([2, 2]);
    expect(() => sheet.getRange(1, 3)).toThrow(OUTSIDE_GRID);
    expect(() => sheet.getRange('C1')).toThrow(OUTSIDE_GRID);
    sheet.insertColumnsAfter(2, 1);
    expect(sheet.getRange(1, 3).setValue('Goal').getValue()).toBe('Goal');
  });

  test('a new tab has the default 1000 × 26 grid', () => {
    const spreadsheet = new FakeSpreadsheet(realm);
    const sheet = spreadsheet.insertSheet('New');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('inserting and deleting moves formulas with the cells; a deleted reference is #REF!', () => {
    expect(shiftReferences('=TRACE(A2:A, "path", J1)', 'Roadmap', { sheet: 'Roadmap', axis: 'column', at: 1, count: 1 })).toBe(
      '=TRACE(B2:B, "path", K1)',
    );
    expect(shiftReferences('=TRACE(A2:A, "A1", J1)', 'Roadmap', { sheet: 'Roadmap', axis: 'row', at: 1, count: 1 })).toBe(
      '=TRACE(A3:A, "A1", J2)',
    );
    expect(shiftReferences("=TRACE('Road map'!B2)", 'Other', { sheet: 'Road map', axis: 'column', at: 2, count: -1 })).toBe(
      '=TRACE(#REF!)',
    );
    expect(shiftReferences('=N("Ladder")=0', 'Roadmap', { sheet: 'Roadmap', axis: 'column', at: 1, count: 1 })).toBe('=N("Ladder")=0');
  });
});

describe('typing', () => {
  test.each([
    ['=1+1', { value: '', formula: '=1+1' }],
    ["'0012", { value: '0012', formula: '' }],
    ['0012', { value: 12, formula: '' }],
    ['$5', { value: 5, formula: '' }],
    ['(5)', { value: -5, formula: '' }],
    ['1,234.5', { value: 1234.5, formula: '' }],
    ['50%', { value: 0.5, formula: '' }],
    ['TRUE', { value: true, formula: '' }],
    ['#N/A', { value: '#N/A', formula: '', error: true }],
    ['2 (60%), 3 (40%)', { value: '2 (60%), 3 (40%)', formula: '' }],
  ])('"%s" is stored as Sheets stores it', (text, stored) => {
    expect(parseTyped(text)).toEqual(stored);
  });

  test.each(['2026-09', '9/14', 'Mar 1 2026', '1 March 2026', '10:30'])('"%s" becomes a date', (text) => {
    expect(parseTyped(text).value).toBeInstanceOf(Date);
  });

  test('a Plain text cell keeps what is written, apostrophe and all', () => {
    const sheet = new FakeSpreadsheet(realm).addSheet('Tab', [['a']]);
    sheet.getRange('A1').setNumberFormat('@').setValue("'0012");
    expect(sheet.getRange('A1').getValue()).toBe("'0012");
    sheet.getRange('A1').setValue('0012');
    expect(sheet.getRange('A1').getValue()).toBe('0012');
  });
});

describe('dropdowns', () => {
  test('a rule that rejects input refuses a write outside its list, and setValues writes nothing then', () => {
    const sheet = new FakeSpreadsheet(realm).addSheet('Roadmap', [
      ['Status', 'Goal'],
      ['Planned', ''],
      ['Planned', ''],
    ]);
    const rule = new FakeDataValidationBuilder().requireValueInList(['Planned', 'Shipped']).setAllowInvalid(false).build();
    sheet.getRange('A2:A3').setDataValidation(rule);
    expect(() => sheet.getRange('A3').setValue('Declined 2026-12-01')).toThrow(/violates the data validation rules/);
    expect(() => sheet.getRange('A2:A3').setValues([['Shipped'], ['Nope']])).toThrow(/A3/);
    expect(sheet.dump().map((row) => row[0])).toEqual(['Status', 'Planned', 'Planned']);
    sheet.getRange('A2').setValue('Shipped');
    expect(sheet.getRange('A2').getValue()).toBe('Shipped');
  });

  test("a rule that only warns (the builder's default) lets the write through", () => {
    const sheet = new FakeSpreadsheet(realm).addSheet('Roadmap', [['Goal'], ['']]);
    sheet.getRange('A2').setDataValidation(new FakeDataValidationBuilder().requireValueInList(['1', '2']).build());
    sheet.getRange('A2').setValue('1, 2');
    expect(sheet.getRange('A2').getValue()).toBe('1, 2');
  });
});

describe('formulas and custom functions', () => {
  test('a custom function is computed when its arguments change, not when another tab does', () => {
    const gas = loadAppsScript({
      Goals: [
        ['ID', 'Goal'],
        ['1', 'Sell cars'],
      ],
      Roadmap: [
        ['ID', 'Initiative', 'Goal', 'Trace'],
        ['R-1', 'Roadster', '1', ''],
      ],
    });
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('D2').setFormula('=TRACE(A2, "path", D1)');
    gas.recalculate();
    expect(String(roadmap.getRange('D2').getValue())).toMatch(/^Roadster › Sell cars/);
    gas.spreadsheet.getSheetByName('Goals')!.getRange('B2').setValue('Sell trucks');
    expect(gas.recalculate()).toBe(0);
    roadmap.getRange('D1').setValue('Trace\u200b');
    expect(gas.recalculate()).toBe(1);
  });

  test('an array result spills below its cell, and is #REF! where it would overwrite data', () => {
    const gas = loadAppsScript({
      Roadmap: [
        ['ID', 'Initiative', 'Trace'],
        ['R-1', 'A', ''],
        ['R-2', 'B', 'mine'],
      ],
    });
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('C2').setFormula('=TRACE(A2:A3)');
    gas.recalculate();
    expect(roadmap.getRange('C2').getValue()).toBe('#REF!');
    expect(roadmap.getRange('C3').getValue()).toBe('mine');
  });

  test('an unknown function is #NAME?', () => {
    const gas = loadAppsScript({ Tab: [['x', '']] });
    gas.spreadsheet.getSheetByName('Tab')!.getRange('B1').setFormula('=NOSUCHTHING(A1)');
    gas.recalculate();
    expect(gas.spreadsheet.getSheetByName('Tab')!.getRange('B1').getValue()).toBe('#NAME?');
  });

  test('inside a custom function every change is refused', () => {
    const spreadsheet = new FakeSpreadsheet(realm);
    const sheet = spreadsheet.addSheet('Tab', [['x']]);
    spreadsheet.inCustomFunction = true;
    expect(() => sheet.getRange('A1').setValue('y')).toThrow('You do not have permission to call setValue');
    expect(() => spreadsheet.insertSheet('More')).toThrow(/permission/);
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });
});

describe('onEdit', () => {
  test("fires for a person's edit with the documented event, never for a script's write", () => {
    const gas = loadAppsScript({ Notes: [['a']] });
    const events: unknown[] = [];
    (gas.context as { onEdit: unknown }).onEdit = (event: {
      authMode: string;
      value: string;
      oldValue: string;
      range: { getA1Notation(): string };
    }) => {
      events.push([event.authMode, event.range.getA1Notation(), event.value, event.oldValue]);
    };
    gas.spreadsheet.getSheetByName('Notes')!.getRange('A1').setValue('b');
    expect(events).toEqual([]);
    gas.userEdit('Notes', 'A1', 'c');
    expect(events).toEqual([['LIMITED', 'A1', 'c', 'b']]);
  });
});

describe('the cache and the properties', () => {
  const auth: AuthState = { mode: 'FULL', customFunction: false };

  test('more than 1,000 items: the 900 farthest from expiry are kept', () => {
    const clock = new Clock();
    const cache = new FakeCache(auth, new CallLog(), clock);
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 600 + i);
    expect(cache.size).toBe(1000);
    cache.put('one more', 'v', 60);
    expect(cache.size).toBe(900);
    expect(cache.get('one more')).toBeNull();
    expect(cache.get('k999')).toBe('v');
  });

  test('items expire on the clock; limits on keys, values and lifetimes are enforced', () => {
    const clock = new Clock();
    const cache = new FakeCache(auth, new CallLog(), clock);
    cache.put('a', 'x');
    clock.advance(599);
    expect(cache.get('a')).toBe('x');
    clock.advance(1);
    expect(cache.get('a')).toBeNull();
    expect(() => cache.put('k'.repeat(251), 'x')).toThrow(/key/);
    expect(() => cache.put('b', 'é'.repeat(52 * 1024))).toThrow(/value/);
    expect(() => cache.put('b', 'x', 21601)).toThrow(/expiration/);
  });

  test('a property value over 9 KB and a store over 500 KB are refused', () => {
    const properties = new FakeProperties(auth, new CallLog());
    expect(() => properties.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(/too large/);
    for (let i = 0; i < 55; i++) properties.setProperty(`p${i}`, 'x'.repeat(9 * 1024 - 10));
    expect(() => properties.setProperty('p55', 'x'.repeat(9 * 1024 - 10))).toThrow(/property storage quota/);
  });
});
