import { describe, expect, test } from 'vitest';
import { IMPACT, runSheetFunction, TRACE } from '../../src/core/functions';
import { traceColumns, traceKeys, tracePath, traceWhy } from '../../src/core/trace';
import { BASE, cascadeOf, itemOf } from '../fixtures/workbook';

const c = cascadeOf({
  ...BASE,
  Goals: [...BASE.Goals!, ['G4', 'Lend money', 'A1', 1]],
  Roadmap: [
    ...BASE.Roadmap!,
    ['R4', 'Two goals', 'G1, G2', 1, 1],
    ['R5', 'Broken', 'O9', 1, 1],
    ['R6', 'Unlinked', '', 1, 1],
    ['R7', 'Loan widget', 'G4', 1, 1],
    ['R8', 'Loop A', 'R9', 1, 1],
    ['R9', 'Loop B', 'R8', 1, 1],
  ],
  Tasks: [
    ['ID', 'Task', 'Initiative'],
    ['T1', 'Crop photos', 'R1'],
  ],
});
const at = (key: string) => itemOf(c, key);

describe('path', () => {
  test('one line per upward path, up to the mission', () => {
    expect(tracePath(c, at('T1'))).toMatchInlineSnapshot(
      `"Crop photos › Photo estimate › Cut time-to-settle › Reduce friction › Claims settled in a day › Protect our customers"`,
    );
    expect(tracePath(c, at('R4'))).toMatchInlineSnapshot(`
      "Two goals › Cut time-to-settle › Reduce friction › Claims settled in a day › Protect our customers
      Two goals › Fewer complaints › Price fairly › Claims settled in a day › Protect our customers"
    `);
  });

  test('a broken path says why', () => {
    expect(tracePath(c, at('R5'))).toMatchInlineSnapshot(`"Broken › ⚠ "O9" not found"`);
    expect(tracePath(c, at('R6'))).toMatchInlineSnapshot(`"Unlinked › ⚠ no goal"`);
    expect(tracePath(c, at('R7'))).toMatchInlineSnapshot(
      `"Loan widget › Lend money › Become a bank › Claims settled in a day › Protect our customers › ⚠ anti-priority"`,
    );
    expect(tracePath(c, at('R8'))).toMatchInlineSnapshot(`"Loop A › Loop B › ⚠ cycle"`);
  });
});

describe('columns', () => {
  test('one cell per layer from the mission down to the item', () => {
    expect(traceColumns(c, at('T1'))).toMatchInlineSnapshot(`
      [
        "Protect our customers",
        "Claims settled in a day",
        "Reduce friction",
        "Cut time-to-settle",
        "Photo estimate",
        "Crop photos",
      ]
    `);
    expect(traceColumns(c, at('G1'))).toEqual([
      'Protect our customers',
      'Claims settled in a day',
      'Reduce friction',
      'Cut time-to-settle',
    ]);
  });

  test('a skipped layer is blank and the warning sits where the link should land', () => {
    expect(traceColumns(c, at('R5'))).toEqual(['', '', '', '⚠ "O9" not found', 'Broken']);
    const skip = cascadeOf({
      ...BASE,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'Pillar only', 'P1'],
      ],
    });
    expect(traceColumns(skip, itemOf(skip, 'R1'))).toEqual([
      'Protect our customers',
      'Claims settled in a day',
      'Reduce friction',
      '⚠ no goal',
      'Pillar only',
    ]);
  });
});

describe('why', () => {
  test("the goal, the pillar, and the pillar's why", () => {
    expect(traceWhy(c, at('T1'))).toMatchInlineSnapshot(
      `""Crop photos" moves the goal "Cut time-to-settle" under the pillar "Reduce friction": Friction is why customers leave."`,
    );
    expect(traceWhy(c, at('R4'))).toMatchInlineSnapshot(
      `""Two goals" moves the goal "Cut time-to-settle" (and 1 more goal) under the pillar "Reduce friction": Friction is why customers leave."`,
    );
    expect(traceWhy(c, at('R5'))).toMatchInlineSnapshot(`""Broken" moves no goal: "O9" not found."`);
    expect(traceWhy(c, at('R7'))).toMatchInlineSnapshot(
      `""Loan widget" moves the goal "Lend money", which is under no pillar. Careful: it serves the anti-priority "Become a bank" (Not our business)."`,
    );
    expect(traceWhy(c, at('G1'))).toMatchInlineSnapshot(
      `""Cut time-to-settle" is a goal under the pillar "Reduce friction": Friction is why customers leave."`,
    );
    expect(traceWhy(c, at('A1'))).toMatchInlineSnapshot(
      `""Become a bank" is an anti-priority, something the strategy will not do: Not our business."`,
    );
  });
});

describe('keys', () => {
  test('the first path as keys', () => {
    expect(traceKeys(c, at('T1'))).toBe('T1 › R1 › G1 › P1 › Claims settled in a day › Protect our customers');
  });
});

describe('the sheet-function runner', () => {
  test('a value gives a value; the format is optional and case-insensitive', () => {
    expect(runSheetFunction(TRACE, c, 'R1', undefined)).toBe(tracePath(c, at('R1')));
    expect(runSheetFunction(TRACE, c, 'r1', 'KEYS')).toBe(traceKeys(c, at('R1')));
    expect(runSheetFunction(IMPACT, c, 'R1', '')).toBe(150);
  });

  test('a range gives a range of the same shape; blanks stay blank', () => {
    const out = runSheetFunction(IMPACT, c, [['R1'], [''], ['R2'], ['nope']], 'score');
    expect(out).toEqual([[300], [''], [24], ['#NOT FOUND: "nope" is not a key or title on any cascade tab']]);
  });

  test('columns over a range: one row of cells per input row, padded to one width', () => {
    const out = runSheetFunction(TRACE, c, [['G1'], ['R1'], ['']], 'columns') as unknown[][];
    expect(out.map((row) => row.length)).toEqual([5, 5, 5]);
    expect(out[0]![4]).toBe('');
    expect(out[1]![4]).toBe('Photo estimate');
  });

  test('a bad format is a readable error in every cell', () => {
    expect(runSheetFunction(TRACE, c, 'R1', 'tree')).toBe(
      '#ERROR: TRACE\'s second argument must be one of "path", "columns", "why", "keys", not "tree"',
    );
    expect(runSheetFunction(IMPACT, c, [['R1'], ['R2']], 'max')).toEqual([
      [expect.stringMatching(/^#ERROR/)],
      [expect.stringMatching(/^#ERROR/)],
    ]);
  });

  test('a name on several tabs prefers the tab the formula is in', () => {
    const twice = cascadeOf({
      ...BASE,
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['X1', 'Photo estimate', 'R1'],
      ],
    });
    expect(runSheetFunction(TRACE, twice, 'Photo estimate', 'keys', 'Tasks')).toBe(traceKeys(twice, itemOf(twice, 'X1')));
    expect(runSheetFunction(TRACE, twice, 'Photo estimate', 'keys', 'Roadmap')).toBe(traceKeys(twice, itemOf(twice, 'R1')));
    expect(runSheetFunction(TRACE, twice, 'Photo estimate', 'keys', 'Goals')).toMatch(
      /^#AMBIGUOUS: "Photo estimate" names several rows \(Roadmap!2, Tasks!2\)/,
    );
  });
});
