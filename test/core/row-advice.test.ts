/**
 * A row's flags in words (row-advice.ts): each case is a row a PM would have in a real
 * plan, the flags Ladder gives it, and what the sidebar should say: one sentence per cause,
 * the flags that cause set off listed with it, and what to do.
 */
import { describe, expect, test } from 'vitest';
import { rowAdvice, sentence, urgencyOf } from '../../src/core/row-advice';
import type { Cell } from '../../src/core/snapshot';
import { BASE, cascadeOf, itemOf } from '../fixtures/workbook';

const withRoadmapRow = (row: Cell[], extra: Record<string, Cell[][]> = {}) =>
  cascadeOf({ ...BASE, Roadmap: [...BASE.Roadmap!, row], ...extra });
const adviceOf = (row: Cell[], extra: Record<string, Cell[][]> = {}) => {
  const cascade = withRoadmapRow(row, extra);
  return rowAdvice(cascade.flags[itemOf(cascade, String(row[0]))]!, true);
};

describe('one cause, said once', () => {
  test.each([
    {
      case: 'a typo in the link cell: broken link, no parent and no goal are one thing to fix',
      row: ['R4', 'Chatbot', 'G9', 1],
      expected: [
        {
          codes: ['BROKEN_LINK', 'NO_PARENT', 'NO_GOAL'],
          problem: 'Its link cell names a row that is not there: "G9" not found, so it reaches no goal.',
          todo: 'Fix the id or the title in the link cell, or link it to another goal here.',
        },
      ],
    },
    {
      case: 'an empty link cell: no parent and no goal are one',
      row: ['R4', 'Chatbot', '', 1],
      expected: [
        {
          codes: ['NO_GOAL', 'NO_PARENT'],
          problem: 'It is linked to nothing, so it reaches no goal.',
          todo: 'Link it to a goal, or decline it.',
        },
      ],
    },
    {
      case: 'linked only to a pillar',
      row: ['R4', 'Chatbot', 'P1', 1],
      expected: [
        {
          codes: ['NO_GOAL'],
          problem: 'It is linked only to the pillar "Reduce friction", not to a goal.',
          todo: 'Link it to a goal, or decline it.',
        },
      ],
    },
    {
      case: 'linked to an anti-priority: the anti-priority is the cause of its missing goal',
      row: ['R4', 'Open a branch', 'A1', 1],
      expected: [
        {
          codes: ['ANTI_PRIORITY', 'NO_GOAL'],
          problem: 'It serves the anti-priority "Become a bank": the strategy says not to do this.',
          todo: 'Stop this work, or change the strategy if it should count.',
        },
      ],
    },
    {
      case: 'a good link and a broken one: the row still reaches its goal, so only the typo is said',
      row: ['R4', 'Chatbot', 'G1, G9', 1],
      expected: [
        {
          codes: ['BROKEN_LINK'],
          problem: 'Its link cell names a row that is not there: "G9" not found.',
          todo: 'Fix the id or the title in the link cell, or link it to another goal here.',
        },
      ],
    },
  ])('$case', ({ row, expected }) => {
    expect(adviceOf(row as Cell[])).toEqual(expected);
  });

  test('a request declined before is its own cause, with the receipt in the sentence', () => {
    const advice = adviceOf(['R4', 'Chatbot', 'G1', 1], {
      'Not on roadmap': [
        ['Date', 'Request', 'Reason'],
        ['2026-08-14', 'Chatbot', 'Nobody asked'],
      ],
    });
    expect(advice).toEqual([
      {
        codes: ['RESURFACED'],
        problem: 'It was declined 2026-08-14: "Nobody asked".',
        todo: expect.stringMatching(/^Read the reason again/),
      },
    ]);
  });

  test('a task under a roadmap row with no link says the row above is the one to fix, and comes after it', () => {
    const cascade = withRoadmapRow(['R4', 'Chatbot', '', 1], {
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['T1', 'Train bot', 'R4'],
      ],
    });
    const task = cascade.flags[itemOf(cascade, 'T1')]!;
    expect(rowAdvice(task, true)).toEqual([
      {
        codes: ['NO_GOAL'],
        problem: 'It reaches no goal through the row above it: "R4" above it has no link.',
        todo: 'Fix the row it links to (this one follows), or link it to a goal itself.',
      },
    ]);
    expect(urgencyOf(task)).toBeGreaterThan(urgencyOf(cascade.flags[itemOf(cascade, 'R4')]!));
  });

  test('a loop says which rows go round', () => {
    const cascade = cascadeOf({ ...BASE, Goals: [...BASE.Goals!, ['G4', 'Loop A', 'G5', 1], ['G5', 'Loop B', 'G4', 1]] });
    const advice = rowAdvice(cascade.flags[itemOf(cascade, 'G4')]!, false);
    expect(advice[0]).toMatchObject({
      codes: ['CYCLE'],
      problem: expect.stringMatching(/^Its links go round in a loop \(G4 › G5 › G4\)\.$/),
    });
  });

  test('every flag a row can carry is accounted for by exactly one cause', () => {
    const cascade = withRoadmapRow(['R4', 'Chatbot', 'G9; P1', 1], {
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['T1', 'Train bot', 'R4'],
        ['T1', 'Twin', 'R4'],
      ],
    });
    for (const flags of cascade.flags) {
      const codes = rowAdvice(flags, true).flatMap((advice) => advice.codes);
      expect([...codes].sort()).toEqual(flags.map((flag) => flag.code).sort());
    }
  });
});

