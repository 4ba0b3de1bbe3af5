import { expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);

test('Open Ladder shows the sidebar file', () => {
  const gas = loadAppsScript(tabs);
  gas.call('ladderOpenSidebar');
  expect(gas.ui.sidebars).toHaveLength(1);
  expect(gas.ui.sidebars[0]).toContain('<div id="app"></div>');
  // Self-contained: nothing is loaded from anywhere else.
  expect(gas.ui.sidebars[0]).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|@import|url\(/i);
});

test('the health call returns counts, coverage and the flagged rows as data', () => {
  const gas = loadAppsScript(tabs);
  const reply = JSON.parse(JSON.stringify(gas.call('ladderHealth')));
  expect(reply).toMatchObject({ ok: true });
  expect(reply.value.flagCounts).toEqual([
    { code: 'NO_GOAL', label: 'No goal', rows: 3 },
    { code: 'NO_PARENT', label: 'Links to nothing', rows: 2 },
    { code: 'BROKEN_LINK', label: 'Broken link', rows: 1 },
    { code: 'ANTI_PRIORITY', label: 'Anti-priority', rows: 2 },
    { code: 'RESURFACED', label: 'Declined before', rows: 1 },
    { code: 'ORPHAN', label: 'Nothing reaches it', rows: 1 },
    { code: 'NO_METRIC', label: 'No metric', rows: 1 },
    { code: 'AT_RISK', label: 'At risk', rows: 1 },
    { code: 'UNDER_INVESTED', label: 'Under target', rows: 1 },
  ]);
  expect(reply.value.coverage[0]).toEqual({ layer: 'roadmap', noun: 'roadmap item', rows: 8, reaching: 6, effort: 41, effortReaching: 34 });
  const flagged = reply.value.flagged.map((row: { sheet: string; row: number }) => `${row.sheet}!${row.row}`);
  expect(flagged).toEqual(['Strategy!7', 'Goals!5', 'Goals!7', 'Goals!8', 'Roadmap!7', 'Roadmap!8', 'Roadmap!9', 'Backlog!5']);
  // The review queue: work rows only, work on an anti-priority first, then no goal with the most effort first, a task
  // that only follows its roadmap row after it.
  expect(reply.value.queue.map((at: number) => flagged[at])).toEqual(['Roadmap!8', 'Roadmap!7', 'Roadmap!9', 'Backlog!5']);
});

test('a failure comes back as a message, not a thrown error', () => {
  const gas = loadAppsScript(tabs);
  gas.spreadsheet.getSheets = () => {
    throw new Error('Service Spreadsheets timed out');
  };
  expect(JSON.parse(JSON.stringify(gas.call('ladderHealth')))).toEqual({ ok: false, error: 'Service Spreadsheets timed out' });
});

test('google.script.run can link the selected row: by key, under the lock, flushed, text as text', () => {
  const gas = loadAppsScript(tabs);
  gas.spreadsheet.select('Roadmap', 'B9');
  const context = JSON.parse(JSON.stringify(gas.call('ladderRowContext')));
  expect(context.value.item.key).toBe('R-8');
  gas.spreadsheet.getSheetByName('Roadmap')!.deleteRow(3);
  const reply = JSON.parse(
    JSON.stringify(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', expectedTitle: 'In-car karaoke', goals: [{ key: '2' }] })),
  );
  expect(reply).toEqual({
    ok: true,
    value: {
      sheet: 'Roadmap',
      row: 8,
      key: 'R-8',
      title: 'In-car karaoke',
      linkText: '2',
      previous: '',
      goals: [{ key: '2', title: 'Reach 10% of US luxury sedan sales', share: null }],
    },
  });
  // Written as text: a key like "0012" must come back as it was.
  expect(gas.spreadsheet.getSheetByName('Roadmap')!.getRange('C8').getValue()).toBe('2');
  expect(gas.log.get('SpreadsheetApp.flush')).toBe(1);
  expect(gas.lock.held).toBe(false);
  expect(gas.lock.releases).toBe(1);
});

test('a busy lock is a message, and nothing is written', () => {
  const gas = loadAppsScript(tabs);
  gas.lock.busy = true;
  const before = gas.spreadsheet.getSheetByName('Roadmap')!.dump();
  expect(JSON.parse(JSON.stringify(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] })))).toEqual({
    ok: false,
    error: 'Ladder is busy with another change; try again in a moment.',
  });
  expect(gas.spreadsheet.getSheetByName('Roadmap')!.dump()).toEqual(before);
});

test('a declined request written from the sidebar keeps formula-looking text as text', () => {
  const gas = loadAppsScript(tabs);
  gas.call('ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: '=1+1', action: 'keep' });
  const declined = gas.spreadsheet.getSheetByName('Not on roadmap')!;
  expect(declined.getRange('D4').getValue()).toBe('=1+1');
  expect(declined.getRange('D4').getFormula()).toBe('');
});

test('the Link view asking again and again reads the sheet once; a write reads it fresh and clears the cache', () => {
  const gas = loadAppsScript(tabs);
  gas.spreadsheet.select('Roadmap', 'B9');
  gas.call('ladderRowContext');
  const cold = gas.log.get('Range.getValues');
  for (let i = 0; i < 5; i++) gas.call('ladderRowContext');
  expect(gas.log.get('Range.getValues')).toBe(cold);
  // Someone else's edit (no trigger here) is not seen by the cached reads, but a write reads afresh.
  gas.spreadsheet.getSheetByName('Roadmap')!.deleteRow(2);
  gas.log.reset();
  const reply = JSON.parse(JSON.stringify(gas.call('ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] })));
  expect(reply).toMatchObject({ ok: true, value: { row: 8 } });
  expect(gas.log.get('Range.getValues')).toBeGreaterThan(0);
  gas.spreadsheet.select('Roadmap', 'B8');
  expect(JSON.parse(JSON.stringify(gas.call('ladderRowContext'))).value.item).toMatchObject({ row: 8, linkCell: '2' });
});
