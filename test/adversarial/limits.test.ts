/**
 * 4. Limits: a 10,000-row roadmap is checked in one batched write per tab (well within the
 * 6-minute limit; the time is in `npm run bench`), TRACE answers 5,000 rows in one call
 * with one read per tab, settings over 9 KB are refused with a message, and a cached
 * workbook over 100 KB is split under the cache's limit.
 */
import { describe, expect, test } from 'vitest';
import { generateWorkbook } from '../../bench/generate';
import { tabsOf } from '../fixtures/workbook';
import { addOn, reply } from './harness';

describe('large plans', () => {
  const big = tabsOf(generateWorkbook({ roadmap: 10_000, tasksPerRoadmapRow: 0 }));

  test('a 10,000-row roadmap is checked with one read and one batched write per tab', () => {
    const gas = addOn(big);
    gas.call('ladderCheckCascade');
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!.dump();
    expect(roadmap).toHaveLength(10_001);
    expect(roadmap[0]![9]).toBe('Ladder');
    expect(roadmap.slice(1).filter((row) => String(row[9] ?? '').startsWith('⚠')).length).toBeGreaterThan(100);
    expect(gas.log.get('Range.getValues')).toBe(6);
    // Goals (flags apply) and roadmap: one setValues and one setNotes each.
    expect(gas.log.get('Range.setValues')).toBe(2);
    expect(gas.log.get('Range.setNotes')).toBe(2);
  });

  test('TRACE over 5,000 rows is one call, one read per tab, 5,000 answers', () => {
    const gas = addOn(big).on('Roadmap');
    const keys = Array.from({ length: 5000 }, (_, i) => [`R-${i + 1}`]);
    const answers = gas.call('TRACE', keys, 'keys') as string[][];
    expect(answers).toHaveLength(5000);
    expect(answers.every((row) => row.length === 1 && row[0]!.startsWith('R-'))).toBe(true);
    expect(gas.log.get('Range.getValues')).toBe(6);
  });
});

describe('storage limits', () => {
  test('settings over 9 KB are refused with a message, and the saved ones kept', () => {
    const gas = addOn();
    expect(reply(gas, 'ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] })).toMatchObject({ ok: true });
    const saved = gas.properties.store.get('ladder.settings');
    const tabs = Array.from({ length: 180 }, (_, i) => ({
      sheet: `Tab number ${i} with a long name that a team gave it once`,
      use: 'ignore',
    }));
    const answer = reply(gas, 'ladderSaveSetup', { version: 1, tabs });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/too large to keep in the spreadsheet \(\d+\.\d KB; at most 9 KB\)/);
    expect(gas.properties.store.get('ladder.settings')).toBe(saved);
  });

  test('a workbook over 100 KB is cached in chunks each under 100 KB', () => {
    const gas = addOn(tabsOf(generateWorkbook({ roadmap: 2000, tasksPerRoadmapRow: 0 }))).on('Roadmap');
    gas.call('TRACE', 'R-1');
    const chunks = [...gas.cache.entries.values()].map((entry) => entry.value);
    expect(chunks.reduce((sum, value) => sum + value.length, 0)).toBeGreaterThan(100 * 1024);
    for (const value of chunks) expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(100 * 1024);
  });
});
