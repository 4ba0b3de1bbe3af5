/**
 * "Remove it" and saves that keep the workbook whole. A workbook made by a script with what
 * refers to rows (a formula on the row below, a reference from another tab, a note, a merge,
 * a dropdown, a colour rule, a named range): removing a row above them is refused with what
 * it would break, and nothing is written. Parts exceljs cannot write back make the file
 * read-only, and any save that would still lose a part is refused, the file left as it was.
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callApi } from '../../src/api/calls';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { verifySave } from '../../src/local/xlsx-verify';
import { tempDir } from '../fixtures/xlsx';

let dir: string;
let cleanup: () => Promise<void>;
let count = 0;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const sha = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

type Extra = (book: ExcelJS.Workbook, roadmap: ExcelJS.Worksheet) => void;

/** A small plan; R2 is the row to remove, and `extra` adds what refers to the rows below it. */
async function plan(extra: Extra): Promise<string> {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(['ID', 'Goal']);
  goals.addRow(['G1', 'Grow']);
  const roadmap = book.addWorksheet('Roadmap');
  roadmap.addRow(['ID', 'Initiative', 'Goal', 'Effort', 'Cost']);
  roadmap.addRow(['R1', 'Build', 'G1', 3, 10]);
  roadmap.addRow(['R2', 'Karaoke', '', 1, 20]);
  roadmap.addRow(['R3', 'Ship', 'G1', 2, 30]);
  roadmap.addRow(['R4', 'Sell', 'G1', 5, 40]);
  extra(book, roadmap);
  const file = join(dir, `structure-${++count}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

const REMOVE_R2 = { sheet: 'Roadmap', key: 'R2', expectedTitle: 'Karaoke', reason: 'Not for us', action: 'remove' } as const;

describe('removing a row', () => {
  test.each<[string, Extra]>([
    [
      'formulas',
      (_book, roadmap) => {
        roadmap.getCell('F4').value = { formula: 'E4*2', result: 60 };
      },
    ],
    [
      'formulas',
      (book) => {
        book.addWorksheet('Budget').addRow(['Total', { formula: 'Roadmap!E5', result: 40 }]);
      },
    ],
    [
      'notes',
      (_book, roadmap) => {
        roadmap.getCell('B4').note = 'Ask finance first';
      },
    ],
    [
      'merged cells',
      (_book, roadmap) => {
        roadmap.getCell('F4').value = 'Q3';
        roadmap.mergeCells('F4:F5');
      },
    ],
    [
      'dropdowns',
      (_book, roadmap) => {
        roadmap.getCell('D5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"1,2,3,5"'] };
      },
    ],
    [
      'colour rules',
      (_book, roadmap) => {
        roadmap.addConditionalFormatting({
          ref: 'A4:E5',
          rules: [
            {
              type: 'expression',
              priority: 1,
              formulae: ['$D4>3'],
              style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
            },
          ],
        });
      },
    ],
    [
      'named ranges',
      (book) => {
        book.definedNames.add('Roadmap!$E$4:$E$5', 'LateCosts');
      },
    ],
    [
      'formulas',
      (_book, roadmap) => {
        // Above the row, but a whole-row reference to a row that moves.
        roadmap.getCell('F1').value = { formula: 'SUM($5:$5)', result: 0 };
      },
    ],
    [
      'hidden or grouped rows',
      (_book, roadmap) => {
        roadmap.getRow(5).hidden = true;
      },
    ],
  ])('is refused where it would break %s below it, and nothing is written', async (broken, extra) => {
    const file = await plan(extra);
    const before = await sha(file);
    const port = await openXlsxPort(file);
    const answer = callApi(port, 'declineRow', REMOVE_R2);
    expect(answer).toEqual({ ok: false, error: expect.stringContaining(`Removing row 3 of "Roadmap" would break the ${broken}`) });
    expect(answer.ok ? '' : answer.error).toMatch(/Choose "mark it declined" instead/);
    expect(port.dirty).toBe(false);
    expect(await sha(file)).toBe(before);
    // Marking it declined keeps the row, and works.
    expect(callApi(port, 'declineRow', { ...REMOVE_R2, action: 'mark' })).toMatchObject({ ok: true });
  });

  test('is done where nothing refers to the rows below, and the file reads back as meant', async () => {
    const file = await plan(() => undefined);
    const port = await openXlsxPort(file);
    expect(callApi(port, 'declineRow', REMOVE_R2)).toMatchObject({ ok: true });
    await port.save();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet('Roadmap')!.getColumn(1).values.slice(1)).toEqual(['ID', 'R1', 'R3', 'R4']);
  });
});

describe('parts a save would lose', () => {
  async function withPart(name: string, content: string): Promise<string> {
    const file = join(dir, `part-${++count}.xlsx`);
    await copyFile('examples/tesla.xlsx', file);
    const zip = await JSZip.loadAsync(await readFile(file));
    zip.file(name, content);
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  test.each([
    ['xl/externalLinks/externalLink1.xml', 'links to other workbooks'],
    ['xl/threadedComments/threadedComment1.xml', 'threaded comments'],
    ['docProps/custom.xml', 'custom document properties'],
  ])('a workbook with %s opens read-only, saying why', async (part, what) => {
    const file = await withPart(part, '<x/>');
    const port = await openXlsxPort(file);
    expect(port.readOnly).toContain(what);
    const before = await sha(file);
    expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] }).ok).toBe(false);
    expect(await sha(file)).toBe(before);
  });

  async function withChange(name: string, change: (xml: string) => string): Promise<string> {
    const file = join(dir, `content-${++count}.xlsx`);
    await copyFile('examples/tesla.xlsx', file);
    const zip = await JSZip.loadAsync(await readFile(file));
    zip.file(name, change((await zip.file(name)?.async('string')) ?? ''));
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }
  const extension = (inner: string) => (xml: string) =>
    xml.replace(
      '</worksheet>',
      `<extLst><ext uri="{x}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">${inner}</ext></extLst></worksheet>`,
    );

  test.each<[string, string, (xml: string) => string, string]>([
    [
      'Excel 2010 dropdowns',
      'xl/worksheets/sheet1.xml',
      extension('<x14:dataValidations count="1"><x14:dataValidation type="list"/></x14:dataValidations>'),
      'Excel 2010 dropdowns',
    ],
    ['sparklines', 'xl/worksheets/sheet1.xml', extension('<x14:sparklineGroups><x14:sparklineGroup/></x14:sparklineGroups>'), 'sparklines'],
    [
      'a text box',
      'xl/drawings/drawing1.xml',
      () => '<xdr:wsDr xmlns:xdr="x"><xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>',
      'text boxes or shapes',
    ],
    [
      'two tab-local names of one name',
      'xl/workbook.xml',
      (xml) =>
        xml.replace(
          /<\/workbook>/,
          '<definedNames><definedName name="Total" localSheetId="0">Mission!$A$1</definedName><definedName name="Total" localSheetId="1">Vision!$A$1</definedName></definedNames></workbook>',
        ),
      'names local to a tab',
    ],
  ])('a workbook with %s opens read-only, saying why', async (_label, part, change, what) => {
    const port = await openXlsxPort(await withChange(part, change));
    expect(port.readOnly).toContain(what);
  });

  test('any other part exceljs would drop stops the save: the check reads the saved file back', async () => {
    const original = await withPart('xl/webextensions/webextension1.xml', '<x/>');
    const port = await openXlsxPort(original);
    expect(port.readOnly).toBeNull();
    expect(callApi(port, 'linkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: '2' }] })).toMatchObject({ ok: true });
    const before = await sha(original);
    await expect(port.save()).rejects.toThrow(
      /Saving would have dropped parts of the workbook the preview cannot keep \(xl\/webextensions\/webextensionN\.xml\)/,
    );
    expect(await sha(original)).toBe(before);
  });

  test('a saved file whose values differ from what was meant is refused', async () => {
    const file = join(dir, `values-${++count}.xlsx`);
    await copyFile('examples/tesla.xlsx', file);
    const port = await openXlsxPort(file);
    const meant = port.read();
    const other = { sheets: meant.sheets.map((sheet, i) => (i === 0 ? { ...sheet, values: [['changed']] } : sheet)) };
    await expect(verifySave(file, file, other)).rejects.toThrow(/did not read back as the preview meant it to/);
    await expect(verifySave(file, file, meant)).resolves.toBeUndefined();
  });
});
