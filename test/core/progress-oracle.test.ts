/**
 * DESIGN §9 against an oracle: a seeded plan of 40 objectives and 170 key results and goals
 * in every form §9 knows (progress cells as fractions and as "%" text, baseline to target,
 * target alone, decreases, "at most", yes/no, nothing, a target with no data), weights,
 * shares to several pillars and objectives, check-ins before, on and after today, and
 * roadmap rows through other roadmap rows. The oracle works from the numbers the plan was
 * made from, never from the sheet, with §9's rules written out plainly; the cascade must
 * agree on every goal, pillar, vision, mission and roadmap row to 1e-9.
 */
import { expect, test } from 'vitest';
import type { Cell } from '../../src/core/snapshot';
import { seededRandom } from '../fixtures/random';
import { cascadeOf, itemOf, type Tabs } from '../fixtures/workbook';

type Rule = 'cell' | 'cell %' | 'range' | 'target' | 'decrease' | 'at most' | 'yes/no' | 'none' | 'no data';

interface Link {
  readonly to: string;
  readonly share: number;
}

interface Goal {
  readonly id: string;
  readonly weight: number;
  readonly parents: readonly Link[];
  readonly rule: Rule;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly current: number | boolean | null;
  readonly progressCell: number | null;
  readonly checkIns: readonly { day: string; value: number; order: number }[];
}

const TODAY = '2026-09-30';
const DAYS = ['2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01', '2026-10-20'];

function plan(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  /** Shares in whole percents adding up to 100, or none (an equal split). */
  const linksTo = (targets: readonly string[]): Link[] => {
    if (targets.length === 1 || random() < 0.3) return targets.map((to) => ({ to, share: 1 / targets.length }));
    const first = int(10, 90);
    return [
      { to: targets[0]!, share: first / 100 },
      { to: targets[1]!, share: (100 - first) / 100 },
    ];
  };
  const distinct = (list: readonly string[], count: number) => {
    const out: string[] = [];
    while (out.length < count) {
      const next = pick(list);
      if (!out.includes(next)) out.push(next);
    }
    return out;
  };
  const pillars = ['P1', 'P2', 'P3', 'P4', 'P5'].map((id) => ({ id, weight: int(1, 3) }));
  const goals: Goal[] = [];
  let order = 0;
  const make = (id: string, parents: Link[], rules: readonly Rule[]): Goal => {
    const rule = pick(rules);
    const baseline = rule === 'range' ? int(0, 50) : rule === 'decrease' ? null : null;
    let target: number | null = null;
    let current: number | boolean | null = null;
    let progressCell: number | null = null;
    if (rule === 'cell') progressCell = int(0, 120) / 100;
    if (rule === 'cell %') progressCell = int(0, 120) / 100;
    if (rule === 'range') [target, current] = [baseline! + int(10, 100), baseline! + int(-10, 120)];
    if (rule === 'target') [target, current] = [int(10, 200), int(0, 250)];
    if (rule === 'decrease' || rule === 'at most') [target, current] = [int(5, 50), int(1, 100)];
    if (rule === 'yes/no') current = random() < 0.5;
    if (rule === 'no data') target = int(10, 100);
    const numeric = rule === 'range' || rule === 'target' || rule === 'decrease' || rule === 'at most';
    const checkIns =
      numeric && random() < 0.4 ? Array.from({ length: int(1, 3) }, () => ({ day: pick(DAYS), value: int(0, 150), order: order++ })) : [];
    return { id, weight: int(1, 4), parents, rule, baseline, target, current, progressCell, checkIns };
  };
  const objectives: Goal[] = [];
  for (let i = 1; i <= 40; i++) {
    const count = random() < 0.3 ? 2 : 1;
    objectives.push(
      make(
        `O${i}`,
        linksTo(
          distinct(
            pillars.map((p) => p.id),
            count,
          ),
        ),
        ['none', 'none', 'none', 'cell', 'range', 'target'],
      ),
    );
  }
  goals.push(...objectives);
  const all: Rule[] = ['cell', 'cell %', 'range', 'target', 'decrease', 'at most', 'yes/no', 'none', 'no data'];
  for (let i = 1; i <= 170; i++) {
    const underObjectives = random() < 0.75;
    const ids = underObjectives ? objectives.map((o) => o.id) : pillars.map((p) => p.id);
    goals.push(make(`K${i}`, linksTo(distinct(ids, random() < 0.25 ? 2 : 1)), all));
  }
  const roadmap: { id: string; links: Link[] }[] = [];
  for (let i = 1; i <= 120; i++) {
    const throughWork = i > 20 && random() < 0.3;
    const ids = throughWork ? roadmap.map((r) => r.id) : goals.map((g) => g.id);
    roadmap.push({ id: `R${i}`, links: linksTo(distinct(ids, !throughWork && random() < 0.3 ? 2 : 1)) });
  }
  return { pillars, goals, roadmap };
}

