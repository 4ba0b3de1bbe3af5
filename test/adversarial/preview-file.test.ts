/**
 * The preview and the PM's file, as a spreadsheet program must treat it: an edit saved in
 * another program is never written over, a failed save leaves nothing pretending, the file
 * keeps its permissions and its symbolic link, the first backup of the original is kept, a
 * killed save's temporary file is cleaned, and two previews never hold one file.
 */
import { spawn } from 'node:child_process';
import { chmod, copyFile, link, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { callApi } from '../../src/api/calls';
import { cleanStaleTemps, FileInUse, lockBeside, lockPathOf } from '../../src/local/file-guard';
import { createPreviewServer } from '../../src/local/preview/server';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { tempDir } from '../fixtures/xlsx';

const TOKEN = 'c'.repeat(48);
const LINK = { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] };
/** R-8's link cell in the example, as exceljs reads it: empty. */
const UNLINKED = '';
let dir: string;
let cleanup: () => Promise<void>;
const servers: Server[] = [];
let count = 0;

beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function copyOfExample(): Promise<string> {
  const file = join(dir, `plan-${++count}.xlsx`);
  await copyFile('examples/tesla.xlsx', file);
  return file;
}

async function cell(file: string, sheet: string, a1: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.getWorksheet(sheet)!.getCell(a1).value;
}

/** What a PM does in Excel while the preview is open: open the file, change a cell, save. */
async function editElsewhere(file: string, sheet: string, a1: string, value: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  book.getWorksheet(sheet)!.getCell(a1).value = value;
  await book.xlsx.writeFile(file);
}

async function serve(file: string) {
  const server = createPreviewServer(
    await openXlsxPort(file),
    { page: '<html><head></head></html>', sidebar: '<html><head></head></html>' },
    TOKEN,
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const post = async (name: string, input: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ladder-session': TOKEN },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string; changedOnDisk?: boolean } };
  };
  return { post };
}

describe('an edit saved in another program while the preview is open', () => {
  test('is never written over: the next write is refused and the file read again; the one after keeps both', async () => {
    const file = await copyOfExample();
    const { post } = await serve(file);
    await editElsewhere(file, 'Roadmap', 'H9', 'Edited in Excel');
    const refused = await post('linkRow', LINK);
    expect(refused.body).toMatchObject({ ok: false, changedOnDisk: true });
    expect(refused.body.error).toMatch(/^The workbook changed on disk since the preview read it/);
    expect(await cell(file, 'Roadmap', 'H9')).toBe('Edited in Excel');
    expect(await cell(file, 'Roadmap', 'C9')).toBe(UNLINKED);
    const linked = await post('linkRow', LINK);
    expect(linked.body).toMatchObject({ ok: true });
    expect(await cell(file, 'Roadmap', 'H9')).toBe('Edited in Excel');
    expect(await cell(file, 'Roadmap', 'C9')).toBe('2');
  });

  test('a save finding the file changed under it writes nothing over it', async () => {
    const file = await copyOfExample();
    const port = await openXlsxPort(file);
    expect(callApi(port, 'linkRow', LINK)).toMatchObject({ ok: true });
    await editElsewhere(file, 'Roadmap', 'H9', 'Edited in Excel');
    await expect(port.save()).rejects.toThrow(/changed on disk/);
    expect(await cell(file, 'Roadmap', 'H9')).toBe('Edited in Excel');
    expect(await cell(file, 'Roadmap', 'C9')).toBe(UNLINKED);
    // What the port holds is the file as it is now: the refused link is not pretended.
    expect(port.dirty).toBe(false);
    expect(port.read().sheets.find((sheet) => sheet.name === 'Roadmap')!.values[8]![7]).toBe('Edited in Excel');
  });
});

describe('a save that fails', () => {
  test('is said, the workbook is read again from disk, and the preview goes on', async () => {
    const file = await copyOfExample();
    const { post } = await serve(file);
    // A directory where the save's temporary file must go makes the save fail.
    await mkdir(join(dir, `.${file.split('/').at(-1)}.ladder-tmp-${process.pid}.xlsx`));
    const failed = await post('linkRow', LINK);
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatch(/Nothing was saved; the preview read the workbook again from disk\.$/);
    expect(await cell(file, 'Roadmap', 'C9')).toBe(UNLINKED);
    const context = await post('rowContext', { sheet: 'Roadmap', row: 9 });
    expect(context.body).toMatchObject({ ok: true });
    expect(JSON.stringify(context.body)).toContain('NO_GOAL');
  });
});

describe('the file keeps its identity', () => {
  test('its permissions', async () => {
    const file = await copyOfExample();
    await chmod(file, 0o600);
    const port = await openXlsxPort(file);
    expect(callApi(port, 'linkRow', LINK)).toMatchObject({ ok: true });
    await port.save();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  test('its symbolic link: the real file is written, the link stays a link', async () => {
    const real = await copyOfExample();
    const link = join(dir, `link-${count}.xlsx`);
    await symlink(real, link);
    const port = await openXlsxPort(link);
    expect(callApi(port, 'linkRow', LINK)).toMatchObject({ ok: true });
    await port.save();
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await cell(real, 'Roadmap', 'C9')).toBe('2');
  });

  test('the first backup of the original is kept; later runs add dated ones', async () => {
    const file = await copyOfExample();
    const original = await readFile(file);
    for (const run of [1, 2]) {
      const port = await openXlsxPort(file);
      expect(callApi(port, 'linkRow', { ...LINK, goals: [{ key: String(run) }] })).toMatchObject({ ok: true });
      await port.save();
    }
    expect(await readFile(`${file}.bak`)).toEqual(original);
    const backups = (await readdir(dir)).filter((name) => name.startsWith(file.split('/').at(-1)!) && name.endsWith('.bak'));
    expect(backups).toHaveLength(2);
  });

  test("a killed save's temporary file is cleaned at start, a live one is not", async () => {
    const file = await copyOfExample();
    const name = file.split('/').at(-1)!;
    await writeFile(join(dir, `.${name}.ladder-tmp-999999.xlsx`), 'half');
    await writeFile(join(dir, `.${name}.ladder-tmp-${process.pid}.xlsx`), 'mine');
    expect(await cleanStaleTemps(file)).toEqual([`.${name}.ladder-tmp-999999.xlsx`]);
    expect((await readdir(dir)).filter((entry) => entry.includes(`${name}.ladder-tmp-`))).toEqual([
      `.${name}.ladder-tmp-${process.pid}.xlsx`,
    ]);
  });
});

describe('one preview per file', () => {
  test('a second preview of a file another one holds is refused; a stale lock is taken over', async () => {
    const file = await copyOfExample();
    const lock = await lockPathOf(file);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      await writeFile(lock, String(other.pid));
      await expect(lockBeside(file)).rejects.toThrow(FileInUse);
      // Through a hard link too: the lock is the file's, not the path's.
      const hard = join(dir, `hard-${count}.xlsx`);
      await link(file, hard);
      await expect(lockBeside(hard)).rejects.toThrow(/another Ladder preview has it open/);
    } finally {
      other.kill();
    }
    await writeFile(lock, '999999');
    const release = await lockBeside(file);
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    await release();
    await expect(stat(lock)).rejects.toThrow();
  });
});
