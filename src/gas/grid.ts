/**
 * Room on a sheet's grid before writing. A sheet ends at getMaxRows × getMaxColumns, and a
 * range outside it can't even be had (DESIGN §8); imported tabs end at their last column.
 * Ladder adds the rows or columns it needs at the end, never in the middle of the PM's data.
 *
 * Sheets gives inserted rows and columns the properties of their neighbour (the Sheets API's
 * InsertDimensionRequest, "inheritFromBefore"), a dropdown included. A column Ladder adds is
 * its own, so a dropdown copied into it from the PM's last column is cleared; a row it adds
 * belongs to the PM's list, so its rules stay and are checked like any other.
 */

export interface Added {
  readonly firstRow: number;
  readonly rows: number;
  readonly firstColumn: number;
  readonly columns: number;
}

export function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number, lastColumn: number): Added {
  const maxColumns = sheet.getMaxColumns();
  const columns = Math.max(0, lastColumn - maxColumns);
  if (columns > 0) {
    sheet.insertColumnsAfter(maxColumns, columns);
    sheet.getRange(1, maxColumns + 1, sheet.getMaxRows(), columns).clearDataValidations();
  }
  const maxRows = sheet.getMaxRows();
  const rows = Math.max(0, lastRow - maxRows);
  if (rows > 0) sheet.insertRowsAfter(maxRows, rows);
  return { firstRow: maxRows + 1, rows, firstColumn: maxColumns + 1, columns };
}

/** Takes back what ensureGrid added, when the write it made room for is refused. */
export function undoGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, added: Added): void {
  if (added.rows > 0) sheet.deleteRows(added.firstRow, added.rows);
  if (added.columns > 0) sheet.deleteColumns(added.firstColumn, added.columns);
}

/** Whether a cell is on the grid (a cell past it has no rule and no format yet). */
export function onGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number): boolean {
  return row <= sheet.getMaxRows() && column <= sheet.getMaxColumns();
}