type Plan = ReturnType<typeof plan>;

function linkText(links: readonly Link[]): string {
  const equal = links.every((link) => link.share === 1 / links.length);
  return links.map((link) => (equal ? link.to : `${link.to} (${Math.round(link.share * 100)}%)`)).join(', ');
}

function tabsOf({ pillars, goals, roadmap }: Plan): Tabs {
  const goalRow = (goal: Goal): Cell[] => {
    const direction = goal.rule === 'decrease' ? 'Decrease' : goal.rule === 'at most' ? 'At most' : '';
    const progress =
      goal.progressCell === null ? '' : goal.rule === 'cell %' ? `${Math.round(goal.progressCell * 100)}%` : goal.progressCell;
    return [
      goal.id,
      `Goal ${goal.id}`,
      linkText(goal.parents),
      goal.weight,
      goal.baseline ?? '',
      goal.target ?? '',
      goal.current ?? '',
      direction,
      progress,
    ];
  };
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return {
    Mission: [['Mission'], ['Serve everyone']],
    Vision: [['Vision'], ['Everyone served']],
    Strategy: [
      ['ID', 'Pillar', 'Type', 'Weight', 'Why'],
      ...pillars.map((p) => [p.id, `Pillar ${p.id}`, 'Pillar', p.weight, 'because']),
      ['A1', 'Discounts', 'Anti-priority', 1, 'no'],
    ],
    // Q3 2026 gives every goal its pace; no goal has dates of its own.
    'Q3 2026 Goals': [['ID', 'Goal', 'Parent', 'Weight', 'Baseline', 'Target', 'Current', 'Direction', 'Progress'], ...goals.map(goalRow)],
    Roadmap: [['ID', 'Initiative', 'Goal'], ...roadmap.map((row) => [row.id, `Work ${row.id}`, linkText(row.links)])],
    'Check-ins': [
      ['Date', 'Goal', 'Value'],
      ...goals
        .flatMap((goal) => goal.checkIns.map((entry) => ({ goal, entry })))
        .sort((a, b) => a.entry.order - b.entry.order)
        .map(({ goal, entry }) => [day(entry.day), goal.id, entry.value]),
    ],
  };
}

const cap = (value: number) => Math.max(0, Math.min(1, value));

