/**
 * The preview's writes to an .xlsx: formulas, formatting, merged cells and other tabs
 * survive, the save is atomic (no temporary file left), and the original is kept as .bak.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { callApi } from '../../src/api/calls';
import { DROPDOWN_CELLS_LIMIT, openXlsxPort } from '../../src/local/xlsx-port';
import { readWorkbookFile } from '../../src/local/xlsx-read-values';
import { rulesOf, tempDirPerFile } from '../fixtures/xlsx';

const temp = tempDirPerFile();

test('a link written by the preview keeps everything else in the file', async () => {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(['ID', 'Goal']);
  goals.addRow(['G1', 'Grow']);
  const roadmap = book.addWorksheet('Roadmap');
  roadmap.addRow(['ID', 'Initiative', 'Goal', 'Label', 'Due']);
  roadmap.addRow(['R1', 'Build', '', { formula: 'B2&"!"', result: 'Build!' }, { formula: 'IF(C2="","TBD",TODAY())', result: 'TBD' }]);
  roadmap.getColumn(5).numFmt = 'yyyy-mm-dd';
  roadmap.getRow(1).font = { bold: true };
  roadmap.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  roadmap.getColumn(2).width = 42;
  roadmap.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['Goals!$A$2:$A$9'] };
  const budget = book.addWorksheet('Budget');
  budget.addRow(['Quarter', 'Spend']);
  budget.addRow(['Q1', 1000]);
  budget.mergeCells('A4:B4');
  budget.getCell('A4').value = 'Merged note';
  const file = join(temp.path, 'plan.xlsx');
  await book.xlsx.writeFile(file);
  const original = await readFile(file);

  const port = await openXlsxPort(file);
  const reply = callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G1' }] });
  expect(reply).toMatchObject({ ok: true });
  await port.save();

  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(file);
  const road = after.getWorksheet('Roadmap')!;
  expect(road.getCell('C2').value).toBe('G1');
  expect(road.getCell('D2').value).toMatchObject({ formula: 'B2&"!"' });
  expect(road.getCell('E2').value).toMatchObject({ formula: 'IF(C2="","TBD",TODAY())' });
  // Not an invalid date: exceljs turns the text result of a date-formatted cell into one.
  expect((await readWorkbookFile(file)).sheets[1]!.values[1]![4]).toBe('TBD');
  expect(road.getRow(1).font?.bold).toBe(true);
  expect((road.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
  expect(road.getColumn(2).width).toBe(42);
  expect(road.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['Goals!$A$2:$A$9'] });
  const money = after.getWorksheet('Budget')!;
  expect(money.getCell('B2').value).toBe(1000);
  expect(money.getCell('B4').isMerged).toBe(true);
  expect(after.worksheets.map((sheet) => sheet.name)).toEqual(['Goals', 'Roadmap', 'Budget']);
  expect(await readFile(`${file}.bak`)).toEqual(original);
  expect((await readdir(temp.path)).filter((name) => name.includes('ladder-tmp'))).toEqual([]);
});

test('nothing is saved when nothing was written', async () => {
  const file = join(temp.path, 'untouched.xlsx');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Goals').addRow(['ID', 'Goal']);
  await book.xlsx.writeFile(file);
  const port = await openXlsxPort(file);
  callApi(port, 'health', undefined);
  await port.save();
  expect(port.dirty).toBe(false);
  expect((await readdir(temp.path)).filter((name) => name.startsWith('untouched'))).toEqual(['untouched.xlsx']);
});

test('a workbook with charts opens read-only, and a write is refused with the reason', async () => {
  const plain = join(temp.path, 'charted-source.xlsx');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Goals').addRow(['ID', 'Goal']);
  book.getWorksheet('Goals')!.addRow(['G1', 'Grow']);
  book.addWorksheet('Roadmap').addRow(['ID', 'Initiative', 'Goal']);
  book.getWorksheet('Roadmap')!.addRow(['R1', 'Build', '']);
  await book.xlsx.writeFile(plain);
  // Add a chart part to the zip, as Sheets or Excel would for a workbook with a chart.
  const charted = join(temp.path, 'charted.xlsx');
  const { execFileSync } = await import('node:child_process');
  execFileSync('python3', [
    '-c',
    [
      'import shutil, sys, zipfile',
      'shutil.copy(sys.argv[1], sys.argv[2])',
      "z = zipfile.ZipFile(sys.argv[2], 'a')",
      "z.writestr('xl/charts/chart1.xml', '<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/>')",
      'z.close()',
    ].join('\n'),
    plain,
    charted,
  ]);
  const before = await readFile(charted);

  const port = await openXlsxPort(charted);
  expect(port.readOnly).toMatch(/has charts, which the local preview cannot keep when it saves, so it opened read-only/);
  expect(callApi(port, 'health', undefined)).toMatchObject({ ok: true });
  const reply = callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G1' }] });
  expect(reply).toEqual({ ok: false, error: port.readOnly });
  await port.save();
  expect(await readFile(charted)).toEqual(before);
  expect((await readdir(temp.path)).filter((name) => name.startsWith('charted.xlsx.'))).toEqual([]);
});

/** A small plan whose Status column has a dropdown over `range`. */
async function planWithDropdown(name: string, range: string): Promise<string> {
  const file = join(temp.path, name);
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Goals').addRows([
    ['ID', 'Goal'],
    ['G1', 'Grow'],
  ]);
  const roadmap = book.addWorksheet('Roadmap');
  roadmap.addRows([
    ['ID', 'Initiative', 'Goal', 'Status'],
    ['R1', 'Build', '', 'Now'],
  ]);
  rulesOf(roadmap).dataValidations.add(range, { type: 'list', allowBlank: true, formulae: ['"Now,Next,Later"'] });
  await book.xlsx.writeFile(file);
  return file;
}

