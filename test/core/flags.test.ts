/**
 * The flags of DESIGN §4 and the strategy-wide checks, as one scenario table: each row is a
 * workbook and what some of its rows must be flagged with. Paths through loops and past the
 * cap, and rows marked declined, have their own tests below.
 */
import { describe, expect, test } from 'vitest';
import type { Cascade } from '../../src/core/cascade';
import { coverage } from '../../src/core/report';
import { BASE, cascadeOf, flagsOf, itemOf, type Tabs, tracesOf } from '../fixtures/workbook';

/** One row's expected flags. */
interface Expected {
  /** The row, by key; `sheet` where the key is on several tabs. */
  readonly key: string;
  readonly sheet?: string;
  /** Its flag codes in order: exactly these, or with `includes` at least these. */
  readonly codes: readonly string[];
  readonly includes?: true;
  /** The messages of some of its flags, by code. */
  readonly messages?: Readonly<Record<string, string>>;
  /** The declined list's row its RESURFACED flag carries as the receipt. */
  readonly receiptRow?: number;
}

interface Scenario {
  readonly name: string;
  readonly tabs: Tabs;
  readonly rows: readonly Expected[];
  /** The strategy-wide checks' codes, in order, where the scenario is about them. */
  readonly strategyCodes?: readonly string[];
  readonly pillars?: number;
}

const LOOPED: Tabs = {
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

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'NO_GOAL and NO_PARENT: an empty link cell',
    tabs: { ...BASE, Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', '', 1, 1]] },
    rows: [{ key: 'R4', codes: ['NO_GOAL', 'NO_PARENT'], messages: { NO_GOAL: 'no link' } }],
  },
  {
    name: 'NO_GOAL but not NO_PARENT: linked only to a pillar',
    tabs: { ...BASE, Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', 'P1', 1, 1]] },
    rows: [{ key: 'R4', codes: ['NO_GOAL'], messages: { NO_GOAL: 'linked only to the pillar "Reduce friction", not to a goal' } }],
  },
  {
    name: 'NO_GOAL is inherited by tasks under a roadmap row with no goal',
    tabs: {
      ...BASE,
      Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', '', 1, 1]],
      Tasks: [
        ['Ticket ID', 'Task', 'Initiative'],
        ['T1', 'Train bot', 'R4'],
        ['T2', 'Crop photos', 'R1'],
      ],
    },
    rows: [
      { key: 'T1', codes: ['NO_GOAL'], messages: { NO_GOAL: '"R4" above it has no link' } },
      { key: 'T2', codes: [] },
    ],
  },
  {
    name: 'BROKEN_LINK with the reference that matched nothing',
    tabs: { ...BASE, Roadmap: [...BASE.Roadmap!, ['R4', 'Chatbot', 'G1, O9', 1, 1]] },
    rows: [{ key: 'R4', codes: ['BROKEN_LINK'], messages: { BROKEN_LINK: '"O9" not found' } }],
  },
  {
    name: 'DUPLICATE_ID within a layer, across its tabs',
    tabs: {
      ...BASE,
      'Q2 Roadmap': [
        ['ID', 'Initiative', 'Goal ID'],
        ['R1', 'Another photo thing', 'G1'],
      ],
    },
    rows: [
      {
        key: 'R1',
        sheet: 'Roadmap',
        codes: ['DUPLICATE_ID'],
        includes: true,
        messages: { DUPLICATE_ID: 'the id "R1" is also on Q2 Roadmap!2' },
      },
      { key: 'R1', sheet: 'Q2 Roadmap', codes: ['DUPLICATE_ID'], includes: true },
    ],
  },
  {
    name: 'the same id on different layers is not a duplicate',
    tabs: {
      ...BASE,
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['R1', 'Same id as an initiative', 'R2'],
      ],
    },
    rows: [{ key: 'R1', sheet: 'Tasks', codes: [] }],
  },
  {
    name: 'ANTI_PRIORITY on the item and on everything under it',
    tabs: {
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Offer loans', 'A1', 1]],
      Roadmap: [...BASE.Roadmap!, ['R4', 'Loan calculator', 'G4', 1, 1]],
      Tasks: [
        ['ID', 'Task', 'Initiative'],
        ['T1', 'Interest formula', 'R4'],
      ],
    },
    rows: [
      { key: 'G4', codes: ['ANTI_PRIORITY'] },
      { key: 'R4', codes: ['ANTI_PRIORITY'] },
      { key: 'T1', codes: ['ANTI_PRIORITY'], messages: { ANTI_PRIORITY: 'serves the anti-priority "Become a bank"' } },
    ],
  },
  {
    name: 'RESURFACED matches despite case, punctuation and spacing, with the receipt',
    tabs: {
      ...BASE,
      Roadmap: [...BASE.Roadmap!, ['R4', 'Dark-Mode  please!', 'G2', 1, 1]],
      'Not on roadmap': [
        ['Date', 'Request', 'Requested by', 'Reason', 'Pillar', 'Goal'],
        [new Date('2026-08-14T00:00:00Z'), 'dark mode, please', 'Sales', 'Moves no goal', 'P2', 'G2'],
      ],
    },
    rows: [
      {
        key: 'R4',
        codes: ['RESURFACED'],
        messages: { RESURFACED: 'declined 2026-08-14: "Moves no goal" (didn\'t fit "P2", didn\'t move "G2"), asked by Sales' },
        receiptRow: 2,
      },
    ],
  },
  {
    name: 'ORPHAN: a goal no work reaches, a pillar no goal reaches; anti-priorities are never orphans',
    tabs: {
      ...BASE,
      Strategy: [...BASE.Strategy!, ['P4', 'Delight', 'Pillar', 'Because']],
      Goals: [...BASE.Goals!, ['G4', 'Win awards', 'P1', 1]],
    },
    rows: [
      { key: 'G4', codes: ['ORPHAN'] },
      { key: 'P4', codes: ['ORPHAN'] },
      { key: 'A1', codes: [] },
      { key: 'P1', codes: [] },
    ],
  },
  {
    name: 'a goal reached only by a task is not an orphan',
    tabs: {
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Win awards', 'P1', 1]],
      Tasks: [
        ['ID', 'Task', 'Goal'],
        ['T1', 'Submit entry', 'G4'],
      ],
    },
    rows: [{ key: 'G4', codes: [] }],
  },
  {
    name: 'MISSING_WHY on pillars and anti-priorities',
    tabs: {
      ...BASE,
      Strategy: [
        ['ID', 'Pillar', 'Type', 'Why'],
        ['P1', 'Reduce friction', '', ''],
        ['A1', 'Become a bank', 'anti', '  '],
      ],
    },
    rows: [
      { key: 'P1', codes: ['MISSING_WHY'], includes: true },
      { key: 'A1', codes: ['MISSING_WHY'], includes: true },
    ],
  },
  {
    name: 'CYCLE on every item of a loop, with the loop; not on an item hanging from one, which reaches no goal',
    tabs: LOOPED,
    rows: [
      { key: 'R1', codes: ['NO_GOAL', 'CYCLE'], messages: { CYCLE: 'links loop: R1 › R2 › R3 › R1' } },
      { key: 'R5', codes: ['NO_GOAL', 'CYCLE'] },
      { key: 'R4', codes: ['NO_GOAL'] },
      // A loop with a way out reaches the goal, and is still a cycle.
      { key: 'R6', codes: ['CYCLE'] },
    ],
  },
  {
    name: 'fewer than 3 pillars and no anti-priorities',
    tabs: { ...BASE, Strategy: BASE.Strategy!.slice(0, 3) },
    rows: [],
    strategyCodes: ['TOO_FEW_PILLARS', 'NO_ANTI_PRIORITIES'],
  },
  {
    name: 'more than 5 pillars',
    tabs: { ...BASE, Strategy: [...BASE.Strategy!, ...[4, 5, 6].map((n) => [`P${n}`, `Pillar ${n}`, 'Pillar', 'why'])] },
    rows: [],
    strategyCodes: ['TOO_MANY_PILLARS'],
    pillars: 6,
  },
];

