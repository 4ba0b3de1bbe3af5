import { expect, test } from 'vitest';
import { kindOfValue, levelFromText } from '../../src/core/row-kinds';

test.each([
  ['Epic', 'roadmap', 0],
  ['User Story', 'tasks', 0],
  ['Sub-task', 'tasks', 0],
  ['Bug', 'tasks', 0],
  ['tech-debt', 'tasks', 0],
  ['Objective', 'goals', 0],
  ['Key Result', 'goals', 1],
  ['KR', 'goals', 1],
  ['Feature', null, null],
  ['x'.repeat(50_000), null, null],
] as const)('a Type cell "%s" names %s (level %s)', (text, layer, level) => {
  const kind = kindOfValue(text);
  expect(kind === null ? [null, null] : [kind.layer, kind.level]).toEqual([layer, level]);
});

test.each([
  ['O1', '', 0],
  ['KR1.1', '', 1],
  ['KR-3', '', 1],
  ['O1-KR1', '', 1],
  ['OBJ2.KR3', '', 1],
  ['OKR-1', '', null],
  ['G1', '', 0],
  ['', 'KR 1.1: NPS above 50', 1],
  ['', 'Objective 2: Grow', 0],
  ['', 'O1: Delight customers', 0],
  ['', 'Onboarding 2 users', null],
] as const)('the id "%s" or title "%s" says level %s', (id, title, level) => {
  expect(levelFromText('goals', id, title)).toBe(level);
});
