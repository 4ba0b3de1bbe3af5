/**
 * Counting the cells a workbook's dropdowns cover, from the sheets' XML, before exceljs
 * expands them cell by cell.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { dropdownsOf, rangeCells } from '../../src/local/xlsx-dropdowns';
import { rulesOf, tempDirPerFile } from '../fixtures/xlsx';

const temp = tempDirPerFile();

describe('cells in a range', () => {
  test.each([
    ['B7', 1],
    ['A1:C3', 9],
    ['C3:A1', 9],
    ['D2:D1048576', 1_048_575],
    ['A1:XFD1', 16_384],
    ['XFD1048576', 1],
    ['', 0],
    ['A0', 0],
    ['$A$1', 0],
    ['a1', 0],
    ['A1:B2:C3', 0],
    ['A1:', 0],
    ['Goals!A1', 0],
  ])('%j is %i cells', (range, cells) => {
    expect(rangeCells(range)).toBe(cells);
  });
});

describe("a workbook's dropdowns", () => {
  test('are summed over every range of every sheet, naming the widest', async () => {
    const book = new ExcelJS.Workbook();
    const roadmap = book.addWorksheet('Roadmap');
    roadmap.addRow(['ID', 'Initiative', 'Goal', 'Status']);
    rulesOf(roadmap).dataValidations.add('D2:D1048576', { type: 'list', allowBlank: true, formulae: ['"Now,Next,Later"'] });
    rulesOf(roadmap).dataValidations.add('C2:C101', { type: 'list', allowBlank: true, formulae: ['Goals!$A$2:$A$9'] });
    const goals = book.addWorksheet('Goals');
    goals.addRow(['ID', 'Goal', 'Pillar']);
    rulesOf(goals).dataValidations.add('C2:C11', { type: 'list', allowBlank: true, formulae: ['"P1,P2"'] });
    const path = join(temp.path, 'dropdowns.xlsx');
    await book.xlsx.writeFile(path);
    expect(await dropdownsOf(path)).toMatchObject({ cells: 1_048_575 + 100 + 10, widest: 'D2:D1048576' });
  });

  test('none in a plain workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Goals').addRow(['ID', 'Goal']);
    const path = join(temp.path, 'plain.xlsx');
    await book.xlsx.writeFile(path);
    expect(await dropdownsOf(path)).toEqual({ cells: 0, widest: null, widestMerge: null, widestMergeCells: 0 });
  });
});
