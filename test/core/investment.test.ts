/**
 * Investment targets (DESIGN §10): each pillar's share of roadmap effort against the target
 * its strategy row gives, written as percents, fractions, amounts or not at all; the flags
 * past the tolerance; anti-priorities against 0.
 */
import { describe, expect, test } from 'vitest';
import type { Cell } from '../../src/core/snapshot';
import { cascadeOf, flagMessage, flagsOf, type Tabs } from '../fixtures/workbook';

/** Three pillars and an anti-priority with these targets; 10 units of effort: 6 to P1, 3 to P2, 1 to A1. */
function plan(targets: readonly Cell[], header = 'Target'): Tabs {
  return {
    Strategy: [
      ['ID', 'Pillar', 'Type', 'Why', header],
      ['P1', 'Grow', 'Pillar', 'w', targets[0] ?? ''],
      ['P2', 'Keep', 'Pillar', 'w', targets[1] ?? ''],
      ['P3', 'Explore', 'Pillar', 'w', targets[2] ?? ''],
      ['A1', 'Discounts', 'Anti-priority', 'w', ''],
    ],
    Goals: [
      ['ID', 'Goal', 'Pillar'],
      ['G1', 'a', 'P1'],
      ['G2', 'b', 'P1 (50%), P2 (50%)'],
      ['G3', 'c', 'A1'],
    ],
    Roadmap: [
      ['ID', 'Initiative', 'Goal', 'Effort'],
      ['R1', 'x', 'G1', 3],
      ['R2', 'y', 'G2', 6],
      ['R3', 'z', 'G3', 1],
    ],
  };
}

const shares = (tabs: Tabs, settings?: Parameters<typeof cascadeOf>[1]) =>
  cascadeOf(tabs, settings)
    .investment()
    .pillars.map((pillar) => [pillar.key, pillar.target, pillar.actual]);

describe('targets as the strategy tab writes them', () => {
  test.each<[string, Cell[], string, (number | null)[]]>([
    ['percents as text', ['50%', '40%', '10%'], 'Target', [0.5, 0.4, 0.1]],
    ['fractions (cells formatted as percents)', [0.5, 0.4, 0.1], 'Allocation', [0.5, 0.4, 0.1]],
    ['numbers above 1.5: percents', [50, 40, 10], '% of effort', [0.5, 0.4, 0.1]],
    ['blanks: no target', ['60%', '', ''], 'Target share', [0.6, null, null]],
    ['amounts (hours, a budget) are read as the split they describe', [400, 300, 300], 'Investment', [0.4, 0.3, 0.3]],
  ])('%s', (_, targets, header, expected) => {
    const got = shares(plan(targets, header));
    expect(got.map(([, target]) => target)).toEqual(expected.map((value) => (value === null ? null : expect.closeTo(value, 12))));
  });

  test('actual shares split each row by its shares: P1 gets 3 + 3, P2 3, of 10', () => {
    const investment = cascadeOf(plan(['50%', '40%', '10%'])).investment();
    expect(investment.pillars).toEqual([
      { key: 'P1', title: 'Grow', target: 0.5, actual: 0.6, status: 'on target' },
      { key: 'P2', title: 'Keep', target: 0.4, actual: 0.3, status: 'on target' },
      { key: 'P3', title: 'Explore', target: 0.1, actual: 0, status: 'on target' },
    ]);
    expect(investment).toMatchObject({ antiPriorities: 0.1, noPillar: 0, total: 10 });
  });

  test('an "Effort" column on the strategy tab is still effort, a "Target" column the target', () => {
    const tabs = plan(['50%', '40%', '10%']);
    const cascade = cascadeOf(tabs);
    const strategy = cascade.plans.find((p) => p.sheet === 'Strategy')!;
    expect(strategy.columns.allocation).toEqual([4]);
    expect(strategy.columns.effort).toBeUndefined();
  });
});

describe('OVER_INVESTED and UNDER_INVESTED', () => {
  test('more than 10 points off is flagged, with the figures', () => {
    const cascade = cascadeOf(plan(['45%', '45%', '10%']));
    // P1 60% vs 45%: 15 over; P2 30% vs 45%: 15 under; P3 0% vs 10%: within 10.
    expect(flagsOf(cascade, 'P1')).toContain('OVER_INVESTED');
    expect(flagMessage(cascade, 'P1', 'OVER_INVESTED')).toBe(
      '60% of roadmap effort against a target of 45% (15 points over; more than 10 is flagged)',
    );
    expect(flagsOf(cascade, 'P2')).toContain('UNDER_INVESTED');
    expect(flagsOf(cascade, 'P3')).not.toContain('UNDER_INVESTED');
  });

  test('exactly 10 points off is not flagged', () => {
    const cascade = cascadeOf(plan(['50%', '40%', '10%']));
    for (const key of ['P1', 'P2', 'P3']) expect(flagsOf(cascade, key).filter((code) => code.endsWith('_INVESTED'))).toEqual([]);
  });

  test('the tolerance is a setting', () => {
    const cascade = cascadeOf(plan(['52%', '40%', '8%']), { version: 1, tabs: [], tolerance: 5 });
    expect(flagsOf(cascade, 'P1')).toContain('OVER_INVESTED');
    expect(flagsOf(cascade, 'P2')).toContain('UNDER_INVESTED');
    expect(flagsOf(cascade, 'P3')).toContain('UNDER_INVESTED');
    // The statuses the Strategy view and What changed show say what the flags say, with the same tolerance.
    expect(cascade.tolerance).toBe(5);
    expect(cascade.investment().pillars.map((pillar) => pillar.status)).toEqual(['over target', 'under target', 'under target']);
    // Made once: the flags, the view, the report and the JSON read the same figures.
    expect(cascade.investment()).toBe(cascade.investment());
    expect(cascade.effortMix()).toBe(cascade.effortMix());
  });

  test('anti-priorities and pillars with no target are never flagged; no effort at all, nothing is', () => {
    const cascade = cascadeOf(plan(['90%', '', '']));
    expect(flagsOf(cascade, 'A1').filter((code) => code.endsWith('_INVESTED'))).toEqual([]);
    expect(flagsOf(cascade, 'P2').filter((code) => code.endsWith('_INVESTED'))).toEqual([]);
    const idle = plan(['90%', '5%', '5%']);
    idle.Roadmap = idle.Roadmap!.map((row, r) => (r === 0 ? row : [...row.slice(0, 3), '']));
    expect(flagsOf(cascadeOf(idle), 'P1').filter((code) => code.endsWith('_INVESTED'))).toEqual([]);
  });
});
