import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';

const doc = auditDocument(buildCascade(TESLA, undefined, { today: '2026-12-01' }));
const item = (key: string) => doc.items.find((entry) => entry.key === key)!;

describe('the audit document of the Tesla example', () => {
  test('layers, mission first, with their tab, header row and item count', () => {
    expect(doc.layers).toEqual([
      { layer: 'mission', sheet: 'Mission', headerRow: 1, items: 1 },
      { layer: 'vision', sheet: 'Vision', headerRow: 1, items: 1 },
      { layer: 'strategy', sheet: 'Strategy', headerRow: 3, items: 6 },
      { layer: 'goals', sheet: 'Goals', headerRow: 1, items: 7 },
      { layer: 'roadmap', sheet: 'Roadmap', headerRow: 1, items: 8 },
      { layer: 'tasks', sheet: 'Backlog', headerRow: 1, items: 4 },
    ]);
  });

  test('the declined list, with dates as days', () => {
    expect(doc.declined[0]).toEqual({
      sheet: 'Not on roadmap',
      row: 2,
      request: 'In-car karaoke',
      date: '2026-08-14',
      reason: 'Fun, but it moves no goal',
    });
  });

  test('the strategy', () => {
    expect(doc.strategy).toEqual({ pillars: 4, antiPriorities: 2, flags: [] });
  });

  test('items are listed mission to tasks, tab by tab, row by row, with exactly the contract fields', () => {
    expect(doc.items.map((entry) => entry.layer)).toEqual([
      'mission',
      'vision',
      ...Array(6).fill('strategy'),
      ...Array(7).fill('goals'),
      ...Array(8).fill('roadmap'),
      ...Array(4).fill('tasks'),
    ]);
    expect(Object.keys(item('R-1'))).toEqual([
      'sheet',
      'row',
      'layer',
      'key',
      'title',
      'parents',
      'traces',
      'flags',
      'impact',
      'roi',
      'progress',
      'status',
    ]);
    expect(Object.keys(item('P1'))).toEqual([
      'sheet',
      'row',
      'layer',
      'key',
      'title',
      'kind',
      'parents',
      'traces',
      'flags',
      'impact',
      'roi',
      'progress',
      'status',
    ]);
  });

  test('a roadmap row: parents, every path as keys, impact and roi', () => {
    expect(item('R-2')).toMatchObject({
      sheet: 'Roadmap',
      row: 3,
      parents: ['2', '3'],
      flags: [],
      // High=3 × 0.7 × 50,000 × (60% × weight 2 + 40% × weight 2) = 210,000; effort XL=8
      impact: 210000,
      roi: 26250,
    });
    expect(item('R-2').traces).toHaveLength(4);
    expect(item('R-2').traces[0]).toEqual([
      'R-2',
      '2',
      'P2',
      'The most compelling car company of the 21st century',
      "Accelerate the world's transition to sustainable energy",
    ]);
  });

  test('the deliberate problems are flagged', () => {
    expect(item('R-6').flags).toEqual(['NO_GOAL', 'NO_PARENT', 'BROKEN_LINK']);
    expect(item('R-8').flags).toEqual(['NO_GOAL', 'NO_PARENT', 'RESURFACED']);
    expect(item('R-7').flags).toEqual(['ANTI_PRIORITY']);
    expect(item('7').flags).toEqual(['ORPHAN', 'NO_METRIC']);
    expect(item('4').flags).toEqual(['AT_RISK']);
    expect(item('T-4').flags).toEqual(['NO_GOAL']);
    expect(item('R-6')).toMatchObject({ impact: null, roi: null, parents: [] });
  });

  test('kinds on the strategy rows only', () => {
    expect(item('A1').kind).toBe('anti-priority');
    expect(item('P4').kind).toBe('pillar');
    expect(item('1').kind).toBeUndefined();
  });

  test('progress and status on every item, as of the day given', () => {
    expect(doc.today).toBe('2026-12-01');
    // Goal 4: 150,000 of 500,000 from its latest check-in (the cell says 100,000), 334 of 364 days gone.
    expect(item('4')).toMatchObject({ progress: 0.3, status: 'off track' });
    // Goal 3: its latest check-in, 18%, from 5% towards 20%.
    expect(item('3').progress).toBeCloseTo(13 / 15, 12);
    // Goal 5, a decrease with no baseline: $150 / $200.
    expect(item('5')).toMatchObject({ progress: 0.75, status: 'on track' });
    expect(item('7')).toMatchObject({ progress: null, status: null });
    // R-2 serves goals 2 (60%) and 3 (40%).
    expect(item('R-2').progress).toBeCloseTo(0.6 * 0.625 + 0.4 * (13 / 15), 12);
    expect(item('R-2').status).toBeNull();
    expect(item('P4')).toMatchObject({ progress: 0.75, status: 'in progress' });
  });
});