describe('urgency and sentences', () => {
  test('work against the strategy comes before work with no goal, which comes before a row declined before', () => {
    const anti = withRoadmapRow(['R4', 'Open a branch', 'A1', 1]);
    const none = withRoadmapRow(['R4', 'Chatbot', '', 1]);
    const urgency = (cascade: ReturnType<typeof cascadeOf>) => urgencyOf(cascade.flags[itemOf(cascade, 'R4')]!);
    expect(urgency(anti)).toBeLessThan(urgency(none));
    expect(urgencyOf([{ code: 'NO_GOAL', message: 'no link' }])).toBeLessThan(urgencyOf([{ code: 'RESURFACED', message: 'declined' }]));
    expect(urgencyOf([])).toBe(Number.POSITIVE_INFINITY);
  });

  test("the advice follows each flag's cause, not the wording of its message", () => {
    const reworded = rowAdvice(
      [
        { code: 'NO_GOAL', message: 'whatever the words say', cause: 'no-link' },
        { code: 'NO_PARENT', message: 'said another way', cause: 'no-link' },
      ],
      true,
    );
    expect(reworded).toEqual([
      {
        codes: ['NO_GOAL', 'NO_PARENT'],
        problem: 'It is linked to nothing, so it reaches no goal.',
        todo: 'Link it to a goal, or decline it.',
      },
    ]);
    const cascade = withRoadmapRow(['R4', 'Chatbot', 'G9', 1]);
    const flags = cascade.flags[itemOf(cascade, 'R4')]!;
    expect(flags.filter((flag) => flag.cause).map(({ code, cause }) => [code, cause])).toEqual([
      ['NO_GOAL', 'broken'],
      ['NO_PARENT', 'unresolved'],
    ]);
  });

  test('with no goals tab, a row linked to a pillar is told its own gap, not the row above’s', () => {
    const { Goals: _goals, ...withoutGoals } = BASE;
    const cascade = cascadeOf({
      ...withoutGoals,
      Roadmap: [
        ['ID', 'Initiative', 'Pillar', 'Effort'],
        ['R1', 'Chatbot', 'P1', 1],
      ],
    });
    const flags = cascade.flags[itemOf(cascade, 'R1')]!;
    expect(flags.find((flag) => flag.code === 'NO_GOAL')).toMatchObject({ cause: 'no-goals' });
    expect(urgencyOf(flags)).toBe(urgencyOf([{ code: 'NO_GOAL', message: '', cause: 'no-link' }]));
    expect(rowAdvice(flags, true)[0]).toMatchObject({ codes: ['NO_GOAL'], problem: 'It reaches no goal: the workbook has no goals tab.' });
  });

  test('sentence capitalises and ends with a full stop, once', () => {
    expect(sentence('no anti-priorities: say what the strategy will not do')).toBe(
      'No anti-priorities: say what the strategy will not do.',
    );
    expect(sentence('Already done.')).toBe('Already done.');
  });
});
