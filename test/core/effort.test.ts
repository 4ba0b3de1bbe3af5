import { describe, expect, test } from 'vitest';
import { type EffortBar, type EffortMix, effortMix } from '../../src/core/effort';
import type { Cell } from '../../src/core/snapshot';
import { seededRandom as random } from '../fixtures/random';
import { BASE, cascadeOf, type Tabs } from '../fixtures/workbook';

/** Each bar's effort by key ("no-pillar", "no-goal" for the two bars that are no item), rounded past float noise. */
const efforts = (bars: readonly EffortBar[]) =>
  Object.fromEntries(bars.map((bar) => [bar.key || bar.kind, Math.round(bar.effort * 1e9) / 1e9]));

const ROADMAP_HEADER: Cell[] = ['ID', 'Initiative', 'Goal ID', 'Effort', 'Status'];
const roadmap = (...rows: Cell[][]): Tabs => ({ ...BASE, Roadmap: [ROADMAP_HEADER, ...rows] });
const goals = (...extra: Cell[][]): Cell[][] => [...BASE.Goals!, ...extra];

/** BASE's pillars and goals, each expected 0 unless the case says otherwise. */
const NO_PILLARS = { P1: 0, P2: 0, P3: 0, A1: 0, 'no-pillar': 0, 'no-goal': 0 };
const NO_GOALS = { G1: 0, G2: 0, G3: 0, 'no-goal': 0 };

interface Case {
  name: string;
  tabs: Tabs;
  total: number;
  pillars: Record<string, number>;
  goals: Record<string, number>;
}

const CASES: Case[] = [
  {
    name: 'a goal under no pillar: by pillar its effort reaches a goal but no pillar; by goal it is on that goal',
    tabs: { ...roadmap(['R1', 'Chatbot', 'G4', 5]), Goals: goals(['G4', 'Answer in a minute', '', 1]) },
    total: 5,
    pillars: { ...NO_PILLARS, 'no-pillar': 5 },
    goals: { ...NO_GOALS, G4: 5 },
  },
  {
    name: 'a row straight to an anti-priority and a row through a goal under it both land on the anti-priority',
    tabs: { ...roadmap(['R1', 'Loans', 'A1', 3], ['R2', 'Credit cards', 'G4', 2]), Goals: goals(['G4', 'Issue cards', 'A1', 1]) },
    total: 5,
    pillars: { ...NO_PILLARS, A1: 5 },
    goals: { ...NO_GOALS, G4: 2, 'no-goal': 3 },
  },
  {
    name: 'a row straight to a pillar lands on the pillar, and by goal reaches no goal',
    tabs: roadmap(['R1', 'Pillar only', 'P2', 4]),
    total: 4,
    pillars: { ...NO_PILLARS, P2: 4 },
    goals: { ...NO_GOALS, 'no-goal': 4 },
  },
  {
    name: 'a goal under two pillars splits by its shares (75/25)',
    tabs: { ...roadmap(['R1', 'Shared', 'G4', 4]), Goals: goals(['G4', 'Both', 'P1 (75%), P2 (25%)', 1]) },
    total: 4,
    pillars: { ...NO_PILLARS, P1: 3, P2: 1 },
    goals: { ...NO_GOALS, G4: 4 },
  },
  {
    name: 'a goal under two pillars with no shares splits equally',
    tabs: { ...roadmap(['R1', 'Shared', 'G4', 4]), Goals: goals(['G4', 'Both', 'P1, P3', 1]) },
    total: 4,
    pillars: { ...NO_PILLARS, P1: 2, P3: 2 },
    goals: { ...NO_GOALS, G4: 4 },
  },
  {
    name: 'a row with two goals 60/40 splits its effort 6/4, and each goal passes it to its pillar',
    tabs: roadmap(['R1', 'Two goals', 'G1 (60%), G2 (40%)', 10]),
    total: 10,
    pillars: { ...NO_PILLARS, P1: 6, P2: 4 },
    goals: { ...NO_GOALS, G1: 6, G2: 4 },
  },
  {
    name: 'a broken second link keeps its half unplaced: it reaches no goal, in both charts',
    tabs: roadmap(['R1', 'Half broken', 'G1, G9', 4]),
    total: 4,
    pillars: { ...NO_PILLARS, P1: 2, 'no-goal': 2 },
    goals: { ...NO_GOALS, G1: 2, 'no-goal': 2 },
  },
  {
    name: 'a written 60% with a broken 40% places 60%',
    tabs: roadmap(['R1', 'Partly broken', 'G1 (60%), G9 (40%)', 10]),
    total: 10,
    pillars: { ...NO_PILLARS, P1: 6, 'no-goal': 4 },
    goals: { ...NO_GOALS, G1: 6, 'no-goal': 4 },
  },
  {
    name: 'a goal whose second pillar link is broken passes half to its pillar, half reaches a goal but no pillar',
    tabs: { ...roadmap(['R1', 'Work', 'G4', 6]), Goals: goals(['G4', 'Half placed', 'P1, P9', 1]) },
    total: 6,
    pillars: { ...NO_PILLARS, P1: 3, 'no-pillar': 3 },
    goals: { ...NO_GOALS, G4: 6 },
  },
  {
    name: 'shares over 100% are scaled down in proportion, never counted twice',
    tabs: roadmap(['R1', 'Over', 'G1 (80%), G2 (80%)', 8]),
    total: 8,
    pillars: { ...NO_PILLARS, P1: 4, P2: 4 },
    goals: { ...NO_GOALS, G1: 4, G2: 4 },
  },
  {
    name: 'a row marked declined is not planned work: counted nowhere',
    tabs: roadmap(['R1', 'Photo estimate', 'G1', 2], ['R2', 'Crypto payouts', 'G1', 100, 'Declined 2026-08-14']),
    total: 2,
    pillars: { ...NO_PILLARS, P1: 2 },
    goals: { ...NO_GOALS, G1: 2 },
  },
  {
    name: 'pillars, anti-priorities and goals with no effort are listed at 0',
    tabs: roadmap(['R1', 'Photo estimate', 'G1', 2]),
    total: 2,
    pillars: { ...NO_PILLARS, P1: 2 },
    goals: { ...NO_GOALS, G1: 2 },
  },
  {
    name: 'a sub-initiative follows its parent initiative to its goal; a row with no effort counts nothing',
    tabs: roadmap(['R1', 'Photo estimate', 'G2', ''], ['R2', 'Blur check', 'R1', 3]),
    total: 3,
    pillars: { ...NO_PILLARS, P2: 3 },
    goals: { ...NO_GOALS, G2: 3 },
  },
  {
    name: "a key result lands by goal on itself and by pillar on its objective's pillar",
    tabs: { ...roadmap(['R1', 'Work', 'KR1', 4]), Goals: goals(['KR1', 'Settle in 2 h', 'G1', 1]) },
    total: 4,
    pillars: { ...NO_PILLARS, P1: 4 },
    goals: { ...NO_GOALS, KR1: 4 },
  },
  {
    name: 'rows linked in a loop reach nothing through the loop; a goal the loop links to still gets its share',
    tabs: roadmap(['R1', 'Loop a', 'R2', 2], ['R2', 'Loop b', 'R1, G3', 4]),
    total: 6,
    pillars: { ...NO_PILLARS, P3: 2, 'no-goal': 4 },
    goals: { ...NO_GOALS, G3: 2, 'no-goal': 4 },
  },
  {
    name: 'an empty link and a link to the vision reach no goal',
    tabs: roadmap(['R1', 'Unlinked', '', 1], ['R2', 'Visionary', 'Claims settled in a day', 2]),
    total: 3,
    pillars: { ...NO_PILLARS, 'no-goal': 3 },
    goals: { ...NO_GOALS, 'no-goal': 3 },
  },
];