/** What a row's flags are, in the shape of `Expected`, so a failure shows the whole row. */
function actualOf(c: Cascade, want: Expected): object {
  const flags = c.flags[itemOf(c, want.key, want.sheet)]!;
  const messages = Object.fromEntries(Object.keys(want.messages ?? {}).map((code) => [code, flags.find((f) => f.code === code)?.message]));
  return {
    ...want,
    codes: flags.map((flag) => flag.code),
    ...(want.messages && { messages }),
    ...(want.receiptRow !== undefined && { receiptRow: flags.find((f) => f.code === 'RESURFACED')?.declined?.row }),
  };
}

describe('a healthy cascade has no flags', () => {
  test('every item of BASE is clean', () => {
    const c = cascadeOf(BASE);
    expect(c.flags.every((list) => list.length === 0)).toBe(true);
    expect(c.strategy).toEqual({ pillars: 3, antiPriorities: 1, flags: [] });
  });
});

describe('each flag', () => {
  // The name as the test's name, whole: `$name` would clip it.
  test.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', (_, { tabs, rows, strategyCodes, pillars }) => {
    const c = cascadeOf(tabs);
    for (const want of rows) {
      expect(actualOf(c, want)).toEqual(want.includes ? { ...want, codes: expect.arrayContaining([...want.codes]) } : want);
    }
    if (strategyCodes) expect(c.strategy.flags.map((f) => f.code)).toEqual(strategyCodes);
    if (pillars !== undefined) expect(c.strategy.pillars).toBe(pillars);
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
  const c = cascadeOf(LOOPED);

  test('an item hanging from a loop is not on it, but reaches no goal', () => {
    expect(tracesOf(c, 'R4')).toEqual([['R4', 'R1', 'R2', 'R3']]);
    expect(c.paths.firstOf(itemOf(c, 'R4')).end).toEqual({ kind: 'cycle', back: itemOf(c, 'R1') });
  });

  test('a loop with a way out reaches the goal, and is still a cycle', () => {
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
