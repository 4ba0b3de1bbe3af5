import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { loadWorkbook, workbookToSnapshot } from '../../src/local/xlsx-read-objects';
import { readWorkbookFile } from '../../src/local/xlsx-read-values';
import { rulesOf, tempDirPerFile } from '../fixtures/xlsx';

const temp = tempDirPerFile();

describe('reading an .xlsx as Sheets would give it', () => {
  test('formula results, rich text, hyperlinks, errors, dates, merged cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Q1 Roadmap');
    sheet.addRow(['ID', 'Initiative', 'Goal', 'Effort', 'Due']);
    sheet.addRow([
      'R1',
      { richText: [{ text: 'Photo ' }, { text: 'estimate', font: { bold: true } }] },
      { formula: 'Goals!A2', result: 'G1' },
      { formula: '1+1', result: 2 },
      new Date('2026-09-30T00:00:00Z'),
    ]);
    sheet.addRow(['R2', { text: 'Spec doc', hyperlink: 'https://example.invalid/spec' }, { error: '#N/A' }, { formula: 'X1' }, '']);
    sheet.addRow(['R3', 'Merged title', '', 3, '']);
    sheet.mergeCells('B4:C4');
    const path = join(temp.path, 'values.xlsx');
    await book.xlsx.writeFile(path);

    const snapshot = await readWorkbookFile(path);
    expect(snapshot.sheets[0]!.name).toBe('Q1 Roadmap');
    const rows = snapshot.sheets[0]!.values;
    expect(rows[1]).toEqual(['R1', 'Photo estimate', 'G1', 2, new Date('2026-09-30T00:00:00Z')]);
    expect(rows[2]!.slice(0, 4)).toEqual(['R2', 'Spec doc', '#N/A', '']);
    expect(rows[3]!.slice(0, 4)).toEqual(['R3', 'Merged title', '', 3]);
  });

  test('formula results of 0, FALSE and an error read as Sheets gives them, not as blanks', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Roadmap');
    sheet.addRow(['ID', 'Initiative', 'Effort', 'Done', 'Goal', 'Name']);
    sheet.addRow([
      'R1',
      'Photo estimate',
      { formula: '1-1', result: 0 },
      { formula: 'A1<>A1', result: false },
      { formula: 'NA()', result: { error: '#N/A' } },
      { formula: 'T("")', result: '' },
    ]);
    const path = join(temp.path, 'falsy.xlsx');
    await book.xlsx.writeFile(path);
    expect((await readWorkbookFile(path)).sheets[0]!.values[1]).toEqual(['R1', 'Photo estimate', 0, false, '#N/A', '']);
  });

  test('a date column keeps the text, booleans and errors its formulas give, and dates stay dates', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Not on roadmap');
    sheet.addRow(['Request', 'Declined on']);
    sheet.addRow(['Dark mode', { formula: 'IF(A2="","","TBD")', result: 'TBD' }]);
    sheet.addRow(['Offline maps', { formula: 'ISBLANK(A3)', result: false }]);
    sheet.addRow(['Widgets', { formula: 'VLOOKUP(A4,Log!A:B,2,0)', result: { error: '#N/A' } }]);
    sheet.addRow(['Plugins', { formula: 'DATE(2026,8,14)', result: new Date('2026-08-14T00:00:00Z') }]);
    sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
    const path = join(temp.path, 'date-column.xlsx');
    await book.xlsx.writeFile(path);
    const expected = ['TBD', false, '#N/A', new Date('2026-08-14T00:00:00Z')];
    expect((await readWorkbookFile(path)).sheets[0]!.values.slice(1).map((row) => row[1])).toEqual(expected);
    const objects = workbookToSnapshot(await loadWorkbook(path, 'everything'));
    expect(objects.sheets[0]!.values.slice(1).map((row) => row[1])).toEqual(expected);
  });

  test('dropdowns and colour rules over whole columns are not read: only the values are', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Roadmap');
    sheet.addRow(['ID', 'Initiative', 'Goal', 'Status']);
    sheet.addRow(['R1', { text: 'Spec doc', hyperlink: 'https://example.invalid/spec' }, 'G1', 'Now']);
    // Read in full, each dropdown is a million entries to exceljs: this test took 14 s so.
    rulesOf(sheet).dataValidations.add('D2:D1048576', { type: 'list', allowBlank: true, formulae: ['"Now,Next,Later"'] });
    rulesOf(sheet).dataValidations.add('C2:C1048576', { type: 'list', allowBlank: true, formulae: ['Goals!$A$2:$A$99'] });
    sheet.addConditionalFormatting({
      ref: 'A1:D1048576',
      rules: [{ type: 'containsText', operator: 'containsText', text: 'R', priority: 1, style: { font: { bold: true } } }],
    });
    const path = join(temp.path, 'whole-columns.xlsx');
    await book.xlsx.writeFile(path);
    const rows = (await readWorkbookFile(path)).sheets[0]!.values;
    expect(rows).toEqual([
      ['ID', 'Initiative', 'Goal', 'Status'],
      ['R1', 'Spec doc', 'G1', 'Now'],
    ]);
    const forValues = (await loadWorkbook(path, 'values')).worksheets[0]!;
    expect(Object.keys(rulesOf(forValues).dataValidations.model)).toEqual([]);
    expect(rulesOf(forValues).conditionalFormattings).toEqual([]);
    // The preview saves what it opened, so it reads everything (a small range here: in full,
    // exceljs would spend seconds on the million-cell ones).
    const small = join(temp.path, 'small-dropdown.xlsx');
    rulesOf(sheet).dataValidations.model = {};
    rulesOf(sheet).dataValidations.add('D2:D5', { type: 'list', allowBlank: true, formulae: ['"Now,Next,Later"'] });
    await book.xlsx.writeFile(small);
    expect(Object.keys(rulesOf((await loadWorkbook(small, 'everything')).worksheets[0]!).dataValidations.model)).toHaveLength(4);
  });

  test('blank rows keep row numbers as Sheets counts them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Goals');
    sheet.getCell('A3').value = 'ID';
    sheet.getCell('B3').value = 'Goal';
    sheet.getCell('A5').value = 'G1';
    const path = join(temp.path, 'gaps.xlsx');
    await book.xlsx.writeFile(path);
    const rows = (await readWorkbookFile(path)).sheets[0]!.values;
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual(['ID', 'Goal']);
    expect(rows[4]).toEqual(['G1']);
    expect(rows[3]).toEqual([]);
  });
});
