/**
 * Ladder on sheets as Google documents them (the strict fakes): tabs whose grid ends at their
 * last column, dropdowns that refuse writes, Plain text cells, columns the PM inserts, writes
 * that onEdit never sees, and a cache that evicts. Each test names the failure it guards.
 */
import { describe, expect, test } from 'vitest';
import { generateWorkbook } from '../../bench/generate';
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';
import { FakeDataValidationBuilder } from './fakes/validation';

const tabs = tabsOf(TESLA);
const reply = (value: unknown) => JSON.parse(JSON.stringify(value)) as { ok: boolean; value?: any; error?: string };
const rejecting = (options: string[]) => new FakeDataValidationBuilder().requireValueInList(options).setAllowInvalid(false).build();

describe('a tab whose grid ends at its last column (as imported tabs do)', () => {
  test('Check the cascade adds its Ladder column to the grid first', () => {
    const gas = loadAppsScript(tabs);
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    expect(roadmap.getMaxColumns()).toBe(9);
    gas.call('ladderCheckCascade');
    expect(gas.ui.alerts).toEqual([]);
    expect(roadmap.getMaxColumns()).toBe(10);
    expect(roadmap.getRange('J1').getValue()).toBe('Ladder');
    expect(roadmap.getRange('J9').getValue()).toMatch(/NO_GOAL/);
  });

  test('a link into a tab with no goal column adds one past the grid', () => {
    const gas = loadAppsScript({
      ...tabs,
      Roadmap: [
        ['ID', 'Initiative'],
        ['R-1', 'Roadster'],
      ],
    });
    expect(reply(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-1', goals: [{ key: '1' }] }))).toMatchObject({
      ok: true,
      value: { linkText: '1' },
    });
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.dump()).toEqual([
      ['ID', 'Initiative', 'Goal'],
      ['R-1', 'Roadster', '1'],
    ]);
  });

  test('a receipt goes below the last row of a declined list whose grid ends there', () => {
    const gas = loadAppsScript(tabs);
    const declined = gas.spreadsheet.getSheetByName('Not on roadmap')!;
    const rows = declined.getMaxRows();
    expect(
      reply(gas.call('ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'Not a car company priority', action: 'keep' })).ok,
    ).toBe(true);
    expect(declined.getMaxRows()).toBe(rows + 1);
    expect(declined.dump().at(-1)).toContain('Not a car company priority');
    // Dated as a real date, as the list's other receipts are, in the spreadsheet's time zone.
    const dated = declined.dump().at(-1)![0] as Date;
    expect(dated).toBeInstanceOf(Date);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(dated)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(declined.getRange(`A${rows + 1}`).getFormula()).toBe('');
  });
});

describe('dropdowns that reject other input', () => {
  test('shares for a goal dropdown: refused with a sentence before anything is written', () => {
    const gas = loadAppsScript(tabs);
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('C2:C9').setDataValidation(rejecting(['1', '2', '3', '4', '5', '6', '7']));
    const before = roadmap.dump();
    const answer = reply(
      gas.call('ladderLinkRow', {
        sheet: 'Roadmap',
        key: 'R-8',
        goals: [
          { key: '2', share: 60 },
          { key: '3', share: 40 },
        ],
      }),
    );
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(
      /^Cell C9 on "Roadmap" has a dropdown that rejects anything but its options, and "2 \(60%\), 3 \(40%\)" is not one of them\./,
    );
    expect(roadmap.dump()).toEqual(before);
    expect(gas.log.get('Range.setValue')).toBe(0);
  });

  test('two goals for a dropdown that takes one: the spreadsheet refuses, the sidebar says why, nothing is written', () => {
    const gas = loadAppsScript(tabs);
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('C2:C9').setDataValidation(rejecting(['1', '2', '3', '4', '5', '6', '7']));
    const before = roadmap.dump();
    // Each goal is an option, as a dropdown of several choices would take them: the write is tried.
    const answer = reply(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }, { key: '3' }] }));
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^Cell C9 on "Roadmap" has a dropdown that rejected "2, 3" \(a dropdown of one choice takes one goal\)\./,
      ),
    });
    expect(roadmap.dump()).toEqual(before);
    // One goal from its list is fine.
    expect(reply(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] }))).toMatchObject({ ok: true });
    expect(roadmap.getRange('C9').getValue()).toBe('2');
  });

  test('a Status dropdown without "Declined": refused before the receipt is written', () => {
    const gas = loadAppsScript(tabs);
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('I2:I9').setDataValidation(rejecting(['Proposed', 'Planned', 'Building', 'Shipped']));
    const declined = () => gas.spreadsheet.getSheetByName('Not on roadmap')!.dump();
    const before = { roadmap: roadmap.dump(), declined: declined() };
    const answer = reply(gas.call('ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'Off strategy', action: 'mark' }));
    expect(answer).toMatchObject({ ok: false });
    expect(answer.error).toMatch(/Cell I9 on "Roadmap" has a dropdown/);
    expect({ roadmap: roadmap.dump(), declined: declined() }).toEqual(before);
  });

  test('a receipt refused by a dropdown on the declined list leaves the roadmap row alone', () => {
    const gas = loadAppsScript(tabs, { grids: { 'Not on roadmap': { rows: 100, columns: 6 } } });
    gas.spreadsheet
      .getSheetByName('Not on roadmap')!
      .getRange('C2:C100')
      .setDataValidation(rejecting(['Sales', 'Support']));
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!.dump();
    const answer = reply(
      gas.call('ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'Off strategy', who: 'The CEO', action: 'remove' }),
    );
    expect(answer.error).toMatch(/has a dropdown/);
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.dump()).toEqual(roadmap);
  });
});

