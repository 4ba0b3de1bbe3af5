/**
 * Writes a snapshot to an .xlsx file, for the bundled example and for generated test and
 * benchmark workbooks. Headers are bold and dates get a date format, as a PM's sheet would.
 */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../core/snapshot';

export function snapshotToWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.values) worksheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
  }
  return workbook;
}

export async function writeSnapshotXlsx(snapshot: WorkbookSnapshot, path: string): Promise<void> {
  await snapshotToWorkbook(snapshot).xlsx.writeFile(path);
}
