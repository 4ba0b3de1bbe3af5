import { describe, expect, test } from 'vitest';
import { coverage } from '../../src/core/report';
import { BASE, cascadeOf, flagMessage, flagsOf, itemOf, tracesOf } from '../fixtures/workbook';

describe('a healthy cascade has no flags', () => {
  test('every item of BASE is clean', () => {
    const c = cascadeOf(BASE);
    expect(c.flags.every((list) => list.length === 0)).toBe(true);
    expect(c.strategy).toEqual({ pillars: 3, antiPriorities: 1, flags: [] });
  });
});

describe('each flag', () => {
  test('NO_GOAL and NO_PARENT: an empty link cell', () => {
    const c = cascadeOf({ ...BASE, Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', '', 1, 1]] });
    expect(flagsOf(c, 'R4')).toEqual(['NO_GOAL', 'NO_PARENT']);
    expect(flagMessage(c, 'R4', 'NO_GOAL')).toBe('no link');
  });

  test('NO_GOAL but not NO_PARENT: linked only to a pillar', () => {
    const c = cascadeOf({ ...BASE, Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', 'P1', 1, 1]] });
    expect(flagsOf(c, 'R4')).toEqual(['NO_GOAL']);
    expect(flagMessage(c, 'R4', 'NO_GOAL')).toBe('linked only to the pillar "Reduce friction", not to a goal');
  });

  test('NO_GOAL is inherited by tasks under a roadmap row with no goal', () => {
    const c = cascadeOf({
      ...BASE,
      Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', '', 1, 1]],
      Tasks: [
        ['Ticket ID', 'Task', 'Initiative'],
        ['T1', 'Train bot', 'R4'],
        ['T2', 'Crop photos', 'R1'],
      ],
    });
    expect(flagsOf(c, 'T1')).toEqual(['NO_GOAL']);
    expect(flagMessage(c, 'T1', 'NO_GOAL')).toBe('"R4" above it has no link');
    expect(flagsOf(c, 'T2')).toEqual([]);
  });

  test('BROKEN_LINK with the reference that matched nothing', () => {
    const c = cascadeOf({ ...BASE, Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', 'G1, O9', 1, 1]] });
    expect(flagsOf(c, 'R4')).toEqual(['BROKEN_LINK']);
    expect(flagMessage(c, 'R4', 'BROKEN_LINK')).toBe('"O9" not found');
  });

  test('DUPLICATE_ID within a layer, across its tabs', () => {
    const c = cascadeOf({
      ...BASE,
      'Q2 Roadmap': [
        ['ID', 'Initiative', 'Goal ID'],
        ['R1', 'Another photo thing', 'G1'],
      ],
    });
    expect(flagsOf(c, 'R1', 'Roadmap')).toContain('DUPLICATE_ID');
    expect(flagsOf(c, 'R1', 'Q2 Roadmap')).toContain('DUPLICATE_ID');
    expect(c.flags[itemOf(c, 'R1', 'Roadmap')]!.find((f) => f.code === 'DUPLICATE_ID')!.message).toBe(
      'the id "R1" is also on Q2 Roadmap!2',
    );
  });

  test('the same id on different layers is not a duplicate', () => {
    const c = cascadeOf({
      ...BASE,
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['R1', 'Same id as an initiative', 'R2'],
      ],
    });
    expect(flagsOf(c, 'R1', 'Tasks')).toEqual([]);
  });

  test('ANTI_PRIORITY on the item and on everything under it', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Offer loans', 'A1', 1]],
      Roadmap: [...BASE.Roadmap!, ['R4', 'Loan calculator', 'G4', 1, 1]],
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['T1', 'Interest formula', 'R4'],
      ],
    });
    expect(flagsOf(c, 'G4')).toEqual(['ANTI_PRIORITY']);
    expect(flagsOf(c, 'R4')).toEqual(['ANTI_PRIORITY']);
    expect(flagsOf(c, 'T1')).toEqual(['ANTI_PRIORITY']);
    expect(flagMessage(c, 'T1', 'ANTI_PRIORITY')).toBe('serves the anti-priority "Become a bank"');
  });

  test('RESURFACED matches despite case, punctuation and spacing, with the receipt', () => {
    const c = cascadeOf({
      ...BASE,
      Roadmap: [...BASE.Roadmap!, ['R4', 'Dark-Mode  please!', 'G2', 1, 1]],
      'Not on roadmap': [
        ['Date', 'Request', 'Requested by', 'Reason', 'Pillar', 'Goal'],
        [new Date('2026-08-14T00:00:00Z'), 'dark mode, please', 'Sales', 'Moves no goal', 'P2', 'G2'],
      ],
    });
    expect(flagsOf(c, 'R4')).toEqual(['RESURFACED']);
    const flag = c.flags[itemOf(c, 'R4')]!.find((f) => f.code === 'RESURFACED')!;
    expect(flag.message).toBe('declined 2026-08-14: "Moves no goal" (didn\'t fit "P2", didn\'t move "G2"), asked by Sales');
    expect(flag.declined?.row).toBe(2);
  });

  test('ORPHAN: a goal no work reaches, a pillar no goal reaches; anti-priorities are never orphans', () => {
    const c = cascadeOf({
      ...BASE,
      Strategy: [...BASE.Strategy!, ['P4', 'Delight', 'Pillar', 'Because']],
      Goals: [...BASE.Goals!, ['G4', 'Win awards', 'P1', 1]],
    });
    expect(flagsOf(c, 'G4')).toEqual(['ORPHAN']);
    expect(flagsOf(c, 'P4')).toEqual(['ORPHAN']);
    expect(flagsOf(c, 'A1')).toEqual([]);
    expect(flagsOf(c, 'P1')).toEqual([]);
  });

  test('a goal reached only by a task is not an orphan', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Win awards', 'P1', 1]],
      Tasks: [
        ['ID', 'Task', 'Goal'],
        ['T1', 'Submit entry', 'G4'],
      ],
    });
    expect(flagsOf(c, 'G4')).toEqual([]);
  });

  test('MISSING_WHY on pillars and anti-priorities', () => {
    const c = cascadeOf({
      ...BASE,
      Strategy: [
        ['ID', 'Pillar', 'Type', 'Why'],
        ['P1', 'Reduce friction', '', ''],
        ['A1', 'Become a bank', 'anti', '  '],
      ],
    });
    expect(flagsOf(c, 'P1')).toContain('MISSING_WHY');
    expect(flagsOf(c, 'A1')).toContain('MISSING_WHY');
  });

  test('an anti-priorities tab: every row is one, and none is counted as a pillar', () => {
    const c = cascadeOf({
      ...BASE,
      Strategy: BASE.Strategy!.slice(0, 4),
      'Non-goals': [
        ['ID', 'Non-goal', 'Why'],
        ['N1', 'Crypto', 'Distraction'],
        ['N2', 'Hardware', 'Not our skill'],
      ],
    });
    expect(c.items[itemOf(c, 'N1')]!.isAntiPriority).toBe(true);
    expect(c.strategy).toEqual({ pillars: 3, antiPriorities: 2, flags: [] });
  });
});

