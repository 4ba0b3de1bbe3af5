/**
 * The rules of DESIGN §2a one by one, on small workbooks: hierarchy inside one tab, several
 * id columns, label columns, and checks only where they apply. The layout corpus
 * (layouts.test.ts) holds the same rules to real layouts.
 */
import { describe, expect, test } from 'vitest';
import { BASE, cascadeOf, flagMessage, flagsOf, type Tabs, tracesOf } from '../fixtures/workbook';

const STRATEGY = BASE.Strategy!;
const parentsOf = (tabs: Tabs, key: string) => tracesOf(cascadeOf(tabs), key).map((path) => path[1]);

describe('objectives and their key results in one tab', () => {
  test.each([
    [
      'prefixed ids',
      [
        ['ID', 'Objective / Key Result', 'Pillar'],
        ['O1', 'Grow', 'P1'],
        ['KR1.1', 'NPS 50', ''],
        ['KR1.2', 'Churn 2%', ''],
        ['O2', 'Save', 'P2'],
        ['KR2.1', 'Cost -10%', ''],
      ],
    ],
    [
      'prefixed titles',
      [
        ['Goal', 'Pillar'],
        ['Objective 1: Grow', 'P1'],
        ['KR 1.1: NPS 50', ''],
        ['KR 1.2: Churn 2%', ''],
        ['Objective 2: Save', 'P2'],
        ['KR 2.1: Cost -10%', ''],
      ],
    ],
    [
      'a Type column',
      [
        ['Goal', 'Type', 'Pillar'],
        ['Grow', 'Objective', 'P1'],
        ['NPS 50', 'Key Result', ''],
        ['Churn 2%', 'Key result', ''],
        ['Save', 'Objective', 'P2'],
        ['Cost -10%', 'KR', ''],
      ],
    ],
  ] as const)('%s: each key result hangs under the objective above it', (_, goals) => {
    const c = cascadeOf({
      ...BASE,
      Goals: goals as never,
      Roadmap: [
        ['Initiative', 'Goal'],
        ['R1', goals[2]![0]!],
      ],
    });
    const [obj1, kr11, kr12, obj2, kr21] = c.items.filter((item) => item.layer === 'goals').map((item) => item.key);
    expect(tracesOf(c, kr11!)[0]!.slice(0, 3)).toEqual([kr11, obj1, 'P1']);
    expect(tracesOf(c, kr21!)[0]![1]).toBe(obj2);
    // Work on a key result reaches its objective: neither is an orphan.
    expect(flagsOf(c, obj1!)).not.toContain('ORPHAN');
    expect(flagsOf(c, kr11!)).toEqual([]);
    expect(flagsOf(c, kr12!)).toEqual(['ORPHAN']);
  });

  test('one row per key result, the objective repeated or left blank below its first row', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Objective', 'Key Result', 'Pillar'],
        ['Grow', 'NPS 50', 'P1'],
        ['', 'Churn 2%', ''],
        ['Save', 'Cost -10%', 'P2'],
        ['save', 'Fewer refunds', 'P2'],
      ],
      Roadmap: [
        ['Initiative', 'Goal'],
        ['R1', 'NPS 50'],
        ['R2', 'Save'],
      ],
    });
    const goals = c.items.filter((item) => item.layer === 'goals');
    expect(goals.map((item) => [item.row, item.key])).toEqual([
      [2, 'Grow'],
      [2, 'NPS 50'],
      [3, 'Churn 2%'],
      [4, 'Save'],
      [4, 'Cost -10%'],
      [5, 'Fewer refunds'],
    ]);
    expect(tracesOf(c, 'Churn 2%')[0]).toEqual(['Churn 2%', 'Grow', 'P1', 'Claims settled in a day', 'Protect our customers']);
    expect(tracesOf(c, 'Fewer refunds')[0]!.slice(0, 3)).toEqual(['Fewer refunds', 'Save', 'P2']);
    expect(flagsOf(c, 'Grow')).toEqual([]);
    expect(flagsOf(c, 'Churn 2%')).toEqual(['ORPHAN']);
  });

  test('one row per objective with its key results listed in one cell: the objectives are the items', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Objective', 'Key Results', 'Pillar'],
        ['Grow', 'KR1: NPS 50\nKR2: Churn 2%', 'P1'],
        ['Save', 'KR1: Cost -10%\nKR2: Refunds -5%', 'P2'],
      ],
    });
    expect(c.items.filter((item) => item.layer === 'goals').map((item) => item.key)).toEqual(['Grow', 'Save']);
  });

  test('one key result wrapped onto two lines is not a list: the key results stay', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Objective', 'Key Result', 'Pillar'],
        ['Grow', 'NPS above 50\nfor paying customers', 'P1'],
        ['Save', 'Cost -10%', 'P2'],
        ['Keep', 'Churn 2%', 'P3'],
      ],
    });
    expect(c.items.filter((item) => item.layer === 'goals').map((item) => item.key)).toEqual([
      'Grow',
      'NPS above 50\nfor paying customers',
      'Save',
      'Cost -10%',
      'Keep',
      'Churn 2%',
    ]);
  });

  test('a grouping column beside the title links within the layer only when most of its values name rows', () => {
    const roadmap = [
      ['Feature', 'Initiative', 'Goal'],
      ['Signup form', 'Self-serve', 'G1'],
      ['Self-serve', '', 'G1'],
      ['Alerts', 'Retention', 'G2'],
    ];
    const c = cascadeOf({ ...BASE, Roadmap: roadmap });
    expect(flagsOf(c, 'Alerts')).toEqual([]);
    expect(c.warnings.join(' ')).not.toContain('"Initiative"');
  });

  test('two OKR tabs sharing a key result keep their key results', () => {
    const okrs = (kr: string) => [
      ['Objective', 'Key Result'],
      ['Grow', 'NPS 50'],
      ['', kr],
      ['Save', 'Cost -10%'],
    ];
    const c = cascadeOf({ ...BASE, Goals: okrs('Churn 2%'), 'Q2 OKRs': okrs('Churn 1%') });
    expect(c.items.filter((item) => item.sheet === 'Q2 OKRs').map((item) => item.key)).toEqual([
      'Grow',
      'NPS 50',
      'Churn 1%',
      'Save',
      'Cost -10%',
    ]);
  });

  test("an Objective ID column is the objective's key; the key result keeps its own", () => {
    const goals = [
      ['Objective ID', 'Objective', 'KR ID', 'Key Result', 'Pillar'],
      ['O1', 'Grow', 'KR1', 'NPS 50', 'P1'],
      ['O1', 'Grow', 'KR2', 'Churn 2%', 'P1'],
    ];
    expect(parentsOf({ ...BASE, Goals: goals }, 'KR2')).toEqual(['O1']);
  });
});

