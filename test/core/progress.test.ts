/**
 * DESIGN §9 rule by rule: a goal's progress from its own row, its check-ins and the goals
 * nested under it; the roll-up to pillars, vision, mission and work rows; pace and status.
 * Each case is a goals tab small enough to work out by hand, with the answer written beside it.
 */
import { describe, expect, test } from 'vitest';
import { dayOf, parseAmount, parseDay, parseDirection } from '../../src/core/metric-values';
import { periodOfName } from '../../src/core/periods';
import type { Cell } from '../../src/core/snapshot';
import { cascadeOf, flagMessage, flagsOf, itemOf, type Tabs } from '../fixtures/workbook';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = '2026-09-30';

function progressOf(tabs: Tabs, key: string, today = TODAY): number | null {
  const cascade = cascadeOf(tabs, undefined, today);
  const value = cascade.progress.progress[itemOf(cascade, key)]!;
  return Number.isNaN(value) ? null : value;
}

function statusOf(tabs: Tabs, key: string, today = TODAY): string | null {
  const cascade = cascadeOf(tabs, undefined, today);
  return cascade.progress.status[itemOf(cascade, key)] ?? null;
}

const goals = (header: string[], ...rows: Cell[][]): Tabs => ({ Goals: [['ID', 'Goal', ...header], ...rows] });

describe('a goal from its own row', () => {
  test.each<[string, Tabs, number | null]>([
    ['1. a progress cell as a fraction', goals(['Progress'], ['G1', 'a', 0.6], ['G2', 'b', 1]), 0.6],
    ['1. a progress column whose numbers go above 1.5 holds percents', goals(['Progress'], ['G1', 'a', 60], ['G2', 'b', 100]), 0.6],
    ['1. "60%" text is a percent whatever the column', goals(['% Complete'], ['G1', 'a', '60%'], ['G2', 'b', 0.2]), 0.6],
    ['1. the progress cell wins over the figures', goals(['Progress', 'Target', 'Current'], ['G1', 'a', 0.25, 10, 9]), 0.25],
    ['2. baseline, target, current', goals(['Baseline', 'Target', 'Current'], ['G1', 'a', 14, 19, 17]), 0.6],
    ['2. a decrease, from baseline 20 to target 10, at 15', goals(['Baseline', 'Target', 'Current'], ['G1', 'a', 20, 10, 15]), 0.5],
    [
      '2. qualified values: Start Value, Target Value, Current Value',
      goals(['Start Value', 'Target Value', 'Current Value'], ['G1', 'a', 100, 200, 150]),
      0.5,
    ],
    ['2. shown uncapped: past the target is over 100%', goals(['Baseline', 'Target', 'Current'], ['G1', 'a', 0, 10, 12]), 1.2],
    ['2. shown uncapped: behind the baseline is below 0', goals(['Baseline', 'Target', 'Current'], ['G1', 'a', 10, 20, 8]), -0.2],
    ['2. percents and currency as typed', goals(['Baseline', 'Target', 'Current'], ['G1', 'a', '$1.2M', '$2M', '$1.6M']), 0.5],
    ['2. a "Start" column of numbers is the baseline', goals(['Start', 'Target', 'Current'], ['G1', 'a', 20, 40, 30]), 0.5],
    ['3. target and current, increase', goals(['Target', 'Current'], ['G1', 'a', 20, 5]), 0.25],
    ['3. decrease, above the target', goals(['Target', 'Current', 'Direction'], ['G1', 'a', 10, 20, 'decrease']), 0.5],
    ['3. decrease, at or below the target', goals(['Target', 'Current', 'Direction'], ['G1', 'a', 10, 8, 'Decrease']), 1],
    ['3. at most, above the target', goals(['Target', 'Current', 'Direction'], ['G1', 'a', 2, 8, 'at most']), 0.25],
    ['3. at least reads as current / target', goals(['Target', 'Current', 'Direction'], ['G1', 'a', 50, 40, 'At least']), 0.8],
    ['3. a target of 0 can only be reached from above', goals(['Target', 'Current'], ['G1', 'a', 0, 0]), 1],
    ['4. TRUE', goals(['Current'], ['G1', 'a', true]), 1],
    ['4. "not done"', goals(['Current'], ['G1', 'a', 'Not done']), 0],
    ['4. "Yes"', goals(['Current'], ['G1', 'a', 'Yes']), 1],
    ['6. a target with no current value: none', goals(['Target', 'Current'], ['G1', 'a', 10, '']), null],
    ['6. a current value with no target: none', goals(['Target', 'Current'], ['G1', 'a', '', 7]), null],
  ])('%s', (_, tabs, expected) => {
    const got = progressOf(tabs, 'G1');
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });
});

