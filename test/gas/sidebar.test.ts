import { expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);

test('Open Ladder shows the sidebar file', () => {
  const gas = loadAppsScript(tabs);
  gas.call('ladderOpenSidebar');
  expect(gas.ui.sidebars).toHaveLength(1);
  expect(gas.ui.sidebars[0]).toContain('Cascade health');
  expect(gas.ui.sidebars[0]).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
});

test('the health call returns counts, coverage and the flagged rows as data', () => {
  const gas = loadAppsScript(tabs);
  const reply = JSON.parse(JSON.stringify(gas.call('ladderHealth')));
  expect(reply.ok).toBe(true);
  expect(reply.value.flagCounts).toEqual([
    { code: 'NO_GOAL', rows: 3 }, { code: 'NO_PARENT', rows: 2 }, { code: 'BROKEN_LINK', rows: 1 },
    { code: 'ANTI_PRIORITY', rows: 2 }, { code: 'RESURFACED', rows: 1 }, { code: 'ORPHAN', rows: 1 },
  ]);
  expect(reply.value.coverage[0]).toEqual({ layer: 'roadmap', rows: 8, reaching: 6, effort: 41, effortReaching: 34 });
  expect(reply.value.flagged.map((row: { sheet: string; row: number }) => `${row.sheet}!${row.row}`)).toEqual([
    'Goals!7', 'Goals!8', 'Roadmap!7', 'Roadmap!8', 'Roadmap!9', 'Backlog!5',
  ]);
});

test('a failure comes back as a message, not a thrown error', () => {
  const gas = loadAppsScript(tabs);
  gas.spreadsheet.getSheets = () => {
    throw new Error('Service Spreadsheets timed out');
  };
  expect(JSON.parse(JSON.stringify(gas.call('ladderHealth')))).toEqual({ ok: false, error: 'Service Spreadsheets timed out' });
});
