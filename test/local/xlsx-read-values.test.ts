import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import type { Cell, WorkbookSnapshot } from '../../src/core/snapshot';
import { loadWorkbook, workbookToSnapshot } from '../../src/local/xlsx-read-objects';
import { readWorkbookFile } from '../../src/local/xlsx-read-values';
import { tempDirPerFile } from '../fixtures/xlsx';

const temp = tempDirPerFile();

/** How many leading entries to keep so that none of the dropped ones is `blank`. */
function keptLength<T>(list: readonly T[], blank: (entry: T) => boolean): number {
  let length = list.length;
  while (length > 0 && blank(list[length - 1]!)) length--;
  return length;
}

/** Trailing blanks carry nothing (getValues() pads every row to the range anyway). */
function withoutTrailingBlanks(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((sheet) => {
      const rows = sheet.values.map((row) =>
        row.slice(
          0,
          keptLength(row, (cell: Cell) => cell === ''),
        ),
      );
      return {
        name: sheet.name,
        values: rows.slice(
          0,
          keptLength(rows, (row) => row.length === 0),
        ),
      };
    }),
  };
}

/** The snapshot through exceljs's Worksheet and Cell objects, as the local preview takes it. */
async function throughObjects(path: string): Promise<WorkbookSnapshot> {
  return withoutTrailingBlanks(workbookToSnapshot(await loadWorkbook(path, 'values')));
}

/** A one-tab workbook whose <sheetData> (and what follows it) is XML written by hand, as other producers write it. */
async function handWritten(file: string, tab: string, xml: string[]): Promise<string> {
  const path = join(temp.path, file);
  const book = new ExcelJS.Workbook();
  book.addWorksheet(tab).getCell('A1').value = 'placeholder';
  await book.xlsx.writeFile(path);
  const zip = await JSZip.loadAsync(await readFile(path));
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<sheetData\s*\/>|<sheetData>[\s\S]*<\/sheetData>/, xml.join('')));
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

function everyKindOfCell(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const roadmap = book.addWorksheet('Q1 Roadmap');
  roadmap.addRow(['ID', 'Initiative', 'Goal', 'Effort', 'Due', 'Done', 'Share']);
  roadmap.addRow([
    'R1',
    { richText: [{ text: 'Photo ' }, { text: 'estimate', font: { bold: true } }] },
    { formula: 'Goals!A2', result: 'G1' },
    { formula: '1-1', result: 0 },
    new Date('2026-09-30T00:00:00Z'),
    { formula: 'A1<>A1', result: false },
    { formula: 'D2*2', result: 0, shareType: 'shared', ref: 'G2:G3' } as ExcelJS.CellValue,
  ]);
  roadmap.addRow([
    'R2',
    { text: 'Spec doc', hyperlink: 'https://example.invalid/spec' },
    { error: '#N/A' },
    { formula: 'X1' },
    { formula: 'TODAY()', result: new Date('2026-11-23T00:00:00Z') },
    true,
    { sharedFormula: 'G2', result: 4 } as ExcelJS.CellValue,
  ]);
  roadmap.addRow(['R3', 'Merged title', 'hidden by the merge', 3, '', '', "=cmd|' /C calc'!A0"]);
  roadmap.mergeCells('B4:C4');
  roadmap.getCell('A6').value = 'R4';
  roadmap.mergeCells('D6:E7');
  roadmap.getCell('H6').style = { font: { bold: true } };
  roadmap.getCell('J9').value = 'far corner';
  const goals = book.addWorksheet('FY27 OKRs', { state: 'hidden' });
  goals.getCell('B3').value = 'Goal ID';
  goals.getCell('C3').value = 'Objective';
  goals.getCell('B4').value = 1;
  goals.getCell('C4').value = 'مرحبا 🚀';
  goals.getCell('B5').value = 2.5;
  book.addWorksheet('Empty');
  return book;
}