describe('a tracker export that mixes layers', () => {
  const jira: Tabs = {
    ...BASE,
    Jira: [
      ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Project key', 'Project lead', 'Assignee Id', 'Parent', 'Parent summary', 'Goal'],
      ['Claims app', 'CLM-1', 10001, 'Epic', 'CLM', 'Dana', 'u1', '', '', 'G1'],
      ['Upload photos', 'CLM-2', 10002, 'Story', 'CLM', 'Dana', 'u1', 10001, 'Claims app', ''],
      ['Fix login', 'CLM-3', 10003, 'Bug', 'CLM', 'Dana', 'u2', 10001, 'Claims app', ''],
      ['Claims app', 'CLM-4', 10004, 'Epic', 'CLM', 'Dana', 'u2', '', '', 'G2'],
    ],
  };

  test('epics are roadmap items, stories and bugs tasks under them, by the numeric Issue id', () => {
    const c = cascadeOf(jira);
    expect(c.items.filter((item) => item.sheet === 'Jira').map((item) => `${item.key}:${item.layer}`)).toEqual([
      'CLM-1:roadmap',
      'CLM-2:tasks',
      'CLM-3:tasks',
      'CLM-4:roadmap',
    ]);
    expect(tracesOf(c, 'CLM-2')[0]!.slice(0, 3)).toEqual(['CLM-2', 'CLM-1', 'G1']);
    // "Parent summary" repeats the parent's title, which two epics share: the same parent, not an ambiguity.
    expect(flagsOf(c, 'CLM-3')).toEqual([]);
  });

  test("repeated ids and people's ids are not keys; label columns are said once, never flagged", () => {
    const c = cascadeOf(jira);
    expect(c.items.flatMap((item) => flagsOf(c, item.key, item.sheet))).not.toContain('DUPLICATE_ID');
    expect(c.warnings.filter((warning) => warning.includes('"Project lead"'))).toHaveLength(1);
  });
});

test('a tree of title columns: a row hangs under the row above it one level up', () => {
  const c = cascadeOf({
    ...BASE,
    Export: [
      ['ID', 'Work Item Type', 'Title 1', 'Title 2', 'Objective'],
      [1, 'Epic', 'Kiosks', '', 'G1'],
      [2, 'Issue', '', 'Payments', ''],
      [3, 'Issue', 'Loose end', '', ''],
    ],
  });
  expect(tracesOf(c, '2')[0]!.slice(0, 3)).toEqual(['2', '1', 'G1']);
  expect(flagsOf(c, '3')).toEqual(['NO_GOAL', 'NO_PARENT']);
});