describe('where the effort goes', () => {
  test.each(CASES)('$name', ({ tabs, total, pillars, goals: byGoal }) => {
    const mix = effortMix(cascadeOf(tabs));
    expect(mix.total).toBe(total);
    expect(efforts(mix.byPillar)).toEqual(pillars);
    expect(efforts(mix.byGoal)).toEqual(byGoal);
    for (const bars of [mix.byPillar, mix.byGoal]) {
      expect(bars.reduce((sum, bar) => sum + bar.effort, 0)).toBeCloseTo(total, 9);
      for (const bar of bars) expect(bar.share).toBeCloseTo(total === 0 ? 0 : bar.effort / total, 12);
    }
  });

  test('the counts say what was left out: rows with no estimate and rows marked declined', () => {
    const mix = effortMix(cascadeOf(roadmap(['R1', 'A', 'G1', 2], ['R2', 'B', 'G1', ''], ['R3', 'C', 'G1', 5, 'Declined'])));
    expect({ rows: mix.rows, unestimated: mix.unestimated, declined: mix.declined }).toEqual({ rows: 1, unestimated: 1, declined: 1 });
  });

  test('the order: pillars as in their tab, then anti-priorities, then the two bars that reach no pillar; goals by effort', () => {
    const mix = effortMix(cascadeOf(roadmap(['R1', 'A', 'G3', 1], ['R2', 'B', 'G2', 5], ['R3', 'C', 'P9', 1])));
    expect(mix.byPillar.map((bar) => [bar.key, bar.kind, bar.title])).toEqual([
      ['P1', 'pillar', 'Reduce friction'],
      ['P2', 'pillar', 'Price fairly'],
      ['P3', 'pillar', 'Prevent fraud'],
      ['A1', 'anti', 'Become a bank'],
      ['', 'no-pillar', 'Reaches a goal, but no pillar'],
      ['', 'no-goal', 'Reaches no goal or pillar'],
    ]);
    expect(mix.byGoal.map((bar) => [bar.key, bar.kind])).toEqual([
      ['G2', 'goal'],
      ['G3', 'goal'],
      ['G1', 'goal'],
      ['', 'no-goal'],
    ]);
    expect(mix.byGoal.at(-1)!.title).toBe('Reaches no goal');
  });

  test('a bar keeps the id when the tab has one, and a title up to 200 characters', () => {
    const long = `${'Make claims painless '.repeat(12)}end`;
    const mix = effortMix(
      cascadeOf({
        ...roadmap(['R1', 'A', 'Long', 1]),
        Goals: [
          ['Goal', 'Pillar'],
          [long, 'P1'],
          ['Long', 'P2'],
        ],
      }),
    );
    const [first] = mix.byGoal;
    expect(first).toMatchObject({ key: 'Long', id: '', kind: 'goal', effort: 1, share: 1 });
    const clipped = mix.byGoal.find((bar) => bar.title.startsWith('Make'))!;
    expect(clipped.title).toHaveLength(200);
    expect(clipped.title.endsWith('…')).toBe(true);
    expect(mix.byPillar[0]).toMatchObject({ key: 'P1', id: 'P1' });
  });

  test('no roadmap effort at all: every bar is 0, shares too', () => {
    const mix = effortMix(cascadeOf(roadmap(['R1', 'A', 'G1', ''])));
    expect(mix.total).toBe(0);
    expect([...mix.byPillar, ...mix.byGoal].every((bar) => bar.effort === 0 && bar.share === 0)).toBe(true);
  });
});

