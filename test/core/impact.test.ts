import { describe, expect, test } from 'vitest';
import { impactOf } from '../../src/core/impact-format';
import { BASE, cascadeOf, itemOf } from '../fixtures/workbook';

const c = cascadeOf({
  ...BASE,
  Roadmap: [
    ['ID', 'Initiative', 'Goal ID', 'Effort', 'Impact', 'Confidence', 'Reach'],
    // 3 × 0.5 × 100 × w(G1)=2 = 300; roi 300 / 2 = 150
    ['R1', 'Photo estimate', 'G1', 2, 3, 0.5, 100],
    // High=3 × 80% × 10 × (½·2 + ½·1) = 36; effort M=3 → roi 12
    ['R2', 'Fraud model', 'G1, G2', 'M', 'High', '80%', 10],
    // 60% to G1 (w 2), 40% to a broken link (w 0): 2 × 1 × 1 × 1.2 = 2.4; no effort → roi falls back to score
    ['R3', 'Price checker', 'G1 (60%), Z9 (40%)', '', 2, '', ''],
    // nested: W(R4) = W(R1) = 2 → 1 × 1 × 1 × 2 = 2; roi 2 / 4 = 0.5
    ['R4', 'Photo blur check', 'R1', 4, 1, '', ''],
    ['R5', 'No estimate', 'G3', 2, '', '', ''],
    ['R6', 'Pillar only', 'P1', 2, 5, '', ''],
    ['R7', 'Zero effort', 'G3', 0, 2, '', ''],
  ],
});
const at = (key: string) => itemOf(c, key);

describe('score and roi', () => {
  test.each([
    ['R1', 300, 150],
    ['R2', 36, 12],
    ['R3', 2.4, 2.4],
    ['R4', 2, 0.5],
    ['R7', 2, 2],
  ])('%s: score %d, roi %d', (key, score, roi) => {
    expect(impactOf(c, at(key), 'score')).toBe(score);
    expect(impactOf(c, at(key), 'roi')).toBe(roi);
  });

  test('the strategic weight sums share × w(link)', () => {
    expect(c.impact.strategicWeight[at('R2')]).toBe(1.5);
    expect(c.impact.strategicWeight[at('R3')]).toBeCloseTo(1.2);
    expect(c.impact.strategicWeight[at('R6')]).toBe(0);
  });

  test('no goal and no estimate are readable errors', () => {
    expect(impactOf(c, at('R6'), 'roi')).toBe('#NO GOAL: linked only to the pillar "Reduce friction", not to a goal');
    expect(impactOf(c, at('R5'), 'roi')).toBe('#NO ESTIMATE: no impact estimate in this row');
    expect(impactOf(c, at('R6'), 'goals')).toMatch(/^#NO GOAL/);
  });

  test('a tab with no Impact column says so', () => {
    const bare = cascadeOf({
      ...BASE,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', 'G1'],
      ],
    });
    expect(impactOf(bare, itemOf(bare, 'R1'), 'score')).toBe('#NO ESTIMATE: the tab "Roadmap" has no Impact column');
  });
});

describe('goals mode', () => {
  test('the goals reached, with shares', () => {
    expect(impactOf(c, at('R2'), 'goals')).toBe('Cut time-to-settle (50%), Fewer complaints (50%)');
    expect(impactOf(c, at('R3'), 'goals')).toBe('Cut time-to-settle (60%)');
    expect(impactOf(c, at('R4'), 'goals')).toBe('Cut time-to-settle (100%)');
  });
});

describe('totals above the roadmap', () => {
  test('a goal sums the scores of the roadmap items beneath it, split by share', () => {
    // G1: R1 300 + R2 (3·0.8·10)·½·2 = 24 + R3 2.4 + R4 2
    expect(impactOf(c, at('G1'), 'score')).toBe(328.4);
    // G2: R2 (24)·½·1 = 12
    expect(impactOf(c, at('G2'), 'roi')).toBe(12);
    // G3: R7 2 (R5 has no estimate)
    expect(impactOf(c, at('G3'), 'score')).toBe(2);
  });

  test('a pillar sums its goals; the mission sums everything, counted once', () => {
    expect(impactOf(c, at('P1'), 'score')).toBe(328.4);
    expect(impactOf(c, at('P2'), 'score')).toBe(12);
    const roadmapTotal = ['R1', 'R2', 'R3', 'R4', 'R7'].reduce((sum, key) => sum + (impactOf(c, at(key), 'score') as number), 0);
    expect(impactOf(c, at('Protect our customers'), 'score')).toBeCloseTo(roadmapTotal);
  });

  test('a goal under several pillars splits its total', () => {
    const split = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal', 'Pillar', 'Weight'],
        ['G1', 'Both', 'P1, P2', 1],
      ],
      Roadmap: [
        ['ID', 'Initiative', 'Goal', 'Impact'],
        ['R1', 'A', 'G1', 10],
      ],
    });
    expect(impactOf(split, itemOf(split, 'P1'), 'score')).toBe(5);
    expect(impactOf(split, itemOf(split, 'P2'), 'score')).toBe(5);
    expect(impactOf(split, itemOf(split, 'P1'), 'goals')).toBe('Both (50%)');
  });
});

test('a loop earns no weight, and nothing hangs', () => {
  const loop = cascadeOf({
    ...BASE,
    Roadmap: [
      ['ID', 'Initiative', 'Parent', 'Impact'],
      ['R1', 'A', 'R2', 1],
      ['R2', 'B', 'R1; G1', 1],
    ],
  });
  expect(impactOf(loop, itemOf(loop, 'R2'), 'score')).toBe(1);
  expect(impactOf(loop, itemOf(loop, 'R1'), 'score')).toBe(0);
});