describe("rows and columns that Sheets gives their neighbour's dropdown", () => {
  test('a Ladder column added beside a Status dropdown does not take it, and the flags are written', () => {
    const gas = loadAppsScript(tabs);
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.getRange('I2:I9').setDataValidation(rejecting(['Proposed', 'Planned', 'Building', 'Shipped']));
    gas.call('ladderCheckCascade');
    expect(gas.ui.alerts).toEqual([]);
    expect(roadmap.getRange('J9').getValue()).toMatch(/NO_GOAL/);
    expect(roadmap.getRange('J9').getDataValidation()).toBeNull();
    expect(roadmap.getRange('I9').getDataValidation()).not.toBeNull();
  });

  test("a receipt row that takes the list's dropdown is refused by it, and the row added for it goes again", () => {
    const gas = loadAppsScript(tabs);
    const declined = gas.spreadsheet.getSheetByName('Not on roadmap')!;
    const last = declined.getMaxRows();
    declined.getRange(`E2:E${last}`).setDataValidation(rejecting(['P1', 'P2', 'P3', 'P4']));
    const before = gas.spreadsheet.sheets.map((sheet) => JSON.stringify(sheet.dump()));
    const answer = reply(
      gas.call('ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'Off strategy', pillar: 'P9', action: 'mark' }),
    );
    expect(answer.error).toMatch(
      new RegExp(`^Cell E${last + 1} on "Not on roadmap" has a dropdown that rejects anything but its options, and "P9"`),
    );
    expect(declined.getMaxRows()).toBe(last);
    expect(gas.spreadsheet.sheets.map((sheet) => JSON.stringify(sheet.dump()))).toEqual(before);
  });
});

describe('Plain text cells', () => {
  test('a goal id written into a Plain text link cell has no visible apostrophe', () => {
    const gas = loadAppsScript({
      ...tabs,
      Goals: [
        ['ID', 'Goal', 'Pillar'],
        ['0012', 'Odd id goal', 'P1'],
      ],
    });
    const cell = gas.spreadsheet.getSheetByName('Roadmap')!.getRange('C9');
    cell.setNumberFormat('@');
    expect(reply(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '0012' }] }))).toMatchObject({ ok: true });
    expect(cell.getValue()).toBe('0012');
  });
});

describe('Ladder touches only its own cells', () => {
  test('after the PM inserts a column, the formula header that moved is toggled, not the cell now at its old address', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    roadmap.insertColumnsBefore(1, 1);
    expect(roadmap.getRange('K2').getFormula()).toBe('=TRACE(B2:B, "path", K1)');
    expect(roadmap.getRange('J1').getValue()).toBe('Status');
    gas.userEdit('Goals', 'B2', 'Sell every Roadster');
    expect(roadmap.getRange('J1').getValue()).toBe('Status');
    expect(roadmap.getRange('K1').getValue()).toBe('Trace\u200b');
  });

  test('a header the PM renamed is left as they wrote it', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J1').setValue('Why this row');
    gas.userEdit('Goals', 'B2', 'Sell every Roadster');
    expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J1').getValue()).toBe('Why this row');
  });
});

