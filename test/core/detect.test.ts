import { describe, expect, test } from 'vitest';
import { roleMatcher } from '../../src/core/columns';
import { classifyTabName, findHeaderRow, mapColumns, planTabs, tabIsRead } from '../../src/core/detect';
import { parseSettings } from '../../src/core/settings';
import type { Cell } from '../../src/core/snapshot';
import { workbook } from '../fixtures/workbook';

describe('tab names', () => {
  test.each([
    ['Mission', 'mission'],
    ['Our purpose', 'mission'],
    ['Vision 2030', 'vision'],
    ['Strategy', 'strategy'],
    ['Strategic pillars', 'strategy'],
    ['Focus areas', 'strategy'],
    ['Themes', 'strategy'],
    ['FY27 OKRs', 'goals'],
    ['Objectives', 'goals'],
    ['KPIs', 'goals'],
    ['Key results', 'goals'],
    ['Metrics', 'goals'],
    ['Q1 Roadmap', 'roadmap'],
    ['Initiatives', 'roadmap'],
    ['Projects H2', 'roadmap'],
    ['Epics', 'roadmap'],
    ['Big bets', 'roadmap'],
    ['Backlog', 'tasks'],
    ['Sprint 14', 'tasks'],
    ['User stories', 'tasks'],
    ['Tickets', 'tasks'],
    ['Roadmap tasks', 'tasks'],
    ['Not on roadmap', 'declined'],
    ['Declined requests', 'declined'],
    ["Won't do", 'declined'],
    ['Wont do', 'declined'],
    ['NOT DOING', 'declined'],
  ])('%s is %s', (name, use) => {
    expect(classifyTabName(name)?.use).toBe(use);
  });

  test.each(['Anti-priorities', 'Non-goals', 'Antipriorities'])('%s is a strategy tab of anti-priorities', (name) => {
    expect(classifyTabName(name)).toEqual({ use: 'strategy', allAntiPriorities: true });
  });

  test.each(['Sheet1', 'Notes', 'Team', 'Budget 2027', 'Goalkeeper stats'])('%s is ignored', (name) => {
    expect(classifyTabName(name)).toBeNull();
  });
});

describe('header row', () => {
  test('title rows and notes above the header are skipped', () => {
    const values = [
      ['FY27 objectives and key results'],
      ['Owner: Dana', 'Updated weekly'],
      [],
      ['Goal ID', 'Objective', 'Pillar', 'Owner'],
      [1, 'Grow revenue', 'P1', 'Dana'],
    ];
    expect(findHeaderRow(values, 'goals')).toBe(4);
  });

  test('a one-column tab whose only cell is a title word', () => {
    expect(findHeaderRow([['Mission'], ['Protect our customers']], 'mission')).toBe(1);
    expect(findHeaderRow([[''], ['Our vision'], ['A world without paperwork']], 'vision')).toBe(2);
  });

  test('a lone title word above a real header is not the header', () => {
    expect(findHeaderRow([['Goals'], [], ['ID', 'Goal', 'Pillar']], 'goals')).toBe(3);
  });

  test('no header in the top 10 rows', () => {
    const values = Array.from({ length: 12 }, (_, i) => (i === 11 ? ['ID', 'Goal'] : ['some note']));
    expect(findHeaderRow(values, 'goals')).toBeNull();
  });
});

