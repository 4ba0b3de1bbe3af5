/**
 * Hostile files, in the audit and the preview: a zip that would inflate to gigabytes, one whose
 * directory says so, and a sheet with one stray value in column XFD. Each is refused from the
 * zip's directory before anything is inflated, with one line and exit 2, or shown capped.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCascade } from '../../src/core/cascade';
import { GRID_COLUMN_LIMIT, gridOf } from '../../src/local/preview/grid';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { WorkbookFileError } from '../../src/local/xlsx-read-objects';
import { tempDir } from '../fixtures/xlsx';

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

async function audit(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/ladder.js', 'audit', file]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The example workbook with its first sheet's uncompressed size in the zip directory set to `size`. */
async function claimingSize(size: number): Promise<string> {
  const bytes = Buffer.from(await readFile('examples/tesla.xlsx'));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  for (let at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); at >= 0; at--) {
    if (bytes.readUInt32LE(at) === 0x02014b50 && bytes.subarray(at + 46, at + 46 + name.length).equals(name)) {
      bytes.writeUInt32LE(size, at + 24);
      break;
    }
  }
  const file = join(dir, `claims-${size}.xlsx`);
  await writeFile(file, bytes);
  return file;
}

describe('a zip that would inflate past what a machine holds', () => {
  test('a sheet of 64 MB of nothing, compressed 1,000 times: refused with one line, exit 2, before inflating', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(64 * 1024 * 1024));
    const file = join(dir, 'bomb.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const answer = await audit(file);
    expect(answer.code).toBe(2);
    expect(answer.stderr.trim().split('\n')).toHaveLength(1);
    expect(answer.stderr).toMatch(/is too large to read: its part xl\/worksheets\/sheet1\.xml would inflate [\d,]+ times, to 64 MB/);
    await expect(openXlsxPort(file)).rejects.toThrow(WorkbookFileError);
  });

  test('a zip whose directory lies, declaring 100 KB for 64 MB: refused without inflating past what it declares', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(64 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    // Both the local header and the directory entry of the sheet say 100 KB.
    for (const [signature, at] of [
      [0x04034b50, 22],
      [0x02014b50, 24],
    ] as const) {
      for (let i = 0; i + 4 <= bytes.length; i++) {
        if (bytes.readUInt32LE(i) === signature && bytes.subarray(i, i + 200).includes('sheet1.xml'))
          bytes.writeUInt32LE(100 * 1024, i + at);
      }
    }
    const file = join(dir, 'liar.xlsx');
    await writeFile(file, bytes);
    const answer = await audit(file);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(
      /is damaged or hostile: its part xl\/worksheets\/sheet1\.xml inflates past the size its zip directory declares/,
    );
    await expect(openXlsxPort(file)).rejects.toThrow(/damaged or hostile/);
  });

  test('a directory that says a sheet is 3.7 GB: refused, in the audit and the preview', async () => {
    const file = await claimingSize(0xf0000000);
    const answer = await audit(file);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(/is too large to read: it would inflate to [\d,]+ MB, more than the 80 MB Ladder reads/);
    expect(answer.stderr).not.toMatch(/\n\s+at /);
    await expect(openXlsxPort(file)).rejects.toThrow(/too large to read/);
  });

  test('the example itself passes', async () => {
    expect((await audit('examples/tesla.xlsx')).code).not.toBe(2);
  });
});

describe('ranges over a whole sheet, in a 12 KB file', () => {
  async function withSheetXml(change: (xml: string) => string): Promise<string> {
    const zip = await JSZip.loadAsync(await readFile('examples/tesla.xlsx'));
    const name = 'xl/worksheets/sheet5.xml';
    zip.file(name, change(await zip.file(name)!.async('string')));
    const file = join(dir, `whole-${Math.random().toString(36).slice(2)}.xlsx`);
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  test('a merged cell over the whole sheet: the preview refuses it with a sentence instead of running out of memory', async () => {
    const file = await withSheetXml((xml) =>
      xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="K1:XFD1048576"/></mergeCells>'),
    );
    await expect(openXlsxPort(file)).rejects.toThrow(
      /has a merged cell over [\d,]+ cells \(K1:XFD1048576\), more than the preview can hold/,
    );
  });

  test('a dropdown over the whole sheet written with single quotes is counted, and the workbook opens read-only', async () => {
    const file = await withSheetXml((xml) =>
      xml.replace(
        /<\/sheetData>/,
        "</sheetData><dataValidations count='1'><dataValidation type='list' sqref='K1:XFD1048576'><formula1>\"a,b\"</formula1></dataValidation></dataValidations>",
      ),
    );
    const port = await openXlsxPort(file);
    expect(port.readOnly).toMatch(/dropdowns cover [\d,]+ cells/);
  });
});

describe('one stray value in column XFD', () => {
  test('the grid sends the first 100 columns and says how many more there are', () => {
    const row = Array.from({ length: 16_384 }, (_, c) => (c === 0 ? 'R-1' : c === 16_383 ? 'stray' : ''));
    const snapshot = { sheets: [{ name: 'Roadmap', values: [['ID', 'Initiative'], row] }] };
    const [tab] = gridOf(snapshot, buildCascade(snapshot));
    expect(tab!.rows.every((line) => line.cells.length === GRID_COLUMN_LIMIT)).toBe(true);
    expect(tab!.moreColumns).toBe(16_384 - GRID_COLUMN_LIMIT);
    expect(JSON.stringify(tab).length).toBeLessThan(10_000);
  });
});
