/**
 * What changed (DESIGN §10) on a seeded plan with 55 changes of every kind, each on its own
 * row: titles, parents, efforts, links broken (parents and flags), rows added and removed,
 * goals' progress (and so their pillars'). Every change is reported once and nothing else is, though the newer plan
 * also has its rows sorted, moved between the two roadmap tabs and rows inserted above them.
 * The same holds against the older plan frozen into a snapshot tab and read back.
 */
import { describe, expect, test } from 'vitest';
import { buildCascade } from '../../src/core/cascade';
import { diffPlans, type ItemChange } from '../../src/core/plan-diff';
import { isSnapshotTab, snapshotRows, stateOfSnapshot } from '../../src/core/plan-snapshot';
import { stateOfCascade } from '../../src/core/plan-state';
import type { Cell } from '../../src/core/snapshot';
import { seededRandom } from '../fixtures/random';
import { type Tabs, workbook } from '../fixtures/workbook';

const TODAY = '2026-09-30';
const GOALS = 20;
const MEASURED = 5;

interface Row {
  id: string;
  title: string;
  link: string;
  effort: number;
}

/** The older plan, and the rows of its roadmap that are free to change (no tasks, not a goal's anchor). */
function older() {
  const goals: Cell[][] = [['ID', 'Goal', 'Pillar', 'Target', 'Current']];
  for (let g = 1; g <= GOALS; g++) goals.push([`G${g}`, `Goal ${g}`, `P${1 + (g % 4)}`, g <= MEASURED ? 100 : '', g <= MEASURED ? 40 : '']);
  const roadmap: Row[] = [];
  // Two anchors per unmeasured goal, so no relink ever leaves a goal without work.
  for (let g = MEASURED + 1; g <= GOALS; g++) {
    for (const n of [1, 2]) roadmap.push({ id: `A${g}-${n}`, title: `Anchor ${g}.${n}`, link: `G${g}`, effort: 3 });
  }
  const free: Row[] = [];
  for (let r = 1; r <= 60; r++)
    free.push({ id: `R${r}`, title: `Initiative ${r}`, link: `G${MEASURED + 1 + (r % (GOALS - MEASURED))}`, effort: 1 + (r % 5) });
  const tasks: Cell[][] = [['Ticket ID', 'Task', 'Initiative', 'Points']];
  for (let t = 1; t <= 20; t++) tasks.push([`T${t}`, `Task ${t}`, roadmap[t]!.id, 2]);
  return { goals, rows: [...roadmap, ...free], free, tasks };
}

const strategy: Cell[][] = [
  ['ID', 'Pillar', 'Type', 'Why', 'Target'],
  ['P1', 'One', 'Pillar', 'w', '25%'],
  ['P2', 'Two', 'Pillar', 'w', '25%'],
  ['P3', 'Three', 'Pillar', 'w', '25%'],
  ['P4', 'Four', 'Pillar', 'w', '25%'],
  ['A1', 'Never', 'Anti-priority', 'w', ''],
];

