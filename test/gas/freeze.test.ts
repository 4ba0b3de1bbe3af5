/**
 * Freezing the plan in Apps Script (DESIGN §10): the menu item writes the cascade as values
 * into a new "Ladder snapshot YYYY-MM-DD" tab in one setValues, a second freeze the same day
 * gets its own tab, and the snapshot is never read as a layer nor written by Ladder again.
 * Then "What changed" compares the sheet with it.
 */
import { describe, expect, test } from 'vitest';
import { generateWorkbook } from '../../bench/generate';
import { TESLA } from '../../examples/tesla';
import { SNAPSHOT_HEADER } from '../../src/core/plan-snapshot';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const reply = (gas: ReturnType<typeof loadAppsScript>, name: string, input?: unknown) =>
  JSON.parse(JSON.stringify(gas.call(name, input ?? null)));

describe('Freeze this plan', () => {
  test('one new tab of values, written in one setValues, its items under the exact header', () => {
    const gas = loadAppsScript(tabs);
    gas.log.reset();
    gas.call('ladderFreezeThisPlan');
    const name = `Ladder snapshot ${today}`;
    const frozen = gas.spreadsheet.getSheetByName(name)!.dump();
    expect(gas.log.get('Range.setValues')).toBe(1);
    const header = frozen.findIndex((row) => row[0] === 'Layer');
    expect(frozen[header]).toEqual([...SNAPSHOT_HEADER]);
    expect(frozen.length - header - 1).toBe(27);
    expect(frozen[0]!.slice(0, 2)).toEqual(['Date', today]);
    expect(frozen.find((row) => row[2] === 'R-2')!.slice(0, 6)).toEqual(['roadmap', 'Roadmap', 'R-2', 'Model S', '2 (60%), 3 (40%)', 8]);
    expect(gas.spreadsheet.toasts.at(-1)).toBe(
      `Ladder froze the plan: 27 rows as they are now, in the new tab "${name}". Ladder never reads it as a layer or writes to it again; "What changed" in the sidebar compares with it.`,
    );
    gas.call('ladderFreezeThisPlan');
    expect(gas.spreadsheet.getSheetByName(`${name} (2)`)).not.toBeNull();
  });

  test('never read as a layer, never written by Check the cascade; What changed starts with nothing', () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderFreezeThisPlan');
    const name = `Ladder snapshot ${today}`;
    const before = gas.spreadsheet.getSheetByName(name)!.dump();
    gas.call('ladderCheckCascade');
    expect(gas.spreadsheet.getSheetByName(name)!.dump()).toEqual(before);
    expect(reply(gas, 'ladderHealth').value.items).toBe(27);
    expect(reply(gas, 'ladderSetup').value.tabs.find((tab: { sheet: string }) => tab.sheet === name)).toMatchObject({
      use: 'ignore',
      headers: [],
      notes: ['a frozen plan: What changed compares the plan with it, and Ladder never writes to it'],
    });
    const changes = reply(gas, 'ladderPlanChanges');
    expect(changes).toMatchObject({ ok: true, value: { since: name, snapshots: [{ sheet: name, date: today, items: 27 }] } });
    expect(changes.value.diff.items).toEqual([]);
  });

  test('a link changed after the freeze is the one change, under the pillar and goal it serves now', () => {
    const gas = loadAppsScript(tabs);
    gas.call('ladderFreezeThisPlan');
    expect(
      reply(gas, 'ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', expectedTitle: 'In-car karaoke', goals: [{ key: '2' }] }),
    ).toMatchObject({ ok: true });
    const { value } = reply(gas, 'ladderPlanChanges', { since: `Ladder snapshot ${today}` });
    const karaoke = value.diff.items.find((item: { key: string }) => item.key === 'R-8');
    expect(karaoke).toEqual({
      layer: 'roadmap',
      key: 'R-8',
      title: 'In-car karaoke',
      change: 'changed',
      fields: { parents: ['', '2'], flags: ['NO_GOAL, NO_PARENT, RESURFACED', 'RESURFACED'], progress: [null, expect.any(Number)] },
    });
    const group = value.groups.find((g: { changes: { key: string }[] }) => g.changes.some((c) => c.key === 'R-8'));
    expect(group).toMatchObject({ pillar: 'Use that money to build a more affordable car', goal: 'Reach 10% of US luxury sedan sales' });
    expect(reply(gas, 'ladderPlanChanges', { since: 'Goals' })).toEqual({
      ok: false,
      error: '"Goals" is not a snapshot tab any more; pick another.',
    });
  });

  test('a big tab of something else is peeked at, not read whole, when What changed looks for snapshots', () => {
    const ledger = [
      ['Invoice', 'Vendor', 'Cost centre', 'Currency', 'Net', 'VAT', 'Gross', 'Paid on'],
      ...Array.from({ length: 3000 }, (_, i) => [`INV-${i + 1}`, 'Acme GmbH', 'CC-40', 'EUR', 100, 19, 119, '2026-02-01']),
    ];
    const cellsRead = (workbook: typeof tabs) => {
      const gas = loadAppsScript(workbook);
      gas.call('ladderFreezeThisPlan');
      reply(gas, 'ladderHealth'); // the cascade is in the cache now
      gas.log.reset();
      expect(reply(gas, 'ladderPlanChanges')).toMatchObject({ ok: true, value: { since: `Ladder snapshot ${today}` } });
      return gas.log.get('cells read');
    };
    // The ledger costs its top 200 rows, not its 3,001.
    expect(cellsRead({ ...tabs, Ledger: ledger }) - cellsRead(tabs)).toBe(200 * ledger[0]!.length);
  });

  test('a snapshot longer than the peek is read whole: every item is there, and nothing changed', () => {
    const gas = loadAppsScript(tabsOf(generateWorkbook({ roadmap: 400, tasksPerRoadmapRow: 0 })));
    gas.call('ladderFreezeThisPlan');
    const items = reply(gas, 'ladderHealth').value.items;
    const changes = reply(gas, 'ladderPlanChanges');
    expect(changes.value.snapshots).toEqual([{ sheet: `Ladder snapshot ${today}`, date: today, items }]);
    expect(items).toBeGreaterThan(400);
    expect(changes.value.diff.items).toEqual([]);
  });
});