describe('check-ins', () => {
  const tabs = (checkIns: Cell[][]): Tabs => ({
    ...goals(['Baseline', 'Target', 'Current'], ['G1', 'Grow revenue', 0, 100, 10], ['G2', 'Cut churn', 10, 5, 9]),
    'Check-ins': [['Date', 'Goal', 'Value', 'Confidence', 'Note'], ...checkIns],
  });

  test.each<[string, Cell[][], number]>([
    [
      'the latest check-in overrides the current cell',
      [
        [day('2026-08-01'), 'G1', 40],
        [day('2026-09-01'), 'G1', 50],
      ],
      0.5,
    ],
    [
      'in any row order: the latest date wins',
      [
        [day('2026-09-01'), 'G1', 50],
        [day('2026-08-01'), 'G1', 40],
      ],
      0.5,
    ],
    [
      'on one date, the row furthest down wins',
      [
        [day('2026-09-01'), 'G1', 50],
        [day('2026-09-01'), 'G1', 55],
      ],
      0.55,
    ],
    [
      'a check-in dated after today is not read yet',
      [
        [day('2026-09-01'), 'G1', 50],
        [day('2026-10-15'), 'G1', 90],
      ],
      0.5,
    ],
    ['only check-ins after today: the current cell', [[day('2026-10-15'), 'G1', 90]], 0.1],
    ['the goal named by its title, in any case', [[day('2026-09-01'), 'grow REVENUE', 30]], 0.3],
    ['a date written as text', [['2026-09-01', 'G1', 70]], 0.7],
  ])('%s', (_, rows, expected) => {
    expect(progressOf(tabs(rows), 'G1')).toBeCloseTo(expected, 12);
  });

  test('a check-in naming no goal is reported once, not guessed', () => {
    const cascade = cascadeOf(
      tabs([
        [day('2026-09-01'), 'G9', 70],
        [day('2026-09-02'), 'G8', 70],
      ]),
      undefined,
      TODAY,
    );
    expect(cascade.progress.progress[itemOf(cascade, 'G1')]).toBeCloseTo(0.1, 12);
    expect(cascade.warnings).toContainEqual('2 check-ins of "Check-ins" name no goal, or several (rows 2, 3).');
  });

  test('a tab of any name headed Date, KR ID, Value is a check-in log', () => {
    const log: Tabs = {
      ...goals(['Baseline', 'Target', 'Current'], ['G1', 'Grow revenue', 0, 100, 10]),
      'KR Log': [
        ['Date', 'KR ID', 'Value', 'Notes'],
        [day('2026-09-01'), 'G1', 45, ''],
      ],
    };
    expect(progressOf(log, 'G1')).toBeCloseTo(0.45, 12);
    expect(cascadeOf(log, undefined, TODAY).plans.map((plan) => plan.sheet)).toEqual(['Goals']);
  });

  test('a goals tab with a Due date and a Current value is still goals, not a log', () => {
    const tabs: Tabs = {
      Sheet1: [
        ['Key Result', 'Due date', 'Current value', 'Target'],
        ['Ship it', day('2026-12-31'), 3, 10],
      ],
    };
    const cascade = cascadeOf(tabs, undefined, TODAY);
    expect(cascade.plans.map((plan) => [plan.sheet, plan.use])).toEqual([['Sheet1', 'goals']]);
    expect(cascade.checkIns.tabs).toEqual([]);
  });

  test('a check-in log is not a layer: its goal cells are not links and its rows are not goals', () => {
    const cascade = cascadeOf(tabs([[day('2026-09-01'), 'G1', 70]]), undefined, TODAY);
    expect(cascade.plans.map((plan) => plan.sheet)).toEqual(['Goals']);
    expect(cascade.checkIns.byGoal.get(itemOf(cascade, 'G1'))).toMatchObject([{ row: 2, value: 70, date: dayOf(2026, 9, 1) }]);
  });
});

