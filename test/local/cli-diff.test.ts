/**
 * `ladder diff` through the built command: two exports of the Tesla plan, and one export with
 * the older plan frozen in a snapshot tab; the text and the JSON of DESIGN §10 say the same
 * as the core's diff, and bad input is one line and exit 2.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { EARLIER_TAB as EARLIER, earlierSnapshotTab } from '../../scripts/tesla-earlier';
import { callApi } from '../../src/api/calls';
import { buildCascade } from '../../src/core/cascade';
import { diffPlans } from '../../src/core/plan-diff';
import { snapshotRows } from '../../src/core/plan-snapshot';
import { stateOfCascade } from '../../src/core/plan-state';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { ladder } from '../fixtures/cli';
import { tabsOf } from '../fixtures/workbook';
import { tempDirPerFile, writeXlsx } from '../fixtures/xlsx';

const TODAY = '2026-12-01';

const temp = tempDirPerFile();
const older = tabsOf(TESLA);
const earlier = () => earlierSnapshotTab(TESLA);
/** Model S re-linked to goal 2 alone, Powerwall's effort up, Solar roof tiles removed, a new row, karaoke declined again. */
function newer() {
  const tabs = tabsOf(TESLA);
  const roadmap = tabs.Roadmap!.map((row) => [...row]);
  roadmap[2]![2] = '2';
  roadmap[5]![3] = 'XL';
  roadmap.splice(6, 1);
  roadmap.push(['R-9', 'Semi truck', 4, 'L', 'High', 0.5, 1000, 'Dan', 'Planned']);
  tabs.Roadmap = roadmap;
  tabs.Backlog = tabs.Backlog!.filter((row) => row[2] !== 'R-6');
  tabs['Not on roadmap'] = [
    ...tabs['Not on roadmap']!,
    [new Date('2026-11-02T00:00:00Z'), 'Self-driving taxi fleet', 'Ops', 'Not before the Model 3 ramp', 'P3', '4'],
  ];
  return tabs;
}

describe('ladder diff', () => {
  test('OLD.xlsx NEW.xlsx: each change a sentence, and --json is the core diff', async () => {
    const a = await writeXlsx(temp.path, 'q3.xlsx', older as never);
    const b = await writeXlsx(temp.path, 'q4.xlsx', newer() as never);
    const text = await ladder('diff', a, b, '--today', TODAY);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('What changed in q4.xlsx since q3.xlsx');
    // Serving goal 2 alone, Model S moves only as goal 2 does; goal 3 is now served by no work.
    expect(text.stdout).toContain('"Model S" (R-2): parents 2 (60%), 3 (40%) → 2; progress 72% → 63%.');
    expect(text.stdout).toContain('"Be profitable at every rung" (3): flags none → ORPHAN.');
    expect(text.stdout).toContain('"Provide zero-emission electric power" (P4): flags UNDER_INVESTED → none.');
    expect(text.stdout).toContain('P4: 7% → 17% (target 20%)');
    expect(text.stdout).toContain('"Powerwall" (R-5): effort 3 → 8.');
    expect(text.stdout).toContain('Removed the roadmap item "Solar roof tiles" (R-6).');
    expect(text.stdout).toContain('Added the roadmap item "Semi truck" (R-9).');
    expect(text.stdout).toContain('"Self-driving taxi fleet" on 2026-11-02: Not before the Model 3 ramp');
    const json = await ladder('diff', a, b, '--json', '--today', TODAY);
    const expected = diffPlans(
      stateOfCascade(
        buildCascade({ sheets: Object.entries(older).map(([name, values]) => ({ name, values })) }, undefined, { today: TODAY }),
        'q3.xlsx',
      ),
      stateOfCascade(
        buildCascade({ sheets: Object.entries(newer()).map(([name, values]) => ({ name, values })) }, undefined, { today: TODAY }),
        'q4.xlsx',
      ),
    );
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.items.map((item) => `${item.key} ${item.change}`)).toContain('T-4 removed');
  });

  test('FILE.xlsx --since TAB: against the snapshot tab inside the file', async () => {
    const frozen = snapshotRows(stateOfCascade(buildCascade(TESLA, undefined, { today: TODAY }), 'x'), '2026-10-01');
    const file = await writeXlsx(temp.path, 'now.xlsx', { ...newer(), 'Q3 plan': frozen } as never);
    const json = await ladder('diff', file, '--since', 'Q3 plan', '--json', '--today', TODAY);
    expect(json.code).toBe(0);
    const diff = JSON.parse(json.stdout);
    expect(diff.since).toBe('Q3 plan');
    expect(diff.items.find((item: { key: string }) => item.key === 'R-2')).toEqual({
      layer: 'roadmap',
      key: 'R-2',
      title: 'Model S',
      change: 'changed',
      fields: { parents: ['2 (60%), 3 (40%)', '2'], progress: [expect.closeTo(0.72, 2), expect.closeTo(0.625, 9)] },
    });
    // Declined after the snapshot's day: since; the karaoke receipt is older.
    expect(diff.declined.map((request: { request: string }) => request.request)).toEqual(['Self-driving taxi fleet']);
    // The snapshot tab is no layer of the file: the audit reads the same layers as without it.
    const audit = JSON.parse((await ladder('audit', file, '--json', '--today', TODAY)).stdout);
    expect(audit.layers.map((layer: { sheet: string }) => layer.sheet)).not.toContain('Q3 plan');
  });

  test("the sidebar's What changed and ladder diff --json agree on the same file", async () => {
    const file = await writeXlsx(temp.path, 'both.xlsx', { ...newer(), [EARLIER]: earlier().values } as never);
    const port = await openXlsxPort(file);
    port.today = () => TODAY;
    const sidebar = callApi(port, 'planChanges', { since: EARLIER });
    if (!sidebar.ok) throw new Error(sidebar.error);
    const cli = await ladder('diff', file, '--since', EARLIER, '--json', '--today', TODAY);
    const fromSidebar = JSON.parse(JSON.stringify((sidebar.value as { diff: unknown }).diff));
    // The sidebar calls the plan now "now"; the CLI names the file.
    expect({ ...JSON.parse(cli.stdout), since: EARLIER }).toEqual({ ...fromSidebar, since: EARLIER });
    expect(fromSidebar.items.length).toBeGreaterThan(3);
  });

  test.each([
    [
      ['diff', 'examples/tesla.xlsx'],
      'ladder: diff compares two workbooks (ladder diff OLD.xlsx NEW.xlsx) or a workbook with a snapshot tab in it (ladder diff FILE.xlsx --since TAB)',
    ],
    [
      ['diff', 'examples/tesla.xlsx', '--since', 'Q9'],
      'ladder: examples/tesla.xlsx: no tab "Q9"; its snapshot tabs: "Ladder snapshot 2026-09-30"',
    ],
    [
      ['diff', 'examples/tesla.xlsx', '--since', 'Goals'],
      'ladder: examples/tesla.xlsx: "Goals" is not a snapshot tab (its item header row is missing); its snapshot tabs: "Ladder snapshot 2026-09-30"',
    ],
    [
      ['audit', 'examples/tesla.xlsx', '--since', 'Q9'],
      'ladder: unknown option --since (options: --json, --map, --header, --today, --tolerance)',
    ],
  ])('%j is one line and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await ladder(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(message);
  });
});
