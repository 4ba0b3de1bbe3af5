/**
 * The sidebar's server calls against an in-memory workbook: reads, links, declines, and
 * every kind of input the console could send instead of the sidebar.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { callApi } from '../../src/api/calls';
import { ROW_CHANGED } from '../../src/api/port';
import { tabsOf } from '../fixtures/workbook';
import { MemoryPort } from './memory-port';

const tesla = () => new MemoryPort(tabsOf(TESLA));
const ok = (reply: ReturnType<typeof callApi>) => {
  if (!reply.ok) throw new Error(`expected ok, got: ${reply.error}`);
  return reply.value as any;
};

test('a call made with no argument arrives from google.script.run as null, and is the same as none', () => {
  const port = tesla();
  for (const name of ['health', 'setup', 'strategy', 'rowContext'] as const) {
    expect(callApi(port, name, null), name).toEqual(callApi(port, name, undefined));
    expect(callApi(port, name, null).ok, name).toBe(true);
  }
  const refused = callApi(port, 'linkRow', null);
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error).toMatch(/^That request was not valid/);
});

describe('reads', () => {
  test('rowContext follows the selection: trace, flags, and the goal picker by pillar', () => {
    const port = tesla();
    port.selected = { sheet: 'Roadmap', row: 9 };
    const context = ok(callApi(port, 'rowContext', undefined));
    expect(context.item).toMatchObject({
      key: 'R-8',
      title: 'In-car karaoke',
      linkCell: '',
      linkColumn: 'Goal',
      links: [],
      canLink: true,
      paths: ['In-car karaoke › ⚠ no goal'],
      morePaths: 0,
    });
    // Three flags, two causes, each in words with what to do.
    expect(context.item.advice).toEqual([
      {
        codes: ['NO_GOAL', 'NO_PARENT'],
        problem: 'It is linked to nothing, so it reaches no goal.',
        todo: 'Link it to a goal, or decline it.',
      },
      expect.objectContaining({
        codes: ['RESURFACED'],
        problem: expect.stringMatching(/^It was declined 2026-08-14: "Fun, but it moves no goal"/),
      }),
    ]);
    expect(context.item.flags.map((flag: { code: string }) => flag.code)).toEqual(['NO_GOAL', 'NO_PARENT', 'RESURFACED']);
    expect(context.picker.groups.map((group: any) => [group.pillar.key, group.goals.map((g: any) => g.key)])).toEqual([
      ['P1', ['1', '3']],
      ['P2', ['2', '3', '7']],
      ['P3', ['3', '4']],
      ['P4', ['5']],
    ]);
    expect(context.picker.antiPriorities.map((anti: any) => [anti.key, anti.goals.map((g: any) => g.key)])).toEqual([
      ['A1', []],
      ['A2', ['6']],
    ]);
  });

  test('rowContext of an explicit row, and of a row that is no item', () => {
    const port = tesla();
    expect(ok(callApi(port, 'rowContext', { sheet: 'Goals', row: 2 })).item.key).toBe('1');
    expect(ok(callApi(port, 'rowContext', { sheet: 'Goals', row: 40 })).item).toBeNull();
  });

  test('strategy: where the roadmap effort goes, every unit in one bar, and how much reaches no goal', () => {
    const { effort, mission, vision } = ok(callApi(tesla(), 'strategy', undefined));
    expect(effort.total).toBe(41);
    expect(effort.byGoal.find((bar: any) => bar.kind === 'no-goal').effort).toBe(7);
    expect(effort.byGoal.reduce((sum: number, goal: any) => sum + goal.effort, 0)).toBeCloseTo(41);
    expect(effort.byPillar.reduce((sum: number, pillar: any) => sum + pillar.effort, 0)).toBeCloseTo(41);
    expect(effort.byPillar.find((pillar: any) => pillar.key === 'A2')).toMatchObject({ effort: 2, kind: 'anti' });
    expect(mission.map((item: any) => item.title)).toEqual(["Accelerate the world's transition to sustainable energy"]);
    expect(vision).toHaveLength(1);
  });

  test('rowContext shows the links the goal cell holds, with their shares, and what a decline would do', () => {
    const model = ok(callApi(tesla(), 'rowContext', { sheet: 'Roadmap', row: 3 })).item;
    expect(model).toMatchObject({ key: 'R-2', linkCell: '2 (60%), 3 (40%)', linkColumn: 'Goal' });
    expect(model.links).toEqual([
      { text: '2', status: 'goal', key: '2', title: 'Reach 10% of US luxury sedan sales', share: 60 },
      { text: '3', status: 'goal', key: '3', title: 'Be profitable at every rung', share: 40 },
    ]);
    const solar = ok(callApi(tesla(), 'rowContext', { sheet: 'Roadmap', row: 7 })).item;
    expect(solar.links).toEqual([{ text: 'G9', status: 'broken', key: 'G9', title: 'G9', share: null }]);
    expect(solar.dependents).toEqual({ count: 1, titles: ['Tile glass durability tests'] });
    expect(solar.decline).toEqual({ sheet: 'Not on roadmap', missing: [], addsStatus: false, hasLadderColumn: false });
    expect(solar.advice.map((advice: any) => advice.codes)).toEqual([['BROKEN_LINK', 'NO_PARENT', 'NO_GOAL']]);
  });

  test('a link cell edited since the sidebar read it is not written over', () => {
    const port = tesla();
    const reply = callApi(port, 'linkRow', {
      sheet: 'Roadmap',
      key: 'R-2',
      expectedTitle: 'Model S',
      expectedLink: '2 (60%), 3 (40%)',
      goals: [{ key: '1' }],
    });
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ linkText: '1', previous: '2 (60%), 3 (40%)' }) });
    const stale = callApi(port, 'linkRow', {
      sheet: 'Roadmap',
      key: 'R-2',
      expectedTitle: 'Model S',
      expectedLink: '2 (60%), 3 (40%)',
      goals: [{ key: '2' }],
    });
    expect(stale).toEqual({
      ok: false,
      error: 'The link of "Model S" changed since the sidebar read it: it now reads "1". Look at it again and save once more.',
    });
    expect(port.sheet('Roadmap').values[2]![2]).toBe('1');
  });

  test('a link to a pillar the cell already had is kept beside a new goal', () => {
    const port = new MemoryPort({
      ...tabsOf(TESLA),
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R-1', 'Roadster', 'P1'],
      ],
    });
    const context = ok(callApi(port, 'rowContext', { sheet: 'Roadmap', row: 2 })).item;
    expect(context.links).toEqual([{ text: 'P1', status: 'above', key: 'P1', title: 'Build an expensive sports car', share: null }]);
    ok(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-1', expectedLink: 'P1', goals: [{ key: 'P1' }, { key: '1' }] }));
    expect(port.sheet('Roadmap').values[1]![2]).toBe('P1, 1');
  });

  test('setup lists every tab with its layer, header row and columns', () => {
    const setup = ok(callApi(tesla(), 'setup', undefined));
    expect(setup.tabs.find((tab: any) => tab.sheet === 'Strategy')).toMatchObject({ use: 'strategy', headerRow: 3, items: 6 });
    expect(setup.tabs.find((tab: any) => tab.sheet === 'Roadmap').columns).toContainEqual({ role: 'parent', headers: ['Goal'] });
  });

  test('saveSetup refuses a choice Ladder would overrule at once, and saves nothing', () => {
    const port = tesla();
    expect(
      callApi(port, 'saveSetup', {
        version: 1,
        tabs: [
          { sheet: 'Goals', use: 'goals', headerRow: 40 },
          { sheet: 'Backlog', use: 'ignore' },
        ],
      }),
    ).toEqual({
      ok: false,
      error: 'Nothing was saved: on "Goals", row 40 does not hold the column names (row 1 does). Change that, and save again.',
    });
    expect(
      callApi(port, 'saveSetup', { version: 1, tabs: [{ sheet: 'Roadmap', use: 'roadmap', columns: { effort: 'Size' } }] }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('on "Roadmap", the header row has no column "Size"'),
    });
    expect(callApi(port, 'saveSetup', { version: 1, tabs: [{ sheet: 'Q9', use: 'roadmap' }] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('there is no tab named "Q9"'),
    });
    expect(port.settings).toBeNull();
  });

  test('saveSetup stores a valid mapping; detection then follows it', () => {
    const port = tesla();
    ok(callApi(port, 'saveSetup', { version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] }));
    expect(ok(callApi(port, 'setup', undefined)).tabs.find((tab: any) => tab.sheet === 'Backlog').use).toBe('ignore');
  });
});

describe('linking a row to goals', () => {
  test('writes the link cell of that row only, and the row then reaches its goals', () => {
    const port = tesla();
    const reply = ok(
      callApi(port, 'linkRow', {
        sheet: 'Roadmap',
        key: 'R-8',
        expectedTitle: 'In-car karaoke',
        goals: [
          { key: '2', share: 70 },
          { key: '7', share: 30 },
        ],
      }),
    );
    expect(reply).toEqual({
      sheet: 'Roadmap',
      row: 9,
      key: 'R-8',
      title: 'In-car karaoke',
      linkText: '2 (70%), 7 (30%)',
      previous: '',
      goals: [
        { key: '2', title: 'Reach 10% of US luxury sedan sales', share: 70 },
        { key: '7', title: 'Superchargers on every interstate', share: 30 },
      ],
    });
    expect(port.writes).toEqual(['Roadmap!9:3=2 (70%), 7 (30%)']);
    port.selected = { sheet: 'Roadmap', row: 9 };
    expect(ok(callApi(port, 'rowContext', undefined)).item.flags.map((f: any) => f.code)).toEqual(['RESURFACED']);
  });

  test('shares are written with at most two decimals, and a goal named twice is one link', () => {
    const port = tesla();
    expect(
      ok(
        callApi(port, 'linkRow', {
          sheet: 'Roadmap',
          key: 'R-8',
          goals: [
            { key: '2', share: 100 / 3 },
            { key: '7', share: 200 / 3 },
          ],
        }),
      ).linkText,
    ).toBe('2 (33.33%), 7 (66.67%)');
    expect(ok(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }, { key: '7' }, { key: '2' }] })).linkText).toBe(
      '2, 7',
    );
    // Ticked twice with shares: one link, the shares added.
    expect(
      ok(
        callApi(port, 'linkRow', {
          sheet: 'Roadmap',
          key: 'R-8',
          goals: [
            { key: '2', share: 30 },
            { key: '2', share: 30 },
            { key: '7', share: 40 },
          ],
        }),
      ).linkText,
    ).toBe('2 (60%), 7 (40%)');
  });

  test('finds the row by key after rows moved, and refuses when it is gone or changed', () => {
    const port = tesla();
    const roadmap = port.sheet('Roadmap').values;
    roadmap.splice(1, 0, ['R-0', 'Inserted above', 1]);
    ok(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '1' }] }));
    expect(port.writes).toEqual(['Roadmap!10:3=1']);
    expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-99', goals: [{ key: '1' }] })).toEqual({
      ok: false,
      error: 'This row changed: "R-99" is no longer on "Roadmap". Refresh and try again.',
    });
    expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', expectedTitle: 'Karaoke', goals: [{ key: '1' }] })).toEqual({
      ok: false,
      error: 'This row changed: its title is now "In-car karaoke". Refresh and try again.',
    });
  });

  test('refuses goals that are not there and shares over 100%', () => {
    const port = tesla();
    expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: 'G9' }] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"G9" is no longer there'),
    });
    expect(
      callApi(port, 'linkRow', {
        sheet: 'Roadmap',
        key: 'R-8',
        goals: [
          { key: '1', share: 80 },
          { key: '2', share: 40 },
        ],
      }),
    ).toMatchObject({ ok: false, error: 'The shares add up to 120%, more than 100%.' });
    expect(port.writes).toEqual([]);
  });

  test('a link never lands in a column read as a label; a Goal column of ids that match nothing takes it', () => {
    // On a task list, "Project lead" names the roadmap's word, but holds people.
    const jira = [
      ['Summary', 'Issue key', 'Project lead', 'Effort'],
      ['Paint shop', 'T-1', 'Dana', 5],
      ['Seat supplier', 'T-2', 'Lee', 3],
    ];
    const labelled = new MemoryPort({ ...tabsOf(TESLA), Backlog: jira });
    ok(callApi(labelled, 'linkRow', { sheet: 'Backlog', key: 'T-1', goals: [{ key: '1' }] }));
    expect(labelled.sheet('Backlog').values.map((row) => row.slice(2))).toEqual([
      ['Project lead', 'Effort', 'Goal'],
      ['Dana', 5, '1'],
      ['Lee', 3],
    ]);

    const typos = new MemoryPort({
      ...tabsOf(TESLA),
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R-1', 'Roadster', 'G9'],
        ['R-2', 'Model S', 'G8'],
      ],
    });
    ok(callApi(typos, 'linkRow', { sheet: 'Roadmap', key: 'R-1', goals: [{ key: '1' }] }));
    expect(typos.sheet('Roadmap').values).toEqual([
      ['ID', 'Initiative', 'Goal'],
      ['R-1', 'Roadster', '1'],
      ['R-2', 'Model S', 'G8'],
    ]);
  });

  test('a goal never replaces a label column nor the epic a story hangs under', () => {
    const themed = new MemoryPort({
      ...tabsOf(TESLA),
      Roadmap: [
        ['ID', 'Initiative', 'Theme'],
        ['R-1', 'Roadster', 'Onboarding'],
      ],
    });
    ok(callApi(themed, 'linkRow', { sheet: 'Roadmap', key: 'R-1', goals: [{ key: '1' }] }));
    expect(themed.sheet('Roadmap').values).toEqual([
      ['ID', 'Initiative', 'Theme', 'Goal'],
      ['R-1', 'Roadster', 'Onboarding', '1'],
    ]);

    const jira = [
      ['Summary', 'Issue key', 'Issue Type', 'Parent'],
      ['Checkout', 'PAY-1', 'Epic', ''],
      ['Pay by card', 'PAY-2', 'Story', 'PAY-1'],
    ];
    const mixed = new MemoryPort({ ...tabsOf(TESLA), Sheet1: jira });
    ok(callApi(mixed, 'linkRow', { sheet: 'Sheet1', key: 'PAY-2', goals: [{ key: '2' }] }));
    expect(mixed.sheet('Sheet1').values[2]).toEqual(['Pay by card', 'PAY-2', 'Story', 'PAY-1', '2']);
  });

  test('a row of a tree export is found again by the title column of its level', () => {
    const tree = [
      ['Work Item Type', 'Title 1', 'Title 2', 'Goal'],
      ['Epic', 'Checkout', '', '1'],
      ['User Story', '', 'Pay by card', ''],
    ];
    const port = new MemoryPort({ ...tabsOf(TESLA), Export: tree });
    ok(callApi(port, 'linkRow', { sheet: 'Export', key: 'Pay by card', goals: [{ key: '2' }] }));
    expect(port.sheet('Export').values[2]).toEqual(['User Story', '', 'Pay by card', '2']);
  });

  test('a label column that names goals in more words ("Success metric") is not written over', () => {
    const port = new MemoryPort({
      ...tabsOf(TESLA),
      Roadmap: [
        ['ID', 'Initiative', 'Success metric'],
        ['R-1', 'Roadster', 'Time to settle'],
      ],
    });
    ok(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-1', goals: [{ key: '1' }] }));
    expect(port.sheet('Roadmap').values).toEqual([
      ['ID', 'Initiative', 'Success metric', 'Goal'],
      ['R-1', 'Roadster', 'Time to settle', '1'],
    ]);
  });

  test("a board's subitem and a goal are refused with a sentence, nothing written", () => {
    const board = [
      ['Name', 'Subitems', 'Person', 'Status', 'Goal', 'Item ID'],
      ['October Emails', '', 'Riley', 'Done', '1', 100],
      ['Subitems', 'Name', 'Owner', 'Status', 'Item ID'],
      ['', 'Colors', 'Paul', 'Working', 102],
      ['Name', 'Subitems', 'Person', 'Status', 'Goal', 'Item ID'],
      ['November Emails', '', 'Reid', '', '2', 103],
    ];
    const port = new MemoryPort({ ...tabsOf(TESLA), 'Q4 2025': board });
    const refused = callApi(port, 'linkRow', { sheet: 'Q4 2025', key: '102', goals: [{ key: '2' }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain('subitem of a board export');
    const goal = callApi(port, 'declineRow', { sheet: 'Goals', key: '1', reason: 'No', action: 'remove' });
    expect(goal.ok).toBe(false);
    expect(port.writes).toEqual([]);
  });

  test('a tab with no link column gets a Goal column', () => {
    const port = new MemoryPort({
      ...tabsOf(TESLA),
      Roadmap: [
        ['ID', 'Initiative', 'Effort'],
        ['R-1', 'Roadster', 5],
      ],
    });
    ok(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-1', goals: [{ key: '1' }] }));
    expect(port.sheet('Roadmap').values).toEqual([
      ['ID', 'Initiative', 'Effort', 'Goal'],
      ['R-1', 'Roadster', 5, '1'],
    ]);
  });
});

describe('declining a request', () => {
  const decline = {
    sheet: 'Roadmap',
    key: 'R-8',
    expectedTitle: 'In-car karaoke',
    reason: 'Moves no goal',
    who: 'Sales',
    pillar: 'P2',
    goal: '2',
  };

  test.each(['mark', 'remove'] as const)(
    'a row sorted away between the read and the write (%s): refused before anything is written',
    (action) => {
      const port = tesla();
      const read = port.read.bind(port);
      // Someone sorts the roadmap just after Ladder read it: row 9 now holds another request.
      port.read = () => {
        const snapshot = read();
        port.read = read;
        port.sheet('Roadmap').values.splice(1, 0, port.sheet('Roadmap').values.splice(8, 1)[0]!);
        return snapshot;
      };
      expect(callApi(port, 'declineRow', { ...decline, action })).toEqual({ ok: false, error: ROW_CHANGED });
      // Not a receipt written and taken back: nothing at all.
      expect(port.writes).toEqual([]);
    },
  );

  test('appends the receipt to the declined list and marks the row', () => {
    const port = tesla();
    const reply = ok(callApi(port, 'declineRow', { ...decline, action: 'mark' }));
    expect(reply).toEqual({
      declinedRow: 4,
      sheet: 'Not on roadmap',
      action: 'mark',
      repeated: false,
      title: 'In-car karaoke',
      key: 'R-8',
      earlierReason: '',
      addedColumns: [],
      statusAdded: false,
    });
    // The date is a real date, like the list's other receipts; the pillar and goal by title, with their ids.
    expect(port.sheet('Not on roadmap').values[3]).toEqual([
      new Date('2026-11-23T00:00:00Z'),
      'In-car karaoke',
      'Sales',
      'Moves no goal',
      'Use that money to build a more affordable car (P2)',
      'Reach 10% of US luxury sedan sales (2)',
    ]);
    expect(port.sheet('Roadmap').values[8]![8]).toBe('Declined 2026-11-23');
  });

  test('marks in a new Status column when the tab has none', () => {
    const port = new MemoryPort({
      ...tabsOf(TESLA),
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R-8', 'In-car karaoke', ''],
      ],
    });
    ok(callApi(port, 'declineRow', { ...decline, action: 'mark' }));
    expect(port.sheet('Roadmap').values).toEqual([
      ['ID', 'Initiative', 'Goal', 'Status'],
      ['R-8', 'In-car karaoke', '', 'Declined 2026-11-23'],
    ]);
  });

  test('removes the row when asked, found by key', () => {
    const port = tesla();
    ok(callApi(port, 'declineRow', { ...decline, action: 'remove' }));
    expect(port.sheet('Roadmap').values.map((row) => row[0])).not.toContain('R-8');
    expect(port.sheet('Roadmap').values).toHaveLength(8);
  });

  test('a double click appends one row', () => {
    const port = tesla();
    ok(callApi(port, 'declineRow', { ...decline, action: 'remove' }));
    const second = ok(callApi(port, 'declineRow', { ...decline, action: 'remove' }));
    expect(second).toMatchObject({ repeated: true, declinedRow: 4 });
    expect(port.sheet('Not on roadmap').values).toHaveLength(4);
  });

  test('creates the declined list when there is none', () => {
    const tabs = tabsOf(TESLA);
    delete tabs['Not on roadmap'];
    const port = new MemoryPort(tabs);
    ok(callApi(port, 'declineRow', { ...decline, action: 'keep' }));
    expect(port.sheet('Not on roadmap').values).toEqual([
      ['Date', 'Request', 'Requested by', 'Reason', "Pillar it didn't fit", "Goal it didn't move"],
      [
        new Date('2026-11-23T00:00:00Z'),
        'In-car karaoke',
        'Sales',
        'Moves no goal',
        'Use that money to build a more affordable car (P2)',
        'Reach 10% of US luxury sedan sales (2)',
      ],
    ]);
  });

  test('a declined list without pillar and goal columns gets them, rather than dropping what the PM chose', () => {
    const port = new MemoryPort({ ...tabsOf(TESLA), 'Not on roadmap': [['Request', 'Why not']] });
    const reply = ok(callApi(port, 'declineRow', { ...decline, action: 'keep' }));
    expect(reply.addedColumns).toEqual(['Date', 'Requested by', "Pillar it didn't fit", "Goal it didn't move"]);
    expect(port.sheet('Not on roadmap').values).toEqual([
      ['Request', 'Why not', 'Date', 'Requested by', "Pillar it didn't fit", "Goal it didn't move"],
      [
        'In-car karaoke',
        'Moves no goal',
        new Date('2026-11-23T00:00:00Z'),
        'Sales',
        'Use that money to build a more affordable car (P2)',
        'Reach 10% of US luxury sedan sales (2)',
      ],
    ]);
  });

  test('a refused mark takes back the receipt and the columns it added', () => {
    const port = new MemoryPort({ ...tabsOf(TESLA), 'Not on roadmap': [['Request', 'Why not']] });
    port.dropdowns.set('Roadmap!9:9', ['Shipped', 'Planned']);
    const reply = callApi(port, 'declineRow', { ...decline, action: 'mark' });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Roadmap!9:9/) });
    expect(port.sheet('Not on roadmap').values).toEqual([['Request', 'Why not']]);
  });

  test('removing a row that others link to is refused unless the PM says so, naming them', () => {
    const port = tesla();
    const solar = { sheet: 'Roadmap', key: 'R-6', expectedTitle: 'Solar roof tiles', reason: 'Not a car', action: 'remove' as const };
    expect(callApi(port, 'declineRow', solar)).toEqual({
      ok: false,
      error:
        '1 row links to "Solar roof tiles" ("Tile glass durability tests"): removing it leaves it linked to a row that is gone, with no goal. Say so to remove it anyway.',
    });
    expect(port.writes).toEqual([]);
    ok(callApi(port, 'declineRow', { ...solar, removeWithTasks: true }));
    expect(port.sheet('Roadmap').values.map((row) => row[0])).not.toContain('R-6');
  });

  test('a second decline the same day says where the first receipt is, and its reason', () => {
    const port = tesla();
    ok(callApi(port, 'declineRow', { ...decline, action: 'keep' }));
    const again = ok(callApi(port, 'declineRow', { ...decline, reason: 'Another reason', action: 'keep' }));
    expect(again).toMatchObject({ repeated: true, declinedRow: 4, sheet: 'Not on roadmap', earlierReason: 'Moves no goal' });
    expect(port.sheet('Not on roadmap').values).toHaveLength(4);
  });

  test('formula-looking reasons are stored as text', () => {
    const port = tesla();
    ok(callApi(port, 'declineRow', { ...decline, reason: '=IMPORTXML("http://x.invalid")', action: 'keep' }));
    expect(port.writes.some((write) => write.includes('append'))).toBe(true);
    expect(port.sheet('Not on roadmap').values[3]![3]).toBe('=IMPORTXML("http://x.invalid")');
  });
});

describe('what the console could send instead of the sidebar', () => {
  test.each([
    ['an unknown call', 'dropTable', {}, /no call named "dropTable"/],
    ['a wrong type', 'linkRow', { sheet: 'Roadmap', key: 5, goals: [{ key: '1' }] }, /not valid \(key\)/],
    ['no goals', 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [] }, /not valid \(goals\)/],
    ['a negative share', 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '1', share: -5 }] }, /not valid \(goals.0.share\)/],
    ['a fractional row', 'rowContext', { sheet: 'Roadmap', row: 2.5 }, /not valid \(row\)/],
    ['a negative row', 'rowContext', { sheet: 'Roadmap', row: -1 }, /not valid \(row\)/],
    ['a huge string', 'declineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'x'.repeat(100_000), action: 'keep' }, /not valid \(reason\)/],
    ['an empty reason', 'declineRow', { sheet: 'Roadmap', key: 'R-8', reason: '   ', action: 'keep' }, /not valid \(reason\)/],
    ['an unknown action', 'declineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'no', action: 'burn' }, /not valid \(action\)/],
    ['an extra key', 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '1' }], row: 9 }, /not valid/],
    [
      'a __proto__ key',
      'linkRow',
      JSON.parse('{"sheet":"Roadmap","key":"R-8","goals":[{"key":"1"}],"__proto__":{"admin":true}}'),
      /not valid/,
    ],
    ['an unknown tab', 'linkRow', { sheet: 'Payroll', key: 'R-8', goals: [{ key: '1' }] }, /"R-8" is no longer on "Payroll"/],
    ['settings of another version', 'saveSetup', { version: 2, tabs: [] }, /not valid \(version\)/],
    [
      'a setting Ladder does not know',
      'saveSetup',
      { version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore', colour: 'red' }] },
      /not valid \(tabs\.0\): has unknown key "colour"/,
    ],
    ['a top-level key Ladder does not know', 'saveSetup', { version: 1, tabs: [], admin: true }, /not valid: has unknown key "admin"/],
  ])('%s is refused with a message and writes nothing', (_, name, input, message) => {
    const port = tesla();
    const reply = callApi(port, name, input);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(message);
    expect(port.writes).toEqual([]);
    expect(port.settings).toBeNull();
  });

  test('a busy lock is a retryable message with nothing written', () => {
    const port = tesla();
    port.locked = true;
    expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '1' }] })).toEqual({
      ok: false,
      error: 'Ladder is busy with another change; try again in a moment.',
    });
    expect(port.writes).toEqual([]);
  });
});

test('saveSetup can name a column for a role; the cascade then reads it', () => {
  const port = tesla();
  ok(callApi(port, 'saveSetup', { version: 1, tabs: [{ sheet: 'Roadmap', use: 'roadmap', columns: { title: 'Owner' } }] }));
  expect(ok(callApi(port, 'rowContext', { sheet: 'Roadmap', row: 2 })).item.title).toBe('JB');
  expect(ok(callApi(port, 'setup', undefined)).tabs.find((tab: any) => tab.sheet === 'Roadmap').columns).toContainEqual({
    role: 'title',
    headers: ['Owner'],
  });
});