/** A messy cascade: links to pillars, anti-priorities, goals, other rows, broken and missing; shares or not; loops; declined rows. */
function randomCascade(seed: number): { tabs: Tabs; total: number } {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  const pillars = Array.from({ length: 1 + int(5) }, (_, i) => `P${i + 1}`);
  const antis = Array.from({ length: int(3) }, (_, i) => `A${i + 1}`);
  const goalIds = Array.from({ length: 1 + int(8) }, (_, i) => `G${i + 1}`);
  const rowIds = Array.from({ length: 1 + int(15) }, (_, i) => `R${i + 1}`);
  const cell = (choices: readonly string[]) => {
    const refs = Array.from({ length: int(4) }, () => pick(choices));
    const shares = next() < 0.4;
    return refs.map((ref) => (shares ? `${ref} (${int(80)}%)` : ref)).join(', ');
  };
  const strategy: Cell[][] = [
    ['ID', 'Pillar', 'Type', 'Why'],
    ...pillars.map((id) => [id, `Pillar ${id}`, 'Pillar', 'why']),
    ...antis.map((id) => [id, `Anti ${id}`, 'Anti-priority', 'why']),
  ];
  const goalTargets = [...pillars, ...antis, ...goalIds, 'Z9', 'Our vision'];
  const goalRows: Cell[][] = [['Goal ID', 'Goal', 'Pillar'], ...goalIds.map((id) => [id, `Goal ${id}`, cell(goalTargets)])];
  const rowTargets = [...goalIds, ...goalIds, ...pillars, ...antis, ...rowIds, 'Q7'];
  let total = 0;
  const rows: Cell[][] = rowIds.map((id) => {
    const effort = next() < 0.15 ? '' : int(20) / (next() < 0.5 ? 1 : 4);
    const declined = next() < 0.1;
    if (!declined && effort !== '') total += effort;
    return [id, `Row ${id}`, cell(rowTargets), effort, declined ? 'Declined 2026-01-02' : 'Planned'];
  });
  return {
    tabs: { Vision: [['Vision'], ['Our vision']], Strategy: strategy, Goals: goalRows, Roadmap: [ROADMAP_HEADER, ...rows] },
    total,
  };
}

const sum = (bars: readonly EffortBar[]) => bars.reduce((acc, bar) => acc + bar.effort, 0);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('every unit of effort lands in exactly one bar of each chart', () => {
  test.each(Array.from({ length: 300 }, (_, seed) => seed + 1))('random cascade %i', (seed) => {
    const { tabs, total } = randomCascade(seed);
    const mix: EffortMix = effortMix(cascadeOf(tabs));
    expect(mix.total).toBeCloseTo(total, 9);
    expect(near(sum(mix.byPillar), mix.total), `by pillar ${sum(mix.byPillar)} vs ${mix.total}`).toBe(true);
    expect(near(sum(mix.byGoal), mix.total), `by goal ${sum(mix.byGoal)} vs ${mix.total}`).toBe(true);
    for (const bar of [...mix.byPillar, ...mix.byGoal]) {
      expect(bar.effort).toBeGreaterThanOrEqual(0);
      expect(bar.share).toBeGreaterThanOrEqual(0);
      expect(bar.share).toBeLessThanOrEqual(1 + 1e-12);
    }
    const strategyItems = tabs.Strategy!.length - 1;
    const goalItems = tabs.Goals!.length - 1;
    expect(mix.byPillar).toHaveLength(strategyItems + 2);
    expect(mix.byGoal).toHaveLength(goalItems + 1);
  });
});