describe("the audit's read takes exceljs's parsed model and gives what its objects give", () => {
  test('every kind of cell: text, rich text, numbers, dates, formulas and their results, errors, merges, gaps', async () => {
    const path = join(temp.path, 'every-kind.xlsx');
    await everyKindOfCell().xlsx.writeFile(path);
    const snapshot = await readWorkbookFile(path);
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(['Q1 Roadmap', 'FY27 OKRs', 'Empty']);
    const rows = snapshot.sheets[0]!.values;
    expect(rows[1]).toEqual(['R1', 'Photo estimate', 'G1', 0, new Date('2026-09-30T00:00:00Z'), false, 0]);
    expect(rows[2]).toEqual(['R2', 'Spec doc', '#N/A', '', new Date('2026-11-23T00:00:00Z'), true, 4]);
    expect(rows[3]).toEqual(['R3', 'Merged title', '', 3, '', '', "=cmd|' /C calc'!A0"]);
    expect(rows[4]).toEqual([]);
    expect(rows[5]).toEqual(['R4']);
    expect(rows[8]).toEqual(['', '', '', '', '', '', '', '', '', 'far corner']);
    expect(snapshot.sheets[1]!.values.slice(2)).toEqual([
      ['', 'Goal ID', 'Objective'],
      ['', 1, 'مرحبا 🚀'],
      ['', 2.5],
    ]);
    expect(snapshot.sheets[2]!.values).toEqual([]);
    expect(withoutTrailingBlanks(snapshot)).toEqual(await throughObjects(path));
  });

  test('XML as other producers write it: inline strings, cells without a reference, bare and styled blanks, rows of formatting alone, merges over values', async () => {
    const path = await handWritten('hand-written.xlsx', 'Backlog', [
      '<sheetData>',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c t="inlineStr"><is><t>Task</t></is></c><c/><c r="E1" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>inline</t></r></is></c></row>',
      '<row r="3"><c r="A3"><v>7</v></c><c><f>A3*2</f><v>14</v></c><c r="D3" s="0"/><c r="F3" t="b"><v>1</v></c><c r="G3" t="e"><v>#REF!</v></c><c r="H3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
      '<row r="4"><c r="B4" s="0"/></row><row r="900"><c r="A900" s="0"/><c r="B900" s="0"/></row>',
      // A merge over cells that hold values, as a file may: only the first one's shows.
      '</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>',
    ]);
    const rows = (await readWorkbookFile(path)).sheets[0]!.values;
    expect(rows).toEqual([['ID', 'Task', '', '', 'Rich inline'], [], [7, '', '', '', '', true, '#REF!', 'ab']]);
    expect(withoutTrailingBlanks({ sheets: [{ name: 'Backlog', values: rows }] })).toEqual(await throughObjects(path));
  });

  test("tabs come in workbook.xml's order, not the zip's, and a sheet file no tab names is not read", async () => {
    const path = join(temp.path, 'moved-tabs.xlsx');
    const book = new ExcelJS.Workbook();
    for (const name of ['Goals', 'Roadmap', 'Scratch']) book.addWorksheet(name).getCell('A1').value = name;
    await book.xlsx.writeFile(path);
    // As a file looks after its tabs were dragged into a new order and one was removed from
    // the list: the sheet files keep their names and their place in the zip.
    const zip = await JSZip.loadAsync(await readFile(path));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const tabs = xml.match(/<sheet [^>]*\/>/g)!;
    expect(tabs).toHaveLength(3);
    zip.file('xl/workbook.xml', xml.replace(tabs.join(''), tabs[1]! + tabs[0]!));
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const snapshot = await readWorkbookFile(path);
    expect(snapshot.sheets).toEqual([
      { name: 'Roadmap', values: [['Roadmap']] },
      { name: 'Goals', values: [['Goals']] },
    ]);
    expect(snapshot).toEqual(await throughObjects(path));
  });

  test('dates in a workbook counted from 1904 are the same dates', async () => {
    const path = join(temp.path, 'date1904.xlsx');
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    book.addWorksheet('Goals').addRow(['G1', new Date('2027-03-31T00:00:00Z')]);
    await book.xlsx.writeFile(path);
    expect((await readWorkbookFile(path)).sheets[0]!.values).toEqual([['G1', new Date('2027-03-31T00:00:00Z')]]);
    expect(withoutTrailingBlanks(await readWorkbookFile(path))).toEqual(await throughObjects(path));
  });

  test('a merge over a whole column blanks what it covers and adds no rows', async () => {
    // As Sheets exports it: the merge is one element, not a cell for each row it covers.
    const path = await handWritten('merged-column.xlsx', 'Roadmap', [
      '<sheetData>',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Initiative</t></is></c><c r="C1" t="inlineStr"><is><t>Notes</t></is></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c><c r="B2" t="inlineStr"><is><t>Photo estimate</t></is></c><c r="C2" t="inlineStr"><is><t>covered</t></is></c></row>',
      '</sheetData><mergeCells count="1"><mergeCell ref="C1:C1048576"/></mergeCells>',
    ]);
    expect((await readWorkbookFile(path)).sheets[0]!.values).toEqual([
      ['ID', 'Initiative', 'Notes'],
      ['R1', 'Photo estimate', ''],
    ]);
  });
});
