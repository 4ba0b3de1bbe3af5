/**
 * 8. Scope regression: the build refuses to produce anything if the manifest asks for
 * another scope or an advanced service, or if the code reaches outside the current
 * spreadsheet (openById, openByUrl, UrlFetchApp…).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUDGET_BYTES, buildGas } from '../../scripts/build-gas.js';
import { tempDirPerFile } from '../fixtures/xlsx';

const temp = tempDirPerFile();

async function manifestWith(change: (manifest: any) => void): Promise<string> {
  const manifest = JSON.parse(await readFile('appsscript.json', 'utf8'));
  change(manifest);
  const path = join(temp.path, `manifest-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(manifest));
  return path;
}

describe('the build fails, and writes nothing, when', () => {
  test.each([
    ['the manifest gains a scope', (m: any) => m.oauthScopes.push('https://www.googleapis.com/auth/spreadsheets'), /must ask for exactly/],
    ['the manifest asks for Drive', (m: any) => m.oauthScopes.push('https://www.googleapis.com/auth/drive'), /must ask for exactly/],
    ['the manifest loses a scope', (m: any) => m.oauthScopes.pop(), /must ask for exactly/],
    [
      'an advanced service is enabled',
      (m: any) => (m.dependencies = { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] }),
      /advanced service/,
    ],
  ])('%s', async (_, change, message) => {
    const outDir = join(temp.path, 'out-manifest');
    await expect(buildGas({ manifestPath: await manifestWith(change), outDir })).rejects.toThrow(message);
    await expect(readdir(outDir)).rejects.toThrow();
  });

  test.each([
    ['SpreadsheetApp.openById', "SpreadsheetApp.openById('1abc')"],
    ['SpreadsheetApp.openByUrl', "SpreadsheetApp.openByUrl('https://docs.google.com/x')"],
    ['UrlFetchApp', "UrlFetchApp.fetch('https://example.invalid')"],
    ['DriveApp', 'DriveApp.getFiles()'],
    ['setTimeout', 'setTimeout(() => 1, 10)'],
  ])('the code calls %s', async (_, call) => {
    const source = join(temp.path, 'src-bad');
    await mkdir(source, { recursive: true });
    const entry = join(source, `entry-${Math.random().toString(36).slice(2)}.ts`);
    await writeFile(
      entry,
      `declare const SpreadsheetApp: any, UrlFetchApp: any, DriveApp: any;\nexport const entryPoints = [];\nexport const handlers = {};\nexport function sneaky() { return ${call}; }\n`,
    );
    const outDir = join(temp.path, 'out-code');
    await expect(buildGas({ entry, outDir })).rejects.toThrow(/the bundle uses/);
    await expect(readdir(outDir)).rejects.toThrow();
  });
});

test('the build fails, and writes nothing, when the pushed files pass the size budget (BUDGET_BYTES)', async () => {
  const source = join(temp.path, 'src-big');
  await mkdir(source, { recursive: true });
  const entry = join(source, 'entry-big.ts');
  // An exported string the bundle must keep, as large as the whole budget.
  await writeFile(
    entry,
    `export const entryPoints = [];\nexport const handlers = {};\nexport const padding = '${'x'.repeat(BUDGET_BYTES)}';\n`,
  );
  const outDir = join(temp.path, 'out-big');
  await expect(buildGas({ entry, outDir })).rejects.toThrow(/over the \d+-byte budget/);
  await expect(readdir(outDir)).rejects.toThrow();
});

test('the real build passes the same checks', async () => {
  const outDir = join(temp.path, 'out-real');
  const { size, entryPoints } = await buildGas({ outDir });
  expect(size).toBeLessThanOrEqual(BUDGET_BYTES);
  expect(entryPoints).toContain('TRACE');
});