describe('columns', () => {
  test.each([
    ['roadmap', 'Goal ID', 'parent'],
    ['goals', 'Goal ID', 'id'],
    ['goals', 'Goal', 'title'],
    ['goals', 'Key result', 'title'],
    ['roadmap', 'Key result', 'parent'],
    ['goals', 'Goal weight', 'weight'],
    ['goals', 'Priority', 'weight'],
    ['roadmap', 'Priority', null],
    ['tasks', 'Ticket ID', 'id'],
    ['tasks', 'Story points', 'effort'],
    ['tasks', 'Initiative', 'parent'],
    ['tasks', 'Roadmap item', 'parent'],
    ['roadmap', 'Effort (wks)', 'effort'],
    ['roadmap', 'T-shirt size', 'effort'],
    ['roadmap', 'Valid', null],
    ['roadmap', 'Owner', null],
    ['roadmap', '#', 'id'],
    ['roadmap', 'Ref', 'id'],
    ['roadmap', 'Ladders to', 'parent'],
    ['roadmap', 'Supports', 'parent'],
    ['roadmap', 'Business value', 'impact'],
    ['roadmap', 'Confidence %', 'confidence'],
    ['roadmap', 'Reach (users)', 'reach'],
    ['roadmap', 'Rationale', 'why'],
    ['strategy', 'Type', 'kind'],
    ['roadmap', 'Type', 'kind'],
    ['tasks', 'Issue Type', 'kind'],
    ['tasks', 'Issue key', 'id'],
    ['tasks', 'storyPoints', 'effort'],
    ['tasks', 'story_points', 'effort'],
    ['roadmap', 'goalId', 'parent'],
    ['goals', 'KR', 'title'],
    ['goals', 'Strategic Objective', 'title'],
    ['goals', 'Parent objective', 'parent'],
    ['goals', 'Objective pillar', 'parent'],
    ['roadmap', 'Key Initiatives / Actions', 'title'],
    ['tasks', 'Parent issue', 'parent'],
    ['tasks', 'Work Item Type', 'kind'],
    ['roadmap', 'Reach\n(How many users will be affected?)', 'reach'],
    ['roadmap', 'entity_uuid', 'id'],
    ['roadmap', 'Impact (roi)', null],
    ['roadmap', 'Impact (roi)\u200b', null],
    ['strategy', 'Pillar', 'title'],
    ['goals', 'Pillar', 'parent'],
    ['goals', 'Strategy', 'parent'],
    ['vision', 'Mission', 'parent'],
    ['mission', 'Mission statement', 'title'],
    ['roadmap', 'Project name', 'title'],
  ] as const)('on %s, "%s" is %s', (layer, header, role) => {
    expect(roleMatcher(layer).roleOf(header)).toBe(role);
  });

  test('the first column of a role wins; several link columns all count, other titles are kept as candidates', () => {
    const columns = mapColumns(['ID', 'Initiative', 'Goal', 'Title', 'Pillar', 'Effort', 'Size'], 'roadmap');
    expect(columns).toEqual({ id: [0], title: [1, 3], parent: [2, 4], effort: [5] });
  });

  test('declined list columns', () => {
    const columns = mapColumns(
      ['Date declined', 'Request', 'Requested by', 'Why declined', "Pillar it didn't fit", "Goal it didn't move"],
      'declined',
    );
    expect(columns).toEqual({ date: [0], title: [1], who: [2], why: [3], pillar: [4], goal: [5] });
  });
});