describe('traces are current after every write Ladder makes', () => {
  const traceOfR8 = (gas: ReturnType<typeof loadAppsScript>) =>
    String(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J9').getValue());

  test('a link from the sidebar: the TRACE column shows the new path once the call returns', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    expect(traceOfR8(gas)).not.toMatch(/Reach 10%/);
    expect(reply(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] }))).toMatchObject({ ok: true });
    expect(traceOfR8(gas)).toMatch(/^In-car karaoke › Reach 10% of US luxury sedan sales/);
  });

  test("a person's edit on the goals tab reaches the roadmap's traces", () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    gas.userEdit('Goals', 'B2', 'Sell every single Roadster');
    expect(String(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J2').getValue())).toMatch(/^Roadster › Sell every single Roadster/);
  });

  test("a script's write (no onEdit) leaves traces stale until Refresh traces", () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('ladderInsertTraceColumn');
    gas.spreadsheet.getSheetByName('Goals')!.getRange('B2').setValue('Renamed by a script');
    gas.recalculate();
    expect(String(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J2').getValue())).not.toMatch(/Renamed by a script/);
    gas.call('ladderRefreshTraces');
    expect(String(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('J2').getValue())).toMatch(/^Roadster › Renamed by a script/);
  });
});

describe('the snapshot cache', () => {
  test('many edits and recalculations keep the same few items: stable keys, no orphans, no eviction', () => {
    const gas = loadAppsScript(tabsOf(generateWorkbook({ roadmap: 1500, tasksPerRoadmapRow: 1 }))).on('Roadmap');
    gas.call('TRACE', 'R-1');
    const items = gas.cache.size;
    expect(items).toBeGreaterThan(2);
    for (let i = 0; i < 12; i++) {
      gas.userEdit('Roadmap', 'B2', `Renamed ${i}`);
      expect(String(gas.call('TRACE', 'R-1'))).toContain(`Renamed ${i}`);
    }
    expect(gas.cache.size).toBeLessThanOrEqual(items);
    expect(gas.cache.evicted).toBe(0);
    for (const { value } of gas.cache.entries.values()) expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(100 * 1024);
  });

  test('chunks of about 100 KB, so a large workbook takes few items', () => {
    const gas = loadAppsScript(tabsOf(generateWorkbook({ roadmap: 1500, tasksPerRoadmapRow: 1 }))).on('Roadmap');
    gas.call('TRACE', 'R-1');
    const sizes = [...gas.cache.entries.entries()]
      .filter(([key]) => /\.\d+$/.test(key))
      .map(([, entry]) => new TextEncoder().encode(entry.value).length);
    expect(sizes.slice(0, -1).every((size) => size > 95 * 1024)).toBe(true);
  });

  test('a warm TRACE makes at most 3 cache calls and 1 properties read', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('TRACE', 'R-1');
    gas.log.reset();
    expect(gas.call('TRACE', 'R-2')).toMatch(/^Model S/);
    const cacheCalls = ['Cache.get', 'Cache.getAll', 'Cache.put', 'Cache.putAll', 'Cache.remove', 'Cache.removeAll'].reduce(
      (sum, name) => sum + gas.log.get(name),
      0,
    );
    expect(cacheCalls).toBeLessThanOrEqual(3);
    expect(gas.log.get('Properties.getProperty') + gas.log.get('Properties.getProperties')).toBeLessThanOrEqual(1);
    expect(gas.log.get('Range.getValues')).toBe(0);
  });

  test('an evicted cache is a miss, read afresh, never a wrong answer', () => {
    const gas = loadAppsScript(tabs).on('Roadmap');
    gas.call('TRACE', 'R-1');
    gas.cache.evictAll();
    expect(gas.call('TRACE', 'R-2')).toMatch(/^Model S/);
  });
});