describe('cycles', () => {
  const looped = {
    ...BASE,
    Roadmap: [
      ['ID', 'Initiative', 'Parent'],
      ['R1', 'A', 'R2'],
      ['R2', 'B', 'R3'],
      ['R3', 'C', 'R1'],
      ['R4', 'D', 'R1'],
      ['R5', 'E', 'R5'],
      ['R6', 'F', 'R7'],
      ['R7', 'G', 'R6; G1'],
    ],
  };
  const c = cascadeOf(looped);

  test('every item on a loop is flagged, with the loop', () => {
    expect(flagsOf(c, 'R1')).toEqual(['NO_GOAL', 'CYCLE']);
    expect(flagMessage(c, 'R1', 'CYCLE')).toBe('links loop: R1 › R2 › R3 › R1');
    expect(flagsOf(c, 'R5')).toEqual(['NO_GOAL', 'CYCLE']);
  });

  test('an item hanging from a loop is not on it, but reaches no goal', () => {
    expect(flagsOf(c, 'R4')).toEqual(['NO_GOAL']);
    expect(tracesOf(c, 'R4')).toEqual([['R4', 'R1', 'R2', 'R3']]);
    expect(c.paths.firstOf(itemOf(c, 'R4')).end).toEqual({ kind: 'cycle', back: itemOf(c, 'R1') });
  });

  test('a loop with a way out reaches the goal, and is still a cycle', () => {
    expect(flagsOf(c, 'R6')).toEqual(['CYCLE']);
    expect(tracesOf(c, 'R6')).toEqual([
      ['R6', 'R7'],
      ['R6', 'R7', 'G1', 'P1', 'Claims settled in a day', 'Protect our customers'],
    ]);
  });

  test('a long chain does not overflow the stack', () => {
    const rows: unknown[][] = [
      ['ID', 'Initiative', 'Parent'],
      ['R0', 'root', 'G1'],
    ];
    for (let i = 1; i < 20_000; i++) rows.push([`R${i}`, `item ${i}`, `R${i - 1}`]);
    rows.push(['RX', 'loop start', 'RY'], ['RY', 'loop end', 'R19999; RX']);
    const long = cascadeOf({ ...BASE, Roadmap: rows as never });
    expect(flagsOf(long, 'R19999')).toEqual([]);
    expect(flagsOf(long, 'RX')).toEqual(['CYCLE']);
    expect(tracesOf(long, 'R19999')[0]).toHaveLength(20_004);
  });
});