describe('5. goals nested under a goal', () => {
  const okrs = (krs: Cell[][]): Tabs => ({
    OKRs: [['ID', 'Objective', 'Parent', 'Weight', 'Target', 'Current'], ['O1', 'Win the market', '', 1, '', ''], ...krs],
  });

  test.each<[string, Cell[][], number | null]>([
    [
      'a straight average of equal key results',
      [
        ['KR1', 'a', 'O1', 1, 10, 5],
        ['KR2', 'b', 'O1', 1, 10, 10],
      ],
      0.75,
    ],
    [
      "weighted by the key results' weights",
      [
        ['KR1', 'a', 'O1', 3, 10, 10],
        ['KR2', 'b', 'O1', 1, 10, 0],
      ],
      0.75,
    ],
    [
      'each part capped to 0..1',
      [
        ['KR1', 'a', 'O1', 1, 10, 20],
        ['KR2', 'b', 'O1', 1, 10, 0],
      ],
      0.5,
    ],
    [
      'a key result without progress is left out, not counted as 0',
      [
        ['KR1', 'a', 'O1', 1, 10, 6],
        ['KR2', 'b', 'O1', 1, 10, ''],
      ],
      0.6,
    ],
    [
      'shares split a key result between two objectives',
      [
        ['KR1', 'a', 'O1 (25%), O2 (75%)', 1, 10, 10],
        ['KR2', 'b', 'O1', 1, 10, 0],
      ],
      0.2,
    ],
    ['none of them measured: none', [['KR1', 'a', 'O1', 1, 10, '']], null],
  ])('%s', (_, krs, expected) => {
    const tabs = okrs(krs);
    tabs.OKRs!.push(['O2', 'Other objective', '', 1, '', '']);
    const got = progressOf(tabs, 'O1');
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });

  test('nested twice: a key result of a key result counts through its parent', () => {
    const tabs = okrs([
      ['KR1', 'a', 'O1', 1, '', ''],
      ['KR1.1', 'a1', 'KR1', 1, 10, 10],
      ['KR1.2', 'a2', 'KR1', 1, 10, 0],
      ['KR2', 'b', 'O1', 1, 10, 10],
    ]);
    expect(progressOf(tabs, 'KR1')).toBeCloseTo(0.5, 12);
    expect(progressOf(tabs, 'O1')).toBeCloseTo(0.75, 12);
  });

  test('an objective with figures of its own keeps them', () => {
    const tabs = okrs([['KR1', 'a', 'O1', 1, 10, 10]]);
    tabs.OKRs![1] = ['O1', 'Win the market', '', 1, 4, 1];
    expect(progressOf(tabs, 'O1')).toBeCloseTo(0.25, 12);
  });
});

describe('the roll-up through the cascade', () => {
  const cascade: Tabs = {
    Mission: [['Mission'], ['Do good']],
    Vision: [['Vision'], ['A better world']],
    Strategy: [
      ['ID', 'Pillar', 'Type', 'Weight', 'Why'],
      ['P1', 'Grow', 'Pillar', 1, 'w'],
      ['P2', 'Keep', 'Pillar', 3, 'w'],
      ['A1', 'Discounts', 'Anti-priority', 1, 'w'],
    ],
    Goals: [
      ['ID', 'Goal', 'Pillar', 'Weight', 'Target', 'Current'],
      ['G1', 'a', 'P1', 1, 10, 10],
      ['G2', 'b', 'P1 (50%), P2 (50%)', 2, 10, 5],
      ['G3', 'c', 'P2', 1, 10, 20],
      ['G4', 'd', 'A1', 1, 10, 0],
    ],
    Roadmap: [
      ['ID', 'Initiative', 'Goal'],
      ['R1', 'x', 'G1 (40%), G2 (60%)'],
      ['R2', 'y', 'R1'],
      ['R3', 'z', 'P1'],
    ],
  };

  test.each<[string, string, number | null]>([
    // G1 (w1 × share 1) at 1, G2 (w2 × 0.5) at 0.5: (1 + 0.5) / 2.
    ['a pillar averages the goals linked to it, by weight × share', 'P1', 0.75],
    // G2 (w2 × 0.5) at 0.5, G3 (w1) capped at 1: (0.5 + 1) / 2.
    ['each goal capped to 0..1 on the way up', 'P2', 0.75],
    ['an anti-priority gets no progress', 'A1', null],
    // P1 (w1) 0.75 and P2 (w3) 0.75.
    ['the vision averages its pillars by their weight, anti-priorities left out', 'A better world', 0.75],
    ['the mission too', 'Do good', 0.75],
    // 0.4 × 1 + 0.6 × 0.5.
    ['a work row averages the goals it serves by its shares', 'R1', 0.7],
    ["through a work parent, as IMPACT's weight flows", 'R2', 0.7],
    ['a work row that reaches no goal has none', 'R3', null],
  ])('%s', (_, key, expected) => {
    const got = progressOf(cascade, key);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });

  test('work rows have no status; pillars have one without pace', () => {
    expect(statusOf(cascade, 'R1')).toBeNull();
    expect(statusOf(cascade, 'P1')).toBe('in progress');
    expect(statusOf(cascade, 'G1')).toBe('done');
  });
});

