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
import { auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import { tempDirPerFile, writeXlsx } from '../fixtures/xlsx';

const run = promisify(execFile);
const EXAMPLE = 'examples/tesla.xlsx';

async function ladder(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/ladder.js', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

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
    const { code, stdout } = await ladder('audit', EXAMPLE, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(auditDocument(buildCascade(TESLA)))));
  });

  test('--help explains the command', async () => {
    const { code, stdout } = await ladder('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('ladder audit FILE.xlsx --json');
  });
});

describe('bad input is one line on stderr and exit 2', () => {
  const cases: [string, () => Promise<string[]>, RegExp][] = [
    ['a missing file', async () => ['audit', join(temp.path, 'nope.xlsx')], /no such file/],
    ['a directory', async () => ['audit', temp.path], /is a directory/],
    ['an empty file', async () => {
      await writeFile(join(temp.path, 'empty.xlsx'), '');
      return ['audit', join(temp.path, 'empty.xlsx')];
    }, /is empty/],
    ['a text file', async () => {
      await writeFile(join(temp.path, 'notes.xlsx'), 'ID,Goal\nG1,Grow\n');
      return ['audit', join(temp.path, 'notes.xlsx')];
    }, /not an \.xlsx workbook/],
    ['a truncated workbook', async () => {
      const bytes = await readFile(EXAMPLE);
      await writeFile(join(temp.path, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
      return ['audit', join(temp.path, 'cut.xlsx')];
    }, /damaged or not an \.xlsx workbook/],
    ['an old .xls file', async () => {
      await writeFile(join(temp.path, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
      return ['audit', join(temp.path, 'old.xls')];
    }, /old-style \.xls/],
    ['a zip that is not a workbook', async () => {
      const bytes = await readFile(EXAMPLE);
      const zip = Buffer.from(bytes);
      zip.fill(0x41, 40, 400);
      await writeFile(join(temp.path, 'garbled.xlsx'), zip);
      return ['audit', join(temp.path, 'garbled.xlsx')];
    }, /damaged or not an \.xlsx workbook/],
    ['a workbook with no recognisable layer', async () => ['audit', await writeXlsx(temp.path, 'budget.xlsx', { Sheet1: [['Cost', 'Month'], [10, 'Jan']] })], /no recognisable cascade layer.*"Sheet1"/],
    ['a layer tab with no header row', async () => ['audit', await writeXlsx(temp.path, 'noheader.xlsx', { Roadmap: [['just notes'], ['more notes']] })], /no header row was found on "Roadmap"/],
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
    ['a text file', async () => {
      await writeFile(join(temp.path, 'notes.txt.xlsx'), 'just text');
      return join(temp.path, 'notes.txt.xlsx');
    }, /not an \.xlsx workbook/],
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