/** §9 written out plainly, from the plan's own numbers. */
function oracle({ pillars, goals, roadmap }: Plan): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const current = (goal: Goal): number | boolean | null => {
    const usable = goal.checkIns.filter((entry) => entry.day <= TODAY);
    if (usable.length === 0) return goal.current;
    // Latest date; on one date, the row furthest down (the one written last).
    return usable.reduce((best, entry) => (entry.day > best.day || (entry.day === best.day && entry.order > best.order) ? entry : best))
      .value;
  };
  const own = (goal: Goal): number | null => {
    if (goal.progressCell !== null) return goal.progressCell;
    const now = current(goal);
    if (typeof now === 'boolean') return now ? 1 : 0;
    if (now === null || goal.target === null) return null;
    if (goal.baseline !== null && goal.target !== goal.baseline) return (now - goal.baseline) / (goal.target - goal.baseline);
    if (goal.rule === 'decrease' || goal.rule === 'at most') return now <= goal.target ? 1 : goal.target / now;
    return now / goal.target;
  };
  const average = (parts: { value: number | null; weight: number }[]): number | null => {
    const counted = parts.filter((part) => part.value !== null);
    const weight = counted.reduce((sum, part) => sum + part.weight, 0);
    return weight === 0 ? null : counted.reduce((sum, part) => sum + cap(part.value!) * part.weight, 0) / weight;
  };
  // Key results first: objectives average them.
  for (const goal of goals.filter((g) => g.id.startsWith('K'))) out.set(goal.id, own(goal));
  for (const objective of goals.filter((g) => g.id.startsWith('O'))) {
    const mine = own(objective);
    const under = goals.flatMap((goal) =>
      goal.parents
        .filter((link) => link.to === objective.id)
        .map((link) => ({ value: out.get(goal.id)!, weight: goal.weight * link.share })),
    );
    out.set(objective.id, mine ?? average(under));
  }
  for (const pillar of pillars) {
    const under = goals.flatMap((goal) =>
      goal.parents.filter((link) => link.to === pillar.id).map((link) => ({ value: out.get(goal.id)!, weight: goal.weight * link.share })),
    );
    out.set(pillar.id, average(under));
  }
  const top = average(pillars.map((pillar) => ({ value: out.get(pillar.id)!, weight: pillar.weight })));
  out.set('Everyone served', top);
  out.set('Serve everyone', top);
  const goalShares = new Map<string, Map<string, number>>();
  for (const row of roadmap) {
    const shares = new Map<string, number>();
    for (const link of row.links) {
      const through = goalShares.get(link.to);
      if (through) for (const [goal, share] of through) shares.set(goal, (shares.get(goal) ?? 0) + link.share * share);
      else shares.set(link.to, (shares.get(link.to) ?? 0) + link.share);
    }
    goalShares.set(row.id, shares);
    out.set(row.id, average([...shares].map(([goal, share]) => ({ value: out.get(goal)!, weight: share }))));
  }
  return out;
}

test.each([1, 2, 3])('seed %i: every item matches the oracle to 1e-9, with its status', (seed) => {
  const made = plan(seed);
  const cascade = cascadeOf(tabsOf(made), undefined, TODAY);
  expect(cascade.warnings).toEqual([]);
  const expected = oracle(made);
  expect(expected.size).toBeGreaterThanOrEqual(5 + 210 + 120 + 2);
  for (const [key, value] of expected) {
    const got = cascade.progress.progress[itemOf(cascade, key)]!;
    if (value === null) expect(Number.isNaN(got), `${key}: expected no progress, got ${got}`).toBe(true);
    else expect(Math.abs(got - value), `${key}: expected ${value}, got ${got}`).toBeLessThan(1e-9);
  }
  // Q3 2026 on 30 September: all the time is gone, so a goal is done, or on track only at 90% or more.
  const measuredOwn = (goal: Goal) => goal.target !== null || goal.progressCell !== null || typeof goal.current === 'boolean';
  const measured = (goal: Goal) =>
    measuredOwn(goal) || made.goals.some((under) => under.parents.some((link) => link.to === goal.id) && measuredOwn(under));
  for (const goal of made.goals) {
    const value = expected.get(goal.id)!;
    const status = cascade.progress.status[itemOf(cascade, goal.id)];
    const want =
      value === null
        ? measured(goal)
          ? 'no data'
          : null
        : value >= 1
          ? 'done'
          : value >= 0.9 - 1e-9
            ? 'on track'
            : value >= 0.7 - 1e-9
              ? 'at risk'
              : 'off track';
    expect(status ?? null, goal.id).toBe(want);
    expect(
      cascade.flags[itemOf(cascade, goal.id)]!.some((flag) => flag.code === 'NO_METRIC'),
      goal.id,
    ).toBe(!measured(goal));
  }
  // The plan really is mixed: every rule, nested goals, and check-ins that change answers.
  expect(new Set(made.goals.map((goal) => goal.rule)).size).toBe(9);
  expect(made.goals.filter((goal) => goal.checkIns.length > 0).length).toBeGreaterThan(10);
});