describe('the user mapping wins over detection', () => {
  const book = workbook({
    'Team plan': [
      ['Thing', 'Serves', 'Size'],
      ['Build X', 'G1', 3],
    ],
    Goals: [
      ['ID', 'Goal'],
      ['G1', 'Grow'],
    ],
    Scratch: [
      ['ID', 'Goal'],
      ['G9', 'Old'],
    ],
  });

  test('a tab is mapped to a layer, with a column named as the title', () => {
    const saved = parseSettings({ version: 1, tabs: [{ sheet: 'Team plan', use: 'roadmap', columns: { title: 'Thing' } }] });
    expect(saved).toMatchObject({ ok: true });
    const { plans } = planTabs(book.sheets, saved.settings);
    const plan = plans.find((p) => p.sheet === 'Team plan')!;
    expect(plan.use).toBe('roadmap');
    expect(plan.columns.title).toEqual([0]);
    expect(plan.columns.parent).toEqual([1]);
    expect(plan.source).toBe('settings');
  });

  test('a detected tab can be ignored, and a tab that is gone is reported', () => {
    const saved = parseSettings({
      version: 1,
      tabs: [
        { sheet: 'Goals', use: 'ignore' },
        { sheet: 'Old goals', use: 'goals' },
      ],
    });
    const { plans, warnings } = planTabs(book.sheets, saved.settings);
    expect(plans.map((p) => p.sheet)).not.toContain('Goals');
    expect(warnings.join(' ')).toContain('"Old goals"');
  });

  test('a saved header row is trusted while it reads as labels, even when detection would pick another', () => {
    const sheets = workbook({
      Roadmap: [
        ['Legend', 'Done', 'Doing', 'Blocked'],
        ['Feature', 'Owner', 'Quarter'],
        ['Login', 'Ana', 'Q1'],
      ],
    }).sheets;
    const saved = parseSettings({ version: 1, tabs: [{ sheet: 'Roadmap', use: 'roadmap', headerRow: 2 }] });
    const plan = planTabs(sheets, saved.settings).plans[0]!;
    expect(plan.headerRow).toBe(2);
    expect(plan.problems).toEqual([]);
  });

  test('a saved column whose header is gone is reported, not guessed', () => {
    const saved = parseSettings({ version: 1, tabs: [{ sheet: 'Goals', use: 'goals', columns: { title: 'Objective' } }] });
    const plan = planTabs(book.sheets, saved.settings).plans.find((p) => p.sheet === 'Goals')!;
    expect(plan.problems.join(' ')).toContain('"Objective"');
    expect(plan.columns.title).toEqual([1]);
  });
});

describe('saved settings', () => {
  test.each([
    ['damaged JSON', '{"version":1,"tabs":[', 'not readable'],
    ['an older version', { version: 0, tabs: [] }, 'another version'],
    ['an unknown layer', { version: 1, tabs: [{ sheet: 'X', use: 'okr' }] }, 'ignored'],
    ['a fractional header row', { version: 1, tabs: [{ sheet: 'X', use: 'goals', headerRow: 1.5 }] }, 'ignored'],
  ])('%s is reported and detection is used', (_, input, words) => {
    const result = parseSettings(input);
    expect(result.ok).toBe(false);
    expect(result.settings.tabs).toEqual([]);
    if (!result.ok) expect(result.error).toContain(words);
  });

  test('nothing saved is fine', () => {
    expect(parseSettings(undefined)).toEqual({ ok: true, settings: { version: 1, tabs: [] } });
  });
});

describe('which tabs count: one decision for planTabs and for the reader that reads only those', () => {
  const jira = [
    ['Summary', 'Issue key', 'Issue Type', 'Parent'],
    ['Paint shop', 'T-9', 'Task', 'R-1'],
  ];
  const notes = [
    ['Idea', 'Owner'],
    ['x', 'y'],
  ];
  const settings = parseSettings({
    version: 1,
    tabs: [
      { sheet: 'Team plan', use: 'roadmap' },
      { sheet: 'Goals', use: 'ignore' },
    ],
  }).settings;
  test.each([
    ['a tab the settings map', 'Team plan', notes, true, false],
    ['a tab the settings leave out, whatever its name', 'Goals', jira, false, false],
    ['a tab named like a layer', 'Roadmap', notes, true, false],
    // Read for its check-ins (DESIGN §9), never planned as a layer.
    ['a log of check-ins, though its name names goals', 'Goal check-ins', jira, true, false, false],
    ['a tab whose columns make it a layer', 'Sheet1', jira, true, true],
    ['a tab whose name and columns say nothing', 'Notes', notes, false, true],
    ['a period with nothing in it', 'Q3', [], true, true],
  ] as [string, string, Cell[][], boolean, boolean, boolean?][])('%s', (_, name, values, read, peeked, planned = read) => {
    let asked = false;
    const rows = () => {
      asked = true;
      return values;
    };
    expect(tabIsRead(name, rows, settings)).toBe(read);
    // The top rows are read only when neither the settings nor the name say.
    expect(asked).toBe(peeked);
    expect(planTabs([{ name, values }], settings).plans.map((plan) => plan.sheet)).toEqual(planned ? [name] : []);
  });
});