describe('pace and status', () => {
  // Start 2026-01-01, due 2026-12-31: 364 days.
  const dated = (progress: number): Tabs =>
    goals(['Progress', 'Start', 'Due'], ['G1', 'a', progress, day('2026-01-01'), day('2026-12-31')], ['G2', 'b', 0.1, '', '']);

  test.each<[string, string, number | null]>([
    ['on the start day, no time is gone', '2026-01-01', 0],
    ['before the start, clamped to 0', '2025-06-01', 0],
    ['half way', '2026-07-02', 182 / 364],
    ['on the due day, all of it', '2026-12-31', 1],
    ['after the due date, clamped to 1', '2027-03-01', 1],
  ])('%s', (_, today, elapsed) => {
    const cascade = cascadeOf(dated(0.5), undefined, today);
    expect(cascade.progress.goals.get(itemOf(cascade, 'G1'))!.elapsed).toBeCloseTo(elapsed!, 12);
  });

  test.each<[number, string]>([
    [1, 'done'],
    [1.3, 'done'],
    [0.4, 'on track'],
    [0.4 - 1e-6, 'at risk'],
    [0.2, 'at risk'],
    [0.2 - 1e-6, 'off track'],
    [0, 'off track'],
  ])('half the time gone, progress %s: %s', (progress, status) => {
    expect(statusOf(dated(progress), 'G1', '2026-07-02')).toBe(status);
  });

  test('only one date: no pace, so done, in progress or not started', () => {
    const tabs = goals(['Progress', 'Start', 'Due'], ['G1', 'a', 0.1, day('2026-01-01'), ''], ['G2', 'b', 0, '', day('2026-12-31')]);
    expect(statusOf(tabs, 'G1')).toBe('in progress');
    expect(statusOf(tabs, 'G2')).toBe('not started');
  });

  test('the tab\'s period stands in for dates: "Q3 2026" runs from 1 July to 30 September', () => {
    const tabs: Tabs = {
      'Q3 2026 OKRs': [
        ['ID', 'Objective', 'Progress'],
        ['G1', 'a', 0.2],
      ],
    };
    const cascade = cascadeOf(tabs, undefined, '2026-08-15');
    const goal = cascade.progress.goals.get(itemOf(cascade, 'G1'))!;
    expect(goal).toMatchObject({ start: dayOf(2026, 7, 1), due: dayOf(2026, 9, 30) });
    expect(goal.elapsed).toBeCloseTo(45 / 91, 12);
    expect(cascade.progress.status[itemOf(cascade, 'G1')]).toBe('at risk');
  });

  test("a Quarter cell gives its row a period, before the tab's", () => {
    const tabs: Tabs = {
      'FY26 OKRs': [
        ['ID', 'Objective', 'Progress', 'Quarter'],
        ['G1', 'a', 0.2, 'Q3 2026'],
        ['G2', 'b', 0.2, ''],
      ],
    };
    const cascade = cascadeOf(tabs, undefined, '2026-08-15');
    expect(cascade.progress.goals.get(itemOf(cascade, 'G1'))).toMatchObject({ start: dayOf(2026, 7, 1), due: dayOf(2026, 9, 30) });
    // FY26 is the calendar year 2026.
    expect(cascade.progress.goals.get(itemOf(cascade, 'G2'))).toMatchObject({ start: dayOf(2026, 1, 1), due: dayOf(2026, 12, 31) });
  });

  test('a target with no current value or check-in: no data', () => {
    expect(statusOf(goals(['Target', 'Current'], ['G1', 'a', 10, '']), 'G1')).toBe('no data');
  });

  test('AT_RISK carries the figures; NO_METRIC a goal nothing measures', () => {
    const tabs = goals(
      ['Baseline', 'Target', 'Current', 'Start', 'Due'],
      ['G1', 'a', 0, 100, 40, day('2026-01-01'), day('2026-12-31')],
      ['G2', 'b', '', '', '', '', ''],
      ['G3', 'c', 0, 100, 90, day('2026-01-01'), day('2026-12-31')],
    );
    const cascade = cascadeOf(tabs, undefined, '2026-09-01');
    // 243 of 364 days: 67% gone; 40% is within 30 points of it.
    expect(flagMessage(cascade, 'G1', 'AT_RISK')).toBe('40% done with 67% of the time gone (at risk)');
    expect(flagMessage(cascadeOf(tabs, undefined, '2026-09-13'), 'G1', 'AT_RISK')).toBe('40% done with 70% of the time gone (off track)');
    expect(flagsOf(cascade, 'G2')).toContain('NO_METRIC');
    expect(flagsOf(cascade, 'G3')).not.toContain('AT_RISK');
  });

  test('a plan that measures no goal at all is not flagged goal by goal', () => {
    const cascade = cascadeOf(goals(['Owner'], ['G1', 'a', 'Sam'], ['G2', 'b', 'Lea']), undefined, TODAY);
    expect(flagsOf(cascade, 'G1')).not.toContain('NO_METRIC');
  });
});

