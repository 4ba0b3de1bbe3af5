import { expect, test } from 'vitest';
import { LAYER_CODES, LAYERS, layerSpec } from '../../src/core/layers';

test("a layer's rank is its position in the table, from the mission down", () => {
  LAYERS.forEach((spec, position) => {
    expect(spec.rank).toBe(position);
  });
  expect(LAYERS.map((spec) => spec.code)).toEqual([...LAYER_CODES]);
  for (const code of LAYER_CODES) expect(LAYERS[layerSpec(code).rank]).toBe(layerSpec(code));
});

test('exactly one layer holds the goals, and work sits below it', () => {
  const goals = LAYERS.filter((spec) => spec.isGoal);
  expect(goals).toHaveLength(1);
  for (const spec of LAYERS.filter((s) => s.isWork)) expect(spec.rank).toBeGreaterThan(goals[0]!.rank);
});
