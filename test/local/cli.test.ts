/**
 * The `ladder` command end to end: the built bin run as a user runs it, on the bundled
 * example and on every kind of bad file.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { callApi } from '../../src/api/calls';
import { auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import type { Investment } from '../../src/core/investment';
import { MemoryPort } from '../api/memory-port';
import { ladder } from '../fixtures/cli';
import { tabsOf } from '../fixtures/workbook';
import { tempDirPerFile, writeXlsx } from '../fixtures/xlsx';

const run = promisify(execFile);
const EXAMPLE = 'examples/tesla.xlsx';

const temp = tempDirPerFile();

describe('ladder audit on the bundled example', () => {
  test('prints a report a PM can read', async () => {
    const { code, stdout, stderr } = await ladder('audit', EXAMPLE);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Ladder audit of tesla.xlsx');
    expect(stdout).toMatch(/goals\s+Goals\s+header row 1\s+7 items/);
    expect(stdout).toMatch(/NO_GOAL\s+3/);
    expect(stdout).toMatch(/Roadmap!7\s+R-6\s+Solar roof tiles\s+NO_GOAL,NO_PARENT,BROKEN_LINK\s+Solar roof tiles › ⚠ "G9" not found/);
    expect(stdout).toContain('RESURFACED: declined 2026-08-14');
  });

  test('--json prints the DESIGN §6 document, the same as the data the file was made from', async () => {
    const { code, stdout } = await ladder('audit', EXAMPLE, '--json', '--today', '2026-12-01');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(auditDocument(buildCascade(TESLA, undefined, { today: '2026-12-01' })))));
  });

  test('--tolerance 5: the JSON, the text report and the Strategy call with 5 saved say the same of each pillar', async () => {
    const json = await ladder('audit', EXAMPLE, '--json', '--tolerance', '5', '--today', '2026-12-01');
    const text = await ladder('audit', EXAMPLE, '--tolerance', '5');
    expect([json.code, text.code]).toEqual([0, 0]);
    const document = JSON.parse(json.stdout);
    const settings = { version: 1 as const, tabs: [], tolerance: 5 };
    expect(document).toEqual(JSON.parse(JSON.stringify(auditDocument(buildCascade(TESLA, settings, { today: '2026-12-01' })))));
    const port = new MemoryPort(tabsOf(TESLA));
    port.settings = JSON.stringify(settings);
    const reply = callApi(port, 'strategy', undefined);
    if (!reply.ok) throw new Error(reply.error);
    const { pillars } = (reply.value as { investment: Investment }).investment;
    // 5 points flags P2 (14% of 20%) and P3 (34% of 40%), which the default 10 lets pass.
    const under = pillars.filter((pillar) => pillar.status === 'under target').map((pillar) => pillar.key);
    expect(under).toEqual(['P2', 'P3', 'P4']);
    const flagged = document.items.filter((item: any) => item.flags.includes('UNDER_INVESTED')).map((item: any) => item.key);
    expect(flagged).toEqual(under);
    expect(document.investment.pillars.map((pillar: any) => [pillar.key, pillar.target, pillar.actual])).toEqual(
      pillars.map((pillar) => [pillar.key, pillar.target, expect.closeTo(pillar.actual, 10)]),
    );
    for (const key of under) expect(text.stdout).toMatch(new RegExp(`\\n  ${key}  .*UNDER_INVESTED\\n`));
    expect(text.stdout).toContain('(6 points under; more than 5 is flagged)');
  });

  test('--today fixes the date pace is judged on, and the report says how far each goal has come', async () => {
    const { code, stdout } = await ladder('audit', EXAMPLE, '--today=2026-12-01');
    expect(code).toBe(0);
    expect(stdout).toContain('Progress (as of 2026-12-01)');
    expect(stdout).toMatch(/goal\s+4\s+Deliver 500,000 Model 3s a year\s+30%\s+off track\s+92% of the time gone/);
    expect(stdout).toMatch(/goal\s+7\s+Superchargers on every interstate\s+–\s+no metric/);
    expect(stdout).toContain('AT_RISK: 30% done with 92% of the time gone (off track)');
  });

  test('a --today that is not a date is one line, exit 2', async () => {
    const { code, stdout, stderr } = await ladder('audit', EXAMPLE, '--today', '31/12/2026');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('ladder: --today takes a date written as YYYY-MM-DD, such as 2026-09-30 (got "31/12/2026")');
  });

  test('--help explains the command', async () => {
    const { code, stdout } = await ladder('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('ladder audit FILE.xlsx --json');
  });
});

describe("the user's mapping: --map, --header and the settings saved beside the file", () => {
  const tabs = {
    Sheet1: [['Plan 2027'], ['Thing', 'Objective', 'Size'], ['Claims app', 'Grow', 3], ['Fraud model', 'Grow', 2]],
    Data: [
      ['ID', 'Objective'],
      ['O1', 'Grow'],
    ],
  };
  const thing = {
    Sheet1: [['Plan 2027'], ['Item', 'Objective', 'Size'], ['Claims app', 'O1', 3]],
    Data: [
      ['ID', 'Objective'],
      ['O1', 'Grow'],
    ],
  };

  test('--map reads a tab as a layer, and --header gives its header row', async () => {
    const file = await writeXlsx(temp.path, 'mapped.xlsx', tabs);
    const { code, stdout } = await ladder('audit', file, '--json', '--map', 'Sheet1=roadmap', '--header=Sheet1=2', '--map', 'Data=OKRs');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.layers).toEqual([
      { layer: 'goals', sheet: 'Data', headerRow: 1, items: 1 },
      { layer: 'roadmap', sheet: 'Sheet1', headerRow: 2, items: 0 },
    ]);
    expect(doc.warnings.join(' ')).toContain('Sheet1: no title or id column in header row 2');
  });

  test('the settings saved beside the file are used, and the flags win over them', async () => {
    const file = await writeXlsx(temp.path, 'saved.xlsx', thing);
    await writeFile(`${file}.ladder.json`, JSON.stringify({ version: 1, tabs: [{ sheet: 'Sheet1', use: 'tasks', headerRow: 2 }] }));
    const saved = JSON.parse((await ladder('audit', file, '--json')).stdout);
    expect(saved.layers.find((layer: { sheet: string }) => layer.sheet === 'Sheet1')).toEqual({
      layer: 'tasks',
      sheet: 'Sheet1',
      headerRow: 2,
      items: 1,
    });
    const flagged = JSON.parse((await ladder('audit', file, '--json', '--map', 'Sheet1=roadmap')).stdout);
    expect(flagged.layers.find((layer: { sheet: string }) => layer.sheet === 'Sheet1')).toMatchObject({ layer: 'roadmap', items: 1 });
    expect(flagged.items.find((item: { key: string }) => item.key === 'Claims app')).toMatchObject({ parents: ['O1'], flags: [] });
  });

  test('damaged saved settings are said on stderr, and detection is used', async () => {
    const file = await writeXlsx(temp.path, 'damaged.xlsx', thing);
    await writeFile(`${file}.ladder.json`, '{"version":1,');
    const { code, stdout, stderr } = await ladder('audit', file);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^ladder: warning: .*damaged\.xlsx\.ladder\.json: The saved Ladder settings are not readable/);
    expect(stdout).toContain('Ladder audit of damaged.xlsx');
  });

  test('--help shows the options', async () => {
    const { stdout } = await ladder('--help');
    expect(stdout).toContain('--map "TAB=LAYER"');
    expect(stdout).toContain('--header "TAB=ROW"');
  });
});

describe('bad input is one line on stderr and exit 2', () => {
  const cases: [string, () => Promise<string[]>, RegExp][] = [
    ['a missing file', async () => ['audit', join(temp.path, 'nope.xlsx')], /no such file/],
    ['a directory', async () => ['audit', temp.path], /is a directory/],
    [
      'an empty file',
      async () => {
        await writeFile(join(temp.path, 'empty.xlsx'), '');
        return ['audit', join(temp.path, 'empty.xlsx')];
      },
      /is empty/,
    ],
    [
      'a text file',
      async () => {
        await writeFile(join(temp.path, 'notes.xlsx'), 'ID,Goal\nG1,Grow\n');
        return ['audit', join(temp.path, 'notes.xlsx')];
      },
      /not an \.xlsx workbook/,
    ],
    [
      'a truncated workbook',
      async () => {
        const bytes = await readFile(EXAMPLE);
        await writeFile(join(temp.path, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
        return ['audit', join(temp.path, 'cut.xlsx')];
      },
      /damaged or not an \.xlsx workbook/,
    ],
    [
      'an old .xls file',
      async () => {
        await writeFile(join(temp.path, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
        return ['audit', join(temp.path, 'old.xls')];
      },
      /old-style \.xls/,
    ],
    [
      'a zip that is not a workbook',
      async () => {
        const bytes = await readFile(EXAMPLE);
        const zip = Buffer.from(bytes);
        zip.fill(0x41, 40, 400);
        await writeFile(join(temp.path, 'garbled.xlsx'), zip);
        return ['audit', join(temp.path, 'garbled.xlsx')];
      },
      /damaged or not an \.xlsx workbook/,
    ],
    [
      'a workbook with no recognisable layer, naming the --map to try',
      async () => [
        'audit',
        await writeXlsx(temp.path, 'budget.xlsx', {
          Sheet1: [
            ['Cost', 'Month'],
            [10, 'Jan'],
          ],
        }),
      ],
      /no recognisable cascade layer.*"Sheet1".*--map "Sheet1=roadmap"/,
    ],
    [
      'a layer tab with no header row',
      async () => ['audit', await writeXlsx(temp.path, 'noheader.xlsx', { Roadmap: [['just notes'], ['more notes']] })],
      /no header row was found on "Roadmap"/,
    ],
    [
      'a header below the top 10 rows, naming the --header to try',
      async () => [
        'audit',
        await writeXlsx(temp.path, 'low.xlsx', {
          Roadmap: [...Array.from({ length: 12 }, () => ['notes']), ['ID', 'Initiative'], ['R1', 'A']],
        }),
      ],
      /--header "Roadmap=13"/,
    ],
    ['--map of a tab the workbook does not have', async () => ['audit', EXAMPLE, '--map', 'Q9=roadmap'], /no tab "Q9" \(tabs: "Mission"/],
    ['--map to a layer Ladder does not know', async () => ['audit', EXAMPLE, '--map', 'Roadmap=wishlist'], /"wishlist" is not a layer/],
    ['--map without a value', async () => ['audit', EXAMPLE, '--map'], /--map needs a value/],
    ['--header that is not a row number', async () => ['audit', EXAMPLE, '--header', 'Roadmap=first'], /a number from 1 to 1000/],
    ['no file named', async () => ['audit'], /needs a workbook file/],
    ['an unknown option', async () => ['audit', EXAMPLE, '--yaml'], /unknown option --yaml/],
    ['an unknown command', async () => ['trace', EXAMPLE], /unknown command "trace"/],
  ];

  test.each(cases)('%s', async (_, setup, reason) => {
    await mkdir(temp.path, { recursive: true });
    const { code, stdout, stderr } = await ladder(...(await setup()));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ladder: /);
    expect(lines[0]).toMatch(reason);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  // Root reads every file, so this case only means something for other users.
  test.skipIf(process.getuid?.() === 0)('a file that cannot be read for permissions', async () => {
    const path = join(temp.path, 'locked.xlsx');
    await copyFile(EXAMPLE, path);
    await run('chmod', ['000', path]);
    const { code, stderr } = await ladder('audit', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/permission denied/);
  });
});

describe('the preview refuses a file it cannot read', () => {
  test.each([
    ['a missing file', () => join(temp.path, 'nope.xlsx'), /no such file/],
    [
      'a text file',
      async () => {
        await writeFile(join(temp.path, 'notes.txt.xlsx'), 'just text');
        return join(temp.path, 'notes.txt.xlsx');
      },
      /not an \.xlsx workbook/,
    ],
  ] as const)('%s: one line, exit 2', async (_, file, reason) => {
    let result: { code: number; stdout: string; stderr: string };
    try {
      const { stdout, stderr } = await run(process.execPath, ['build/preview.js', await file()], { env: { ...process.env, PORT: '0' } });
      result = { code: 0, stdout, stderr };
    } catch (error) {
      result = error as { code: number; stdout: string; stderr: string };
    }
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(reason);
  });
});