describe('reading figures and dates', () => {
  test.each<[Cell, number | null]>([
    [12, 12],
    [-3, -3],
    ['1,200', 1200],
    ['$5', 5],
    ['€1.5k', 1500],
    ['$1.2M', 1_200_000],
    ['60%', 0.6],
    ['15 days', 15],
    ['3 of 5', null],
    ['soon', null],
    ['', null],
  ])('%j is %s', (cell, expected) => {
    expect(parseAmount(cell)).toBe(expected);
  });

  test.each<[Cell, string | null]>([
    [day('2026-03-29'), '2026-03-29'],
    ['2026-03-29', '2026-03-29'],
    ['2026/3/9', '2026-03-09'],
    ['Mar 29, 2026', '2026-03-29'],
    ['29 March 2026', '2026-03-29'],
    ['2026-02-30', null],
    ['03/04/2026', null],
  ])('%j is the day %s', (cell, expected) => {
    const got = parseDay(cell);
    expect(got === null ? null : new Date(got * 86_400_000).toISOString().slice(0, 10)).toBe(expected);
  });

  test.each<[string, string | null]>([
    ['up', 'increase'],
    ['Decrease', 'decrease'],
    ['≤', 'at most'],
    ['at least', 'at least'],
    ['sideways', null],
  ])('direction %j', (text, expected) => {
    expect(parseDirection(text)).toBe(expected);
  });

  test.each<[string, string | null, string | null]>([
    ['Q3 2026', '2026-07-01', '2026-09-30'],
    ['2026 Q1 goals', '2026-01-01', '2026-03-31'],
    ['H1 2027', '2027-01-01', '2027-06-30'],
    ['FY27 OKRs', '2027-01-01', '2027-12-31'],
    ['FY27 H2', '2027-07-01', '2027-12-31'],
    ["Q4 '26", '2026-10-01', '2026-12-31'],
    ['Goals', null, null],
    ['Q3', null, null],
  ])('the period of %j', (name, start, end) => {
    const period = periodOfName(name);
    const text = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    expect(period ? [text(period.start), text(period.end)] : [null, null]).toEqual([start, end]);
  });
});
