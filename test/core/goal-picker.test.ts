/**
 * The goal picker's groups (goal-picker.ts): a goal is listed under every pillar it is under,
 * directly or through the goal it hangs from, and only goals under no pillar are "loose".
 */
import { expect, test } from 'vitest';
import { goalPicker } from '../../src/core/goal-picker';
import { BASE, cascadeOf } from '../fixtures/workbook';

test('a key result is listed under its objective’s pillar, not as a goal under no pillar', () => {
  const cascade = cascadeOf({
    ...BASE,
    Goals: [...BASE.Goals!, ['KR1.1', 'Settle half of claims same day', 'G1', 1], ['G4', 'Try a chatbot', '', 1]],
  });
  const picker = goalPicker(cascade);
  expect(picker.groups.map((group) => [group.pillar.key, group.goals.map((goal) => goal.key)])).toEqual([
    ['P1', ['G1', 'KR1.1']],
    ['P2', ['G2']],
    ['P3', ['G3']],
  ]);
  expect(picker.loose.map((goal) => goal.key)).toEqual(['G4']);
});

test('a goal under two pillars shows in both, and a loop of goals ends', () => {
  const cascade = cascadeOf({
    ...BASE,
    Goals: [...BASE.Goals!, ['G4', 'Fair and fast', 'P1; P2', 1], ['G5', 'Loop A', 'G6', 1], ['G6', 'Loop B', 'G5', 1]],
  });
  const picker = goalPicker(cascade);
  expect(picker.groups.find((group) => group.pillar.key === 'P2')!.goals.map((goal) => goal.key)).toEqual(['G2', 'G4']);
  expect(picker.loose.map((goal) => goal.key)).toEqual(['G5', 'G6']);
});
