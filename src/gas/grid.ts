/**
 * Room on a sheet's grid before writing. A sheet ends at getMaxRows × getMaxColumns, and a
 * range outside it can't even be had (DESIGN §8); imported tabs end at their last column.
 * Ladder adds the rows or columns it needs at the end, never in the middle of the PM's data.
 */

export function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number, lastColumn: number): void {
  const columns = sheet.getMaxColumns();
  if (lastColumn > columns) sheet.insertColumnsAfter(columns, lastColumn - columns);
  const rows = sheet.getMaxRows();
  if (lastRow > rows) sheet.insertRowsAfter(rows, lastRow - rows);
}

/** Whether a cell is on the grid (a cell past it has no rule and no format yet). */
export function onGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number): boolean {
  return row <= sheet.getMaxRows() && column <= sheet.getMaxColumns();
}