function tabsOf(plan: ReturnType<typeof older>, declined: Cell[][], layout: (rows: Row[]) => Record<string, Row[]>): Tabs {
  const header = ['ID', 'Initiative', 'Goal', 'Effort'];
  const tabs: Tabs = { Strategy: strategy, Goals: plan.goals };
  for (const [name, rows] of Object.entries(layout(plan.rows)))
    tabs[name] = [header, ...rows.map((row) => [row.id, row.title, row.link, row.effort])];
  tabs.Backlog = plan.tasks;
  tabs['Not on roadmap'] = [['Date', 'Request', 'Reason'], ...declined];
  return tabs;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const OLD_DECLINED: Cell[][] = [
  [day('2026-06-01'), 'Dark mode everywhere', 'Not this year'],
  [day('2026-07-01'), 'Loyalty points', 'Off strategy'],
];

/** Applies 55 changes, each to a row of its own, and says what each should report. */
function changed(random: () => number) {
  const plan = older();
  const pool = [...plan.free];
  const take = () => pool.splice(Math.floor(random() * pool.length), 1)[0]!;
  const expected: ItemChange[] = [];
  const row = (r: Row) => ({ layer: 'roadmap', key: r.id });
  for (let i = 0; i < 10; i++) {
    const r = take();
    const title = `${r.title} (renamed)`;
    expected.push({ ...row(r), title, change: 'changed', fields: { title: [r.title, title] } });
    r.title = title;
  }
  for (let i = 0; i < 10; i++) {
    const r = take();
    const goal = `G${MEASURED + 1 + ((Number(r.id.slice(1)) + 3) % (GOALS - MEASURED))}`;
    expected.push({ ...row(r), title: r.title, change: 'changed', fields: { parents: [r.link, goal] } });
    r.link = goal;
  }
  for (let i = 0; i < 10; i++) {
    const r = take();
    expected.push({ ...row(r), title: r.title, change: 'changed', fields: { effort: [r.effort, r.effort + 10] } });
    r.effort += 10;
  }
  for (let i = 0; i < 10; i++) {
    const r = take();
    const broken = `G-gone-${i}`;
    expected.push({
      ...row(r),
      title: r.title,
      change: 'changed',
      fields: { parents: [r.link, broken], flags: ['', 'NO_GOAL, NO_PARENT, BROKEN_LINK'] },
    });
    r.link = broken;
  }
  for (let i = 0; i < 5; i++) {
    const r = take();
    plan.rows.splice(plan.rows.indexOf(r), 1);
    expected.push({ ...row(r), title: r.title, change: 'removed', fields: {} });
  }
  for (let i = 0; i < 4; i++) {
    const r = { id: `N${i}`, title: `New initiative ${i}`, link: `G${MEASURED + 1 + i}`, effort: 2 };
    plan.rows.push(r);
    expected.push({ ...row(r), title: r.title, change: 'added', fields: {} });
  }
  // A request declined before, back on the roadmap: added, and RESURFACED.
  plan.rows.push({ id: 'N9', title: 'Loyalty points', link: 'G7', effort: 2 });
  expected.push({ layer: 'roadmap', key: 'N9', title: 'Loyalty points', change: 'added', fields: {} });
  for (let g = 1; g <= MEASURED; g++) {
    const row = plan.goals[g]!;
    const now = 40 + g * 7;
    expected.push({ layer: 'goals', key: `G${g}`, title: `Goal ${g}`, change: 'changed', fields: { progress: [0.4, now / 100] } });
    plan.goals[g] = [...row.slice(0, 4), now];
  }
  // A pillar averages its measured goals (each 40% before): its progress moves with theirs.
  const titles = ['One', 'Two', 'Three', 'Four'];
  for (let p = 1; p <= 4; p++) {
    const under = Array.from({ length: MEASURED }, (_, i) => i + 1).filter((g) => 1 + (g % 4) === p);
    const now = under.reduce((sum, g) => sum + (40 + g * 7) / 100, 0) / under.length;
    expected.push({ layer: 'strategy', key: `P${p}`, title: titles[p - 1]!, change: 'changed', fields: { progress: [0.4, now] } });
  }
  return { plan, expected };
}

/** Sorted by title, split over two roadmap tabs, a note inserted above each header. */
function shuffled(rows: Row[]): Record<string, Row[]> {
  const sorted = [...rows].sort((a, b) => a.title.localeCompare(b.title));
  return { 'Q3 Roadmap': sorted.filter((_, i) => i % 2 === 0), 'Q4 Roadmap': sorted.filter((_, i) => i % 2 === 1) };
}

const order = (list: readonly ItemChange[]) => [...list].sort((a, b) => `${a.layer}/${a.key}`.localeCompare(`${b.layer}/${b.key}`));

describe.each([1, 2])('seed %i', (seed) => {
  const before = buildCascade(workbook(tabsOf(older(), OLD_DECLINED, (rows) => ({ Roadmap: rows }))), undefined, { today: TODAY });
  const { plan, expected } = changed(seededRandom(seed));
  const NEW_DECLINED: Cell[][] = [...OLD_DECLINED, [day('2026-09-12'), 'Crypto payments', 'Not our customers']];
  const afterTabs = tabsOf(plan, NEW_DECLINED, shuffled);
  for (const name of ['Q3 Roadmap', 'Q4 Roadmap']) afterTabs[name] = [['Plan for the quarter, sorted by title'], [], ...afterTabs[name]!];
  const after = buildCascade(workbook(afterTabs), undefined, { today: TODAY });

  test('every seeded change is reported once, and nothing else', () => {
    expect(expected.length).toBeGreaterThanOrEqual(50);
    const diff = diffPlans(stateOfCascade(before, 'the older plan'), stateOfCascade(after, 'now'));
    expect(order(diff.items)).toEqual(order(expected));
  });

  test('the mix, coverage, requests declined since and those that came back', () => {
    const diff = diffPlans(stateOfCascade(before, 'the older plan'), stateOfCascade(after, 'now'));
    const [was, now] = [before.investment(), after.investment()];
    expect(diff.mix).toEqual(
      now.pillars.map((pillar, i) => ({ pillar: pillar.key, before: was.pillars[i]!.actual, after: pillar.actual, target: 0.25 })),
    );
    const roadmapRows = (cascade: typeof before) => cascade.items.filter((item) => item.layer === 'roadmap');
    const reaching = (cascade: typeof before) => roadmapRows(cascade).filter((item) => cascade.reach.throughGoal[item.index]).length;
    expect(diff.coverage).toEqual({
      before: reaching(before) / roadmapRows(before).length,
      after: reaching(after) / roadmapRows(after).length,
    });
    expect(diff.coverage.after).toBeLessThan(1);
    expect(diff.declined).toEqual([{ request: 'Crypto payments', date: '2026-09-12', reason: 'Not our customers' }]);
    expect(diff.cameBack).toEqual([{ request: 'Loyalty points', key: 'N9' }]);
  });

  test('against the older plan frozen in a snapshot tab, read back from the newer workbook: the same changes', () => {
    const rows = snapshotRows(stateOfCascade(before, 'frozen'), '2026-07-15');
    // The PM put a note above the snapshot and sorted its item rows; it is still a snapshot.
    const header = rows.findIndex((r) => r[0] === 'Layer');
    const frozen = [['Agreed at the Q3 planning'], ...rows.slice(0, header + 1), ...rows.slice(header + 1).reverse()];
    const withSnapshot = buildCascade(workbook({ ...afterTabs, 'Q3 2026 plan': frozen }), undefined, { today: TODAY });
    expect(isSnapshotTab(frozen)).toBe(true);
    expect(withSnapshot.items.length).toBe(after.items.length);
    expect(withSnapshot.plans.map((p) => p.sheet)).not.toContain('Q3 2026 plan');
    const diff = diffPlans(stateOfSnapshot('Q3 2026 plan', frozen)!, stateOfCascade(withSnapshot, 'now'));
    expect(diff.since).toBe('Q3 2026 plan');
    expect(order(diff.items)).toEqual(order(expected));
    // The snapshot keeps no declined list: the requests dated by its day were declined before it.
    expect(diff.declined.map((request) => request.request)).toEqual(['Crypto payments']);
    expect(diff.cameBack).toEqual([{ request: 'Loyalty points', key: 'N9' }]);
  });
});

test('the same plan, only sorted and moved between tabs of one layer: no change at all', () => {
  const plan = older();
  const a = buildCascade(workbook(tabsOf(plan, OLD_DECLINED, (rows) => ({ Roadmap: rows }))), undefined, { today: TODAY });
  const b = buildCascade(workbook(tabsOf(plan, OLD_DECLINED, shuffled)), undefined, { today: TODAY });
  const diff = diffPlans(stateOfCascade(a, 'a'), stateOfCascade(b, 'b'));
  expect(diff.items).toEqual([]);
  expect(diff.declined).toEqual([]);
  expect(diff.mix.every((pillar) => pillar.before === pillar.after)).toBe(true);
});

test('a key that changed is matched by its title; a progress move under 0.01 is no change', () => {
  const a = buildCascade(
    workbook({
      Goals: [
        ['ID', 'Goal', 'Target', 'Current'],
        ['G1', 'Grow', 1000, 400],
        ['G2', 'Keep', 10, 5],
      ],
    }),
  );
  const b = buildCascade(
    workbook({
      Goals: [
        ['ID', 'Goal', 'Target', 'Current'],
        ['G-1', 'Grow', 1000, 409],
        ['G2', 'Keep', 10, 6],
      ],
    }),
  );
  const diff = diffPlans(stateOfCascade(a, 'a'), stateOfCascade(b, 'b'));
  expect(diff.items).toEqual([{ layer: 'goals', key: 'G2', title: 'Keep', change: 'changed', fields: { progress: [0.5, 0.6] } }]);
});