test('an item titled like its column, or quarters stacked in one tab, is not a board export', () => {
  const stacked = [
    ['Q1'],
    ['Initiative', 'Goal', 'Owner'],
    ['Self-serve signup', 'G1', 'Ann'],
    ['Customer stories page', 'G1', 'Bo'],
    [''],
    ['Q2'],
    ['Initiative', 'Goal', 'Owner'],
    ['Bulk item import', 'G1', 'Dee'],
    ['Fix billing issues', '', 'Eve'],
    ['Initiative', 'G2', 'Fay'],
  ];
  const c = cascadeOf({ ...BASE, Roadmap: stacked });
  expect(c.items.filter((item) => item.sheet === 'Roadmap').map((item) => item.key)).toEqual([
    'Self-serve signup',
    'Customer stories page',
    'Bulk item import',
    'Fix billing issues',
    'Initiative',
  ]);
  expect(flagsOf(c, 'Fix billing issues')).toEqual(['NO_GOAL', 'NO_PARENT']);
});

describe('checks only where they apply', () => {
  test('no strategy tab: no pillar checks', () => {
    const { Strategy: _, ...tabs } = BASE;
    expect(cascadeOf(tabs).strategy.flags).toEqual([]);
    expect(cascadeOf({ ...tabs, Strategy: STRATEGY.slice(0, 2) }).strategy.flags.map((flag) => flag.code)).toEqual([
      'TOO_FEW_PILLARS',
      'NO_ANTI_PRIORITIES',
    ]);
  });

  test('no goals tab: NO_GOAL says so, and the workbook says it once', () => {
    const c = cascadeOf({
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', 'G1'],
        ['R2', 'B', 'G2'],
      ],
    });
    expect(flagMessage(c, 'R1', 'NO_GOAL')).toBe('the workbook has no goals tab');
    expect(flagsOf(c, 'R1')).toEqual(['NO_GOAL']);
    expect(c.warnings.filter((warning) => warning.includes('no goals tab'))).toHaveLength(1);
  });

  test('no roadmap: no goal is an orphan', () => {
    const { Roadmap: _, ...tabs } = BASE;
    expect(flagsOf(cascadeOf(tabs), 'G1')).toEqual([]);
  });

  test('a tab that is found but gives nothing is named, with why', () => {
    const c = cascadeOf({ ...BASE, Backlog: [['Story', 'Epic'], [], []] });
    expect(c.warnings).toContain('Backlog: read as tasks but gave no items: nothing is written below its header row 1.');
  });

  test('a thin export is read when its links name rows of the other tabs, and named with how to map it when not', () => {
    const read = cascadeOf({
      ...BASE,
      Sheet1: [
        ['Summary', 'Epic Link', 'Assignee'],
        ['Upload photos', 'R1', 'Ana'],
      ],
    });
    expect(tracesOf(read, 'Upload photos')[0]!.slice(0, 3)).toEqual(['Upload photos', 'R1', 'G1']);
    const left = cascadeOf({
      ...BASE,
      Sheet1: [
        ['Summary', 'Epic Link', 'Assignee'],
        ['Upload photos', 'CLM-9', 'Ana'],
      ],
    });
    expect(left.plans.map((plan) => plan.sheet)).not.toContain('Sheet1');
    expect(left.warnings).toContain(
      'Sheet1: its columns ("Epic Link") look like tasks, but too few of them, and none names a row of another tab, so it is not read; if it is a layer, map it in Setup.',
    );
  });

  test('a team list and a dashboard of the goals are not read as layers', () => {
    const c = cascadeOf({
      ...BASE,
      Team: [
        ['Name', 'Project'],
        ['Ana', 'Login'],
        ['Lee', 'Login'],
      ],
      Dashboard: [
        ['Goal', 'Initiatives', 'Progress'],
        ['Cut time-to-settle', 3, '40%'],
        ['Fewer complaints', 1, '10%'],
      ],
    });
    expect(c.plans.map((plan) => plan.sheet)).not.toContain('Team');
    expect(c.plans.map((plan) => plan.sheet)).not.toContain('Dashboard');
    expect(c.warnings.join(' ')).toContain('Dashboard: its rows repeat those of "Goals"');
    expect(flagsOf(c, 'R1')).toEqual([]);
  });

  test('a log of check-ins is not a layer, though it names goals on every row', () => {
    const c = cascadeOf({
      ...BASE,
      'Goal check-ins': [
        ['Date', 'Goal', 'Value'],
        ['2026-03-01', 'G1', 4],
      ],
    });
    expect(c.plans.map((plan) => plan.sheet)).not.toContain('Goal check-ins');
  });
});