test('a workbook with dropdowns over whole columns opens read-only, with the reason', async () => {
  const file = await planWithDropdown('dropdowns.xlsx', 'D2:D1048576');
  const before = await readFile(file);

  const port = await openXlsxPort(file);
  expect(port.readOnly).toBe(
    "This workbook's dropdowns cover 1,048,575 cells (D2:D1048576 is one), more than the local preview can save quickly, so it opened read-only. Limit them to the rows in use, or use Ladder in Sheets.",
  );
  expect(port.read().sheets.find((sheet) => sheet.name === 'Roadmap')!.values[1]).toEqual(['R1', 'Build', '', 'Now']);
  const reply = callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G1' }] });
  expect(reply).toEqual({ ok: false, error: port.readOnly });
  await port.save();
  expect(await readFile(file)).toEqual(before);
});

test('dropdowns over the rows in use leave the workbook writable', async () => {
  const file = await planWithDropdown('small-dropdowns.xlsx', `D2:D${DROPDOWN_CELLS_LIMIT + 1}`);
  const port = await openXlsxPort(file);
  expect(port.readOnly).toBeNull();
  expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G1' }] })).toMatchObject({ ok: true });
});

/** Two goals and a roadmap of these rows, for the write refusals below. */
function twoGoalPlan(rows: unknown[][]): { book: ExcelJS.Workbook; roadmap: ExcelJS.Worksheet } {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(['ID', 'Goal']);
  goals.addRow(['G1', 'Grow']);
  goals.addRow(['G2', 'Keep']);
  const roadmap = book.addWorksheet('Roadmap');
  roadmap.addRow(['ID', 'Initiative', 'Goal']);
  for (const row of rows) roadmap.addRow(row);
  return { book, roadmap };
}

test('a dropdown that rejects other input refuses a link outside its list, and nothing is saved', async () => {
  const { book, roadmap } = twoGoalPlan([['R1', 'Build', '']]);
  // Excel refuses input outside a list when the rule shows an error alert of the "stop" style.
  roadmap.getCell('C2').dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: ['Goals!$A$2:$A$3'],
    showErrorMessage: true,
    errorStyle: 'stop',
  };
  const file = join(temp.path, 'strict-dropdown.xlsx');
  await book.xlsx.writeFile(file);
  const before = await readFile(file);
  const port = await openXlsxPort(file);
  const refused = callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G1' }, { key: 'G2' }] });
  expect(refused).toEqual({
    ok: false,
    error: expect.stringMatching(
      /^Cell C2 on "Roadmap" has a dropdown that rejects anything but its options, and "G1, G2" is not one of them/,
    ),
  });
  expect(port.dirty).toBe(false);
  expect(await readFile(file)).toEqual(before);
  expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R1', goals: [{ key: 'G2' }] })).toMatchObject({ ok: true });
});

test('a write into a merged cell that starts on another row is refused, and that row keeps its value', async () => {
  const { book, roadmap } = twoGoalPlan([
    ['R1', 'Build', 'G1'],
    ['R2', 'Ship', ''],
  ]);
  // The PM merged C2:C3 so one goal covers both rows; R2's link cell is C3, inside the merge.
  roadmap.mergeCells('C2:C3');
  const file = join(temp.path, 'merged-link.xlsx');
  await book.xlsx.writeFile(file);
  const port = await openXlsxPort(file);
  const refused = callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R2', goals: [{ key: 'G2' }] });
  expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Cell C3 on "Roadmap" is part of a merged cell that starts at C2/) });
  expect(port.dirty).toBe(false);
  expect(port.read().sheets.find((sheet) => sheet.name === 'Roadmap')!.values[1]![2]).toBe('G1');
});