describe('strategy-wide checks', () => {
  test('fewer than 3 pillars and no anti-priorities', () => {
    const c = cascadeOf({ ...BASE, Strategy: BASE.Strategy!.slice(0, 3) });
    expect(c.strategy.flags.map((f) => f.code)).toEqual(['TOO_FEW_PILLARS', 'NO_ANTI_PRIORITIES']);
  });

  test('more than 5 pillars', () => {
    const extra = [4, 5, 6].map((n) => [`P${n}`, `Pillar ${n}`, 'Pillar', 'why']);
    const c = cascadeOf({ ...BASE, Strategy: [...BASE.Strategy!, ...extra] });
    expect(c.strategy.pillars).toBe(6);
    expect(c.strategy.flags.map((f) => f.code)).toEqual(['TOO_MANY_PILLARS']);
  });
});

describe('many paths', () => {
  test('paths multiply through many-to-many links, and are capped', () => {
    const goals = [['Goal ID', 'Goal', 'Pillar']];
    for (let g = 1; g <= 8; g++) goals.push([`G${g}`, `Goal ${g}`, 'P1; P2; P3']);
    const c = cascadeOf({
      ...BASE,
      Goals: goals,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        [
          'R1',
          'Everything',
          goals
            .slice(1)
            .map((g) => g[0])
            .join(', '),
        ],
        ['R2', 'Under R1', 'R1'],
        ['R3', 'One', 'G1'],
      ],
    });
    expect(c.paths.count(itemOf(c, 'R3'))).toBe(3);
    expect(c.paths.count(itemOf(c, 'R1'))).toBe(24);
    expect(c.paths.isTruncated(itemOf(c, 'R1'))).toBe(false);
    expect(c.paths.count(itemOf(c, 'R2'))).toBe(24);
  });
});

test('past the cap, paths are cut and the cut is recorded', () => {
  const goals = [['Goal ID', 'Goal', 'Pillar']];
  for (let g = 1; g <= 12; g++) goals.push([`G${g}`, `Goal ${g}`, 'P1; P2; P3']);
  const c = cascadeOf({
    ...BASE,
    Goals: goals,
    Roadmap: [
      ['ID', 'Initiative', 'Goal'],
      [
        'R1',
        'All',
        goals
          .slice(1)
          .map((g) => g[0])
          .join(', '),
      ],
    ],
  });
  expect(c.paths.count(itemOf(c, 'R1'))).toBe(32);
  expect(c.paths.isTruncated(itemOf(c, 'R1'))).toBe(true);
});

describe('rows marked declined', () => {
  test('a roadmap row whose Status says "Declined …" carries no flags and counts in no coverage', () => {
    const roadmap = [
      ['ID', 'Initiative', 'Goal ID', 'Effort', 'Status'],
      ['R1', 'Photo estimate', 'G1', 2, 'Planned'],
      ['R4', 'Chatbot', '', 3, 'Declined 2026-11-23'],
    ];
    const declined = {
      'Not on roadmap': [
        ['Date', 'Request', 'Reason'],
        ['2026-11-23', 'Chatbot', 'Moves no goal'],
      ],
    };
    const c = cascadeOf({ ...BASE, Roadmap: roadmap, ...declined });
    // Its own receipt would otherwise flag it RESURFACED, and its empty link NO_GOAL.
    expect(flagsOf(c, 'R4')).toEqual([]);
    expect(c.structure.markedDeclined.get(itemOf(c, 'R4'))).toBe('Declined 2026-11-23');
    expect(coverage(c, 'roadmap')).toEqual({ rows: 1, reaching: 1, effort: 2, effortReaching: 2 });
    // The same row still planned is flagged, and counted.
    const planned = cascadeOf({
      ...BASE,
      Roadmap: roadmap.map((row, r) => (r === 2 ? [...row.slice(0, 4), 'Proposed'] : row)),
      ...declined,
    });
    expect(flagsOf(planned, 'R4')).toEqual(['NO_GOAL', 'NO_PARENT', 'RESURFACED']);
    expect(coverage(planned, 'roadmap').rows).toBe(2);
  });
});
