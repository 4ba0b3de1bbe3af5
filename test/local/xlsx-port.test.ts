/**
 * The preview's writes to an .xlsx: formulas, formatting, merged cells and other tabs
 * survive, the save is atomic (no temporary file left), and the original is kept as .bak.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi } from '../../src/api/calls';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { tempDir } from '../fixtures/xlsx';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

test('a link written by the preview keeps everything else in the file', async () => {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(['ID', 'Goal']);
  goals.addRow(['G1', 'Grow']);
  const roadmap = book.addWorksheet('Roadmap');
  roadmap.addRow(['ID', 'Initiative', 'Goal', 'Label']);
  roadmap.addRow(['R1', 'Build', '', { formula: 'B2&"!"', result: 'Build!' }]);
  roadmap.getRow(1).font = { bold: true };
  roadmap.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  const budget = book.addWorksheet('Budget');
  budget.addRow(['Quarter', 'Spend']);
  budget.addRow(['Q1', 1000]);
  budget.mergeCells('A4:B4');
  budget.getCell('A4').value = 'Merged note';
  const file = join(dir, 'plan.xlsx');
  await book.xlsx.writeFile(file);
  const original = await readFile(file);

  const port = await openXlsxPort(file);
  const reply = callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G1' }] });
  expect(reply.ok).toBe(true);
  await port.save();

  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(file);
  const road = after.getWorksheet('Roadmap')!;
  expect(road.getCell('C2').value).toBe('G1');
  expect(road.getCell('D2').value).toMatchObject({ formula: 'B2&"!"' });
  expect(road.getRow(1).font?.bold).toBe(true);
  expect((road.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
  const money = after.getWorksheet('Budget')!;
  expect(money.getCell('B2').value).toBe(1000);
  expect(money.getCell('B4').isMerged).toBe(true);
  expect(after.worksheets.map((sheet) => sheet.name)).toEqual(['Goals', 'Roadmap', 'Budget']);
  expect(await readFile(`${file}.bak`)).toEqual(original);
  expect((await readdir(dir)).filter((name) => name.includes('ladder-tmp'))).toEqual([]);
});

test('nothing is saved when nothing was written', async () => {
  const file = join(dir, 'untouched.xlsx');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Goals').addRow(['ID', 'Goal']);
  await book.xlsx.writeFile(file);
  const port = await openXlsxPort(file);
  callApi(port, 'health', undefined);
  await port.save();
  expect(port.dirty).toBe(false);
  expect((await readdir(dir)).filter((name) => name.startsWith('untouched'))).toEqual(['untouched.xlsx']);
});
